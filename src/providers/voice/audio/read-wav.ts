/** Mono 16-bit samples and their rate. */
export type PcmAudio = { readonly samples: Int16Array; readonly sampleRate: number };

const ascii = (bytes: Uint8Array, offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));

/**
 * Reads a 16-bit PCM WAV, averaging channels into mono. A data chunk whose declared size is 0 or runs past
 * the end (streamed WAVs are written before their length is known) is read to the end of the bytes.
 */
export const readWav = (bytes: Uint8Array): PcmAudio => {
	if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') throw new Error('audio is not a WAV file');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let format: { tag: number; channels: number; sampleRate: number; bits: number } | null = null;
	for (let offset = 12; offset + 8 <= bytes.length;) {
		const id = ascii(bytes, offset, 4);
		const size = view.getUint32(offset + 4, true);
		const body = offset + 8;
		if (id === 'fmt ' && body + 16 <= bytes.length) {
			format = {
				tag: view.getUint16(body, true),
				channels: view.getUint16(body + 2, true),
				sampleRate: view.getUint32(body + 4, true),
				bits: view.getUint16(body + 14, true),
			};
		} else if (id === 'data') {
			if (!format) throw new Error('WAV data comes before its format');
			if ((format.tag !== 1 && format.tag !== 0xfffe) || format.bits !== 16 || format.channels < 1) {
				throw new Error(`unsupported WAV encoding (format ${format.tag}, ${format.bits}-bit); 16-bit PCM expected`);
			}
			const end = size === 0 || body + size > bytes.length ? bytes.length : body + size;
			const channels = format.channels;
			const frames = Math.floor((end - body) / (2 * channels));
			const samples = new Int16Array(frames);
			for (let frame = 0; frame < frames; frame++) {
				let sum = 0;
				for (let channel = 0; channel < channels; channel++) sum += view.getInt16(body + (frame * channels + channel) * 2, true);
				samples[frame] = Math.round(sum / channels);
			}
			return { samples, sampleRate: format.sampleRate };
		}
		offset = body + size + (size % 2);
	}
	throw new Error('WAV has no data chunk');
};

/** Joins takes of the same rate end to end. */
export const joinPcm = (parts: readonly PcmAudio[]): PcmAudio => {
	const sampleRate = parts[0]?.sampleRate ?? 24_000;
	if (parts.some((part) => part.sampleRate !== sampleRate)) throw new Error('cannot join audio parts of different sample rates');
	const samples = new Int16Array(parts.reduce((sum, part) => sum + part.samples.length, 0));
	let at = 0;
	for (const part of parts) {
		samples.set(part.samples, at);
		at += part.samples.length;
	}
	return { samples, sampleRate };
};

export const pcmMs = (audio: PcmAudio): number => (audio.samples.length * 1000) / audio.sampleRate;
