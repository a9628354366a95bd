import path from 'node:path';
import { buildProps } from '../../props/build-props';
import type { PlatformName } from '../../schema/platforms';
import { videoPropsSchema } from '../../schema/video-props';
import { loadScript } from '../load-script';
import { outputPaths } from '../output/output-paths';
import { slugify } from '../output/slug';
import { recordRender, type VideoSummary } from '../output/summary';
import { bundleSite, PROJECT_ROOT } from '../render/bundle-site';
import { renderSettings, type RenderSettings } from '../render/render-settings';
import { renderVideo, type RenderProgress } from '../render/render-video';
import { resolveSuppliedAssets } from './supplied-assets';

export type RenderScriptOptions = {
	readonly scriptFile: string;
	readonly outDir: string;
	readonly platform?: PlatformName;
	readonly draft?: boolean;
	readonly settings?: Partial<RenderSettings>;
	readonly onStage?: (message: string) => void;
	readonly onProgress?: (progress: RenderProgress) => void;
};

export type RenderScriptResult = {
	readonly platform: PlatformName;
	readonly video: string;
	readonly summaryFile: string;
	readonly summary: VideoSummary;
};

/** Script file → validated props → one bundle → MP4 in out/<slug>/<platform>/ plus summary.json. */
export const renderScript = async (options: RenderScriptOptions): Promise<RenderScriptResult> => {
	const script = await loadScript(options.scriptFile);
	const platform = options.platform ?? script.target_platform;
	const slug = slugify(script.title);
	const paths = outputPaths(options.outDir, slug, platform);
	const assetDir = path.join(paths.videoDir, 'assets');
	const assets = await resolveSuppliedAssets(script, options.scriptFile, PROJECT_ROOT, assetDir);
	const props = videoPropsSchema.parse(buildProps(script, { platform, assets }));
	const draft = options.draft ?? false;

	options.onStage?.('bundling');
	const serveUrl = await bundleSite(assetDir);
	options.onStage?.(`rendering ${platform}${draft ? ' (draft)' : ''}`);
	const result = await renderVideo({
		serveUrl,
		props,
		outputFile: paths.video,
		settings: renderSettings(draft, options.settings),
		...(options.onProgress ? { onProgress: options.onProgress } : {}),
	});
	const summary = await recordRender(paths.summary, { title: script.title, slug, platform, draft }, result);
	return { platform, video: paths.video, summaryFile: paths.summary, summary };
};
