import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AssetCache, CachedAsset } from '../../cache/asset-cache';
import { cacheKey } from '../../cache/cache-key';
import { characterSheetPrompt, charactersIn } from '../../providers/storyboard/image-prompt';
import type { CharacterReference, StoryboardProvider } from '../../providers/storyboard/storyboard-provider';
import { characterDescription, characterReference } from '../../schema/characters';
import type { Size } from '../../schema/platforms';
import type { SceneScript, VideoScript } from '../../schema/video-script';
import type { AssetEvent, StageStats } from './asset-events';
import { cachedOrGenerate } from './cached-or-generate';
import type { SuppliedReference } from './character-references';
import { characterTakeFor, type Manifest, type ManifestEntry } from './manifest';
import { mapLimited } from './map-limited';
import { wantsCharacterRedo, type RedoRequest } from './redo';

/**
 * One sheet serves every aspect: square, the size every image model makes. The scenes are drawn at their own
 * size from it.
 */
export const SHEET_SIZE: Size = { width: 1024, height: 1024 };

export type SheetMeta = { readonly width: number; readonly height: number; readonly provider: string; readonly model: string; readonly character: string };

/** A character's picture, ready to send with a scene, and where it came from. */
export type CharacterSheet = {
	readonly reference: CharacterReference;
	/** Of the picture's bytes: the scenes' cache keys carry it, so a new take redraws exactly the scenes naming the character. */
	readonly sha256: string;
	readonly source: 'supplied' | { readonly asset: CachedAsset<SheetMeta>; readonly take: number; readonly generated: boolean };
};

/** The characters that need a picture: those named in at least one scene that gets a drawn image, in the script's order. */
export const charactersToDraw = (script: VideoScript, scenes: readonly SceneScript[]): string[] => {
	const named = new Set(scenes.flatMap((scene) => charactersIn(scene, script)));
	return Object.keys(script.characters ?? {}).filter((name) => named.has(name));
};

/** What a character's sheet is drawn from. */
export const sheetDrawing = (name: string, script: VideoScript) => {
	const description = characterDescription(script.characters![name]!);
	return {
		prompt: characterSheetPrompt(name, description, script),
		style: script.style,
		...(script.style_prompt ? { stylePrompt: script.style_prompt } : {}),
		size: SHEET_SIZE,
		sheetOf: { name, description },
	};
};

export const sheetKey = (provider: { name: string; model: string }, drawn: ReturnType<typeof sheetDrawing>, take: number): string =>
	cacheKey({ stage: 'character', provider: provider.name, model: provider.model, input: drawn, options: { take } });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const EXTENSIONS: Readonly<Record<string, CharacterReference['extension']>> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp' };

const extensionOf = (file: string): CharacterReference['extension'] => {
	const extension = EXTENSIONS[file.slice(file.lastIndexOf('.') + 1).toLowerCase()];
	if (!extension) throw new Error(`character sheet ${file} is not a PNG, JPEG or WebP file`);
	return extension;
};

/** Who the picture shows: name, description and place in the script's list. */
const whom = (name: string, script: VideoScript) => ({
	name,
	description: characterDescription(script.characters![name]!),
	index: Object.keys(script.characters ?? {}).indexOf(name),
});

const suppliedSheet = (name: string, script: VideoScript, supplied: SuppliedReference): CharacterSheet => ({
	reference: { ...whom(name, script), image: supplied.bytes, extension: supplied.extension },
	sha256: sha256(supplied.bytes),
	source: 'supplied',
});

const cachedSheet = async (name: string, script: VideoScript, asset: CachedAsset<SheetMeta>, take: number, generated: boolean): Promise<CharacterSheet> => {
	const image = new Uint8Array(await readFile(asset.absolutePath));
	return {
		reference: { ...whom(name, script), image, extension: extensionOf(asset.file) },
		sha256: sha256(image),
		source: { asset, take, generated },
	};
};

export type CharacterStageInput = {
	readonly script: VideoScript;
	/** The scenes that get a drawn image. */
	readonly scenes: readonly SceneScript[];
	readonly provider: StoryboardProvider;
	readonly cache: AssetCache;
	readonly supplied: ReadonlyMap<string, SuppliedReference>;
	readonly takeOf: (name: string) => number;
	readonly concurrency: number;
	/** Told as each character's picture is ready (stage storyboard, `character` set). */
	readonly onEvent?: (event: AssetEvent) => void;
};

/**
 * A picture per character that some drawn scene names: the supplied `reference`, else a character sheet the
 * storyboard provider draws from the description, through the cache (stage `character`).
 */
