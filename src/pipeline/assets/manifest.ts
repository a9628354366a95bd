import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../output/write-file-atomic';

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
	/** The cache folder, relative to the manifest. */
	readonly cache: string;
	readonly scenes: Record<string, Partial<Record<AssetKind, ManifestEntry>>>;
};

export const readManifest = async (file: string): Promise<Manifest | null> => {
	try {
		const parsed = JSON.parse(await readFile(file, 'utf8')) as Manifest;
		return typeof parsed === 'object' && parsed !== null && typeof parsed.scenes === 'object' ? parsed : null;
	} catch {
		return null;
	}
};

export const writeManifest = (file: string, manifest: Manifest) => writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);

/** The take a scene's asset is on; a redo asks for the one after it, leaving earlier takes in the cache. */
export const takeFor = (manifest: Manifest | null, sceneId: number, kind: AssetKind, redo: boolean): number => {
	const current = manifest?.scenes[String(sceneId)]?.[kind]?.take ?? 0;
	return redo ? current + 1 : current;
};
