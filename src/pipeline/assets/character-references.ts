import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { characterEntries, characterReference } from '../../schema/characters';
import { InputError } from '../../schema/input-error';
import { formatPath, type Problem } from '../../schema/problems';
import type { VideoScript } from '../../schema/video-script';
import { checkImage, locate } from './supplied-assets';

/**
 * It goes with every scene naming the character: OpenAI's edits endpoint takes each picture under 50 MB (API
 * reference, "Create image edit"), and a compatible endpoint gets it as base64 inside JSON.
 */
export const MAX_REFERENCE_BYTES = 20 * 2 ** 20;

/** A picture of a character the script supplies, read and checked. */
export type SuppliedReference = { readonly file: string; readonly bytes: Uint8Array; readonly extension: 'png' | 'jpg' | 'webp' };

/** The path of a problem with a character's field, written as the script's own problems are (characters.Mia.reference). */
export const characterField = (name: string, field: string) => formatPath(['characters', name, field]);

/**
 * Checks every `reference` the script's characters give, as a scene's own `image` is checked: the file exists,
 * lies inside the script's folder or the project, is a PNG, JPEG or WebP whose header gives a size within the
 * caps. Every problem is reported at once, by path (characters.Mia.reference); nothing is written.
 */
export const checkCharacterReferences = async (script: VideoScript, scriptFile: string, projectRoot: string): Promise<Map<string, SuppliedReference>> => {
	const given = characterEntries(script).flatMap(([name, entry]) => {
		const reference = characterReference(entry);
		return reference ? [{ name, reference }] : [];
	});
	const found = new Map<string, SuppliedReference>();
	if (given.length === 0) return found;
	const roots = [await realpath(path.dirname(path.resolve(scriptFile))), await realpath(projectRoot)];
	const problems: Problem[] = [];
	for (const { name, reference } of given) {
		const field = characterField(name, 'reference');
		const located = await locate(reference, field, roots);
		if (!located.ok) {
			problems.push(located.problem);
			continue;
		}
		const image = checkImage(reference, located.bytes);
		if ('problem' in image) problems.push({ path: field, message: image.problem });
		else if (located.bytes.length > MAX_REFERENCE_BYTES) {
			problems.push({
				path: field,
				message: `${reference} is ${(located.bytes.length / 2 ** 20).toFixed(1)} MiB, more than the ${MAX_REFERENCE_BYTES / 2 ** 20} MiB a reference picture may have; save it smaller (a JPEG of about 1024 px a side is plenty)`,
			});
		} else found.set(name, { file: located.file, bytes: new Uint8Array(located.bytes), extension: image.ext as SuppliedReference['extension'] });
	}
	if (problems.length > 0) throw new InputError(scriptFile, problems);
	return found;
};
