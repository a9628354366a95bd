/** What a bed is made to: its tempo and length in 4/4 bars (from src/pipeline/audio/music-moods.ts). */
export type BedTempo = { readonly bpm: number; readonly bars: number };
