import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstJsonErrorOffset, parseScriptText, parseScriptValue, type ParseResult } from '../src/schema/parse-script';
import { formatProblems, type Problem } from '../src/schema/problems';
import { TRANSITION_NAMES } from '../src/schema/transitions';
import { videoTarget } from '../src/props/video-target';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

const problemsOf = (result: ParseResult): Problem[] => {
	if (result.ok) throw new Error(`expected problems, but the script was accepted: ${JSON.stringify(result.script)}`);
	return result.problems;
};

const scene = (id: number, extra: Record<string, unknown> = {}) => ({
	scene_id: id,
	narration: `Narration of scene ${id}.`,
	visual_description: `Picture ${id}`,
	duration: 6,
	text_overlay: `Overlay ${id}`,
	transition: 'fade',
	...extra,
});

const script = (extra: Record<string, unknown> = {}) => ({
	title: 'A title',
	duration_target: 30,
	style: 'informative',
	scenes: [scene(1, { transition: 'fade_in' }), scene(2), scene(3)],
	music_style: 'none',
	target_platform: 'douyin',
	...extra,
});

const withScene = (index: number, patch: Record<string, unknown>, drop: string[] = []) => {
	const s = script();
	const scenes = s.scenes.map((sc, i) => {
		if (i !== index) return sc;
		const next: Record<string, unknown> = { ...sc, ...patch };
		for (const key of drop) delete next[key];
		return next;
	});
	return { ...s, scenes };
};

describe('parseScriptText accepts real scripts unchanged', () => {
	it("accepts the seed's own §2.1 example literally", () => {
		const text = read('./fixtures/seed-example.json');
		const result = parseScriptText(text);
		if (!result.ok) throw new Error(formatProblems('seed-example.json', result.problems));
		const raw = JSON.parse(text);
		expect(result.script.title).toBe('5个改变生活的AI工具');
		expect(result.script.duration_target).toBe(60);
		expect(result.script.style).toBe('informative');
		expect(result.script.target_platform).toBe('douyin');
		expect(result.script.music_style).toBe('upbeat electronic, 120 BPM');
		expect(result.script.scenes).toHaveLength(2);
		// every field of every scene comes through exactly as written
		result.script.scenes.forEach((s, i) => {
			expect(s).toMatchObject(raw.scenes[i]);
		});
		expect(result.script.scenes.map((s) => s.transition)).toEqual(['fade_in', 'slide_left']);
		// defaults for the optional extensions
		expect(result.script.fps).toBe(30);
		expect(result.script.scenes[0]!.motion).toBeUndefined();
	});

	it('accepts a byte-order mark before the JSON', () => {
		const result = parseScriptText(`\uFEFF${read('./fixtures/seed-example.json')}`);
		expect(result.ok).toBe(true);
	});

	for (const name of ['ai-tools-douyin.json', 'morning-routine-youtube.json', 'lighthouse-story-bilibili.json']) {
		it(`accepts examples/${name}`, () => {
			const text = read(`../examples/${name}`);
			const result = parseScriptText(text);
			if (!result.ok) throw new Error(formatProblems(name, result.problems));
			const raw = JSON.parse(text);
			expect(result.script.title).toBe(raw.title);
			expect(result.script.target_platform).toBe(raw.target_platform);
			expect(result.script.scenes.map((s) => s.scene_id)).toEqual(raw.scenes.map((s: { scene_id: number }) => s.scene_id));
			expect(result.script.scenes.map((s) => s.narration)).toEqual(raw.scenes.map((s: { narration: string }) => s.narration));
		});
	}

	it('the examples use every transition of the seed between them', () => {
		const used = new Set(
			['ai-tools-douyin.json', 'morning-routine-youtube.json', 'lighthouse-story-bilibili.json'].flatMap((n) =>
				JSON.parse(read(`../examples/${n}`)).scenes.map((s: { transition: string }) => s.transition),
			),
		);
		expect([...used].sort()).toEqual([...TRANSITION_NAMES].sort());
	});

	it('fills defaults for fields a script leaves out', () => {
		const result = parseScriptValue({
			title: 'T',
			duration_target: 10,
			scenes: [{ scene_id: 1, narration: 'n', visual_description: 'v', duration: 5 }],
		});
		if (!result.ok) throw new Error(formatProblems('inline', result.problems));
		expect(result.script.target_platform).toBe('douyin');
		expect(result.script.style).toBe('informative');
		expect(result.script.scenes[0]!.transition).toBe('fade');
		expect(result.script.scenes[0]!.text_overlay).toBe('');
	});
});

