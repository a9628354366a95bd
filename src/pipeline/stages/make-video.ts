import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AssetCache } from '../../cache/asset-cache';
import type { PlatformName } from '../../schema/platforms';
import type { ScriptProvider, ScriptRequest } from '../../providers/script/script-provider';
import { parseRedo } from '../assets/redo';
import { InputError } from '../input-error';
import { outputPaths } from '../output/output-paths';
import { slugify } from '../output/slug';
import { writeFileAtomic } from '../output/write-file-atomic';
import { scriptLimitProblems } from '../../publish/script-limits';
import { produceVideo, type ProduceVideoOptions, type ProduceVideoResult } from './produce-video';
import { findCachedScript, writeScript } from './write-script';
import { placeholderScript } from './placeholder-script';
import { planVideo, type VideoPlan } from './plan-video';
import { scriptUsage } from '../../cost/video-usages';

export type MakeVideoOptions = Omit<ProduceVideoOptions, 'script' | 'scriptFile' | 'redo' | 'scriptStage' | 'scriptWork'> & {
	readonly source: { readonly from: string } | { readonly topic: string };
	readonly durationSeconds?: number;
	readonly style?: string;
	readonly llm: ScriptProvider;
	readonly redo?: readonly string[];
	readonly onScript?: (message: string) => void;
	/** More platforms rendered natively from the same script and cached assets, after `platform`. */
	readonly alsoPlatforms?: readonly PlatformName[];
};

const readSource = async (file: string): Promise<string> => {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
		throw new InputError(file, [{ path: '--from', message: `${reason}; pass a Markdown or text article` }]);
	}
};

/** The whole pipeline: article (or topic) → script → voice and storyboard → render, all through the cache. */
const scriptRequestFor = async (options: MakeVideoOptions): Promise<ScriptRequest> => ({
	source:
		'from' in options.source
			? { kind: 'article', text: await readSource(options.source.from), name: path.basename(options.source.from) }
			: { kind: 'topic', topic: options.source.topic },
	platform: options.platform ?? 'douyin',
	...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
	...(options.style ? { style: options.style } : {}),
});

/** `--dry-run`: what make would do and cost, with no provider call and no render (an offline writer may run). */
export const planMakeVideo = async (options: MakeVideoOptions): Promise<VideoPlan> => {
	const request = await scriptRequestFor(options);
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
	options.onScript?.(cached ? 'cached from an earlier run' : `would be written by ${llm.name} (${llm.model})${llm.offline ? '' : '; scenes below are sized from --duration'}`);
	const { requests } = parseRedo(options.redo ?? [], script);
	return planVideo({ ...options, script, redo: requests, scriptWork: { usage, generated: !cached } });
};

export const makeVideo = async (options: MakeVideoOptions): Promise<{ results: ProduceVideoResult[]; scriptFile: string }> => {
	const request = await scriptRequestFor(options);
	const { platform, source } = request;
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
	await writeFileAtomic(paths.script, `${JSON.stringify(script, null, 2)}\n`);
	const { requests, problems } = parseRedo(options.redo ?? [], script);
	if (problems.length > 0) throw new InputError('arguments', problems);
	const sourceText = source.kind === 'article' ? source.text : source.topic;
	const scriptWork = { usage: scriptUsage(options.llm.name, options.llm.model, sourceText, JSON.stringify(script)), generated: written.stats.generated > 0 };
	const targets = [platform, ...(options.alsoPlatforms ?? []).filter((p) => p !== platform)];
	const limits = scriptLimitProblems(script, targets);
	if (limits.length > 0) throw new InputError(paths.script, limits);
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
