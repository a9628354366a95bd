/** A scene whose voice is much shorter than scripted shrinks, but never below this. */
const SHRINK_FLOOR_SECONDS = 5;

/**
 * Seed §3.3: a scene follows its voice. Longer voice stretches the scene to voice + 0.5 s;
 * much shorter voice shrinks it to voice + 1.5 s, never under 5 s. `tailSeconds` keeps speech
 * clear of the transition into the next scene.
 */
export const pacedSceneSeconds = (scriptedSeconds: number, voiceSeconds: number, tailSeconds: number): number => {
	let seconds = scriptedSeconds;
	if (voiceSeconds > scriptedSeconds + 1) seconds = voiceSeconds + 0.5;
	else if (voiceSeconds < scriptedSeconds - 2) seconds = Math.max(voiceSeconds + 1.5, SHRINK_FLOOR_SECONDS);
	return Math.max(seconds, voiceSeconds + 0.3 + tailSeconds);
};

/** The shortest a scene can become once voiced, whatever its voice: pacing shrinks a scene no further. */
export const shortestPacedSeconds = (scriptedSeconds: number): number => Math.min(scriptedSeconds, SHRINK_FLOOR_SECONDS);