describe('parseScriptValue rejects bad scripts and names the JSON path', () => {
	it('a valid baseline is accepted (so the failures below are caused by the change alone)', () => {
		expect(parseScriptValue(script()).ok).toBe(true);
	});

	it('unknown transition: path scenes[1].transition, message lists every valid name', () => {
		const problems = problemsOf(parseScriptValue(withScene(1, { transition: 'swirl' })));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('scenes[1].transition');
		expect(problems[0]!.message).toContain('swirl');
		for (const name of TRANSITION_NAMES) expect(problems[0]!.message).toContain(name);
	});

	it('unknown target_platform lists douyin, bilibili and youtube', () => {
		const problems = problemsOf(parseScriptValue(script({ target_platform: 'tiktok' })));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('target_platform');
		expect(problems[0]!.message).toContain('tiktok');
		for (const name of ['douyin', 'bilibili', 'youtube']) expect(problems[0]!.message).toContain(name);
	});

	it('unknown motion and aspect ratio are rejected, not ignored', () => {
		const problems = problemsOf(parseScriptValue({ ...withScene(2, { motion: 'spin' }), aspect_ratio: '4:3' }));
		expect(problems.map((p) => p.path).sort()).toEqual(['aspect_ratio', 'scenes[2].motion']);
		expect(problems.find((p) => p.path === 'scenes[2].motion')!.message).toContain('zoom_in');
		expect(problems.find((p) => p.path === 'aspect_ratio')!.message).toContain('9:16');
	});

	it('theme: colours the Studio writes are kept over the style palette; an unknown colour name or a colour word is refused', () => {
		const kept = parseScriptValue(script({ theme: { accent: '#ff3366', highlight: 'rgba(250, 204, 21, 0.8)' } }));
		if (!kept.ok) throw new Error(formatProblems('inline', kept.problems));
		expect(videoTarget(kept.script).theme).toMatchObject({ accent: '#ff3366', highlight: 'rgba(250, 204, 21, 0.8)', text: '#ffffff' });
		const problems = problemsOf(parseScriptValue(script({ theme: { accnt: '#fff', text: 'white' } })));
		expect(problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
			'theme.text: theme.text must be a colour such as "#22d3ee" or "rgba(34, 211, 238, 0.8)"',
			'theme: theme has no colour "accnt"; use background, primary, accent, text, highlight',
		]);
	});

	it('missing narration', () => {
		const problems = problemsOf(parseScriptValue(withScene(0, {}, ['narration'])));
		expect(problems).toEqual([{ path: 'scenes[0].narration', message: expect.stringContaining('missing narration') }]);
	});

	it('narration that is not a string', () => {
		const problems = problemsOf(parseScriptValue(withScene(2, { narration: 42 })));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('scenes[2].narration');
		expect(problems[0]!.message).toContain('string');
	});

	it('negative duration', () => {
		const problems = problemsOf(parseScriptValue(withScene(2, { duration: -3 })));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('scenes[2].duration');
		expect(problems[0]!.message).toMatch(/duration/);
	});

	it('duration given as a string is rejected', () => {
		const problems = problemsOf(parseScriptValue(withScene(0, { duration: '8' })));
		expect(problems.map((p) => p.path)).toEqual(['scenes[0].duration']);
	});

	it('duplicate scene_id names the second occurrence and the first', () => {
		const problems = problemsOf(parseScriptValue(withScene(2, { scene_id: 1 })));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('scenes[2].scene_id');
		expect(problems[0]!.message).toContain('scenes[0]');
	});

	it('empty scenes', () => {
		const problems = problemsOf(parseScriptValue(script({ scenes: [] })));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('scenes');
		expect(problems[0]!.message).toMatch(/empty/);
	});

	it('missing scenes and missing title are reported at their paths', () => {
		const s: Record<string, unknown> = script();
		delete s.scenes;
		delete s.title;
		const problems = problemsOf(parseScriptValue(s));
		expect(problems.map((p) => p.path).sort()).toEqual(['scenes', 'title']);
		expect(problems.find((p) => p.path === 'title')!.message).toContain('missing title');
	});

	it('a non-object is reported at the root', () => {
		const problems = problemsOf(parseScriptValue([1, 2, 3]));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('(root)');
	});

	it('reports several problems at once: 3 different errors give 3 problems', () => {
		const bad = {
			...script({ target_platform: 'tiktok' }),
			scenes: [scene(1, { transition: 'fade_in' }), scene(2, { transition: 'swirl' }), scene(3, { duration: -1 })],
		};
		const problems = problemsOf(parseScriptValue(bad));
		expect(problems.map((p) => p.path).sort()).toEqual(['scenes[1].transition', 'scenes[2].duration', 'target_platform']);
	});

	it('reports a duplicate scene_id together with other problems in the same script', () => {
		const bad = {
			...script(),
			scenes: [scene(1, { transition: 'fade_in' }), scene(1, { transition: 'swirl' }), scene(3, { duration: -1 })],
		};
		const problems = problemsOf(parseScriptValue(bad));
		expect(problems.map((p) => p.path).sort()).toEqual(['scenes[1].scene_id', 'scenes[1].transition', 'scenes[2].duration']);
	});

	it('formatProblems lists each problem with its path', () => {
		const problems = problemsOf(parseScriptValue(withScene(1, { transition: 'swirl', duration: 0 })));
		const text = formatProblems('my.json', problems);
		expect(text.split('\n')[0]).toBe('my.json: 2 problems');
		expect(text).toContain('  - scenes[1].transition: unknown transition "swirl"');
		expect(text).toContain('  - scenes[1].duration: ');
	});
});

