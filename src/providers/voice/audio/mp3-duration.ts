const BITRATES_KBPS = {
	v1l1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
	v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
	v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	v2l1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
	v2l23: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, readonly number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

type Frame = { readonly bytes: number; readonly samples: number; readonly sampleRate: number };

/** Parses the MPEG audio frame header at `at`, or null when there is none. */
const frameAt = (data: Uint8Array, at: number): Frame | null => {
	if (at + 4 > data.length || data[at] !== 0xff || (data[at + 1]! & 0xe0) !== 0xe0) return null;
	const version = (data[at + 1]! >> 3) & 3; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
	const layer = (data[at + 1]! >> 1) & 3; // 3 Layer I, 2 Layer II, 1 Layer III
	const bitrateIndex = data[at + 2]! >> 4;
	const rateIndex = (data[at + 2]! >> 2) & 3;
	const padding = (data[at + 2]! >> 1) & 1;
	const sampleRate = SAMPLE_RATES[version]?.[rateIndex];
	if (!sampleRate || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15) return null;
	const mpeg1 = version === 3;
	const table =
		layer === 3 ? (mpeg1 ? BITRATES_KBPS.v1l1 : BITRATES_KBPS.v2l1) : mpeg1 ? (layer === 2 ? BITRATES_KBPS.v1l2 : BITRATES_KBPS.v1l3) : BITRATES_KBPS.v2l23;
	const bitrate = table[bitrateIndex]! * 1000;
	if (layer === 3) return { bytes: (Math.floor((12 * bitrate) / sampleRate) + padding) * 4, samples: 384, sampleRate };
	const samples = layer === 2 || mpeg1 ? 1152 : 576;
	return { bytes: Math.floor(((samples / 8) * bitrate) / sampleRate) + padding, samples, sampleRate };
};

/** Length in ms of an MP3 stream, summed over its frames (ID3v2 tags and stray bytes are skipped). */
export const mp3DurationMs = (data: Uint8Array): number => {
	let at = 0;
	if (data.length >= 10 && data[0] === 0x49 && data[1] === 0x44 && data[2] === 0x33) {
		at = 10 + (((data[6]! & 0x7f) << 21) | ((data[7]! & 0x7f) << 14) | ((data[8]! & 0x7f) << 7) | (data[9]! & 0x7f));
	}
	let seconds = 0;
	while (at < data.length) {
		const frame = frameAt(data, at);
		if (!frame || at + frame.bytes > data.length) {
			at++;
			continue;
		}
		seconds += frame.samples / frame.sampleRate;
		at += frame.bytes;
	}
	return seconds * 1000;
};
