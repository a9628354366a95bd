import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/schema/input-error';
import { loadScript } from '../src/pipeline/load-script';
import { slugify } from '../src/output/slug';
import { resolveSuppliedAssets } from '../src/pipeline/assets/supplied-assets';
import { findHostileCharacter } from '../src/schema/hostile-text';
import { parseScriptValue } from '../src/schema/parse-script';
import { formatProblems, type Problem } from '../src/schema/problems';
import { listTree, outside } from './helpers/file-tree';
import { mapPool } from './helpers/map-pool';
import { ROOT, runScript, type CommandResult } from './helpers/run-command';
import { json, validScene, validScript, withFirstScene } from './helpers/script-builders';

/** A problem we expect: its JSON path (exactly, or a pattern) and a phrase of its message that says how to fix it. */
type Expected = { readonly path: string | RegExp; readonly phrase: RegExp };
type FileCase = { readonly name: string; readonly contents: string | Buffer; readonly expected: readonly Expected[] };

const deep = (depth: number) => `{"title": "deep", "scenes": ${'['.repeat(depth)}`;
const LINE_COLUMN = /^line \d+, column \d+$/;

/** Scripts that must each be refused as bad input: wrong, broken or hostile, never a crash. */
const FILE_CASES: readonly FileCase[] = [
	// wrong types and missing fields
	{ name: 'title is a number', contents: json(validScript({ title: 5 })), expected: [{ path: 'title', phrase: /title must be a string/ }] },
	{
		name: 'scenes is an object',
		contents: json(validScript({ scenes: { 1: validScene(1) } })),
		expected: [{ path: 'scenes', phrase: /scenes must be a list of scene objects, not an object; wrap them in \[/ }],
	},
	{
		name: 'a scene without narration',
		contents: json(withFirstScene({}, ['narration'])),
		expected: [{ path: 'scenes[0].narration', phrase: /missing narration/ }],
	},
	{
		name: 'a scene without duration',
		contents: json(withFirstScene({}, ['duration'])),
		expected: [{ path: 'scenes[0].duration', phrase: /missing duration; give a number of seconds, such as 8/ }],
	},
	{
		name: 'no title and no duration_target',
		contents: json({ scenes: [validScene(1)] }),
		expected: [
			{ path: 'title', phrase: /missing title/ },
			{ path: 'duration_target', phrase: /missing duration_target; give a number of seconds/ },
		],
	},
	{
		name: 'a scene that is a number, another that is null',
		contents: json(validScript({ scenes: [validScene(1), 7, null] })),
		expected: [
			{ path: 'scenes[1]', phrase: /each scene must be an object, not a number; write it as \{"scene_id": 1/ },
			{ path: 'scenes[2]', phrase: /each scene must be an object, not null/ },
		],
	},
	{
		name: 'scene_id in quotes',
		contents: json(withFirstScene({ scene_id: '1' })),
		expected: [{ path: 'scenes[0].scene_id', phrase: /not the string "1"; write it without quotes/ }],
	},
	{ name: 'a blank title', contents: json(validScript({ title: ' \n\t ' })), expected: [{ path: 'title', phrase: /title is empty; give the video a title/ }] },
	{
		name: 'characters is a list',
		contents: json(validScript({ characters: ['Mia'] })),
		expected: [{ path: 'characters', phrase: /characters must be an object mapping each name/ }],
	},
	{
		name: 'an empty character name',
		contents: json(validScript({ characters: { '': 'a girl' } })),
		expected: [{ path: 'characters[""]', phrase: /character name is empty/ }],
	},
	// empty scenes
	{ name: 'empty scenes', contents: json(validScript({ scenes: [] })), expected: [{ path: 'scenes', phrase: /scenes is empty; add at least one scene/ }] },
	// zero, negative and NaN durations
	{
		name: 'duration 0',
		contents: json(withFirstScene({ duration: 0 })),
		expected: [{ path: 'scenes[0].duration', phrase: /at least 1 second; give the scene's length/ }],
	},
	{ name: 'duration -5', contents: json(withFirstScene({ duration: -5 })), expected: [{ path: 'scenes[0].duration', phrase: /at least 1 second/ }] },
	{
		name: 'duration "NaN" as a string',
		contents: json(withFirstScene({ duration: 'NaN' })),
		expected: [{ path: 'scenes[0].duration', phrase: /duration must be a number of seconds, such as 8/ }],
	},
	{
		name: 'duration NaN as bare text (not JSON)',
		contents: json(withFirstScene({ duration: 123456789 })).replace('123456789', 'NaN'),
		expected: [{ path: 'line 10, column 19', phrase: /^invalid JSON: NaN is not a JSON value; write a number such as 8 there$/ }],
	},
	{
		name: 'duration -Infinity as bare text',
		contents: json(withFirstScene({ duration: 123456789 })).replace('123456789', '-Infinity'),
		expected: [{ path: LINE_COLUMN, phrase: /Infinity is not a JSON value/ }],
	},
	{ name: 'duration_target 0', contents: json(validScript({ duration_target: 0 })), expected: [{ path: 'duration_target', phrase: /more than 0 seconds/ }] },
	// over-long text
	{
		name: 'a 10 000-character narration',
		contents: json(withFirstScene({ narration: 'Words and more words. '.repeat(455).slice(0, 10_000) })),
		expected: [{ path: 'scenes[0].narration', phrase: /at most 1000 characters \(it has 10000\); split it into more scenes/ }],
	},
	{
		name: 'a 201-character title',
		contents: json(validScript({ title: 'T'.repeat(201) })),
		expected: [{ path: 'title', phrase: /at most 200 characters \(it has 201\); shorten the title/ }],
	},
	{
		name: 'a 101-character text_overlay',
		contents: json(withFirstScene({ text_overlay: 'o'.repeat(101) })),
		expected: [{ path: 'scenes[0].text_overlay', phrase: /at most 100 characters/ }],
	},
	// invisible bidi controls and other control characters
	{
		name: 'U+202E RIGHT-TO-LEFT OVERRIDE in the title',
		contents: json(validScript({ title: 'invoice\u202Efdp.exe' })),
		expected: [{ path: 'title', phrase: /must not contain the invisible bidi control U\+202E RIGHT-TO-LEFT OVERRIDE at character 8; delete it/ }],
	},
	{
		name: 'U+2066 LEFT-TO-RIGHT ISOLATE in a narration',
		contents: json(withFirstScene({ narration: 'שלום \u2066abc\u2069' })),
		expected: [{ path: 'scenes[0].narration', phrase: /U\+2066 LEFT-TO-RIGHT ISOLATE at character 6/ }],
	},
	{
		name: 'U+202A written as a JSON escape in a text_overlay',
		contents: json(withFirstScene({ text_overlay: 'x' })).replace('"text_overlay": "x"', '"text_overlay": "\\u202Ax"'),
		expected: [{ path: 'scenes[0].text_overlay', phrase: /U\+202A LEFT-TO-RIGHT EMBEDDING at character 1/ }],
	},
	{
		name: 'a NUL in a narration',
		contents: json(withFirstScene({ narration: 'a\u0000b' })),
		expected: [{ path: 'scenes[0].narration', phrase: /control character U\+0000 at character 2; delete it/ }],
	},
	{
		name: 'a terminal escape sequence in the title',
		contents: json(validScript({ title: '\u001b[2J\u001b[31mred' })),
		expected: [{ path: 'title', phrase: /control character U\+001B at character 1/ }],
	},
	{
		name: 'a carriage return in a text_overlay',
		contents: json(withFirstScene({ text_overlay: 'a\rb' })),
		expected: [{ path: 'scenes[0].text_overlay', phrase: /U\+000D/ }],
	},
	{
		name: 'a C1 control (U+0085) in a narration',
		contents: json(withFirstScene({ narration: 'a\u0085b' })),
		expected: [{ path: 'scenes[0].narration', phrase: /U\+0085/ }],
	},
	{
		name: 'a lone surrogate (half an emoji) in a narration',
		contents: json(withFirstScene({ narration: 'ok' })).replace('"ok"', '"ok \\ud83d"'),
		expected: [{ path: 'scenes[0].narration', phrase: /lone surrogate U\+D83D .*retype that character or delete it/ }],
	},
	{
		name: 'a NUL in an image path',
		contents: json(withFirstScene({ image: 'a.png\u0000.txt' })),
		expected: [{ path: 'scenes[0].image', phrase: /control character U\+0000 at character 6/ }],
	},
	{
		name: 'a line break in an audio path',
		contents: json(withFirstScene({ audio: 'a\n.wav' })),
		expected: [{ path: 'scenes[0].audio', phrase: /U\+000A .*a file path has none/ }],
	},
	{
		name: 'a bidi control in a character name',
		contents: json(validScript({ characters: { 'Mi\u202Ea': 'a girl' } })),
		expected: [{ path: 'characters["Mi\\u202ea"]', phrase: /character name must not contain the invisible bidi control U\+202E/ }],
	},
	// huge numbers
	{
		name: 'duration 1e308',
		contents: json(withFirstScene({ duration: 1e308 })),
		expected: [{ path: 'scenes[0].duration', phrase: /at most 120 seconds; split long scenes/ }],
	},
	{
		name: 'scene_id 1e20',
		contents: json(withFirstScene({ scene_id: 1e20 })),
		expected: [{ path: 'scenes[0].scene_id', phrase: /at most 9999; number the scenes 1, 2, 3/ }],
	},
	{ name: 'fps 1e9', contents: json(validScript({ fps: 1e9 })), expected: [{ path: 'fps', phrase: /fps must be a whole number from 1 to 60, such as 30/ }] },
	{
		name: 'duration_target 1e400 (parses to Infinity)',
		contents: json(validScript({ duration_target: 123456789 })).replace('123456789', '1e400'),
		expected: [{ path: 'duration_target', phrase: /duration_target must be a finite number; give a number of seconds/ }],
	},
	{
		name: 'duration_target 1e308',
		contents: json(validScript({ duration_target: 1e308 })),
		expected: [{ path: 'duration_target', phrase: /at most 43200 seconds/ }],
	},
	// broken files
	{
		name: 'truncated JSON',
		contents: json(validScript()).slice(0, 120),
		expected: [{ path: LINE_COLUMN, phrase: /^invalid JSON: .*; check for a missing comma, quote or bracket there$/ }],
	},
	{ name: 'an empty file', contents: '', expected: [{ path: '(file)', phrase: /the file is empty; write the script as a JSON object/ }] },
	{ name: 'a file of blank lines', contents: '\n \n\t\n', expected: [{ path: '(file)', phrase: /the file is empty/ }] },
	{ name: 'a byte-order mark and nothing else', contents: '\uFEFF', expected: [{ path: '(file)', phrase: /the file is empty/ }] },
	{
		name: 'a JSON array',
		contents: json([validScript()]),
		expected: [{ path: '(root)', phrase: /the script must be a JSON object, not a list; write it as \{"title"/ }],
	},
	{ name: 'a JSON string', contents: '"make me a video"', expected: [{ path: '(root)', phrase: /the script must be a JSON object, not a string/ }] },
	{ name: 'JSON null', contents: 'null', expected: [{ path: '(root)', phrase: /not null/ }] },
	{
		name: 'a byte-order mark before an otherwise bad script (the mark is accepted)',
		contents: `\uFEFF${json(validScript({ scenes: [] }))}`,
		expected: [{ path: 'scenes', phrase: /scenes is empty/ }],
	},
	{
		name: 'a UTF-16 file',
		contents: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(validScript()), 'utf16le')]),
		expected: [{ path: '(file)', phrase: /not UTF-8 text .*save the script as UTF-8 JSON/ }],
	},
	{
		name: 'a PNG given as the script',
		contents: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
		expected: [{ path: '(file)', phrase: /not UTF-8 text/ }],
	},
	{ name: '200 000 unclosed brackets', contents: deep(200_000), expected: [{ path: LINE_COLUMN, phrase: /^invalid JSON: / }] },
	{
		name: '200 000 nested lists as scenes',
		contents: `{"title": "deep", "duration_target": 5, "scenes": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
		expected: [{ path: 'scenes[0]', phrase: /each scene must be an object, not a list/ }],
	},
	{
		name: 'a transition name with a bidi control is echoed escaped and cut short',
		contents: json(withFirstScene({ transition: `\u202Eedaf${'x'.repeat(500)}` })),
		expected: [{ path: 'scenes[0].transition', phrase: /^unknown transition "\\u202eedafx+…; use one of: / }],
	},
];

/** Marks of a crash rather than a validation message: a stack frame or a JS error class name. */
const CRASH = /^\s+at |\b(?:TypeError|RangeError|ReferenceError|ERR_[A-Z_]+)\b/m;
/** Characters that must never reach a terminal raw: they can rewrite or reorder what it shows. */
const RAW_HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const expectReported = (problems: readonly Problem[], expected: readonly Expected[]) => {
	for (const { path: where, phrase } of expected) {
		expect(problems).toContainEqual({ path: typeof where === 'string' ? where : expect.stringMatching(where), message: expect.stringMatching(phrase) });
	}
};

const rejectionOf = async (file: string): Promise<InputError> => {
	try {
		await loadScript(file);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error(`${file} was accepted`);
};

let suiteDir: string;
const freshDir = (name: string) => mkdtemp(path.join(suiteDir, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-`));

beforeAll(async () => {
	suiteDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-hostile-'));
});

describe('loadScript refuses malformed and hostile scripts with a located, fixable problem', () => {
	it.each(FILE_CASES)('$name', async ({ contents, expected }) => {
		const dir = await freshDir('load');
		const file = path.join(dir, 'script.json');
		await writeFile(file, contents);
		const before = await listTree(dir);
		const error = await rejectionOf(file);
		expectReported(error.problems, expected);
		const printed = formatProblems(file, error.problems);
		expect(printed).not.toMatch(CRASH);
		expect(printed).not.toMatch(RAW_HOSTILE);
		expect(await listTree(dir)).toEqual(before);
	});

	it.each<[string, string, RegExp]>([
		['a missing file', 'no-such-script.json', /file not found; pass the path of a script JSON file/],
		['a folder', '.', /is a folder, not a file/],
	])('--props that is %s', async (_name, given, phrase) => {
		const dir = await freshDir('props');
		const error = await rejectionOf(path.join(dir, given));
		expectReported(error.problems, [{ path: '--props', phrase }]);
	});
});

describe('every wrong type is named by its field, never in zod words', () => {
	const WRONG = { string: [42, true, null, [], {}], number: ['x', true, null, [], {}], list: [42, 'x', '', true, null, {}], object: [42, 'x', true, null, []] };
	const TOP: Record<string, keyof typeof WRONG> = {
		title: 'string',
		duration_target: 'number',
		style: 'string',
		scenes: 'list',
		music_style: 'string',
		target_platform: 'string',
		language: 'string',
		voice: 'string',
		style_prompt: 'string',
		characters: 'object',
		music: 'string',
		aspect_ratio: 'string',
		fps: 'number',
	};
	const SCENE: Record<string, keyof typeof WRONG> = {
		scene_id: 'number',
		narration: 'string',
		visual_description: 'string',
		duration: 'number',
		text_overlay: 'string',
		transition: 'string',
		image: 'string',
		audio: 'string',
		motion: 'string',
	};
	// the name a message uses for the field: enums say "unknown platform", "unknown aspect ratio"
	const spoken = (field: string) => ({ target_platform: 'platform', aspect_ratio: 'aspect ratio' })[field] ?? field;

	it.each(Object.entries(TOP))('%s', (field, kind) => {
		for (const value of WRONG[kind]) {
			const result = parseScriptValue(validScript({ [field]: value }));
			expect(result.ok, `${field}: ${JSON.stringify(value)}`).toBe(false);
			if (result.ok) continue;
			expect(result.problems).toEqual([{ path: field, message: expect.stringContaining(spoken(field)) }]);
			expect(result.problems[0]!.message).not.toMatch(/Invalid input|expected \w+, received/);
		}
	});

	it.each(Object.entries(SCENE))('scenes[0].%s', (field, kind) => {
		for (const value of WRONG[kind]) {
			const result = parseScriptValue(withFirstScene({ [field]: value }));
			expect(result.ok, `${field}: ${JSON.stringify(value)}`).toBe(false);
			if (result.ok) continue;
			expect(result.problems).toEqual([{ path: `scenes[0].${field}`, message: expect.stringContaining(field) }]);
			expect(result.problems[0]!.message).not.toMatch(/Invalid input|expected \w+, received/);
		}
	});
});

describe('emoji and right-to-left text are content, not attacks', () => {
	const isSafeFolderName = (name: string) =>
		name.length > 0 &&
		Buffer.byteLength(name) <= 255 &&
		!/[/\\:*?"<>|]/.test(name) &&
		!name.startsWith('.') &&
		findHostileCharacter(name, false) === null &&
		path.basename(name) === name;

	it.each<[string, Record<string, unknown>, RegExp]>([
		['emoji', validScript({ title: '🎬 5 tips 🚀👩‍💻', scenes: [validScene(1, { narration: 'Ready? 😀 Let’s go 🇯🇵', text_overlay: '🔥 hot' })] }), /^5-tips$/],
		['Arabic', validScript({ title: 'مرحبا بالعالم', scenes: [validScene(1, { narration: 'هذا فيديو قصير عن الذكاء الاصطناعي.' })] }), /^مرحبا-بالعالم$/],
		[
			'Hebrew with direction marks',
			validScript({ title: 'שלום עולם\u200F', scenes: [validScene(1, { narration: 'שלום!\u200F 123 \u200Eabc\nשורה\tשנייה' })] }),
			/^שלום-עולם$/,
		],
		['emoji only', validScript({ title: '🎬🎥🍿' }), /^video-[0-9a-f]{8}$/],
		['a path-like title', validScript({ title: '../../etc/passwd' }), /^etc-passwd$/],
		['a 1000-emoji narration (counted as 1000 characters)', withFirstScene({ narration: '😀'.repeat(1000) }), /^robustness-check$/],
	])('%s passes validation and gets a safe folder name', async (_name, script, slug) => {
		const dir = await freshDir('accept');
		const file = path.join(dir, 'script.json');
		await writeFile(file, `\uFEFF${json(script)}`);
		const loaded = await loadScript(file);
		expect(loaded.title).toBe((script.title as string).trim());
		const name = slugify(loaded.title);
		expect(name).toMatch(slug);
		expect(isSafeFolderName(name)).toBe(true);
	});

	it('a "__proto__" key is dropped, not merged into objects', async () => {
		const dir = await freshDir('proto');
		const file = path.join(dir, 'script.json');
		await writeFile(file, json(validScript()).replace('{', '{"__proto__": {"polluted": true, "title": 5}, "constructor": {"prototype": {"polluted": true}},'));
		const loaded = await loadScript(file);
		expect(loaded.title).toBe('Robustness check');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(loaded)).not.toContain('__proto__');
	});
});

describe('supplied images and audio: no path outside the script folder, no wrong file kinds', () => {
	const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

	/**
	 * case/etc/passwd and case/outside/secret.png lie outside the script's folder case/a/scripts,
	 * which holds a text file and symlinks pointing out.
	 */
	const layout = async () => {
		const dir = await freshDir('assets');
		const scripts = path.join(dir, 'a/scripts');
		await mkdir(scripts, { recursive: true });
		await mkdir(path.join(dir, 'etc'));
		await mkdir(path.join(dir, 'outside'));
		await mkdir(path.join(scripts, 'folder.png'));
		await writeFile(path.join(dir, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
		await writeFile(path.join(dir, 'outside/secret.png'), PNG);
		await writeFile(path.join(scripts, 'notes.txt'), 'just some notes, not a picture\n');
		await symlink(path.join(dir, 'outside/secret.png'), path.join(scripts, 'link.png'));
		await symlink('/etc/passwd', path.join(scripts, 'passwd.wav'));
		return { dir, scripts, assetDir: path.join(dir, 'out/assets') };
	};

	const resolveWith = async (field: 'image' | 'audio', given: string | ((scripts: string) => string)) => {
		const { dir, scripts, assetDir } = await layout();
		const file = path.join(scripts, 'script.json');
		await writeFile(file, json(withFirstScene({ [field]: typeof given === 'string' ? given : given(scripts) })));
		const before = await listTree(dir);
		const script = await loadScript(file);
		const error = await resolveSuppliedAssets(script, file, ROOT, assetDir).then(
			() => null,
			(e: unknown) => e,
		);
		const after = await listTree(dir);
		return { error, before, after, stashed: await readdir(assetDir).catch(() => []) };
	};

	it.each<[string, 'image' | 'audio', string | ((scripts: string) => string), RegExp]>([
		['relative ../../etc/passwd', 'image', '../../etc/passwd', /lies outside the script's folder and the project; move the file next to the script/],
		['a relative path up to the real /etc/passwd', 'image', (scripts) => path.relative(scripts, '/etc/passwd'), /lies outside/],
		['absolute /etc/passwd', 'image', '/etc/passwd', /lies outside/],
		['a real PNG one folder up', 'image', '../../outside/secret.png', /lies outside/],
		['a symlink in the folder to a PNG outside it', 'image', 'link.png', /link\.png lies outside/],
		['a symlink in the folder to /etc/passwd, as audio', 'audio', 'passwd.wav', /passwd\.wav lies outside/],
		['a text file as an image', 'image', 'notes.txt', /notes\.txt is not a PNG, JPEG or WebP image; export it as one of those/],
		['a text file as audio', 'audio', 'notes.txt', /notes\.txt has no audio that can be decoded; use a WAV, MP3, M4A or OGG file/],
	])('%s is refused', async (_name, field, given, phrase) => {
		const { error, before, after, stashed } = await resolveWith(field, given);
		expect(error).toBeInstanceOf(InputError);
		expectReported((error as InputError).problems, [{ path: `scenes[0].${field}`, phrase }]);
		expect(formatProblems('script.json', (error as InputError).problems)).not.toMatch(CRASH);
		expect(stashed).toEqual([]);
		expect(outside(after, 'out')).toEqual(before);
	});

	// Fails today: readFile on a folder throws EISDIR, which the CLI reports as "render failed" (exit 1).
	it('a folder given as an image is refused as bad input', async () => {
		const { error } = await resolveWith('image', 'folder.png');
		expect(error).toBeInstanceOf(InputError);
		expectReported((error as InputError).problems, [{ path: 'scenes[0].image', phrase: /folder/ }]);
	});
});

type CliCase = {
	readonly name: string;
	readonly contents: string;
	/** Extra flags; `--props` and `--out` come first unless `args` replaces them all. */
	readonly flags?: readonly string[];
	readonly args?: (file: string, out: string) => string[];
	/** Run from the case folder, to see that a relative or empty `--out` writes nothing there. */
	readonly inCaseDir?: boolean;
	readonly stderr: readonly RegExp[];
};

// A few of the cases above end to end (exit code, printing, writes), and the flags, which only the CLI reads.
// Every script here is invalid: a valid one would make the CLI generate voices and images and render.
const CLI_CASES: readonly CliCase[] = [
	{
		name: 'wrong types',
		contents: json(validScript({ title: 5, scenes: { first: validScene(1) } })),
		stderr: [/2 problems/, /  - title: title must be a string/, /  - scenes: scenes must be a list of scene objects/],
	},
	{
		name: 'NaN as bare text',
		contents: json(withFirstScene({ duration: 123456789 })).replace('123456789', 'NaN'),
		stderr: [/  - line 10, column 19: invalid JSON: NaN is not a JSON value; write a number such as 8 there/],
	},
	{
		name: 'bidi and escape characters',
		contents: json(validScript({ title: 'cat\u202Egnp.sh', scenes: [validScene(1, { narration: '\u001b]0;owned\u0007hi' })] })),
		stderr: [
			/  - title: title must not contain the invisible bidi control U\+202E RIGHT-TO-LEFT OVERRIDE at character 4/,
			/  - scenes\[0\]\.narration: .*U\+001B at character 1/,
		],
	},
	{ name: '200 000 unclosed brackets', contents: deep(200_000), stderr: [/  - line 1, column \d+: invalid JSON: /] },
	{
		name: 'an unknown --platform',
		contents: json(validScript({ scenes: [] })),
		flags: ['--platform', 'tiktok'],
		stderr: [/--platform: unknown platform "tiktok"; use one of: douyin, bilibili, youtube/],
	},
	{
		name: '--out without a value',
		contents: json(validScript({ scenes: [] })),
		args: (file) => ['--props', file, '--out'],
		stderr: [/--out/, /argument missing/, /usage: npm run render/],
	},
	{
		name: 'an empty --out, run from the script folder',
		contents: json(validScript({ scenes: [] })),
		args: () => ['--props', 'script.json', '--out', ''],
		inCaseDir: true,
		stderr: [/--out: --out is empty/],
	},
];

describe('npm run render: hostile input gives exit 2, a message, and no writes outside --out', () => {
	const PROJECT_OUT = path.join(ROOT, 'out');
	type CliRun = { result: CommandResult; before: string[]; after: string[] };
	const runs = new Map<string, CliRun>();
	let projectOutBefore: string[];

	beforeAll(async () => {
		projectOutBefore = await listTree(PROJECT_OUT);
		// two at a time: each process takes 1–2 s of this machine's two cores to start
		await mapPool(CLI_CASES, 2, async (c) => {
			const dir = await freshDir('cli');
			const file = path.join(dir, 'script.json');
			const out = path.join(dir, 'out');
			await writeFile(file, c.contents);
			const before = await listTree(dir);
			const args = c.args ? c.args(file, out) : ['--props', file, '--out', out, ...(c.flags ?? [])];
			const result = await runScript('scripts/render.ts', args, c.inCaseDir ? dir : ROOT);
			const after = await listTree(dir);
			runs.set(c.name, { result, before, after: c.inCaseDir ? after : outside(after, 'out') });
		});
	}, 120_000);

	it.each(CLI_CASES)('$name', ({ name, stderr }) => {
		const { result, before, after } = runs.get(name)!;
		const output = result.stderr + result.stdout;
		expect(result.code, output).toBe(2);
		for (const pattern of stderr) expect(result.stderr).toMatch(pattern);
		expect(output).not.toMatch(CRASH);
		expect(output).not.toMatch(RAW_HOSTILE);
		expect(after).toEqual(before);
	});

	it("left the project's own out/ folder as it was", async () => {
		expect(await listTree(PROJECT_OUT)).toEqual(projectOutBefore);
	});
});

afterAll(() => rm(suiteDir, { recursive: true, force: true }));
