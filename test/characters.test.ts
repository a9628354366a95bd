import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssetCache } from '../src/cache/asset-cache';
import { PROJECT_ROOT } from '../src/node/project-root';
import { checkCharacterReferences } from '../src/pipeline/assets/character-references';
import { readManifest } from '../src/pipeline/assets/manifest';
import { parseRedo } from '../src/pipeline/assets/redo';
import { resolveAssets, type ResolvedAssets } from '../src/pipeline/assets/resolve-assets';
import { formatPlan } from '../src/pipeline/cli/format-plan';
import { formatAssetEvent } from '../src/pipeline/cli/stage-report';
import type { AssetEvent } from '../src/pipeline/assets/asset-events';
import { outputPaths } from '../src/output/output-paths';
import { slugify } from '../src/output/slug';
import { videoTarget } from '../src/props/video-target';
import { runCharacters } from '../src/pipeline/assets/character-stage';
import { costReport } from '../src/pipeline/stages/cost-report';
import { planVideo } from '../src/pipeline/stages/plan-video';
import { charactersIn, imagePromptFor } from '../src/providers/storyboard/image-prompt';
import { createOpenAIImages } from '../src/providers/storyboard/openai/openai-images';
import { drawFigure, figureBox, figureDesign } from '../src/providers/storyboard/procedural/character-figure';
import { createProceduralStoryboard } from '../src/providers/storyboard/procedural/procedural-storyboard';
import type { StoryboardProvider, StoryboardRequest } from '../src/providers/storyboard/storyboard-provider';
import { InputError } from '../src/schema/input-error';
import { videoScriptSchema, type VideoScript } from '../src/schema/video-script';
import { editParts, fakeEdit, fakeGenerate } from './helpers/fake-openai-images';
import { startFakeServer, type FakeServer } from './helpers/fake-server';

const MIA = 'a girl of ten with a red scarf and a yellow raincoat';
const LEO = 'an old sailor with a grey beard and a blue cap';

const script: VideoScript = videoScriptSchema.parse({
	title: 'Mia and Leo',
	duration_target: 20,
	style: 'story',
	style_prompt: 'flat illustration, soft light',
	characters: { Mia: MIA, Leo: { description: LEO, reference: 'leo.png' }, Kai: 'a boy who never appears' },
	scenes: [
		{ scene_id: 1, narration: 'Mia waits for the bus.', visual_description: 'a bus stop in the rain at night', duration: 5 },
		{ scene_id: 2, narration: 'The street is empty.', visual_description: 'an empty street in the rain', duration: 5 },
		{ scene_id: 3, narration: 'An old friend waves.', visual_description: 'Leo waving on a harbour at dusk', duration: 5 },
		{ scene_id: 4, narration: 'They share an umbrella.', visual_description: 'Mia and Leo under one umbrella', duration: 5 },
	],
});

/** Scene ids naming each character. */
const NAMING_MIA = [1, 4];
const OUTPUT = { width: 540, height: 960 };
/** The script's platform's frame: what --dry-run plans for. */
const PLATFORM_SIZE = videoTarget(script, script.target_platform).size;

let dir: string;
let leoPng: Buffer;

/** Counts what reaches a provider: scene ids, and the sheets it is asked for. */
const counting = (inner: StoryboardProvider) => {
	const scenes: number[] = [];
	const sheets: string[] = [];
	const requests: StoryboardRequest[] = [];
	const provider: StoryboardProvider = {
		name: inner.name,
		model: inner.model,
		...(inner.takesReferences ? { takesReferences: true } : {}),
		draw: (request) => {
			requests.push(request);
			if (request.sheetOf) sheets.push(request.sheetOf.name);
			else scenes.push(request.sceneId);
			return inner.draw(request);
		},
	};
	const reset = () => {
		scenes.length = 0;
		sheets.length = 0;
		requests.length = 0;
	};
	return { provider, scenes, sheets, requests, reset };
};

/** Where a run in `folder` keeps its cache and manifest: where make and --dry-run look. */
const pathsIn = (folder: string) => outputPaths(path.join(dir, folder), slugify(script.title), script.target_platform);

