import type { CaptionCue } from './caption-cues';

const clock = (ms: number, separator: ',' | '.') => {
	const total = Math.max(0, Math.round(ms));
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}${separator}${pad(total % 1000, 3)}`;
};

/** A cue's lines; an arrow inside the text would read as a timing line, so it is drawn as one character. */
const text = (cue: CaptionCue) => cue.lines.map((line) => line.replaceAll('-->', '→')).join('\n');

/** SubRip: numbered cues, `00:00:01,250 --> 00:00:03,000`. */
export const toSrt = (cues: readonly CaptionCue[]): string =>
	cues.map((cue, i) => `${i + 1}\n${clock(cue.startMs, ',')} --> ${clock(cue.endMs, ',')}\n${text(cue)}\n`).join('\n');

/** WebVTT: a header, then cues with `.` before the milliseconds. */
export const toVtt = (cues: readonly CaptionCue[]): string =>
	`WEBVTT\n\n${cues.map((cue) => `${clock(cue.startMs, '.')} --> ${clock(cue.endMs, '.')}\n${text(cue)}\n`).join('\n')}`;
