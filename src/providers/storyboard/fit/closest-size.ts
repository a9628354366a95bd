import type { Size } from '../../../schema/platforms';

const aspectDistance = (a: Size, b: Size) => Math.abs(Math.log(a.width / a.height / (b.width / b.height)));

/** The generation size whose aspect ratio is closest to `size` (ties: the larger one), so cropping loses least. */
export const closestGeneratedSize = <S extends Size>(size: Size, allowed: readonly S[]): S => {
	let best: S | undefined;
	for (const candidate of allowed) {
		if (!best) {
			best = candidate;
			continue;
		}
		const delta = aspectDistance(candidate, size) - aspectDistance(best, size);
		if (delta < -1e-9 || (Math.abs(delta) <= 1e-9 && candidate.width * candidate.height > best.width * best.height)) best = candidate;
	}
	if (!best) throw new Error('closestGeneratedSize: no allowed sizes to choose from');
	return best;
};

/** '1024x1536': how image APIs write a size. */
export const sizeLabel = ({ width, height }: Size): string => `${width}x${height}`;
