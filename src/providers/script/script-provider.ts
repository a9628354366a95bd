import type { PlatformName } from '../../schema/platforms';
import type { VideoScript } from '../../schema/video-script';

export type ScriptSource = { readonly kind: 'article'; readonly text: string; readonly name: string } | { readonly kind: 'topic'; readonly topic: string };

export type ScriptRequest = {
	readonly source: ScriptSource;
	readonly platform: PlatformName;
	/** Target length in seconds; absent means "as long as the source needs". */
	readonly durationSeconds?: number;
	readonly style?: string;
	readonly language?: string;
};

export type ScriptResult = {
	readonly script: VideoScript;
	/** Things the person should know, e.g. that content beyond the target duration was cut. */
	readonly notes: readonly string[];
};

export interface ScriptProvider {
	readonly name: string;
	readonly model: string;
	/** Runs locally at no cost, so `--dry-run` may use it to see the scenes. */
	readonly offline?: boolean;
	write(request: ScriptRequest): Promise<ScriptResult>;
}
