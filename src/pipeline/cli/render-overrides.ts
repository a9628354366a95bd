import type { RenderSettings } from '../render/render-settings';
import { InputError } from '../../schema/input-error';
import { renderStallMs } from '../render/stall-watchdog';
import { parseRenderer } from './parse-renderer';

/**
 * The render settings a person chose: `--renderer` (or REELSMITH_RENDERER), and REELSMITH_CHUNK_FRAMES, the
 * frames per chunk of a web render (fewer: less memory held at once and more places to resume from).
 * Also checks REELSMITH_RENDER_STALL_S, so a bad value is refused before any work.
 */
export const renderOverrides = (rendererFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): Partial<RenderSettings> => {
	const engine = parseRenderer(rendererFlag, env);
	// checked now, before any work, though the engine reads it when it renders
	renderStallMs(env);
	const chunkValue = env.REELSMITH_CHUNK_FRAMES?.trim();
	const chunkFrames = chunkValue ? Number(chunkValue) : undefined;
	if (chunkFrames !== undefined && !(Number.isInteger(chunkFrames) && chunkFrames >= 1)) {
		throw new InputError('environment', [
			{ path: 'REELSMITH_CHUNK_FRAMES', message: `${JSON.stringify(chunkValue)} is not a whole number of frames above 0; unset it for the default of 900` },
		]);
	}
	return { ...(engine ? { engine } : {}), ...(chunkFrames ? { chunkFrames } : {}) };
};
