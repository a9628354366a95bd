import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { parseOutDir } from '../src/pipeline/cli/parse-out-dir';
import { parsePlatform } from '../src/pipeline/cli/parse-platform';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { buildStudioCatalogue } from '../src/pipeline/studio/studio-catalogue';
import { launchStudio } from '../src/pipeline/studio/launch-studio';
import { resolveStudioTarget } from '../src/pipeline/studio/studio-target';
import { PLATFORM_NAMES } from '../src/schema/platforms';

const USAGE = `usage: npm run studio -- [out/<slug> | out/<slug>/<platform>/props.json | script.json] [--platform ${PLATFORM_NAMES.join('|')}] [--out DIR] [--port N] [--no-open]`;

await runCli('studio', async () => {
	const { values, positionals } = parseFlags(
		USAGE,
		{ platform: { type: 'string' }, out: { type: 'string', default: 'out' }, port: { type: 'string' }, 'no-open': { type: 'boolean', default: false } },
		true,
	);
	if (positionals.length > 1) throw usageError(USAGE, `give one video at a time, not ${positionals.length}`);
	const target = await resolveStudioTarget(positionals[0], parseOutDir(values.out), parsePlatform(values.platform));
	const { catalogue, skipped } = await buildStudioCatalogue(target.videos);
	for (const { file, reason } of skipped) console.error(`studio: skipped ${file}: ${reason}`);
	if (target.chosen && catalogue.videos.length === 0) throw new Error('none of its packages could be read; render it again');
	for (const video of catalogue.videos) {
		const made = target.videos.find((files) => files.slug === video.slug && files.platform === video.platform)!;
		console.error(`studio: ${video.id}  (${made.props})`);
	}
	if (catalogue.videos.length === 0)
		console.error(`studio: no finished video under ${target.outDir} yet (npm run make or render makes one); showing the examples`);
	console.error(
		'studio: to keep a change, write it into the script (DIR/<slug>/script.json from make) and npm run render -- --props it: no voice or image is made again',
	);
	const port = parseNumberFlag('--port', values.port, 1, 65535, '3000');
	const code = await launchStudio({ catalogue, outDir: target.outDir, ...(port ? { port: Math.trunc(port) } : {}), open: !values['no-open'] });
	if (code !== 0) throw new Error(`Remotion Studio exited with code ${code}`);
});
