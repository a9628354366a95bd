import { InputError } from '../../schema/input-error';

/** A render that made no progress for this long is taken to be hung (REELSMITH_RENDER_STALL_S overrides). */
export const DEFAULT_STALL_MS = 60_000;

/** The stall limit: REELSMITH_RENDER_STALL_S seconds if set, else the default. */
export const renderStallMs = (env: NodeJS.ProcessEnv = process.env): number => {
	const value = env.REELSMITH_RENDER_STALL_S?.trim();
	if (!value) return DEFAULT_STALL_MS;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw new InputError('environment', [
			{ path: 'REELSMITH_RENDER_STALL_S', message: `${JSON.stringify(value)} is not a number of seconds above 0; unset it for the default of 60` },
		]);
	}
	return Math.round(seconds * 1000);
};

export class StallError extends Error {
	constructor(readonly stalledMs: number) {
		super(`no progress for ${Math.round(stalledMs / 1000)} s`);
		this.name = 'StallError';
	}
}

/**
 * Runs `work`, which calls `touch()` whenever it makes progress; fails with a StallError when `stallMs` pass
 * without a touch, after calling `onStall` (which should stop whatever hung, so nothing runs on unobserved).
 */
export const withStallWatchdog = async <T>(stallMs: number, work: (touch: () => void) => Promise<T>, onStall: () => Promise<void> | void): Promise<T> => {
	let last = performance.now();
	const touch = () => {
		last = performance.now();
	};
	let stall: StallError | null = null;
	let timer: NodeJS.Timeout | undefined;
	const stalled = new Promise<never>((_, reject) => {
		timer = setInterval(
			() => {
				const idle = performance.now() - last;
				if (idle < stallMs) return;
				clearInterval(timer);
				// set first: stopping the hung work makes it fail too, and the stall is the cause to report
				stall = new StallError(idle);
				Promise.resolve()
					.then(onStall)
					.catch(() => undefined)
					.finally(() => reject(stall));
			},
			Math.min(1000, Math.max(10, stallMs / 4)),
		);
	});
	const running = work(touch);
	try {
		return await Promise.race([running, stalled]);
	} catch (error) {
		throw stall ?? error;
	} finally {
		clearInterval(timer);
		// whichever lost the race may still settle; its outcome is no longer anyone's concern
		running.catch(() => undefined);
		stalled.catch(() => undefined);
	}
};
