import type { CharacterEntry, VideoScript } from './video-script';

/** What every picture of the character must show, whichever way the script wrote the entry. */
export const characterDescription = (entry: CharacterEntry): string => (typeof entry === 'string' ? entry : entry.description);

/** The picture of the character the script supplies (a path relative to the script), if any. */
export const characterReference = (entry: CharacterEntry): string | undefined => (typeof entry === 'string' ? undefined : entry.reference);

/** The script's characters in the order it lists them. */
export const characterEntries = (script: Pick<VideoScript, 'characters'>): [name: string, entry: CharacterEntry][] => Object.entries(script.characters ?? {});
