import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTree } from './helpers/file-tree';
import { ROOT, runScript } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

/** Every npm script that runs one of our CLIs, read from package.json, so a new command is covered at once. */
const commands = Object.entries(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>)
	.map(([name, line]) => ({ name, script: /^node --import tsx (scripts\/\S+\.ts)$/.exec(line)?.[1] }))
	.filter((command): command is { name: string; script: string } => command.script !== undefined);

describe('--help on every command', () => {
	let cwd: string;
	beforeAll(async () => {
		cwd = await makeTempDir('reelsmith-help-');
	});

	it('covers every CLI in package.json', () => {
		expect(commands.map((c) => c.name)).toEqual(
			expect.arrayContaining(['render', 'make', 'studio', 'script', 'upload', 'schema', 'bench', 'lambda:deploy', 'lambda:render']),
		);
	});

	it.each(commands)(
		'npm run $name -- --help prints its usage on stdout, exits 0 and does nothing',
		async ({ name, script }) => {
			const schemaFile = path.join(ROOT, 'schema/video-script.schema.json');
			const schemaWritten = statSync(schemaFile).mtimeMs;
			for (const flag of ['--help', '-h']) {
				const result = await runScript(script, [flag], cwd);
				expect(result.stderr).toBe('');
				expect(result.code).toBe(0);
				expect(result.stdout).toMatch(new RegExp(`^usage: npm run ${name}\\b`));
			}
			expect(await listTree(cwd)).toEqual([]);
			expect(statSync(schemaFile).mtimeMs).toBe(schemaWritten);
		},
		60_000,
	);
});