describe('parseScriptText reports JSON syntax errors by line and column', () => {
	it('a missing comma at the end of line 3 is reported where the next token starts (line 4)', () => {
		const text = ['{', '  "title": "x",', '  "duration_target": 10', '  "scenes": []', '}'].join('\n');
		const problems = problemsOf(parseScriptText(text));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('line 4, column 3');
		expect(problems[0]!.message).toMatch(/^invalid JSON: /);
		expect(problems[0]!.message).toContain('comma');
	});

	it('a missing comma inside line 3 is reported on line 3', () => {
		const text = ['{', '  "title": "x",', '  "duration_target": 10 "style": "calm",', '  "scenes": []', '}'].join('\n');
		const problems = problemsOf(parseScriptText(text));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toContain('line 3');
		expect(problems[0]!.path).toBe('line 3, column 25');
	});

	it('columns are 1-based on the first line', () => {
		expect(problemsOf(parseScriptText('{"title": }'))[0]!.path).toBe('line 1, column 11');
		expect(problemsOf(parseScriptText('{"a": 1 "b": 2}'))[0]!.path).toBe('line 1, column 9');
	});

	it('a byte-order mark does not shift the column', () => {
		expect(problemsOf(parseScriptText('\uFEFF{"a": 1 "b": 2}'))[0]!.path).toBe('line 1, column 9');
	});

	// V8 (Node 20) gives no position for these: "Unexpected token ']', "…" is not valid JSON".
	const longScript = (bad: string) =>
		['{', '  "title": "x",', `  "scenes": ${bad},`, '  "duration_target": 10,', '  "style": "a long enough tail to push the end further away"', '}'].join('\n');
	for (const [what, bad, column] of [
		['a trailing comma in a list', '[1, 2,]', 19],
		['single quotes', "'x'", 13],
		['a misspelt literal', 'tru', 16],
		['a bare word', 'scene', 13],
	] as const) {
		it(`${what} is located on its own line, not at the end of the file`, () => {
			const text = longScript(bad);
			const problems = problemsOf(parseScriptText(text));
			expect(problems).toHaveLength(1);
			expect(problems[0]!.path).toBe(`line 3, column ${column}`);
			// the message names the problem without dumping a snippet of the file
			expect(problems[0]!.message).not.toContain('is not valid JSON');
			expect(problems[0]!.message).toMatch(/^invalid JSON: .+; check for a missing comma, quote or bracket there$/);
		});
	}

	it('truncated text is reported at its end', () => {
		const text = '{\n  "title": "x",\n  "scenes": [\n';
		const problems = problemsOf(parseScriptText(text));
		expect(problems).toHaveLength(1);
		expect(problems[0]!.path).toBe('line 4, column 1');
	});

	it('the seed example with one comma removed is located on the next line', () => {
		const lines = read('./fixtures/seed-example.json').split('\n');
		const at = lines.findIndex((l) => l.includes('"duration": 10'));
		lines[at] = lines[at]!.replace(/,$/, '');
		const problems = problemsOf(parseScriptText(lines.join('\n')));
		expect(problems).toHaveLength(1);
		// 0-based `at` is line at+1; the next token ("text_overlay") is on line at+2, indented 6 spaces
		expect(problems[0]!.path).toBe(`line ${at + 2}, column 7`);
	});
});

