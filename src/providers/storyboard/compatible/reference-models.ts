import type { CharacterReference } from '../storyboard-provider';

/**
 * Models whose `POST /images/generations` takes an input picture in `image` (a URL or a base64 data URI such as
 * `data:image/png;base64,…`), as SiliconFlow's API reference "Image Generation" describes the field. Only models
 * that also draw from a prompt alone are listed: the Qwen-Image-Edit models take `image` too, but need one for
 * every picture, and this provider draws scenes without characters as well. A model takes one picture, so a scene
 * naming several characters is drawn from the first one's. When the docs change, change this table.
 */
export const REFERENCE_IMAGE_MODELS: ReadonlySet<string> = new Set(['Kwai-Kolors/Kolors']);

export const takesReferenceImage = (model: string): boolean => REFERENCE_IMAGE_MODELS.has(model);

const MIME_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;

/** The `image` field: the picture as a base64 data URI. */
export const referenceDataUri = (reference: CharacterReference): string =>
	`data:${MIME_TYPES[reference.extension]};base64,${Buffer.from(reference.image).toString('base64')}`;
