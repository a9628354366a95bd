type CancellableScope = { remotion_cancelledError?: string };

export type PageCancellation = {
	readonly signal: AbortSignal;
	/** What cancelled the render, as Remotion's cancelRender() gave it; null when nothing did. */
	readonly cause: () => Error | null;
	readonly dispose: () => void;
};

/**
 * @remotion/media's <Audio> reports an asset it cannot load (a 404, a file that is not audio) through the global
 * cancelRender(), which sets `remotion_cancelledError` on the window. renderMediaOnWeb watches only its own
 * scope, so the render sat out the 28 s delayRender timeout and then blamed the timeout. This turns the
 * window's cancellation into an abort of the render at once, keeping the message that names the asset.
 */
// the DOM typings have no remotion_cancelledError: Remotion sets it on the window without declaring it
export const watchPageCancellation = (scope: CancellableScope = window as unknown as CancellableScope): PageCancellation => {
	const controller = new AbortController();
	let stack: string | undefined;
	Object.defineProperty(scope, 'remotion_cancelledError', {
		configurable: true,
		enumerable: true,
		get: () => stack,
		set: (value: string | undefined) => {
			stack = value;
			if (value !== undefined) controller.abort();
		},
	});
	return {
		signal: controller.signal,
		cause: () => {
			if (stack === undefined) return null;
			const error = new Error(stack.split('\n')[0]!.replace(/^Error: /, ''));
			error.stack = stack;
			return error;
		},
		dispose: () => {
			delete scope.remotion_cancelledError;
		},
	};
};