describe('firstJsonErrorOffset', () => {
	it('returns null for valid JSON of every kind', () => {
		for (const text of [
			read('./fixtures/seed-example.json'),
			read('../examples/ai-tools-douyin.json'),
			'0',
			'-0.5e+10',
			'"a\\u00e9\\n"',
			'[]',
			' { } ',
			'[true, false, null, {"a": [1, {"b": "c"}]}]',
		]) {
			expect(JSON.parse(text)).toBeDefined();
			expect(firstJsonErrorOffset(text)).toBeNull();
		}
	});

	it('agrees with V8 wherever V8 names a position: every single-character deletion of the seed example', () => {
		const text = read('./fixtures/seed-example.json');
		let compared = 0;
		for (let k = 0; k < text.length; k++) {
			const broken = text.slice(0, k) + text.slice(k + 1);
			let message: string | null = null;
			try {
				JSON.parse(broken);
			} catch (error) {
				message = (error as SyntaxError).message;
			}
			const ours = firstJsonErrorOffset(broken);
			if (message === null) {
				expect(ours, `deleting index ${k} leaves valid JSON`).toBeNull();
				continue;
			}
			expect(ours, `deleting index ${k}: ${message}`).not.toBeNull();
			const v8 = /position (\d+)/.exec(message);
			if (v8) {
				expect(ours, `deleting index ${k}: ${message}`).toBe(Number(v8[1]));
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(50);
	});

	it('agrees with V8 on insertions of stray characters', () => {
		const text = read('./fixtures/seed-example.json');
		let compared = 0;
		for (let k = 0; k < text.length; k += 7) {
			for (const stray of [',', '}', ']', '"', ':', 'x', '0', '.', '\u0001']) {
				const broken = text.slice(0, k) + stray + text.slice(k);
				let message: string | null = null;
				try {
					JSON.parse(broken);
				} catch (error) {
					message = (error as SyntaxError).message;
				}
				const ours = firstJsonErrorOffset(broken);
				if (message === null) {
					expect(ours).toBeNull();
					continue;
				}
				const v8 = /position (\d+)/.exec(message);
				if (v8) {
					expect(ours, `inserting ${JSON.stringify(stray)} at ${k}: ${message}`).toBe(Number(v8[1]));
					compared++;
				} else {
					expect(ours, `inserting ${JSON.stringify(stray)} at ${k}: ${message}`).not.toBeNull();
				}
			}
		}
		expect(compared).toBeGreaterThan(100);
	});
});
