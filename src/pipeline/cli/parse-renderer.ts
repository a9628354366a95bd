import { quote } from '../../schema/quote';
import { InputError } from '../../schema/input-error';
import { RENDER_ENGINES, type RenderEngine } from '../render/render-settings';

/** `--renderer` (or REELSMITH_RENDERER): which engine draws the frames; absent means the default (web). */
export const parseRenderer = (flag: string | undefined, env: NodeJS.ProcessEnv = process.env): RenderEngine | undefined => {
	const [value, source] = flag !== undefined ? [flag, '--renderer'] : [env.REELSMITH_RENDERER, 'REELSMITH_RENDERER'];
	if (value === undefined || value.trim() === '') return undefined;
	const name = value.trim();
	if ((RENDER_ENGINES as readonly string[]).includes(name)) return name as RenderEngine;
	throw new InputError('arguments', [{ path: source, message: `${quote(name)} is not a renderer; use one of ${RENDER_ENGINES.join(', ')}` }]);
};
