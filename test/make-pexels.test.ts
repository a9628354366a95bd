import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../src/pipeline/media/probe-media';
import { videoPropsSchema } from '../src/schema/video-props';
import { totalDurationInFrames } from '../src/timeline/scene-timeline';
import { startFakePexels } from './helpers/fake-pexels';
import { runScript } from './helpers/run-command';
import { makeStockMedia } from './helpers/stock-media';
import { makeTempDir } from './helpers/temp-dir';

const KEY = 'pexels-e2e-key-0123456789';

const ARTICLE = `# Slow mornings

Drink a glass of warm water first, then open the window and let the sunlight in.

Spend ten minutes writing down the three things that matter most today.
`;

let fake: Awaited<ReturnType<typeof startFakePexels>>;
let dir: string;

beforeAll(async () => {
	dir = await makeTempDir('reelsmith-make-pexels-');
	const media = await makeStockMedia({ width: 720, height: 1280, seconds: 2 });
	fake = await startFakePexels(
		KEY,
		{
			videos: [
				{
					id: 7,
					tags: ['*'],
					width: 1080,
					height: 1920,
					duration: 2,
					author: 'Mia Sol',
					files: [
						{ width: 720, height: 1280 },
						{ width: 1080, height: 1920 },
					],
				},
			],
			photos: [{ id: 8, tags: ['*'], width: 4000, height: 6000, author: 'Noa Vale' }],
		},
		media,
	);
}, 60_000);

afterAll(async () => {
	await fake?.close();
});

describe('npm run make --images pexels', () => {
	it('makes a package whose scenes play Pexels clips, credited in metadata.json', async () => {
		const article = path.join(dir, 'slow.md');
		const out = path.join(dir, 'out');
		await writeFile(article, ARTICLE);
		const env = { ...process.env, PEXELS_API_KEY: KEY, PEXELS_BASE_URL: fake.url, REELSMITH_LLM: 'offline' };
		const result = await runScript('scripts/make.ts', ['--from', article, '--out', out, '--draft', '--images', 'pexels', '--tts', 'none'], undefined, env);
		expect(result.stderr).not.toContain('failed');
		expect(result.code).toBe(0);

		const packageDir = path.join(out, 'slow-mornings', 'douyin');
		const props = videoPropsSchema.parse(JSON.parse(await readFile(path.join(packageDir, 'props.json'), 'utf8')));
		expect(props.scenes.length).toBeGreaterThanOrEqual(1);
		for (const scene of props.scenes) {
			expect(scene.image).toBeNull();
			expect(scene.video).toMatchObject({ src: expect.stringMatching(/^image\/[0-9a-f]+\.mp4$/), width: 720, height: 1280, loop: true, muted: true });
		}
		const facts = await probeMedia(path.join(packageDir, 'video.mp4'));
		expect(facts.video).toMatchObject({ codec: 'avc', width: 540, height: 960, frames: totalDurationInFrames(props.scenes) });

		// every search carried the key and asked for portrait clips; no photo was needed
		const searches = fake.requests.filter((r) => r.path.endsWith('/search'));
		expect(searches.every((r) => r.headers.authorization === KEY && r.path === '/videos/search' && r.query.get('orientation') === 'portrait')).toBe(true);

		const metadata = JSON.parse(await readFile(path.join(packageDir, 'metadata.json'), 'utf8'));
		expect(metadata.credits).toEqual(
			props.scenes.map((scene) => ({
				scene: scene.id,
				text: 'Video by Mia Sol on Pexels',
				author: 'Mia Sol',
				authorUrl: 'https://www.pexels.com/@mia-sol',
				sourceUrl: 'https://www.pexels.com/video/clip-7/',
			})),
		);
		expect(metadata.description).toMatch(/\n\nVideo by Mia Sol on Pexels: https:\/\/www\.pexels\.com\/video\/clip-7\/$/);

		const summary = JSON.parse(await readFile(path.join(out, 'slow-mornings', 'summary.json'), 'utf8'));
		expect(summary.scenes[0].image).toMatchObject({ provider: 'pexels', kind: 'video', credit: { author: 'Mia Sol' } });
	}, 300_000);
});
