import { loadScript } from '../load-script';
import { checkMusic } from '../audio/resolve-music';
import { PROJECT_ROOT } from '../../node/project-root';
import { checkSuppliedAssets } from '../assets/supplied-assets';
import { checkCharacterReferences } from '../assets/character-references';
import { InputError } from '../../schema/input-error';
import { parseRedo } from '../assets/redo';
import { planVideo, type PlanVideoOptions } from './plan-video';
import { scriptLimitProblems } from '../../publish/script-limits';
import type { PlatformName } from '../../schema/platforms';
import { outputPaths } from '../../output/output-paths';
import { slugify } from '../../output/slug';
import { lockVideoFolder } from './video-folder-lock';
import { produceVideo, type ProduceVideoOptions, type ProduceVideoResult } from './produce-video';

export type RenderScriptOptions = Omit<ProduceVideoOptions, 'script' | 'redo'> & {
	/** `--redo` values such as `3:voice`, checked against the script's scene ids. */
	readonly redo?: readonly string[];
	/** false (`--no-wait`): refuse when another run is making the same video, instead of waiting for it. */
	readonly wait?: boolean;
};

/**
 * Refuses a script that some platform asked for cannot take (aspect, length at the least), before anything is
 * made for any of them: `--platform youtube,douyin` must not render youtube and then refuse douyin. Then the
 * files it brings (scene images and audio, its music or `--music`), before any browser starts.
 */
export const checkScriptLimits = async (scriptFile: string, platforms: readonly (PlatformName | undefined)[], musicFile?: string): Promise<void> => {
	const script = await loadScript(scriptFile);
	const problems = scriptLimitProblems(
		script,
		platforms.map((platform) => platform ?? script.target_platform),
	);
	if (problems.length > 0) throw new InputError(scriptFile, problems);
	await checkSuppliedAssets(script, scriptFile, PROJECT_ROOT);
	await checkCharacterReferences(script, scriptFile, PROJECT_ROOT);
	await checkMusic(script, scriptFile, PROJECT_ROOT, musicFile);
};

/** Script file → validated script → assets (supplied or generated) → MP4, see produceVideo. */
export const renderScript = async (options: RenderScriptOptions): Promise<ProduceVideoResult> => {
	const script = await loadScript(options.scriptFile);
	const { requests, problems } = parseRedo(options.redo ?? [], script);
	if (problems.length > 0) throw new InputError('arguments', problems);
	const { videoDir } = outputPaths(options.outDir, slugify(script.title), options.platform ?? script.target_platform);
	const release = await lockVideoFolder(videoDir, options);
	try {
		return await produceVideo({ ...options, script, redo: requests });
	} finally {
		await release();
	}
};

/** `--dry-run`: the plan and cost of rendering a script file, without calling a provider. */
export const planScript = async (options: Omit<PlanVideoOptions, 'script' | 'redo'> & { scriptFile: string; redo?: readonly string[] }) => {
	const script = await loadScript(options.scriptFile);
	const { requests, problems } = parseRedo(options.redo ?? [], script);
	if (problems.length > 0) throw new InputError('arguments', problems);
	return planVideo({ ...options, script, redo: requests });
};
