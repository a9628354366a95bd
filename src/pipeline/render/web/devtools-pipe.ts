import type { Readable } from 'node:stream';

export type DevtoolsMessage = {
	id?: number;
	method?: string;
	params?: Record<string, unknown>;
	sessionId?: string;
	result?: unknown;
	error?: { message: string };
};

/** Splits what the browser writes on its DevTools pipe into messages: JSON, each ended by a NUL byte. */
export const readDevtoolsMessages = (output: Readable, onMessage: (message: DevtoolsMessage) => void, onBroken: (reason: Error) => void): void => {
	let buffered = '';
	output.setEncoding('utf8');
	output.on('data', (chunk: string) => {
		buffered += chunk;
		let end: number;
		while ((end = buffered.indexOf('\0')) >= 0) {
			const text = buffered.slice(0, end);
			buffered = buffered.slice(end + 1);
			try {
				onMessage(JSON.parse(text) as DevtoolsMessage);
			} catch (error) {
				onBroken(new Error(`the browser sent an unreadable DevTools message (${(error as Error).message})`));
			}
		}
	});
	output.on('close', () => onBroken(new Error('the DevTools pipe to the browser closed')));
};

/** Keeps the last `bytes` of a text stream (Chromium's stderr, where the cause of a failure is). */
export const keepTail = (stream: Readable | null, bytes: number): (() => string) => {
	let tail = '';
	stream?.setEncoding('utf8');
	stream?.on('data', (chunk: string) => {
		tail = (tail + chunk).slice(-bytes);
	});
	return () => tail;
};
