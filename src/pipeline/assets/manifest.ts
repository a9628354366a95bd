import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../node/write-file-atomic';
import { MANIFEST_VERSION, manifestSchema } from './manifest-schema';

export type AssetKind = 'voice' | 'image';

export type ManifestEntry = {
	readonly key: string;
	/** Relative to the cache root. */
	readonly file: string;
	readonly provider: string;
	readonly model: string;
	readonly take: number;
};

/** out/<slug>/manifest.json: which cached asset each scene uses, and which take. */
export type Manifest = {
	/** Written by `writeManifest`; absent in manifests from before versions, read as version 1. */
	readonly version?: number;
	/** The cache folder, relative to the manifest. */
	readonly cache: string;
	readonly scenes: Record<string, Partial<Record<AssetKind, ManifestEntry>>>;
	/** The generated character sheet of each character, by name; supplied references are not recorded. */
	readonly characters?: Record<string, ManifestEntry>;
};

/**
 * The manifest an earlier run wrote, or null when there is none. One that is not valid JSON, not shaped like a
 * manifest (manifest-schema.ts) or of another version is treated as absent, with a one-line warning: the assets
 * stay in the cache, only the takes start again from 0.
 */
export const readManifest = async (file: string, onWarning: (message: string) => void = (message) => console.error(message)): Promise<Manifest | null> => {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT' && code !== 'ENOTDIR') onWarning(`manifest: ${file} cannot be read (${code ?? String(error)}); going on without it`);
		return null;
	}
	const absent = (why: string) => {
		onWarning(`manifest: ${file} ${why}; going on without it, takes start again from the first`);
		return null;
	};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return absent('is corrupt (not valid JSON)');
	}
	const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
	if (!isObject(parsed) || !isObject(parsed.scenes)) return absent('is corrupt (no "scenes" object)');
	const { version } = parsed;
	if (version !== undefined && version !== MANIFEST_VERSION) {
		const newer = typeof version === 'number' && version > MANIFEST_VERSION;
		return absent(`is version ${JSON.stringify(version)}, ${newer ? 'newer than' : 'not'} the version ${MANIFEST_VERSION} this reelsmith reads`);
	}
	const result = manifestSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return absent(`is corrupt (${issue.path.join('.')}: ${issue.message})`);
	}
	return result.data;
};

/** Written with the current version, whatever the caller passes. */
export const writeManifest = (file: string, { version: _, ...manifest }: Manifest) =>
	writeFileAtomic(file, `${JSON.stringify({ version: MANIFEST_VERSION, ...manifest }, null, 2)}\n`);

const nextTake = (recorded: unknown, redo: boolean): number => {
	// a hand-edited or damaged take counts as the first
	const current = typeof recorded === 'number' && Number.isSafeInteger(recorded) && recorded >= 0 ? recorded : 0;
	return redo ? current + 1 : current;
};

/** The take a scene's asset is on; a redo asks for the one after it, leaving earlier takes in the cache. */
export const takeFor = (manifest: Manifest | null, sceneId: number, kind: AssetKind, redo: boolean): number =>
	nextTake(manifest?.scenes[String(sceneId)]?.[kind]?.take, redo);

/** The take a character's sheet is on; `--redo character:NAME` asks for the next. */
export const characterTakeFor = (manifest: Manifest | null, name: string, redo: boolean): number =>
	nextTake(Object.hasOwn(manifest?.characters ?? {}, name) ? manifest!.characters![name]!.take : undefined, redo);
