export const PRIVACY_STATUSES = ['private', 'unlisted', 'public'] as const;
export type PrivacyStatus = (typeof PRIVACY_STATUSES)[number];

/** The request body that opens a session: what YouTube shows, and who may see it. */
export type VideoResource = {
	readonly snippet: { readonly title: string; readonly description: string; readonly tags: readonly string[]; readonly categoryId: string };
	readonly status: { readonly privacyStatus: PrivacyStatus; readonly selfDeclaredMadeForKids: boolean };
};

/** The parts of a package's metadata.json that reach YouTube. */
export type PackageMetadata = { readonly title?: string; readonly description?: string; readonly tags?: readonly string[] };

export const TITLE_MAX_CHARS = 100;
export const DESCRIPTION_MAX_BYTES = 5000;
export const TAGS_MAX_CHARS = 500;
/** People & Blogs: a neutral default that every channel may use. */
const CATEGORY_ID = '22';

// YouTube rejects titles and descriptions containing angle brackets
const ANGLE_BRACKETS = /[<>]/g;

const cutChars = (text: string, max: number): string => [...text].slice(0, max).join('');

const cutBytes = (text: string, max: number): string => {
	let bytes = 0;
	let out = '';
	for (const char of text) {
		bytes += Buffer.byteLength(char);
		if (bytes > max) break;
		out += char;
	}
	return out;
};

/** YouTube counts a tag with a space as if quoted, plus a comma between tags. */
const tagCost = (tag: string) => [...tag].length + (tag.includes(' ') ? 2 : 0);

const fitTags = (tags: readonly string[]): string[] => {
	const kept: string[] = [];
	let used = 0;
	for (const tag of tags) {
		const cost = tagCost(tag) + (kept.length > 0 ? 1 : 0);
		if (used + cost > TAGS_MAX_CHARS) continue;
		kept.push(tag);
		used += cost;
	}
	return kept;
};

/** Builds the session's body from metadata.json, trimming what YouTube would refuse; `notes` says what was cut. */
export const videoResource = (metadata: PackageMetadata, privacy: PrivacyStatus, fallbackTitle: string): { resource: VideoResource; notes: string[] } => {
	const notes: string[] = [];
	const rawTitle = (metadata.title ?? '').replace(ANGLE_BRACKETS, '').replace(/\s+/g, ' ').trim() || fallbackTitle;
	const title = cutChars(rawTitle, TITLE_MAX_CHARS).trim();
	if (title !== rawTitle) notes.push(`title cut to ${TITLE_MAX_CHARS} characters (YouTube's limit)`);
	if (/[<>]/.test(metadata.title ?? '') || /[<>]/.test(metadata.description ?? ''))
		notes.push('removed < and > from the title/description (YouTube refuses them)');

	const rawDescription = (metadata.description ?? '').replace(ANGLE_BRACKETS, '');
	const description = cutBytes(rawDescription, DESCRIPTION_MAX_BYTES);
	if (description !== rawDescription) notes.push(`description cut to ${DESCRIPTION_MAX_BYTES} bytes (YouTube's limit)`);

	const cleanTags = [...new Set((metadata.tags ?? []).map((tag) => tag.replace(/[<>,]/g, '').trim()).filter((tag) => tag.length > 0))];
	const tags = fitTags(cleanTags);
	if (tags.length < cleanTags.length) notes.push(`kept ${tags.length} of ${cleanTags.length} tags: YouTube allows ${TAGS_MAX_CHARS} characters of tags in all`);

	return {
		resource: {
			snippet: { title, description, tags, categoryId: CATEGORY_ID },
			status: { privacyStatus: privacy, selfDeclaredMadeForKids: false },
		},
		notes,
	};
};
