import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkMusicFlag } from '../audio/resolve-music';
import { PROJECT_ROOT } from '../../node/project-root';
import { AssetCache } from '../../cache/asset-cache';
import type { PlatformName } from '../../schema/platforms';
import type { ScriptProvider, ScriptRequest } from '../../providers/script/script-provider';
import { parseRedo } from '../assets/redo';
import { InputError } from '../../schema/input-error';
import { outputPaths } from '../../output/output-paths';
import { slugify } from '../../output/slug';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { scriptLimitProblems } from '../../publish/script-limits';
import { produceVideo, type ProduceVideoOptions, type ProduceVideoResult } from './produce-video';
import { findCachedScript, writeScript, type WrittenScript } from './write-script';
import { lockVideoFolder } from './video-folder-lock';
import type { VideoScript } from '../../schema/video-script';
import { placeholderScript } from './placeholder-script';
import { planVideo, type VideoPlan } from './plan-video';
import { scriptUsage } from '../../cost/video-usages';
import type { RenderEngine } from '../render/render-settings';
import type { Budget } from '../../cost/budget';
import { checkScriptBudget } from './check-budget';

export type MakeVideoOptions = Omit<ProduceVideoOptions, 'script' | 'scriptFile' | 'redo' | 'scriptStage' | 'scriptWork'> & {
	readonly source: { readonly from: string } | { readonly topic: string };
	readonly durationSeconds?: number;
	readonly style?: string;
	readonly llm: ScriptProvider;
	readonly redo?: readonly string[];
	readonly onScript?: (message: string) => void;
	/** More platforms rendered natively from the same script and cached assets, after `platform`. */
	readonly alsoPlatforms?: readonly PlatformName[];
	/** What the run may spend (`--max-cost`): checked before the LLM, and again with the script it wrote. */
	readonly budget?: Budget | null;
	/** false (`--no-wait`): refuse when another run is making the same video, instead of waiting for it. */
	readonly wait?: boolean;
	/**
	 * Runs once the input is checked (the budget), before the LLM and before any file: the environment preflight.
	 * The engine it chose (from what the browser can encode) is the one the videos render with.
	 */
	readonly beforeScript?: () => Promise<{ readonly engine: RenderEngine | null } | void>;
};

const targetsOf = (options: MakeVideoOptions, platform: PlatformName) => [platform, ...(options.alsoPlatforms ?? []).filter((p) => p !== platform)];

/** An article of 1 MiB narrates for many hours; more is a mistake or a whole book. */
export const MAX_ARTICLE_BYTES = 2 ** 20;

