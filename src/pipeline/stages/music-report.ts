import type { VideoProps } from '../../schema/video-props';
import { beatGridOf } from '../../props/music-beat';
import { cutsOnBeat } from '../../timeline/beat-snap';
import { overlapInto } from '../../timeline/scene-timeline';
import type { MusicMoodName } from '../audio/music-moods';
import type { PlacedMusic } from '../audio/resolve-music';

/** summary.json's `music`: the bed, its tempo (null: none found) and how many scene cuts land on its beat. */
export type MusicReport = {
	readonly mood: MusicMoodName | null;
	readonly bpm: number | null;
	readonly cutsOnBeat: number;
	readonly cuts: number;
};

export const musicReport = (music: PlacedMusic & { readonly mood: MusicMoodName | null }, props: VideoProps): MusicReport => {
	const grid = beatGridOf(music);
	const lengths = props.scenes.map((scene) => scene.durationInFrames);
	return {
		mood: music.mood,
		bpm: grid?.bpm ?? null,
		cutsOnBeat: grid ? cutsOnBeat(lengths, (index) => overlapInto(props.scenes, index), props.fps, grid) : 0,
		cuts: Math.max(0, lengths.length - 1),
	};
};

/** The report line: "music: upbeat, 128 BPM, 4 of 6 cuts on the beat". */
export const formatMusicReport = (report: MusicReport): string =>
	`music:   ${report.mood ?? 'your file'}, ${report.bpm === null ? 'no steady beat found' : `${report.bpm} BPM, ${report.cutsOnBeat} of ${report.cuts} cuts on the beat`}`;
