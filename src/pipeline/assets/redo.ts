import { characterEntries, characterReference } from '../../schema/characters';
import type { Problem } from '../../schema/problems';
import type { VideoScript } from '../../schema/video-script';
import type { AssetKind } from './manifest';

/** A new take of one scene's voice or image, or of one character's sheet (which redraws the scenes naming it). */
export type RedoRequest = { readonly sceneId: number; readonly kind: AssetKind } | { readonly character: string };

const KINDS: Readonly<Record<string, AssetKind[]>> = { voice: ['voice'], image: ['image'], all: ['voice', 'image'] };

const CHARACTER = 'character:';

const characterRedo = (value: string, script: VideoScript): RedoRequest | Problem => {
	const name = value.slice(CHARACTER.length).trim();
	const characters = characterEntries(script);
	const entry = characters.find(([known]) => known === name)?.[1];
	if (entry === undefined) {
		const known = characters.map(([known]) => JSON.stringify(known));
		return {
			path: '--redo',
			message:
				known.length === 0
					? `${JSON.stringify(name)} is not a character: the script has no characters`
					: `${JSON.stringify(name)} is not a character of the script; its characters are ${known.join(', ')}`,
		};
	}
	const reference = characterReference(entry);
	if (reference) {
		return {
			path: '--redo',
			message: `${name} is drawn from the supplied ${reference}, not a generated sheet; replace that file, or remove "reference" to generate one`,
		};
	}
	return { character: name };
};

/**
 * Parses `--redo 3:voice`, `--redo 3:image`, `--redo 3` (both) against the script's scene ids, and
 * `--redo character:Mia` against its characters.
 */
export const parseRedo = (values: readonly string[], script: VideoScript): { requests: RedoRequest[]; problems: Problem[] } => {
	const ids = new Set(script.scenes.map((s) => s.scene_id));
	const requests: RedoRequest[] = [];
	const problems: Problem[] = [];
	for (const value of values) {
		if (value.trim().startsWith(CHARACTER)) {
			const parsed = characterRedo(value.trim(), script);
			if ('message' in parsed) problems.push(parsed);
			else requests.push(parsed);
			continue;
		}
		const match = /^(\d+)(?::(voice|image|all))?$/.exec(value.trim());
		if (!match) {
			problems.push({
				path: '--redo',
				message: `${JSON.stringify(value)} is not SCENE:voice, SCENE:image, SCENE or character:NAME; e.g. --redo 3:voice`,
			});
			continue;
		}
		const sceneId = Number(match[1]);
		if (!ids.has(sceneId)) {
			problems.push({ path: '--redo', message: `scene ${sceneId} is not in the script; scene ids are ${[...ids].join(', ')}` });
			continue;
		}
		for (const kind of KINDS[match[2] ?? 'all']!) requests.push({ sceneId, kind });
	}
	return { requests, problems };
};

export const wantsRedo = (requests: readonly RedoRequest[], sceneId: number, kind: AssetKind) =>
	requests.some((r) => 'sceneId' in r && r.sceneId === sceneId && r.kind === kind);

export const wantsCharacterRedo = (requests: readonly RedoRequest[], name: string) => requests.some((r) => 'character' in r && r.character === name);
