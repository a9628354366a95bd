/**
 * Reuses the web renderer's layer canvases instead of allocating a fresh 1920×1080 bitmap every frame:
 * on a CPU that allocation (page faults on ~8 MB) cost ~30 ms a frame, more than drawing it.
 *
 * A size's canvases take turns, `ringSize` of them, because the frame drawn on one may still sit in the
 * encoder's queue: drawing on it then makes the browser copy the bitmap first (copy-on-write), which is
 * the very allocation this avoids. Reuse is correct either way; the ring only decides how often it is free.
 */
export type CanvasPool<C> = {
	take: (width: number, height: number) => C;
	release: (canvas: C, width: number, height: number) => void;
	/** Free canvases held, for tests and figures. */
	size: () => number;
};

export const createCanvasPool = <C>({
	create,
	reset,
	ringSize,
	maxSizes,
}: {
	create: (width: number, height: number) => C;
	/** Makes a reused canvas look new: cleared, no transform, no clip. */
	reset: (canvas: C) => void;
	/** Canvases of a size that take turns; a canvas is drawn on again `ringSize - 1` takes after it was handed back. */
	ringSize: number;
	/** Sizes kept at once; the least recently used size is dropped beyond it (precomposed layers vary). */
	maxSizes: number;
}): CanvasPool<C> => {
	const free = new Map<string, C[]>();
	const key = (width: number, height: number) => `${width}x${height}`;
	const touch = (k: string, list: C[]) => {
		free.delete(k);
		free.set(k, list);
		while (free.size > maxSizes) free.delete(free.keys().next().value!);
	};
	return {
		take: (width, height) => {
			const k = key(width, height);
			const list = free.get(k) ?? [];
			touch(k, list);
			if (list.length === 0 || list.length < ringSize) return create(width, height);
			const canvas = list.shift()!;
			reset(canvas);
			return canvas;
		},
		release: (canvas, width, height) => {
			const k = key(width, height);
			const list = free.get(k) ?? [];
			if (!list.includes(canvas)) list.push(canvas);
			touch(k, list);
		},
		size: () => [...free.values()].reduce((sum, list) => sum + list.length, 0),
	};
};

const layerCanvases = createCanvasPool<OffscreenCanvas>({
	create: (width, height) => new OffscreenCanvas(width, height),
	reset: (canvas) => canvas.getContext('2d')!.reset(),
	// a frame's bitmap is held until encoded: mediabunny queues up to 4 frames at the encoder, and Chromium's
	// VideoEncoder runs up to 5 more; drawing on a canvas whose frame is still held cost 40-60 ms (copy-on-write)
	// instead of 5-9 whenever the encoder lagged behind the page. 10 canvases: ~80 MB at 1080p.
	ringSize: 10,
	maxSizes: 4,
});

export const takeLayerCanvas = (width: number, height: number): OffscreenCanvas => layerCanvases.take(width, height);
export const releaseLayerCanvas = (canvas: OffscreenCanvas | null | undefined): void => {
	if (canvas) layerCanvases.release(canvas, canvas.width, canvas.height);
};
