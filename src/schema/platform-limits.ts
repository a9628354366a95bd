import { PLATFORMS, type AspectRatio, type PlatformName } from './platforms';
import type { Problem } from './problems';

/**
 * Seed §6.1 limits a video must meet before it is rendered for a platform: aspect and length. With `atLeast`,
 * `durationSeconds` is a lower bound (the scripted lengths, before any voice is made).
 */
export const platformLimitProblems = (platform: PlatformName, aspect: AspectRatio, durationSeconds: number, { atLeast = false } = {}): Problem[] => {
	const spec = PLATFORMS[platform];
	const problems: Problem[] = [];
	if (!spec.aspects.includes(aspect)) {
		problems.push({
			path: 'aspect_ratio',
			message: `${platform} does not take ${aspect} videos (it takes ${spec.aspects.join(', ')}); remove aspect_ratio or set one of those`,
		});
	}
	if (durationSeconds > spec.maxDurationSeconds) {
		problems.push({
			path: 'scenes',
			message: `the video lasts ${atLeast ? 'at least ' : ''}${durationSeconds.toFixed(1)} s, longer than ${platform}'s limit of ${spec.maxDurationSeconds} s; cut scenes or shorten narration by ${Math.ceil(durationSeconds - spec.maxDurationSeconds)} s`,
		});
	}
	return problems;
};

/** After rendering: the file must fit the platform's upload size. */
export const fileSizeProblem = (platform: PlatformName, sizeBytes: number): Problem | null => {
	const max = PLATFORMS[platform].maxFileBytes;
	return sizeBytes > max
		? {
				path: 'video',
				message: `the video is ${(sizeBytes / 2 ** 30).toFixed(2)} GiB, over ${platform}'s ${max / 2 ** 30} GiB limit; render with a higher crf or a shorter script`,
			}
		: null;
};