export const runCharacterStage = async (input: CharacterStageInput): Promise<{ sheets: Map<string, CharacterSheet>; stats: StageStats }> => {
	const { script, provider, cache } = input;
	const started = performance.now();
	const stats: StageStats = { generated: 0, cached: 0, ms: 0 };
	const sheets = new Map<string, CharacterSheet>();
	const names = charactersToDraw(script, input.scenes);
	let done = 0;
	await mapLimited(names, input.concurrency, async (name) => {
		const sheetStarted = performance.now();
		const report = (status: AssetEvent['status']) =>
			input.onEvent?.({ stage: 'storyboard', sceneId: 0, character: name, status, done: ++done, total: names.length, ms: performance.now() - sheetStarted });
		const supplied = input.supplied.get(name);
		if (supplied) {
			sheets.set(name, suppliedSheet(name, script, supplied));
			report('supplied');
			return;
		}
		const take = input.takeOf(name);
		const drawn = sheetDrawing(name, script);
		const { asset, cached } = await cachedOrGenerate<SheetMeta>(
			cache,
			'character',
			sheetKey(provider, drawn, take),
			async () => {
				const result = await provider.draw({ ...drawn, sceneId: 0, take });
				if (!('image' in result)) throw new Error(`${provider.name} answered a clip, not a picture, for the character sheet of ${name}`);
				return { data: result.image, extension: result.extension };
			},
			() => ({ ...SHEET_SIZE, provider: provider.name, model: provider.model, character: name }),
		).catch((error: unknown) => {
			throw new Error(`the character sheet of ${name} failed with ${provider.name} (${provider.model})`, { cause: error });
		});
		stats[cached ? 'cached' : 'generated']++;
		sheets.set(name, await cachedSheet(name, script, asset, take, !cached));
		report(cached ? 'cached' : 'generated');
	});
	stats.ms = Math.round(performance.now() - started);
	return { sheets, stats };
};

/**
 * The sheets a run would use, looked up without drawing any (`--dry-run`): a name maps to null when its sheet is
 * still to be made, so the scenes naming it are too.
 */
export const findCharacterSheets = async (input: Omit<CharacterStageInput, 'concurrency'>): Promise<Map<string, CharacterSheet | null>> => {
	const found = new Map<string, CharacterSheet | null>();
	for (const name of charactersToDraw(input.script, input.scenes)) {
		const supplied = input.supplied.get(name);
		if (supplied) {
			found.set(name, suppliedSheet(name, input.script, supplied));
			continue;
		}
		// a supplied picture that was not read (no script file to find it from): never a sheet, its scenes unknown
		if (characterReference(input.script.characters![name]!)) {
			found.set(name, null);
			continue;
		}
		const take = input.takeOf(name);
		const hit = await input.cache.get<SheetMeta>('character', sheetKey(input.provider, sheetDrawing(name, input.script), take));
		found.set(name, hit ? await cachedSheet(name, input.script, hit, take, false) : null);
	}
	return found;
};

/** The sheets of the characters a scene names, in the script's order; those without a sheet are left out. */
export const sheetsFor = (scene: SceneScript, script: VideoScript, sheets: ReadonlyMap<string, CharacterSheet | null>): CharacterSheet[] =>
	charactersIn(scene, script).flatMap((name) => {
		const sheet = sheets.get(name);
		return sheet ? [sheet] : [];
	});

export type RunCharactersInput = Omit<CharacterStageInput, 'takeOf'> & {
	readonly manifest: Manifest | null;
	readonly redo: readonly RedoRequest[];
	/** Told once when the characters are drawn from their descriptions alone; default: stderr. */
	readonly onWarning?: (message: string) => void;
};

/**
 * The character stage as a run needs it: takes from the manifest and `--redo character:NAME`; nothing (and one
 * line saying so) when the provider draws no scene from a picture.
 */
export const runCharacters = async (input: RunCharactersInput): Promise<{ sheets: Map<string, CharacterSheet>; stats: StageStats }> => {
	const { provider } = input;
	if (!provider.takesReferences) {
		const named = charactersToDraw(input.script, input.scenes);
		if (named.length > 0) {
			(input.onWarning ?? ((message) => console.error(message)))(
				`${provider.name} (${provider.model}) draws no scene from a reference picture: ${named.join(', ')} ${named.length === 1 ? 'is' : 'are'} kept alike by ${named.length === 1 ? 'the description' : 'their descriptions'} alone`,
			);
		}
		return { sheets: new Map(), stats: { generated: 0, cached: 0, ms: 0 } };
	}
	return runCharacterStage({ ...input, takeOf: (name) => characterTakeFor(input.manifest, name, wantsCharacterRedo(input.redo, name)) });
};

/** manifest.json `characters`: the generated sheets by name (a supplied reference is the script's own file). */
export const sheetEntries = (sheets: ReadonlyMap<string, CharacterSheet>): Record<string, ManifestEntry> => {
	const entries: Record<string, ManifestEntry> = {};
	for (const [name, { source }] of [...sheets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (source === 'supplied') continue;
		entries[name] = { key: source.asset.key, file: source.asset.file, provider: source.asset.meta.provider, model: source.asset.meta.model, take: source.take };
	}
	return entries;
};
