import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

describe('npm run make: bad input', () => {
	it.each<[string, (dir: string) => string[], RegExp]>([
		[
			'--topic with no LLM configured',
			() => ['--topic', 'AI 工具', '--llm', 'offline'],
			/--topic needs an LLM.*OPENAI_API_KEY.*npm run make -- --from notes\.md/s,
		],
		['neither --from nor --topic', () => [], /give exactly one of --from FILE/],
		['both --from and --topic', (dir) => ['--from', path.join(dir, 'a.md'), '--topic', 'x'], /give exactly one of --from FILE/],
		['a missing article', (dir) => ['--from', path.join(dir, 'missing.md')], /--from: file not found; pass a Markdown or text article/],
		['an article with no words', (dir) => ['--from', path.join(dir, 'empty.md')], /--from: empty\.md has no text to narrate/],
		[
			'a bad --duration',
			(dir) => ['--from', path.join(dir, 'a.md'), '--duration', 'long'],
			/--duration: "long" is not a number from 5 to 600, e.g. --duration 60/,
		],
		[
			'an unknown voice provider',
			(dir) => ['--from', path.join(dir, 'a.md'), '--tts', 'siri'],
			/--tts: unknown tts provider "siri"; use one of: espeak, openai, google, edge, none/,
		],
		['an unknown --redo scene', (dir) => ['--from', path.join(dir, 'a.md'), '--redo', '42:voice'], /--redo: scene 42 is not in the script/],
	])('rejects %s with exit 2 and writes no video', async (_name, args, message) => {
		const dir = await makeTempDir('reelsmith-make-cli-');
		await writeFile(path.join(dir, 'a.md'), '# 标题\n\n这是一篇很短的文章。只有两句话。\n');
		await writeFile(path.join(dir, 'empty.md'), '# \n\n```\ncode\n```\n');
		const out = path.join(dir, 'out');
		const result = await runScript('scripts/make.ts', [...args(dir), '--out', out]);
		expect(result.stderr).toMatch(message);
		expect(result.code).toBe(2);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		const written = await readdir(out, { recursive: true }).catch(() => [] as string[]);
		expect(written.filter((f) => f.endsWith('.mp4'))).toEqual([]);
	});
});

describe('npm run make --dry-run', () => {
	it('prints the plan and the cost without generating or rendering anything', async () => {
		const dir = await makeTempDir('reelsmith-dry-');
		await writeFile(path.join(dir, 'a.md'), '# 计划\n\n第一段有一句话，讲清楚一件事。\n\n第二段也有一句话，讲另一件事情。\n');
		const out = path.join(dir, 'out');
		const result = await runScript('scripts/make.ts', ['--from', path.join(dir, 'a.md'), '--out', out, '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/plan: "计划" → .*计划\/douyin\/video\.mp4 \(douyin, \d+ scenes\)/);
		expect(result.stdout).toMatch(/^1 +generate +generate +\d+\.\d s$/m);
		expect(result.stdout).toContain('cost at list prices: this run $0.000, whole video $0.000');
		expect(await readdir(out, { recursive: true }).catch(() => [] as string[])).toEqual([]);
	});
});
