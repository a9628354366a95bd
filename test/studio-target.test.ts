import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Internals } from 'remotion';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStudioCatalogue } from '../src/pipeline/studio/studio-catalogue';
import { resolveStudioTarget } from '../src/pipeline/studio/studio-target';
import { outputPaths } from '../src/output/output-paths';
import { buildProps } from '../src/props/build-props';
import { InputError } from '../src/schema/input-error';
import type { PlatformName } from '../src/schema/platforms';
import { videoScriptSchema } from '../src/schema/video-script';
import { madeVideoCompositionId } from '../src/studio/studio-catalogue';
import { runScript } from './helpers/run-command';
import { json, validScript } from './helpers/script-builders';
import { makeTempDir } from './helpers/temp-dir';

const script = videoScriptSchema.parse(validScript({ title: '5个改变生活的AI工具' }));
const SLUG = '5个改变生活的ai工具';

/** A finished package as a render leaves it: props.json and video.mp4 (its content does not matter here). */
const madePackage = async (outDir: string, slug: string, platform: PlatformName, props: unknown = buildProps(script, { platform })) => {
	const paths = outputPaths(outDir, slug, platform);
	await mkdir(paths.platformDir, { recursive: true });
	await writeFile(paths.props, json(props));
	await writeFile(paths.video, 'mp4');
	return paths;
};

const problemOf = async (promise: Promise<unknown>): Promise<string> => {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(InputError);
	return (error as InputError).problems.map((p) => `${p.path}: ${p.message}`).join('\n');
};

describe('npm run studio: which made videos it opens', () => {
	let out: string;
	beforeAll(async () => {
		out = await makeTempDir('reelsmith-studio-target-');
		await madePackage(out, SLUG, 'douyin');
		await madePackage(out, SLUG, 'youtube');
		await writeFile(outputPaths(out, SLUG, 'douyin').script, json(validScript({ title: '5个改变生活的AI工具' })));
		await madePackage(out, 'café-au-lait', 'bilibili', buildProps(script, { platform: 'bilibili' }));
		// a package whose render never finished: props.json but no video.mp4
		await mkdir(outputPaths(out, 'unfinished', 'douyin').platformDir, { recursive: true });
		await writeFile(outputPaths(out, 'unfinished', 'douyin').props, json(buildProps(script)));
		await mkdir(path.join(out, '.cache'), { recursive: true });
	});

	it('with no path lists every finished package under the output folder, and nothing else', async () => {
		const target = await resolveStudioTarget(undefined, out, undefined);
		expect(target.chosen).toBe(false);
		expect(target.videos.map((v) => `${v.slug}/${v.platform}`)).toEqual([`${SLUG}/douyin`, `${SLUG}/youtube`, 'café-au-lait/bilibili']);
		expect((await resolveStudioTarget(undefined, out, 'youtube')).videos.map((v) => v.platform)).toEqual(['youtube']);
	});

	it.each([
		['the video folder', () => path.join(out, SLUG), ['douyin', 'youtube']],
		['a platform folder', () => path.join(out, SLUG, 'youtube'), ['youtube']],
		['a props.json', () => outputPaths(out, SLUG, 'douyin').props, ['douyin']],
		['the script.json make wrote', () => outputPaths(out, SLUG, 'douyin').script, ['douyin', 'youtube']],
	])('opens one video from %s', async (_, arg, platforms) => {
		const target = await resolveStudioTarget(arg(), path.join(out, 'elsewhere'), undefined);
		expect(target).toMatchObject({ outDir: out, chosen: true });
		expect(target.videos.map((v) => v.platform)).toEqual(platforms);
		expect(target.videos[0]!.script).toBe(outputPaths(out, SLUG, 'douyin').script);
	});

	it('finds the video of a script elsewhere in --out, by its title', async () => {
		const scriptFile = path.join(out, 'my-script.json');
		await writeFile(scriptFile, json(validScript({ title: '5个改变生活的AI工具' })));
		const target = await resolveStudioTarget(scriptFile, out, 'douyin');
		expect(target.videos.map((v) => `${v.slug}/${v.platform}`)).toEqual([`${SLUG}/douyin`]);
	});

	it('refuses, saying how to fix it, a path that does not exist, a video not rendered yet, or a platform it lacks', async () => {
		expect(await problemOf(resolveStudioTarget(path.join(out, 'nope'), out, undefined))).toMatch(/does not exist; give a video folder made by make or render/);
		expect(await problemOf(resolveStudioTarget(path.join(out, 'unfinished'), out, undefined))).toMatch(
			/no finished package of "unfinished" .*render it first: npm run render -- --props <script>/,
		);
		expect(await problemOf(resolveStudioTarget(path.join(out, SLUG), out, 'bilibili'))).toMatch(/no finished bilibili package of "5个改变生活的ai工具"/);
		expect(await problemOf(resolveStudioTarget(path.join(out, SLUG, 'douyin'), out, 'youtube'))).toMatch(/^--platform: .* is the douyin package, not youtube/);
	});

	it('npm run studio exits 2 with the problem, before starting anything, on bad input', async () => {
		for (const [args, message] of [
			[[path.join(out, 'nope')], /argv: .*does not exist/],
			[[path.join(out, SLUG), '--platform', 'tiktok'], /--platform: unknown platform "tiktok"/],
			[[path.join(out, SLUG), '--port', 'x'], /--port: "x" is not a number from 1 to 65535/],
			[[path.join(out, SLUG), path.join(out, SLUG)], /give one video at a time/],
		] as const) {
			const result = await runScript('scripts/studio.ts', args);
			expect(result.code, result.stderr).toBe(2);
			expect(result.stderr).toMatch(message);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		}
	}, 60_000);

	it('gives each video a composition id Remotion accepts: the slug where it can, never the same for two slugs', async () => {
		const { catalogue } = await buildStudioCatalogue((await resolveStudioTarget(undefined, out, undefined)).videos);
		const ids = catalogue.videos.map((v) => v.id);
		expect(ids.slice(0, 2)).toEqual([`${SLUG}-douyin`, `${SLUG}-youtube`]);
		const odd = ['café-au-lait', 'cafe-au-lait', 'café au lait', 'ร้านกาแฟ', 'カフェ'].map((slug) => madeVideoCompositionId(slug, 'bilibili'));
		expect(new Set(odd).size).toBe(odd.length);
		for (const id of [...ids, ...odd]) expect(Internals.isCompositionIdValid(id), id).toBeTruthy();
		expect(catalogue.videos[0]).toMatchObject({ outName: `${SLUG}/studio-douyin`, props: buildProps(script, { platform: 'douyin' }) });
	});

	it('skips, with its reason, a props.json the composition schema refuses', async () => {
		const broken = await makeTempDir('reelsmith-studio-broken-');
		const props = buildProps(script);
		await madePackage(broken, 'good', 'douyin', props);
		await madePackage(broken, 'old', 'douyin', { ...props, scenes: [] });
		const files = await madePackage(broken, 'garbled', 'douyin');
		await writeFile(files.props, '{ not json');
		const { catalogue, skipped } = await buildStudioCatalogue((await resolveStudioTarget(undefined, broken, undefined)).videos);
		expect(catalogue.videos.map((v) => v.slug)).toEqual(['good']);
		expect(skipped.map((s) => [path.basename(path.dirname(path.dirname(s.file))), s.reason])).toEqual([
			['garbled', expect.stringMatching(/cannot be read as JSON/)],
			['old', expect.stringMatching(/^scenes: .*render it again to refresh it$/)],
		]);
	});
});