const resolveIn = (folder: string, provider: StoryboardProvider, redo: readonly string[] = [], outputSize = OUTPUT) =>
	resolveAssets({
		script,
		scriptFile: path.join(dir, 'script.json'),
		projectRoot: PROJECT_ROOT,
		language: 'en',
		outputSize,
		cache: new AssetCache(pathsIn(folder).cache),
		manifestFile: pathsIn(folder).manifest,
		voice: null,
		storyboard: provider,
		redo: parseRedo(redo, script).requests,
		concurrency: { voice: 1, storyboard: 2 },
	});

const imageBytes = (result: ResolvedAssets, sceneId: number, folder: string) =>
	readFile(path.join(dir, folder, '.cache', result.assets.get(sceneId)!.image!.src));

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'reelsmith-characters-'));
	const canvas = createCanvas(64, 96);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#2050c0';
	ctx.fillRect(16, 8, 32, 80);
	leoPng = await canvas.encode('png');
	await writeFile(path.join(dir, 'leo.png'), leoPng);
	await writeFile(path.join(dir, 'script.json'), JSON.stringify(script));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('characters in the script', () => {
	it('takes a description or {description, reference}, with problems by path', () => {
		const base = { title: 't', duration_target: 10, scenes: [{ scene_id: 1, narration: 'a', visual_description: 'b', duration: 5 }] };
		const problems = (characters: unknown) => {
			const result = videoScriptSchema.safeParse({ ...base, characters });
			return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
		};
		expect(problems({ Mia: MIA, Leo: { description: LEO, reference: 'leo.png' }, Kai: { description: 'x' } })).toEqual([]);
		expect(problems({ Mia: { description: MIA, reference: '' } })).toEqual([
			['characters.Mia.reference', 'reference is empty; give a file path relative to the script, or remove the field'],
		]);
		expect(problems({ Mia: { reference: 'mia.png' } })).toEqual([['characters.Mia', 'description: missing character description']]);
		expect(problems({ Mia: { description: MIA, picture: 'mia.png' } })[0]![1]).toMatch(
			/unknown field picture; a character takes only "description" and "reference"/,
		);
		expect(problems({ Mia: 3 })[0]![1]).toMatch(/each character must be a description.*or \{"description": "…", "reference": "mia.png"\}, not a number/);
	});

	it('checks a reference like a scene image: found, inside the project, an image', async () => {
		await writeFile(path.join(dir, 'notes.png'), 'not a picture');
		const bad = videoScriptSchema.parse({
			...script,
			characters: {
				Mia: { description: MIA, reference: 'missing.png' },
				Leo: { description: LEO, reference: 'notes.png' },
				Ana: { description: 'x', reference: '/etc/hostname' },
			},
		});
		const error = (await checkCharacterReferences(bad, path.join(dir, 'script.json'), PROJECT_ROOT).catch((e: unknown) => e)) as InputError;
		expect(error).toBeInstanceOf(InputError);
		expect(error.problems.map((p) => p.path)).toEqual(['characters.Mia.reference', 'characters.Leo.reference', 'characters.Ana.reference']);
		expect(error.problems[0]!.message).toMatch(/file missing\.png not found/);
		expect(error.problems[1]!.message).toMatch(/is not a PNG, JPEG or WebP image/);
		expect(error.problems[2]!.message).toMatch(/outside the script's folder and the project/);
		// a valid PNG header followed by 21 MiB: a picture sent with every scene must stay small
		await writeFile(path.join(dir, 'huge.png'), Buffer.concat([leoPng, Buffer.alloc(21 * 2 ** 20)]));
		const huge = videoScriptSchema.parse({ ...script, characters: { Mia: { description: MIA, reference: 'huge.png' } } });
		const tooBig = (await checkCharacterReferences(huge, path.join(dir, 'script.json'), PROJECT_ROOT).catch((e: unknown) => e)) as InputError;
		expect(tooBig.problems).toEqual([{ path: 'characters.Mia.reference', message: expect.stringMatching(/^huge\.png is 21\.0 MiB, more than the 20 MiB/) }]);
		const good = await checkCharacterReferences(script, path.join(dir, 'script.json'), PROJECT_ROOT);
		expect([...good.keys()]).toEqual(['Leo']);
		expect(Buffer.from(good.get('Leo')!.bytes).equals(leoPng)).toBe(true);
	});

	it('names characters for prompts and references in one place', () => {
		expect(script.scenes.map((s) => charactersIn(s, script))).toEqual([['Mia'], [], ['Leo'], ['Mia', 'Leo']]);
		expect(imagePromptFor(script.scenes[2]!, script)).toContain(`Leo: ${LEO}`);
	});

	it('parses --redo character:NAME, naming the valid characters when it is unknown', () => {
		expect(parseRedo(['character:Mia', '2:image'], script)).toEqual({ requests: [{ character: 'Mia' }, { sceneId: 2, kind: 'image' }], problems: [] });
		const { problems } = parseRedo(['character:Zoe', 'character:Leo'], script);
		expect(problems.map((p) => p.path)).toEqual(['--redo', '--redo']);
		expect(problems[0]!.message).toBe('"Zoe" is not a character of the script; its characters are "Mia", "Leo", "Kai"');
		expect(problems[1]!.message).toMatch(/Leo is drawn from the supplied leo\.png, not a generated sheet/);
	});
});

describe('offline (procedural) characters', () => {
	const procedural = counting(createProceduralStoryboard());
	const FOLDER = 'procedural';
	let first: ResolvedAssets;

	beforeAll(async () => {
		first = await resolveIn(FOLDER, procedural.provider);
	});

	it('makes one sheet per character a drawn scene names, the supplied one used as given', async () => {
		expect(procedural.sheets).toEqual(['Mia']);
		expect(procedural.scenes.sort()).toEqual([1, 2, 3, 4]);
		expect([...first.characters.keys()].sort()).toEqual(['Leo', 'Mia']);
		expect(first.characters.get('Leo')!.source).toBe('supplied');
		expect(Buffer.from(first.characters.get('Leo')!.reference.image).equals(leoPng)).toBe(true);
		const byScene = new Map(procedural.requests.filter((r) => !r.sheetOf).map((r) => [r.sceneId, (r.references ?? []).map((x) => x.name)]));
		expect(Object.fromEntries(byScene)).toEqual({ 1: ['Mia'], 2: [], 3: ['Leo'], 4: ['Mia', 'Leo'] });
		const manifest = await readManifest(pathsIn(FOLDER).manifest);
		expect(Object.keys(manifest!.characters!)).toEqual(['Mia']);
		expect(manifest!.characters!.Mia).toMatchObject({ provider: 'procedural', take: 0 });
	});

	it('draws the sheet as the figure alone on a plain background', async () => {
		const sheet = first.characters.get('Mia')!.reference;
		const image = await loadImage(Buffer.from(sheet.image));
		const canvas = createCanvas(image.width, image.height);
		canvas.getContext('2d').drawImage(image, 0, 0);
		const { data } = canvas.getContext('2d').getImageData(0, 0, image.width, image.height);
		const at = (x: number, y: number) => [...data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
		expect(at(4, 4)).toEqual(at(image.width - 5, 4));
		expect(at(4, 4)).toEqual(at(4, image.height - 5));
		const centre = at(image.width / 2, Math.round(image.height * 0.5));
		expect(centre).not.toEqual(at(4, 4));
	});

	it('draws the same figure, pixel for pixel, in every scene naming the character, and none elsewhere', async () => {
		const mia = figureDesign('Mia', MIA);
		const scenes = await Promise.all([1, 2, 4].map(async (id) => loadImage(await imageBytes(first, id, FOLDER))));
		const { width, height } = scenes[0]!;
		const pixels = scenes.map((image) => {
			const canvas = createCanvas(width, height);
			canvas.getContext('2d').drawImage(image, 0, 0);
			return canvas.getContext('2d').getImageData(0, 0, width, height).data;
		});
		// the figure alone, to know which pixels are the figure's
		const mask = createCanvas(width, height);
		// Mia is the script's first character: the first column, whoever else the scene names
		const box = figureBox(mia, width, height, { index: 0 });
		drawFigure(mask.getContext('2d'), mia, box);
		const alpha = mask.getContext('2d').getImageData(0, 0, width, height).data;
		// JPEG codes 16×16 blocks on their own: a block wholly inside the figure is coded the same in any scene
		let blocks = 0;
		let differsFromEmpty = 0;
		for (let by = 0; by + 16 <= height; by += 16) {
			for (let bx = 0; bx + 16 <= width; bx += 16) {
				let inside = true;
				for (let y = by; y < by + 16 && inside; y++) for (let x = bx; x < bx + 16 && inside; x++) inside = alpha[(y * width + x) * 4 + 3] === 255;
				if (!inside) continue;
				blocks++;
				let differs = false;
				// decoders smooth colour across block edges from the neighbours: the 2 px rim is left out
				for (let y = by + 2; y < by + 14; y++) {
					for (let x = bx + 2; x < bx + 14; x++) {
						const i = (y * width + x) * 4;
						for (let c = 0; c < 3; c++) {
							expect(pixels[0]![i + c]).toBe(pixels[2]![i + c]);
							if (Math.abs(pixels[0]![i + c]! - pixels[1]![i + c]!) > 12) differs = true;
						}
					}
				}
				if (differs) differsFromEmpty++;
			}
		}
		expect(blocks).toBeGreaterThan(8);
		// scene 2 names nobody: the figure's place shows the scene's own picture
		expect(differsFromEmpty).toBeGreaterThan(blocks * 0.8);
	});

	it('keeps the sheet in the cache: a second run generates nothing', async () => {
		procedural.reset();
		const again = await resolveIn(FOLDER, procedural.provider);
		expect(procedural.sheets).toEqual([]);
		expect(procedural.scenes).toEqual([]);
		expect(again.characters.get('Mia')!.source).toMatchObject({ take: 0, generated: false });
		expect(again.stages.storyboard).toMatchObject({ generated: 0, cached: 4 });
	});

	it('--redo character:Mia makes a new sheet take and redraws exactly the scenes naming Mia', async () => {
		procedural.reset();
		const redone = await resolveIn(FOLDER, procedural.provider, ['character:Mia']);
		expect(procedural.sheets).toEqual(['Mia']);
		expect(procedural.scenes.sort()).toEqual(NAMING_MIA);
		expect(redone.characters.get('Mia')!.source).toMatchObject({ take: 1, generated: true });
		expect(redone.characters.get('Mia')!.sha256).not.toBe(first.characters.get('Mia')!.sha256);
		const manifest = await readManifest(pathsIn(FOLDER).manifest);
		expect(manifest!.characters!.Mia!.take).toBe(1);
		// the take stays: the next run draws nothing
		procedural.reset();
		await resolveIn(FOLDER, procedural.provider);
		expect([...procedural.sheets, ...procedural.scenes]).toEqual([]);
	});

	it('reports each character picture as it is ready, before the scenes', async () => {
		const events: AssetEvent[] = [];
		await resolveAssets({
			script,
			scriptFile: path.join(dir, 'script.json'),
			projectRoot: PROJECT_ROOT,
			language: 'en',
			outputSize: { width: 90, height: 160 },
			cache: new AssetCache(path.join(dir, 'events/.cache')),
			manifestFile: path.join(dir, 'events/video/manifest.json'),
			voice: null,
			storyboard: createProceduralStoryboard(),
			redo: [],
			concurrency: { voice: 1, storyboard: 1 },
			onEvent: (event) => events.push(event),
		});
		const sheets = events.filter((e) => e.character !== undefined);
		expect(sheets.map((e) => [e.character, e.status, e.done, e.total])).toEqual([
			['Mia', 'generated', 1, 2],
			['Leo', 'supplied', 2, 2],
		]);
		expect(events.indexOf(sheets[1]!)).toBe(1);
		expect(formatAssetEvent(sheets[0]!)).toMatch(/^storyboard \[1\/2\] character Mia generated \(\d+\.\d s\)$/);
	});

	it('makes no sheet when no drawn scene names the character', async () => {
		const own = videoScriptSchema.parse({
			...script,
			scenes: script.scenes.map((s) => (s.scene_id === 1 || s.scene_id === 4 ? { ...s, image: 'leo.png' } : s)),
		});
		const only = counting(createProceduralStoryboard());
		const result = await resolveAssets({
			script: own,
			scriptFile: path.join(dir, 'script.json'),
			projectRoot: PROJECT_ROOT,
			language: 'en',
			outputSize: { width: 90, height: 160 },
			cache: new AssetCache(path.join(dir, 'supplied-scenes/.cache')),
			manifestFile: path.join(dir, 'supplied-scenes/video/manifest.json'),
			voice: null,
			storyboard: only.provider,
			redo: [],
			concurrency: { voice: 1, storyboard: 2 },
		});
		expect(only.sheets).toEqual([]);
		expect([...result.characters.keys()]).toEqual(['Leo']);
	});
});

describe('a provider that draws from no picture', () => {
	it('makes no sheet and says once that the characters rest on their descriptions', async () => {
		const warnings: string[] = [];
		const drawn: StoryboardRequest[] = [];
		const describing: StoryboardProvider = {
			name: 'describing',
			model: 'm1',
			draw: async (request) => (drawn.push(request), { image: new Uint8Array([1]), extension: 'jpg' }),
		};
		const { sheets } = await runCharacters({
			script,
			scenes: script.scenes,
			provider: describing,
			cache: new AssetCache(path.join(dir, 'describing/.cache')),
			supplied: new Map(),
			manifest: null,
			redo: [],
			concurrency: 1,
			onWarning: (message) => warnings.push(message),
		});
		expect(sheets.size).toBe(0);
		expect(drawn).toEqual([]);
		expect(warnings).toEqual(['describing (m1) draws no scene from a reference picture: Mia, Leo are kept alike by their descriptions alone']);
	});
});

describe('characters with openai-images', () => {
	const KEY = 'sk-test-characters-key-123456';
	const FOLDER = 'openai';
	let server: FakeServer;

	beforeEach(async () => {
		server = await startFakeServer({ 'POST /v1/images/generations': fakeGenerate, 'POST /v1/images/edits': fakeEdit });
	});
	afterEach(async () => {
		await server.close();
	});

	const openai = () =>
		createOpenAIImages({
			connection: { apiKey: KEY, baseURL: `${server.url}/v1`, timeoutMs: 5_000 },
			retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} },
		});

	it('the dry run counts the sheets and the reference pictures in the cost', async () => {
		const plan = await planVideo({
			script,
			outDir: path.join(dir, 'plan'),
			voice: null,
			storyboard: openai(),
			scriptFile: path.join(dir, 'script.json'),
		});
		expect(plan.characters).toEqual([
			{ name: 'Mia', sheet: 'generate' },
			{ name: 'Leo', sheet: 'supplied' },
		]);
		const items = plan.runCost.items;
		expect(items.find((i) => i.stage === 'characters')).toMatchObject({ provider: 'openai-images', model: 'gpt-image-1.5', images: 1, usd: 0.05 });
		// scenes 1 and 3 draw from one picture each, scene 4 from two
		expect(items.find((i) => i.stage === 'storyboard')).toMatchObject({ images: 4, referenceImages: 4, usd: 0.2244 });
		expect(plan.runCost.totalUsd).toBe(0.2744);
		expect(formatPlan(plan)).toContain('character sheets: Mia generate, Leo supplied');
		expect(server.requests).toHaveLength(0);
	});

	it('sends the pictures for exactly the scenes naming a character, through the edits endpoint', async () => {
		const result = await resolveIn(FOLDER, openai(), [], PLATFORM_SIZE);
		const generations = server.requests.filter((r) => r.path === '/v1/images/generations');
		const edits = server.requests.filter((r) => r.path === '/v1/images/edits');
		// Mia's sheet and scene 2 (no one named) are generated; scenes 1, 3 and 4 are edits
		expect(generations).toHaveLength(2);
		expect(generations.map((r) => (r.json as { prompt: string }).prompt).filter((p) => p.startsWith('character sheet of Mia'))).toHaveLength(1);
		expect(generations.some((r) => (r.json as { prompt: string }).prompt.startsWith('an empty street in the rain'))).toBe(true);
		expect(edits).toHaveLength(3);

		const sheet = await readFile(
			path.join(
				dir,
				FOLDER,
				'.cache',
				result.characters.get('Mia')!.source === 'supplied' ? '' : (result.characters.get('Mia')!.source as { asset: { file: string } }).asset.file,
			),
		);
		const parts = await Promise.all(edits.map((r) => editParts(r)));
		const byPrompt = (start: string) => parts.find((p) => p.prompt!.startsWith(start))!;
		const scene1 = byPrompt('a bus stop in the rain');
		const scene3 = byPrompt('Leo waving');
		const scene4 = byPrompt('Mia and Leo under one umbrella');
		expect(scene1.images.map((i) => i.type)).toEqual(['image/jpeg']);
		expect(Buffer.from(scene1.images[0]!.bytes).equals(sheet)).toBe(true);
		// a supplied reference goes as given, byte for byte
		expect(scene3.images.map((i) => i.type)).toEqual(['image/png']);
		expect(Buffer.from(scene3.images[0]!.bytes).equals(leoPng)).toBe(true);
		expect(scene4.images.map((i) => i.type)).toEqual(['image/jpeg', 'image/png']);
		expect(scene4.prompt).toContain('image 1: Mia, image 2: Leo');
		for (const p of parts) expect(p).toMatchObject({ model: 'gpt-image-1.5', size: '1024x1536', quality: 'medium', n: '1', output_format: 'jpeg' });

		const report = costReport(script, { fps: 30, scenes: script.scenes.map(() => ({})) } as never, result.sources, undefined, result.characters);
		expect(report.items.find((i) => i.stage === 'characters')).toMatchObject({ images: 1 });
		expect(report.items.find((i) => i.stage === 'storyboard')).toMatchObject({ images: 4, referenceImages: 4 });
		expect(report.this_run_usd).toBe(0.2744);
	});

	it('the dry run after it finds the sheet and every scene in the cache, as the run keyed them', async () => {
		const plan = await planVideo({ script, outDir: path.join(dir, FOLDER), voice: null, storyboard: openai(), scriptFile: path.join(dir, 'script.json') });
		expect(plan.characters).toEqual([
			{ name: 'Mia', sheet: 'cached' },
			{ name: 'Leo', sheet: 'supplied' },
		]);
		expect(plan.scenes.map((s) => s.image)).toEqual(['cached', 'cached', 'cached', 'cached']);
		expect(plan.runCost.totalUsd).toBe(0);
		expect(plan.videoCost.totalUsd).toBe(0.2744);
		// without the script file the supplied picture cannot be read: its scenes count as new, it never as a sheet
		const blind = await planVideo({ script, outDir: path.join(dir, FOLDER), voice: null, storyboard: openai() });
		expect(blind.characters).toEqual(plan.characters);
		expect(blind.scenes.map((s) => s.image)).toEqual(['cached', 'cached', 'generate', 'generate']);
		expect(server.requests).toHaveLength(0);
	});

	it('a second run sends nothing; --redo character:Mia regenerates the sheet and redraws scenes 1 and 4 only', async () => {
		await resolveIn(FOLDER, openai(), [], PLATFORM_SIZE);
		expect(server.requests).toHaveLength(0);
		await resolveIn(FOLDER, openai(), ['character:Mia'], PLATFORM_SIZE);
		const prompts = server.requests.map((r) => (r.path === '/v1/images/edits' ? 'edit' : 'generate'));
		expect(prompts.sort()).toEqual(['edit', 'edit', 'generate']);
		expect(String((server.requests.find((r) => r.path === '/v1/images/generations')!.json as { prompt: string }).prompt)).toMatch(/^character sheet of Mia: /);
	});
});