const readSource = async (file: string): Promise<string> => {
	const refuse = (message: string) => new InputError(file, [{ path: '--from', message }]);
	try {
		// checked before reading, so a huge file or a device is never read into memory
		const facts = await stat(file);
		if (facts.isDirectory()) throw refuse('is a folder, not a file; pass a Markdown or text article');
		if (!facts.isFile()) throw refuse('is not a regular file; pass a Markdown or text article');
		if (facts.size > MAX_ARTICLE_BYTES) {
			throw refuse(
				`is ${(Math.ceil((facts.size / 2 ** 20) * 10) / 10).toFixed(1)} MiB, more than the ${MAX_ARTICLE_BYTES / 2 ** 20} MiB an article may be; ` +
					'split it into parts and make a video of each, or pass a shorter article',
			);
		}
		return await readFile(file, 'utf8');
	} catch (error) {
		if (error instanceof InputError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
		throw refuse(`${reason}; pass a Markdown or text article`);
	}
};

/** The whole pipeline: article (or topic) → script → voice and storyboard → render, all through the cache. */
export const scriptRequestFor = async (options: MakeVideoOptions): Promise<ScriptRequest> => ({
	source:
		'from' in options.source
			? { kind: 'article', text: await readSource(options.source.from), name: path.basename(options.source.from) }
			: { kind: 'topic', topic: options.source.topic },
	platform: options.platform ?? 'douyin',
	...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
	...(options.style ? { style: options.style } : {}),
});

/** The script a plan is made from, with no paid call: cached, written offline, or a placeholder sized from --duration. */
const plannedScript = async (options: MakeVideoOptions, request: ScriptRequest) => {
	const cache = new AssetCache(path.join(options.outDir, '.cache'));
	const { llm } = options;
	const cached = await findCachedScript(llm, request, cache);
	const script =
		cached ??
		(llm.offline
			? (await llm.write(request)).script
			: placeholderScript(request.source.kind === 'topic' ? request.source.topic : request.source.name, request.durationSeconds ?? 60, request.platform));
	const sourceText = request.source.kind === 'article' ? request.source.text : request.source.topic;
	const usage = scriptUsage(llm.name, llm.model, sourceText, JSON.stringify(script));
	return { script, cached: cached !== null, scriptWork: { usage, generated: !cached }, redo: parseRedo(options.redo ?? [], script).requests };
};

/** `--dry-run`: what make would do and cost, with no provider call and no render (an offline writer may run). */
export const planMakeVideo = async (options: MakeVideoOptions): Promise<VideoPlan> => {
	const { llm } = options;
	const { script, cached, scriptWork, redo } = await plannedScript(options, await scriptRequestFor(options));
	options.onScript?.(
		cached ? 'cached from an earlier run' : `would be written by ${llm.name} (${llm.model})${llm.offline ? '' : '; scenes below are sized from --duration'}`,
	);
	return planVideo({ ...options, script, redo, scriptWork });
};

export const makeVideo = async (options: MakeVideoOptions): Promise<{ results: ProduceVideoResult[]; scriptFile: string }> => {
	const request = await scriptRequestFor(options);
	// a bad --music file is refused before the script is written (prepareVideo checks it again)
	if (options.musicFile) await checkMusicFlag(options.musicFile, PROJECT_ROOT);
	const { platform, source } = request;
	// before the LLM and before any file: the budget, from the script it would write (or one sized from --duration)
	if (options.budget)
		await checkScriptBudget(
			options.budget,
			{ ...options, ...(await plannedScript(options, request)), platforms: targetsOf(options, platform) },
			options.onStage,
		);
	const ready = await options.beforeScript?.();
	if (ready?.engine) options = { ...options, settings: { ...options.settings, engine: ready.engine } };
	const cache = new AssetCache(path.join(options.outDir, '.cache'));
	// the offline writer fails only on the article itself; a model's failures are not the person's input
	const written = await writeScript(options.llm, request, cache).catch((error: Error) => {
		throw 'from' in options.source && options.llm.offline ? new InputError(options.source.from, [{ path: '--from', message: error.message }]) : error;
	});
	const { script } = written;
	for (const note of written.notes) options.onScript?.(`note: ${note}`);
	options.onScript?.(
		`${written.stats.cached ? 'cached' : 'written'} by ${options.llm.name}: "${script.title}", ${script.scenes.length} scenes, ` +
			`${script.scenes.reduce((sum, s) => sum + s.duration, 0)} s scripted`,
	);
	const paths = outputPaths(options.outDir, slugify(script.title), platform);
	const release = await lockVideoFolder(paths.videoDir, options);
	try {
		return await produceAll(options, { script, written, paths, source, platform });
	} finally {
		await release();
	}
};

const produceAll = async (
	options: MakeVideoOptions,
	{
		script,
		written,
		paths,
		source,
		platform,
	}: { script: VideoScript; written: WrittenScript; paths: ReturnType<typeof outputPaths>; source: ScriptRequest['source']; platform: PlatformName },
): Promise<{ results: ProduceVideoResult[]; scriptFile: string }> => {
	await writeFileAtomic(paths.script, `${JSON.stringify(script, null, 2)}\n`);
	const { requests, problems } = parseRedo(options.redo ?? [], script);
	if (problems.length > 0) throw new InputError('arguments', problems);
	const sourceText = source.kind === 'article' ? source.text : source.topic;
	const scriptWork = { usage: scriptUsage(options.llm.name, options.llm.model, sourceText, JSON.stringify(script)), generated: written.stats.generated > 0 };
	const targets = targetsOf(options, platform);
	const limits = scriptLimitProblems(script, targets);
	if (limits.length > 0) throw new InputError(paths.script, limits);
	// the LLM has written the script: the budget again, from the real one, before any voice or image
	if (options.budget && scriptWork.generated && !options.llm.offline)
		await checkScriptBudget(options.budget, { ...options, script, scriptWork, platforms: targets, redo: requests }, options.onStage, 'its script written');
	const results: ProduceVideoResult[] = [];
	for (const [index, target] of targets.entries()) {
		// one script, one set of voices, one new take per redo: every platform after the first reuses them
		results.push(
			await produceVideo({
				...options,
				platform: target,
				script,
				scriptFile: paths.script,
				redo: index === 0 ? requests : [],
				scriptStage: written.stats,
				scriptWork,
			}),
		);
	}
	return { results, scriptFile: paths.script };
};
