import { describeJsonSyntaxError } from '../../../schema/parse-script';
import { problemsFromZod, type Problem } from '../../../schema/problems';
import { videoScriptSchema, type VideoScript } from '../../../schema/video-script';
import { llmScriptSchema } from './llm-script-schema';
import { toVideoScriptInput, type ScriptFrame } from './to-video-script';

export type AnswerCheck = { readonly ok: true; readonly script: VideoScript } | { readonly ok: false; readonly problems: readonly Problem[] };

/** What came back from one chat completion, as far as the script is concerned. */
export type ModelAnswer = { readonly content: string; readonly truncated: boolean };

/** Servers without structured outputs often wrap the JSON in a Markdown fence; that alone is not worth a repair. */
const FENCED = /^```[A-Za-z]*\s*\n([\s\S]*?)\n?```\s*$/;

const unfence = (text: string) => FENCED.exec(text.trim())?.[1] ?? text;

/** Parses the model's answer and validates it twice: as the model's schema, then as our script file. */
export const checkAnswer = (answer: ModelAnswer, frame: ScriptFrame): AnswerCheck => {
	const cut: Problem[] = answer.truncated
		? [{ path: '(answer)', message: 'the answer was cut off at the length limit; write shorter narration or fewer scenes' }]
		: [];
	if (answer.content.trim() === '')
		return { ok: false, problems: [{ path: '(answer)', message: 'the answer is empty; answer with the script as one JSON object' }, ...cut] };
	const text = unfence(answer.content);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		return { ok: false, problems: [describeJsonSyntaxError(text, error), ...cut] };
	}
	const shaped = llmScriptSchema.safeParse(value);
	if (!shaped.success) return { ok: false, problems: [...problemsFromZod(shaped.error), ...cut] };
	const script = videoScriptSchema.safeParse(toVideoScriptInput(shaped.data, frame));
	if (!script.success) return { ok: false, problems: [...problemsFromZod(script.error), ...cut] };
	return { ok: true, script: script.data };
};
