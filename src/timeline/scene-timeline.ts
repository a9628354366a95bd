/** What frame math needs of a scene. The first scene's transition is an entrance from black: it overlaps nothing. */
export type TimedScene = {
	readonly durationInFrames: number;
	readonly transition: { readonly durationInFrames: number };
};

export type SceneSlot = {
	/** First frame of the scene in the whole video; its narration starts exactly here. */
	readonly startFrame: number;
	readonly durationInFrames: number;
	/** Frames from startFrame until the next scene starts to cover it: where speech and captions may run. */
	readonly speechFrames: number;
};

export const overlapInto = (scenes: readonly TimedScene[], index: number): number => (index === 0 ? 0 : (scenes[index]?.transition.durationInFrames ?? 0));

/** Total = Σ scenes − Σ transitions between scenes (TransitionSeries overlaps neighbours). */
export const totalDurationInFrames = (scenes: readonly TimedScene[]): number =>
	scenes.reduce((sum, scene, index) => sum + scene.durationInFrames - overlapInto(scenes, index), 0);

export const sceneSlots = (scenes: readonly TimedScene[]): SceneSlot[] => {
	let start = 0;
	return scenes.map((scene, index) => {
		start -= overlapInto(scenes, index);
		const slot = {
			startFrame: start,
			durationInFrames: scene.durationInFrames,
			speechFrames: scene.durationInFrames - overlapInto(scenes, index + 1),
		};
		start += scene.durationInFrames;
		return slot;
	});
};
