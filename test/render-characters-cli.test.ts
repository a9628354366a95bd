import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editParts, fakeEdit, fakeGenerate } from './helpers/fake-openai-images';
import { startFakeServer, type FakeServer } from './helpers/fake-server';
import { quadrantImage } from './helpers/quadrant-image';
import { runScript } from './helpers/run-command';
import { json, validScene } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const KEY = 'sk-test-render-characters-123456';

describe('npm run render with a character reference and OpenAI images', () => {
	let server: FakeServer;
	beforeAll(async () => {
		server = await startFakeServer({ 'POST /v1/images/generations': fakeGenerate, 'POST /v1/images/edits': fakeEdit });
	});
	afterAll(async () => {
		await server.close();
	});

	it('sends the reference, byte for byte, for exactly the scenes that name the character, and renders', { timeout: 240_000 }, async () => {
		const dir = await makeTempDir('render-characters-');
		const reference = await quadrantImage(256, 256);
		await writeFile(path.join(dir, 'mia.png'), reference);
		const script = path.join(dir, 'script.json');
		await writeFile(
			script,
			json({
				title: 'Mia in the rain',
				duration_target: 5,
				target_platform: 'douyin',
				characters: { Mia: { description: 'a girl with a red scarf and a yellow umbrella', reference: 'mia.png' } },
				scenes: [
					validScene(1, { duration: 1.5, visual_description: 'Mia at a bus stop in the rain' }),
					validScene(2, { duration: 1.5, visual_description: 'an empty street in the rain' }),
					validScene(3, { duration: 1.5, visual_description: 'Mia laughing under her umbrella' }),
				],
			}),
		);
		const env = { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${server.url}/v1`, REELSMITH_LLM: '', REELSMITH_TTS: '', REELSMITH_IMAGES: '' };
		const result = await runScript('scripts/render.ts', ['--props', script, '--out', path.join(dir, 'out'), '--draft', '--images', 'openai'], undefined, env);
		expect(result.code, result.stderr).toBe(0);

		const generations = server.requests.filter((r) => r.path === '/v1/images/generations');
		const edits = await Promise.all(server.requests.filter((r) => r.path === '/v1/images/edits').map((r) => editParts(r)));
		// a supplied reference needs no sheet: only scene 2 is generated from its prompt alone
		expect(generations.map((r) => (r.json as { prompt: string }).prompt)).toEqual([expect.stringMatching(/^an empty street in the rain/)]);
		expect(edits.map((e) => e.prompt!.split(/[.,]/)[0]).sort()).toEqual(['Mia at a bus stop in the rain', 'Mia laughing under her umbrella']);
		for (const edit of edits) {
			expect(edit.images).toHaveLength(1);
			expect(Buffer.from(edit.images[0]!.bytes).equals(reference)).toBe(true);
		}
		const props = JSON.parse(await readFile(path.join(dir, 'out', 'mia-in-the-rain', 'douyin', 'props.json'), 'utf8')) as { scenes: { image: unknown }[] };
		expect(props.scenes.every((scene) => scene.image !== null)).toBe(true);
	});
});
