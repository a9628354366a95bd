import { readFile } from 'node:fs/promises';
import path from 'node:path';
import OpenAI from 'openai';
import { parsePlatform } from '../src/pipeline/cli/parse-platform';
import { InputError } from '../src/schema/input-error';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { SCRIPT_FLAG_OPTIONS } from '../src/pipeline/cli/script-flags';
import { runCli, usageError } from '../src/pipeline/run-cli';
import { openAIConnectionFromEnv } from '../src/providers/openai/openai-client';
import { MISSING_KEY_MESSAGE } from '../src/providers/script/openai/missing-key';
import { createOpenAIScriptWriter } from '../src/providers/script/openai/openai-script-writer';
import type { ScriptSource } from '../src/providers/script/script-provider';
import { PLATFORM_NAMES } from '../src/schema/platforms';

const USAGE =
	`usage: npm run script -- --topic "…" | --from article.md [--duration SECONDS] [--style informative|story|…] ` +
	`[--platform ${PLATFORM_NAMES.join('|')}] [--model NAME] [--temperature 0-2] [--strict] > script.json`;

const readArticle = async (file: string): Promise<ScriptSource> => {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
		throw new InputError(file, [{ path: '--from', message: `${reason}; pass a Markdown or text article` }]);
	}
	if (!/[\p{L}\p{N}]/u.test(text)) throw new InputError(file, [{ path: '--from', message: 'has no text to narrate; pass a Markdown or text article' }]);
	return { kind: 'article', text, name: path.basename(file) };
};

const retryReason = (error: unknown) =>
	error instanceof OpenAI.APIConnectionTimeoutError
		? 'no answer in time'
		: error instanceof OpenAI.APIError && error.status
			? `HTTP ${error.status}`
			: 'connection failed';

await runCli('script', async () => {
	const { values } = parseFlags(USAGE, { ...SCRIPT_FLAG_OPTIONS, platform: { type: 'string' } });
	if ((values.from === undefined) === (values.topic === undefined)) {
		throw usageError(USAGE, 'give exactly one of --topic "…" or --from FILE (an article to rewrite)');
	}
	if (values.topic !== undefined && values.topic.trim() === '') throw usageError(USAGE, '--topic is empty; say what the video is about');
	if (values.model !== undefined && values.model.trim() === '') throw usageError(USAGE, '--model is empty; name a model such as gpt-4o-mini');
	const platform = parsePlatform(values.platform) ?? 'douyin';
	const durationSeconds = parseNumberFlag('--duration', values.duration, 5, 600, '60');
	const temperature = parseNumberFlag('--temperature', values.temperature, 0, 2, '0.7');
	const connection = openAIConnectionFromEnv();
	if (!connection) throw new InputError('environment', [{ path: 'OPENAI_API_KEY', message: MISSING_KEY_MESSAGE }]);
	const source = values.from !== undefined ? await readArticle(values.from) : ({ kind: 'topic', topic: values.topic! } as const);

	const writer = createOpenAIScriptWriter({
		connection,
		...(values.model !== undefined ? { model: values.model.trim() } : {}),
		...(temperature !== undefined ? { temperature } : {}),
		strict: values.strict,
		retry: {
			onRetry: (attempt, ms, error) => console.error(`script: ${retryReason(error)}; trying again in ${(ms / 1000).toFixed(1)} s (try ${attempt + 1})`),
		},
	});
	const { script, notes } = await writer.write({
		source,
		platform,
		...(durationSeconds !== undefined ? { durationSeconds } : {}),
		...(values.style ? { style: values.style } : {}),
	});
	for (const note of notes) console.error(`script: ${note}`);
	const total = script.scenes.reduce((sum, s) => sum + s.duration, 0);
	console.error(`script: "${script.title}", ${script.scenes.length} scenes, ${total} s, written by ${writer.model}`);
	console.log(JSON.stringify(script, null, 2));
});
