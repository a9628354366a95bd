/** Analysis frames: 512 samples (46 ms at 11025 Hz), a new one every 128 (86 a second). */
export const FRAME_SIZE = 512;
export const HOP_SIZE = 128;

/** In-place radix-2 FFT of `re` + i·`im` (length a power of two). */
const fft = (re: Float64Array, im: Float64Array): void => {
	const n = re.length;
	for (let i = 1, j = 0; i < n; i++) {
		let bit = n >> 1;
		for (; j & bit; bit >>= 1) j ^= bit;
		j ^= bit;
		if (i < j) {
			[re[i], re[j]] = [re[j]!, re[i]!];
			[im[i], im[j]] = [im[j]!, im[i]!];
		}
	}
	for (let size = 2; size <= n; size <<= 1) {
		const step = (-2 * Math.PI) / size;
		for (let start = 0; start < n; start += size) {
			for (let k = 0; k < size / 2; k++) {
				const wr = Math.cos(step * k);
				const wi = Math.sin(step * k);
				const a = start + k;
				const b = a + size / 2;
				const tr = wr * re[b]! - wi * im[b]!;
				const ti = wr * im[b]! + wi * re[b]!;
				re[b] = re[a]! - tr;
				im[b] = im[a]! - ti;
				re[a]! += tr;
				im[a]! += ti;
			}
		}
	}
};

/**
 * Spectral flux: how much louder each frame is than the one before, summed over frequencies on a log scale (so a
 * quiet hi-hat counts next to a loud pad), less its local average: peaks where notes and drums start.
 * Value i belongs to the time (i · HOP_SIZE + FRAME_SIZE / 2) / sampleRate.
 */
export const onsetEnvelope = (samples: Float32Array): Float64Array => {
	const frames = Math.max(0, Math.floor((samples.length - FRAME_SIZE) / HOP_SIZE) + 1);
	const window = Float64Array.from({ length: FRAME_SIZE }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FRAME_SIZE));
	const bins = FRAME_SIZE / 2;
	let previous = new Float64Array(bins);
	const flux = new Float64Array(frames);
	const re = new Float64Array(FRAME_SIZE);
	const im = new Float64Array(FRAME_SIZE);
	for (let f = 0; f < frames; f++) {
		for (let i = 0; i < FRAME_SIZE; i++) {
			re[i] = samples[f * HOP_SIZE + i]! * window[i]!;
			im[i] = 0;
		}
		fft(re, im);
		const current = new Float64Array(bins);
		let rise = 0;
		for (let k = 1; k < bins; k++) {
			current[k] = Math.log1p(100 * Math.hypot(re[k]!, im[k]!));
			if (f > 0) rise += Math.max(0, current[k]! - previous[k]!);
		}
		flux[f] = rise;
		previous = current;
	}
	// less a moving average over about 0.4 s, so slow swells do not count as onsets
	const half = 17;
	const out = new Float64Array(frames);
	let sum = 0;
	for (let i = 0; i < Math.min(frames, half); i++) sum += flux[i]!;
	for (let i = 0; i < frames; i++) {
		if (i + half < frames) sum += flux[i + half]!;
		if (i - half - 1 >= 0) sum -= flux[i - half - 1]!;
		const count = Math.min(frames - 1, i + half) - Math.max(0, i - half) + 1;
		out[i] = Math.max(0, flux[i]! - sum / count);
	}
	return out;
};
