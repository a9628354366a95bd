import { crc32 } from 'node:zlib';

/**
 * Only a PNG's signature and IHDR chunk, with its CRC: what a "decompression bomb" shows a reader of its
 * header (a 40000×40000 image takes a few bytes here and 6.4 GB decoded), with no pixel data behind it.
 */
export const pngHeader = (width: number, height: number, { badCrc = false } = {}): Buffer => {
	const ihdr = Buffer.alloc(25);
	ihdr.writeUInt32BE(13, 0);
	ihdr.write('IHDR', 4, 'latin1');
	ihdr.writeUInt32BE(width, 8);
	ihdr.writeUInt32BE(height, 12);
	ihdr.set([8, 6, 0, 0, 0], 16); // 8-bit RGBA, deflate, adaptive filtering, no interlace
	ihdr.writeUInt32BE((crc32(ihdr.subarray(4, 21)) ^ (badCrc ? 1 : 0)) >>> 0, 21);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
};
