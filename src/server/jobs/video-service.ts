import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { PROJECT_ROOT } from '../../node/project-root';
import { checkSuppliedAssets } from '../../pipeline/assets/supplied-assets';
import { checkMusicFlag } from '../../pipeline/audio/resolve-music';
import { outputPaths } from '../../output/output-paths';
import { chooseProviders } from '../../providers/provider-factory';
import { scriptLimitProblems } from '../../publish/script-limits';
import { InputError } from '../../schema/input-error';
import { parseScriptValue } from '../../schema/parse-script';
import type { Problem } from '../../schema/problems';
import { jobFolder, type JobQueue } from './job-queue';
import type { Job, JobInput, JobOptions, JobStore } from './job-store';
import { invalid, ServiceError } from './service-error';
import { parseCreateVideoRequest, redoRequestSchema, sceneEditSchema, type CreateVideoRequest, type VideoOptions } from './video-request';
import type { VideoScript } from '../../schema/video-script';
import { assetProvidersFor, providerNamesFrom } from '../../pipeline/cli/provider-flags';
import { makeOwnedTempDir } from '../../node/owned-temp-dir';
import { planVideo, type VideoPlan } from '../../pipeline/stages/plan-video';
import { planMakeVideo } from '../../pipeline/stages/make-video';
import { createScriptProvider } from '../../providers/provider-factory';
import { problemsFromZod } from '../../schema/problems';

const prefixed = (prefix: string, problems: readonly Problem[]): Problem[] =>
	problems.map((p) => ({ path: p.path === '(root)' ? prefix : `${prefix}.${p.path}`, message: p.message }));

const jobOptions = (options: VideoOptions = {}): { options: JobOptions; problems: Problem[] } => {
	const providers = {
		...(options.llm ? { llm: options.llm } : {}),
		...(options.tts ? { tts: options.tts } : {}),
		...(options.images ? { images: options.images } : {}),
	};
	const { problems } = chooseProviders(providers);
	return {
		options: {
			platforms: options.platforms ?? [],
			providers,
			draft: options.draft ?? false,
			...(options.renderer ? { renderer: options.renderer } : {}),
			...(options.maxCost !== undefined ? { maxCost: options.maxCost } : {}),
			...(options.duration !== undefined ? { durationSeconds: options.duration } : {}),
			...(options.style ? { style: options.style } : {}),
			...(options.music ? { musicFile: options.music } : {}),
		},
		problems: prefixed('options', problems),
	};
};

export type SceneView = {
	readonly sceneId: number;
	readonly narration: string;
	readonly text_overlay: string;
	readonly motion: string | null;
	readonly transition: string;
	readonly visual_description: string;
	/** Paths inside the output's cache (GET /api/videos/:id/assets/<path>), once made. */
	readonly voice: string | null;
	readonly image: string | null;
};

/**
 * What the REST API and the MCP server can do with videos: one home for validation and for the job rules, so
 * both answer the same. Jobs run through the queue (the same pipeline functions as the CLI).
 */
export class VideoService {
	constructor(
		private readonly store: JobStore,
		private readonly queue: JobQueue,
		readonly outDir: string,
	) {}

	/** The request checked as the CLI checks its flags and script: every problem at once, as a 400. */
	private async validate(body: unknown): Promise<{ request: CreateVideoRequest; options: JobOptions; input: JobInput; script: VideoScript | null }> {
		const parsed = parseCreateVideoRequest(body);
		if (!parsed.ok) {
			// every problem at once: the script's own too, when the envelope around it is wrong
			const given = typeof body === 'object' && body !== null ? (body as { script?: unknown }).script : undefined;
			const scriptResult = given !== undefined ? parseScriptValue(given) : null;
			throw invalid([...parsed.problems, ...(scriptResult && !scriptResult.ok ? prefixed('script', scriptResult.problems) : [])]);
		}
		const { request } = parsed;
		const { options, problems } = jobOptions(request.options);
		let input: JobInput;
		let script: VideoScript | null = null;
		if (request.script !== undefined) {
			const result = parseScriptValue(request.script);
			if (!result.ok) problems.push(...prefixed('script', result.problems));
			else {
				script = result.script;
				const platforms = options.platforms.length > 0 ? options.platforms : [result.script.target_platform];
				problems.push(...prefixed('script', scriptLimitProblems(result.script, platforms)));
			}
			input = { kind: 'script', scriptFile: '' };
		} else if (request.topic !== undefined) {
			if ((options.providers.llm ?? process.env.REELSMITH_LLM ?? 'offline') === 'offline') {
				problems.push({
					path: 'topic',
					message: 'a topic needs an LLM to write the script: set OPENAI_API_KEY and give options.llm "openai", or send the article text instead',
				});
			}
			input = { kind: 'topic', topic: request.topic };
		} else {
			input = { kind: 'article', articleFile: '' };
		}
		if (options.musicFile) {
			// as --music is: found from the server's folder, inside the project, and decoded, before the job exists
			await checkMusicFlag(options.musicFile, PROJECT_ROOT).catch((error: unknown) => {
				if (!(error instanceof InputError)) throw error;
				problems.push(...error.problems.map((p) => ({ path: 'options.music', message: p.message })));
			});
		}
		if (problems.length > 0) throw invalid(problems);
		return { request, options, input, script };
	}

