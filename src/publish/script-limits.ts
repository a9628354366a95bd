import { aspectFor, type PlatformName } from '../schema/platforms';
import type { Problem } from '../schema/problems';
import type { VideoScript } from '../schema/video-script';
import { platformLimitProblems } from '../schema/platform-limits';
import { shortestVideoSeconds } from './scripted-duration';

/**
 * What keeps a script from every platform asked for, known from the script alone (aspect, and length at the
 * least): checked before any voice, image or frame is made, so a refusal costs nothing.
 */
export const scriptLimitProblems = (script: VideoScript, platforms: readonly PlatformName[]): Problem[] => {
	const seconds = shortestVideoSeconds(script);
	return platforms.flatMap((platform) => platformLimitProblems(platform, aspectFor(script, platform), seconds, { atLeast: true }));
};
