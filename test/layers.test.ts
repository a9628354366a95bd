import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

const run = promisify(execFile);
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

/** depcruise's exit code and report for `src` under `cwd`. */
const cruise = async (cwd: string): Promise<{ code: number; report: string }> =>
	run(DEPCRUISE, ['src', '--config', CONFIG], { cwd }).then(
		({ stdout }) => ({ code: 0, report: stdout }),
		(error: { code: number; stdout: string }) => ({ code: error.code, report: error.stdout }),
	);

/** A tree of TypeScript files, `files` mapping paths to sources, with the project's module settings. */
const tree = async (files: Record<string, string>): Promise<string> => {
	const dir = await makeTempDir('reelsmith-layers-');
	await writeFile(
		path.join(dir, 'tsconfig.json'),
		JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true, noEmit: true } }),
	);
	for (const [file, source] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), source);
	}
	return dir;
};

describe('the layers of src/ (.dependency-cruiser.cjs, npm run lint)', () => {
	it('hold in the repository', async () => {
		const { code, report } = await cruise(ROOT);
		expect(report).toContain('no dependency violations found');
		expect(code).toBe(0);
	}, 60_000);

	it('refuse an upward import, naming the rule', async () => {
		const dir = await tree({
			'src/pipeline/stage.ts': "export const stage = 'stage';\n",
			'src/schema/field.ts': "import { stage } from '../pipeline/stage';\nexport const field = stage;\n",
		});
		const { code, report } = await cruise(dir);
		expect(code).not.toBe(0);
		expect(report).toMatch(/schema-imports-downward-only: src\/schema\/field\.ts → src\/pipeline\/stage\.ts/);
	}, 60_000);

	it('allow the same import downward', async () => {
		const dir = await tree({
			'src/schema/field.ts': "export const field = 'field';\n",
			'src/pipeline/stage.ts': "import { field } from '../schema/field';\nexport const stage = field;\n",
		});
		expect((await cruise(dir)).code).toBe(0);
	}, 60_000);

	it('refuse a folder that has no layer', async () => {
		const dir = await tree({
			'src/helpers/util.ts': "import { field } from '../schema/field';\nexport const util = field;\n",
			'src/schema/field.ts': 'export const field = 1;\n',
		});
		const { code, report } = await cruise(dir);
		expect(code).not.toBe(0);
		expect(report).toContain('every-folder-has-a-layer');
	}, 60_000);
});
