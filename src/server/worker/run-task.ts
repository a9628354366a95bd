import { budgetFor } from '../../cost/budget';
import { assetProvidersFor, providerNamesFrom } from '../../pipeline/cli/provider-flags';
import { renderOverrides } from '../../pipeline/cli/render-overrides';
import { loadScript } from '../../pipeline/load-script';
import { preflightMake, preflightRender } from '../../pipeline/preflight/command-preflight';
import { checkRenderBudget, maxCostFrom } from '../../pipeline/stages/check-budget';
import type { Budget } from '../../cost/budget';
import { makeVideo } from '../../pipeline/stages/make-video';
import { prepareVideo } from '../../pipeline/stages/prepare-video';
import { checkScriptLimits, renderScript } from '../../pipeline/stages/render-script';
import { lockVideoFolder } from '../../pipeline/stages/video-folder-lock';
import { parseRedo } from '../../pipeline/assets/redo';
import { outputPaths } from '../../output/output-paths';
import { slugify } from '../../output/slug';
import { createScriptProvider } from '../../providers/provider-factory';
import { InputError } from '../../schema/input-error';
import type { PackageOutput, WorkerEvent, WorkerTask } from '../jobs/job-task';

type Emit = (event: WorkerEvent) => void;

/** The pipeline's callbacks as job events: stages from its messages, frames from the render's progress. */
const reporters = (emit: Emit) => ({
	onScript: (message: string) => emit({ type: 'stage', stage: 'script', message }),
	onStage: (message: string) =>
		emit({
			type: 'stage',
			stage: /^package|^render \S+: unchanged/.test(message) ? 'package' : /^render|^rendering/.test(message) ? 'render' : 'starting',
			message,
		}),
	onAsset: (event: { stage: 'voice' | 'storyboard'; sceneId: number; character?: string; status: string; done: number; total: number }) =>
		emit({
			type: 'stage',
			stage: event.stage,
			message: `${event.character !== undefined ? `character ${event.character}` : `scene ${event.sceneId}`} ${event.status} (${event.done}/${event.total})`,
		}),
	onProgress: (p: { renderedFrames: number; totalFrames: number }) => emit({ type: 'frames', renderedFrames: p.renderedFrames, totalFrames: p.totalFrames }),
});

/**
 * One run of a job, through the same pipeline functions as `npm run make` and `npm run render`: the same checks
 * first (input, budget, environment), the same cache, locks, staging and resume.
 */
export const runTask = async (task: WorkerTask, emit: Emit): Promise<readonly PackageOutput[]> => {
	const names = providerNamesFrom(task.providers);
	const providers = assetProvidersFor(names);
	const settings = renderOverrides(task.renderer);
	const report = reporters(emit);
	const platforms = task.platforms.length > 0 ? task.platforms : [undefined];
	// the job's maxCost is its --max-cost; without one, REELSMITH_MAX_COST or the default for paid providers
	const maxCost: Budget | null = task.maxCost !== undefined ? { usd: task.maxCost, source: '--max-cost' } : maxCostFrom(undefined);
	try {
		if (task.action === 'make') {
			const [platform, ...alsoPlatforms] = task.platforms;
			const llm = createScriptProvider(names.llm, {});
			const options = {
				source: task.source!,
				outDir: task.outDir,
				...(platform ? { platform } : {}),
				alsoPlatforms,
				...(task.durationSeconds !== undefined ? { durationSeconds: task.durationSeconds } : {}),
				...(task.style ? { style: task.style } : {}),
				...(task.musicFile ? { musicFile: task.musicFile } : {}),
				draft: task.draft,
				settings,
				redo: task.redo,
				llm,
				...providers,
				...report,
			};
			const made = await makeVideo({
				...options,
				budget: budgetFor(maxCost, [llm, providers.voice, providers.storyboard]),
				beforeScript: () => preflightMake({ ...options, names, llmModelFlag: undefined }),
			});
			const script = await loadScript(made.scriptFile);
			emit({ type: 'script', scriptFile: made.scriptFile, slug: slugify(script.title) });
			return made.results.map((r) => ({ platform: r.platform, video: r.video, summaryFile: r.summaryFile }));
		}
		const scriptFile = task.scriptFile!;
		const script = await loadScript(scriptFile);
		emit({ type: 'script', scriptFile, slug: slugify(script.title) });
		await checkScriptLimits(scriptFile, platforms, task.musicFile);
		await checkRenderBudget(maxCost, { scriptFile, outDir: task.outDir, platforms, redo: task.redo, ...providers }, (line) =>
			emit({ type: 'stage', stage: 'starting', message: line }),
		);
		if (task.action === 'prepare') {
			const { requests, problems } = parseRedo(task.redo, script);
			if (problems.length > 0) throw new InputError('redo', problems);
			const platform = platforms[0] ?? script.target_platform;
			const release = await lockVideoFolder(outputPaths(task.outDir, slugify(script.title), platform).videoDir, { onStage: report.onStage });
			try {
				await prepareVideo({
					script,
					scriptFile,
					outDir: task.outDir,
					platform,
					redo: requests,
					...(task.musicFile ? { musicFile: task.musicFile } : {}),
					...providers,
					...report,
				});
			} finally {
				await release();
			}
			return [];
		}
		const ready = await preflightRender({ scriptFile, platforms, outDir: task.outDir, draft: task.draft, settings, names });
		if (ready.notice) emit({ type: 'stage', stage: 'starting', message: ready.notice });
		const engineSettings = ready.engine ? { ...settings, engine: ready.engine } : settings;
		const outputs: PackageOutput[] = [];
		for (const [index, platform] of platforms.entries()) {
			const result = await renderScript({
				scriptFile,
				outDir: task.outDir,
				...(platform ? { platform } : {}),
				draft: task.draft,
				settings: engineSettings,
				...(task.musicFile ? { musicFile: task.musicFile } : {}),
				redo: index === 0 ? task.redo : [],
				...providers,
				...report,
			});
			outputs.push({ platform: result.platform, video: result.video, summaryFile: result.summaryFile });
		}
		return outputs;
	} finally {
		await providers.voice?.close();
	}
};
