import { crc32 } from 'node:zlib';

export type ImageFormat = 'png' | 'jpeg' | 'webp';

/** What an image's header says, read without decoding a pixel. */
export type ImageHeader =
	| { readonly format: ImageFormat; readonly ok: true; readonly width: number; readonly height: number }
	/** The signature says `format`, but the header that gives the size is missing or broken. */
	| { readonly format: ImageFormat; readonly ok: false; readonly reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** File extension of each format, as the render serves it. */
export const IMAGE_EXTENSIONS: Readonly<Record<ImageFormat, string>> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

const sized = (format: ImageFormat, width: number, height: number): ImageHeader =>
	width > 0 && height > 0 ? { format, ok: true, width, height } : { format, ok: false, reason: `its header gives a size of ${width}×${height}` };

/** PNG: the first chunk must be IHDR (13 bytes: width, height, …), with a matching CRC. */
const png = (bytes: Buffer): ImageHeader => {
	if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
		return { format: 'png', ok: false, reason: 'it has no IHDR header' };
	}
	if (crc32(bytes.subarray(12, 29)) !== bytes.readUInt32BE(29)) return { format: 'png', ok: false, reason: 'its IHDR header is damaged' };
	return sized('png', bytes.readUInt32BE(16), bytes.readUInt32BE(20));
};

/** Start-of-frame markers carry the size: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walks the marker segments up to the first SOFn, whose body is precision, height, width. */
const jpeg = (bytes: Buffer): ImageHeader => {
	let at = 2;
	while (at + 4 <= bytes.length) {
		if (bytes[at] !== 0xff) break;
		const marker = bytes[at + 1]!;
		if (marker === 0xff) {
			at++; // fill byte
			continue;
		}
		// markers without a length: TEM, RSTn, SOI
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
			at += 2;
			continue;
		}
		if (marker === 0xd9 || marker === 0xda) break; // end of image, or the scan began before any frame header
		const length = bytes.readUInt16BE(at + 2);
		if (length < 2) break;
		if (isStartOfFrame(marker)) {
			if (length < 7 || at + 9 > bytes.length) break;
			return sized('jpeg', bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
		}
		at += 2 + length;
	}
	return { format: 'jpeg', ok: false, reason: 'it has no frame header (SOF) before its image data' };
};

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size). */
const webp = (bytes: Buffer): ImageHeader => {
	const chunk = bytes.toString('latin1', 12, 16);
	if (chunk === 'VP8 ' && bytes.length >= 30 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
		return sized('webp', bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
	}
	if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
		const bits = bytes.readUInt32LE(21);
		return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
	}
	if (chunk === 'VP8X' && bytes.length >= 30) {
		return sized('webp', bytes.readUIntLE(24, 3) + 1, bytes.readUIntLE(27, 3) + 1);
	}
	return { format: 'webp', ok: false, reason: 'it has no VP8, VP8L or VP8X header' };
};

/**
 * The format and pixel size of a PNG, JPEG or WebP from its first bytes (the whole file is not needed, and
 * nothing is decoded), so a huge image is refused before anything loads it. Null when the bytes are none of
 * the three.
 */
export const readImageHeader = (bytes: Buffer): ImageHeader | null => {
	if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return png(bytes);
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
	if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return webp(bytes);
	return null;
};
