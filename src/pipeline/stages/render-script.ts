import { loadScript } from '../load-script';
import { InputError } from '../input-error';
import { parseRedo } from '../assets/redo';
import { planVideo, type PlanVideoOptions } from './plan-video';
import { produceVideo, type ProduceVideoOptions, type ProduceVideoResult } from './produce-video';

export type RenderScriptOptions = Omit<ProduceVideoOptions, 'script' | 'redo'> & {
	/** `--redo` values such as `3:voice`, checked against the script's scene ids. */
	readonly redo?: readonly string[];
};

/** Script file → validated script → assets (supplied or generated) → MP4, see produceVideo. */
export const renderScript = async (options: RenderScriptOptions): Promise<ProduceVideoResult> => {
	const script = await loadScript(options.scriptFile);
	const { requests, problems } = parseRedo(options.redo ?? [], script);
	if (problems.length > 0) throw new InputError('arguments', problems);
	return produceVideo({ ...options, script, redo: requests });
};

/** `--dry-run`: the plan and cost of rendering a script file, without calling a provider. */
export const planScript = async (options: Omit<PlanVideoOptions, 'script' | 'redo'> & { scriptFile: string; redo?: readonly string[] }) => {
	const script = await loadScript(options.scriptFile);
	const { requests, problems } = parseRedo(options.redo ?? [], script);
	if (problems.length > 0) throw new InputError('arguments', problems);
	return planVideo({ ...options, script, redo: requests });
};
