import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-command';

/** Source files of the commands and the library, where every variable reelsmith reads is named. */
const sources = (dir: string): string[] =>
	(readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((name) => /\.tsx?$/.test(name)).map((name) => path.join(ROOT, dir, name));

/** Variables read as `env.NAME` / `env['NAME']`, or named in a string as one of ours (REELSMITH_, AWS_ …). */
const READ = /\benv(?:\.|\[')([A-Z][A-Z0-9_]+)|'((?:REELSMITH|REMOTION|AWS|OPENAI|GOOGLE|IMAGE|YOUTUBE)_[A-Z0-9_]+)'/g;
/** Read from the environment but not ours to configure. */
// the system's own: where programs are installed, not settings of this project
const NOT_SETTINGS = new Set(['HOME', 'NODE_ENV', 'PATH', 'TMPDIR', 'PROGRAMFILES', 'LOCALAPPDATA']);

describe('.env.example', () => {
	const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
	const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));

	it('lists every variable the code reads', () => {
		const read = new Set<string>();
		for (const file of [...sources('src'), ...sources('scripts')]) {
			for (const match of readFileSync(file, 'utf8').matchAll(READ)) read.add((match[1] ?? match[2])!);
		}
		const unlisted = [...read].filter((name) => !NOT_SETTINGS.has(name) && !listed.has(name) && !name.endsWith('_'));
		expect(read.size).toBeGreaterThan(30);
		expect(unlisted).toEqual([]);
	});

	it('holds no secret, and .env itself is ignored by git', () => {
		expect([...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.+)$/gm)]).toEqual([]);
		expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.env');
	});
});