	/** What a job would make and cost, per platform, with no provider called (`--dry-run`): the board shows it before starting. */
	async plan(
		body: unknown,
	): Promise<{ platform: string; title: string; scenes: number; runCostUsd: number; videoCostUsd: number; unpriced: readonly string[] }[]> {
		const { request, options, script } = await this.validate(body);
		const names = providerNamesFrom(options.providers);
		const providers = assetProvidersFor(names);
		const temp = makeOwnedTempDir('plan');
		try {
			const platforms = options.platforms.length > 0 ? options.platforms : [undefined];
			const plans: VideoPlan[] = [];
			for (const platform of platforms) {
				if (script) {
					plans.push(await planVideo({ script, outDir: this.outDir, ...(platform ? { platform } : {}), ...providers }));
					continue;
				}
				let source: { from: string } | { topic: string };
				if (request.article !== undefined) {
					const from = path.join(temp.path, 'article.md');
					await writeFileAtomic(from, request.article);
					source = { from };
				} else source = { topic: request.topic! };
				plans.push(
					await planMakeVideo({
						source,
						outDir: this.outDir,
						...(platform ? { platform } : {}),
						...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
						...(options.style ? { style: options.style } : {}),
						llm: createScriptProvider(names.llm, {}),
						...providers,
					}),
				);
			}
			return plans.map((plan) => ({
				platform: plan.platform,
				title: plan.title,
				scenes: plan.scenes.length,
				runCostUsd: plan.runCost.totalUsd,
				videoCostUsd: plan.videoCost.totalUsd,
				unpriced: plan.runCost.unpriced,
			}));
		} catch (error) {
			if (error instanceof InputError) throw invalid(error.problems);
			throw error;
		} finally {
			await providers.voice?.close();
			await temp.remove();
		}
	}

	/** Validates as the CLI does (script schema, providers, platform limits, supplied files), then queues the job. */
	async create(body: unknown): Promise<Job> {
		const { request, options, input, script } = await this.validate(body);
		const job = this.store.create(input, options, input.kind === 'script' ? 'render' : 'make', 'created');
		const dir = jobFolder(this.outDir, job.id);
		await mkdir(dir, { recursive: true });
		if (input.kind === 'script') {
			const scriptFile = path.join(dir, 'script.json');
			await writeFileAtomic(scriptFile, `${JSON.stringify(script, null, 2)}\n`);
			try {
				await checkSuppliedAssets(script as never, scriptFile, PROJECT_ROOT);
			} catch (error) {
				this.store.update(job.id, { state: 'failed', error: { message: 'invalid script', problems: [] } });
				if (error instanceof InputError) throw invalid(prefixed('script', error.problems));
				throw error;
			}
			this.store.setInput(job.id, { kind: 'script', scriptFile }, scriptFile);
		} else if (input.kind === 'article') {
			const articleFile = path.join(dir, 'article.md');
			await writeFileAtomic(articleFile, request.article!);
			this.store.setInput(job.id, { kind: 'article', articleFile }, null);
		}
		const queued = this.store.update(job.id, { state: 'queued' })!;
		this.queue.pump();
		return this.store.get(queued.id)!;
	}

