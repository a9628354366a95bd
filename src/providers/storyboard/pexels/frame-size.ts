import type { Size } from '../../../schema/platforms';
import { KEN_BURNS_MAX_SCALE } from '../../../timeline/ken-burns';

/**
 * The output frame a request is for. `request.size` is the frame pre-scaled for Ken Burns (storyboard-stage.ts:
 * ceil(side × KEN_BURNS_MAX_SCALE)), so dividing and flooring gives the frame back exactly.
 */
export const frameSizeOf = (requested: Size): Size => ({
	width: Math.floor(requested.width / KEN_BURNS_MAX_SCALE),
	height: Math.floor(requested.height / KEN_BURNS_MAX_SCALE),
});
