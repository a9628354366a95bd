import { Config } from '@remotion/cli/config';
import { findBrowser } from './src/pipeline/render/browser-executable';
import { NO_MADE_VIDEOS, studioWebpackOverride } from './src/studio/studio-webpack';

// Studio and `npx remotion` use the browser our renders find (a bad REMOTION_BROWSER_EXECUTABLE is Remotion's to report)
const browser = (() => {
	try {
		return findBrowser()?.path ?? null;
	} catch {
		return process.env.REMOTION_BROWSER_EXECUTABLE ?? null;
	}
})();
if (browser) Config.setBrowserExecutable(browser);
Config.setEntryPoint('src/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setOverwriteOutput(true);
// `npm run studio` (src/pipeline/studio/launch-studio.ts) names the made videos to show and the output folder the
// Render button writes into; each video's render lands beside its package, as DIR/<slug>/studio-<platform>.mp4
Config.overrideWebpackConfig(studioWebpackOverride(process.env.REELSMITH_STUDIO_CATALOGUE ?? NO_MADE_VIDEOS));
if (process.env.REELSMITH_STUDIO_OUT) Config.setOutputLocation(`${process.env.REELSMITH_STUDIO_OUT}/`);
