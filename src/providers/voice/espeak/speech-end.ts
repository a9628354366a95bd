/** Below this share of the loudest sample, eSpeak's output counts as silence. */
const SILENCE_RATIO = 0.02;

/** Where speech stops in ms: the end of the audio minus its trailing silence. */
export const findSpeechEndMs = (samples: Int16Array, sampleRate: number): number => {
	let peak = 0;
	for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
	if (peak === 0) return 0;
	const threshold = peak * SILENCE_RATIO;
	let last = samples.length - 1;
	while (last > 0 && Math.abs(samples[last]!) < threshold) last--;
	return ((last + 1) * 1000) / sampleRate;
};
