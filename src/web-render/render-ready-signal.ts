/**
 * Wakes the web renderer's wait for a frame the moment its last delayRender() handle is cleared. It checked
 * only at the next animation frame or keepalive tick, up to 16–33 ms later, and the page sat idle meanwhile:
 * an <Audio> from @remotion/media delays every frame while it extracts that frame's samples.
 */
type ReadyScope = { remotion_renderReady: boolean };

export type RenderReadySignal = {
	/** Makes the scope's `remotion_renderReady` wake whoever waits when it turns true; returns the scope. */
	watch: <S extends ReadyScope>(scope: S) => S;
	/** Resolves the next time the scope turns ready; never for a scope not watched. */
	nextReady: (scope: object) => Promise<void>;
};

export const createRenderReadySignal = (): RenderReadySignal => {
	const waiting = new WeakMap<object, (() => void)[]>();
	return {
		watch: (scope) => {
			let ready = scope.remotion_renderReady;
			Object.defineProperty(scope, 'remotion_renderReady', {
				enumerable: true,
				configurable: true,
				get: () => ready,
				set: (value: boolean) => {
					ready = value;
					if (!value) return;
					const wake = waiting.get(scope) ?? [];
					waiting.delete(scope);
					for (const resolve of wake) resolve();
				},
			});
			return scope;
		},
		nextReady: (scope) =>
			new Promise<void>((resolve) => {
				const list = waiting.get(scope);
				if (list) list.push(resolve);
				else waiting.set(scope, [resolve]);
			}),
	};
};

const pageSignal = createRenderReadySignal();

export const watchRenderReady = pageSignal.watch;
export const nextRenderReady = pageSignal.nextReady;