	get(id: string): Job {
		const job = this.store.get(id);
		if (!job || job.state === 'created') throw new ServiceError(404, `no video job ${JSON.stringify(id)}; GET /api/videos lists them`);
		return job;
	}

	list(): Job[] {
		return this.store.list().filter((job) => job.state !== 'created');
	}

	async cancel(id: string): Promise<Job> {
		this.get(id);
		const job = (await this.queue.cancel(id))!;
		if (job.state.startsWith('running:') && job.runnerPid !== process.pid) {
			// its worker belongs to the other process on this store (npm run mcp, or another server): only that one can stop it
			throw new ServiceError(
				409,
				`job ${id} is running in another process on this output folder (pid ${job.runnerPid}); cancel it there, or stop that process`,
			);
		}
		return job;
	}

	private editable(id: string): Job & { scriptFile: string } {
		const job = this.get(id);
		if (job.state === 'queued' || job.state.startsWith('running:')) {
			throw new ServiceError(409, `job ${id} is ${job.state}; wait until it is done (or cancel it) before changing it`);
		}
		if (!job.scriptFile)
			throw new ServiceError(
				409,
				`job ${id} has no script yet (it ${job.state === 'failed' ? 'failed before writing one' : 'was cancelled first'}); start a new one`,
			);
		return job as Job & { scriptFile: string };
	}

	async scenes(id: string): Promise<SceneView[]> {
		const job = this.get(id);
		if (!job.scriptFile) return [];
		const script = parseScriptValue(JSON.parse(await readFile(job.scriptFile, 'utf8')));
		if (!script.ok) return [];
		const platform = job.options.platforms[0] ?? script.script.target_platform;
		const manifest = job.slug
			? ((await readFile(outputPaths(this.outDir, job.slug, platform).manifest, 'utf8').then(
					(text) => JSON.parse(text),
					() => null,
				)) as {
					scenes?: Record<string, { voice?: { file: string }; image?: { file: string } }>;
				} | null)
			: null;
		return script.script.scenes.map((scene) => ({
			sceneId: scene.scene_id,
			narration: scene.narration,
			text_overlay: scene.text_overlay,
			motion: scene.motion ?? null,
			transition: scene.transition,
			visual_description: scene.visual_description,
			voice: manifest?.scenes?.[String(scene.scene_id)]?.voice?.file ?? null,
			image: manifest?.scenes?.[String(scene.scene_id)]?.image?.file ?? null,
		}));
	}

	/** Changes one scene of the job's script (validated whole, written atomically); the next render remakes only what changed. */
	async editScene(id: string, sceneId: string, body: unknown): Promise<SceneView[]> {
		const job = this.editable(id);
		const edit = sceneEditSchema.safeParse(body);
		if (!edit.success) throw invalid(problemsFromZod(edit.error));
		const raw = JSON.parse(await readFile(job.scriptFile, 'utf8')) as { scenes: Record<string, unknown>[] };
		const index = raw.scenes.findIndex((scene) => String(scene.scene_id) === sceneId);
		if (index < 0)
			throw new ServiceError(404, `job ${id} has no scene ${JSON.stringify(sceneId)}; its scenes are ${raw.scenes.map((s) => s.scene_id).join(', ')}`);
		raw.scenes[index] = { ...raw.scenes[index], ...edit.data };
		const checked = parseScriptValue(raw);
		if (!checked.ok) throw invalid(prefixed('script', checked.problems));
		await writeFileAtomic(job.scriptFile, `${JSON.stringify(raw, null, 2)}\n`);
		return this.scenes(id);
	}

	/** A new take of one scene's voice or image (made now, without rendering; the next render uses it). */
	redoScene(id: string, sceneId: string, body: unknown): Job {
		this.editable(id);
		const redo = redoRequestSchema.safeParse(body);
		if (!redo.success) throw invalid(problemsFromZod(redo.error));
		if (!/^\d{1,4}$/.test(sceneId)) throw new ServiceError(404, `no scene ${JSON.stringify(sceneId)}`);
		this.store.queueRun(id, 'prepare', [`${sceneId}:${redo.data.asset}`]);
		this.queue.pump();
		return this.get(id);
	}

	/** Renders the job's script again: every cached voice, image and finished package is reused. */
	render(id: string): Job {
		this.editable(id);
		this.store.queueRun(id, 'render');
		this.queue.pump();
		return this.get(id);
	}
}
