import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../src/pipeline/media/image-dimensions';
import { pngHeader } from './helpers/png-header';

/** A real picture of an odd size (so width and height cannot be swapped unnoticed), opaque. */
const picture = (width = 37, height = 21) => {
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = 'rgb(20, 90, 200)';
	ctx.fillRect(0, 0, width, height);
	ctx.fillStyle = 'rgb(240, 200, 30)';
	ctx.fillRect(0, 0, width / 2, height / 2);
	return canvas;
};

/** The RIFF chunks of a WebP file, in order. */
const webpChunks = (bytes: Buffer) => {
	const chunks: { fourcc: string; data: Buffer }[] = [];
	for (let at = 12; at + 8 <= bytes.length;) {
		const size = bytes.readUInt32LE(at + 4);
		chunks.push({ fourcc: bytes.toString('latin1', at, at + 4), data: bytes.subarray(at + 8, at + 8 + size) });
		at += 8 + size + (size & 1);
	}
	return chunks;
};

/** A simple-format WebP (RIFF, WEBP, one chunk) holding one image chunk of an encoder's extended-format file. */
const simpleWebp = (extended: Buffer, fourcc: 'VP8 ' | 'VP8L') => {
	const { data } = webpChunks(extended).find((c) => c.fourcc === fourcc)!;
	const chunk = Buffer.alloc(8 + data.length + (data.length & 1));
	chunk.write(fourcc, 0, 'latin1');
	chunk.writeUInt32LE(data.length, 4);
	data.copy(chunk, 8);
	const head = Buffer.alloc(12);
	head.write('RIFF', 0, 'latin1');
	head.writeUInt32LE(4 + chunk.length, 4);
	head.write('WEBP', 8, 'latin1');
	return Buffer.concat([head, chunk]);
};

describe('readImageHeader reads the size from the header of real files', () => {
	it('PNG (IHDR)', async () => {
		expect(readImageHeader(await picture().encode('png'))).toEqual({ format: 'png', ok: true, width: 37, height: 21 });
	});

	it('JPEG (baseline SOF0, after the JFIF and ICC segments)', async () => {
		const jpeg = await picture().encode('jpeg', 90);
		expect(jpeg.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
		expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', ok: true, width: 37, height: 21 });
	});

	it('JPEG with a large metadata segment and fill bytes before the frame header, and a progressive (SOF2) one', async () => {
		const jpeg = await picture().encode('jpeg', 90);
		const exif = Buffer.alloc(4 + 60_000);
		exif.set([0xff, 0xe1], 0);
		exif.writeUInt16BE(2 + 60_000, 2);
		const padded = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xff]), exif, jpeg.subarray(2)]);
		expect(readImageHeader(padded)).toEqual({ format: 'jpeg', ok: true, width: 37, height: 21 });
		const sof0 = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
		const progressive = Buffer.from(jpeg);
		progressive[sof0 + 1] = 0xc2;
		expect(readImageHeader(progressive)).toEqual({ format: 'jpeg', ok: true, width: 37, height: 21 });
	});

	it('WebP: extended (VP8X), lossy (VP8) and lossless (VP8L), each still decodable at that size', async () => {
		const lossy = await picture().encode('webp', 50);
		const lossless = await picture().encode('webp', 100);
		const files = {
			VP8X: lossy,
			'VP8 ': simpleWebp(lossy, 'VP8 '),
			VP8L: simpleWebp(lossless, 'VP8L'),
		};
		for (const [fourcc, bytes] of Object.entries(files)) {
			expect(bytes.toString('latin1', 12, 16), fourcc).toBe(fourcc);
			expect(readImageHeader(bytes), fourcc).toEqual({ format: 'webp', ok: true, width: 37, height: 21 });
			const decoded = await loadImage(bytes);
			expect([decoded.width, decoded.height], fourcc).toEqual([37, 21]);
		}
	});

	it('a 40000×40000 PNG header, without a pixel behind it', () => {
		expect(readImageHeader(pngHeader(40_000, 40_000))).toEqual({ format: 'png', ok: true, width: 40_000, height: 40_000 });
	});
});

describe('readImageHeader refuses what it cannot read', () => {
	it('is null for bytes that are none of the three formats', () => {
		for (const bytes of [Buffer.from('just some notes, not a picture\n'), Buffer.alloc(0), Buffer.from('GIF89a\x01\x00\x01\x00')]) {
			expect(readImageHeader(bytes)).toBeNull();
		}
	});

	it('says which format the signature claims when the header is missing or broken', async () => {
		const png = await picture().encode('png');
		const jpeg = await picture().encode('jpeg', 90);
		const webp = await picture().encode('webp', 50);
		const cases: [string, Buffer, string, RegExp][] = [
			['a PNG signature alone', png.subarray(0, 8), 'png', /no IHDR header/],
			['a PNG cut inside IHDR', png.subarray(0, 20), 'png', /no IHDR header/],
			['a PNG whose IHDR CRC does not match', pngHeader(100, 100, { badCrc: true }), 'png', /IHDR header is damaged/],
			['a PNG of width 0', pngHeader(0, 10), 'png', /size of 0×10/],
			['a JPEG cut before its frame header', jpeg.subarray(0, jpeg.indexOf(Buffer.from([0xff, 0xc0]))), 'jpeg', /no frame header/],
			['a JPEG whose scan starts before any frame header', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0]), 'jpeg', /no frame header/],
			['a WebP cut after its RIFF header', webp.subarray(0, 16), 'webp', /no VP8, VP8L or VP8X header/],
		];
		for (const [name, bytes, format, reason] of cases) {
			const header = readImageHeader(bytes);
			expect(header, name).toMatchObject({ format, ok: false });
			expect(header && !header.ok ? header.reason : '', name).toMatch(reason);
		}
	});
});
