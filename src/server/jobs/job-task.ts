import type { Problem } from '../../schema/problems';
import type { PlatformName } from '../../schema/platforms';

/** What a job's run does: write the script and make everything (`make`), render a script (`render`), or make a scene's new take without rendering (`prepare`). */
export type JobAction = 'make' | 'render' | 'prepare';

/** The stages a running job reports, in order. */
export const JOB_STAGES = ['starting', 'script', 'voice', 'storyboard', 'render', 'package'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export type ProviderChoice = { readonly llm?: string; readonly tts?: string; readonly images?: string };

/** One run of a job, as the server hands it to a worker process. */
export type WorkerTask = {
	readonly action: JobAction;
	readonly outDir: string;
	/** The job's own folder: its script (when it came as one) and article live here. */
	readonly jobDir: string;
	/** make: the article file or the topic. */
	readonly source?: { readonly from: string } | { readonly topic: string };
	/** render and prepare: the script to render. */
	readonly scriptFile?: string;
	/** Empty: the script's own target_platform. */
	readonly platforms: readonly PlatformName[];
	readonly providers: ProviderChoice;
	readonly draft: boolean;
	readonly renderer?: 'web' | 'screenshot';
	readonly maxCost?: number;
	readonly durationSeconds?: number;
	readonly style?: string;
	/** `--music`: a bed on the server instead of the script's or the project's own. */
	readonly musicFile?: string;
	/** `SCENE:voice` / `SCENE:image`: new takes. */
	readonly redo: readonly string[];
};

export type PackageOutput = { readonly platform: PlatformName; readonly video: string; readonly summaryFile: string };

/** What a worker tells the server, one message at a time, over its IPC channel. */
export type WorkerEvent =
	| { readonly type: 'stage'; readonly stage: JobStage; readonly message: string }
	| { readonly type: 'frames'; readonly renderedFrames: number; readonly totalFrames: number }
	| { readonly type: 'script'; readonly scriptFile: string; readonly slug: string }
	| { readonly type: 'done'; readonly outputs: readonly PackageOutput[] }
	| { readonly type: 'failed'; readonly message: string; readonly problems: readonly Problem[]; readonly badInput: boolean };
