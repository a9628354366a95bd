import { Config } from '@remotion/cli/config';
import { existsSync } from 'node:fs';

// Studio and `npx remotion` use the same browser choice as our renders (DESIGN.md §6).
const browser = process.env.REMOTION_BROWSER_EXECUTABLE ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : null);
if (browser) Config.setBrowserExecutable(browser);
Config.setEntryPoint('src/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setOverwriteOutput(true);
