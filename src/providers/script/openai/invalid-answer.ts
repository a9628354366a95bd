import type { Problem } from '../../../schema/problems';

export const ANSWER_PREVIEW_CHARS = 500;

/** Terminal controls and bidi overrides in a model's answer are shown escaped, never acted on. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/gu;

const preview = (answer: string) => {
	const chars = [...answer.trim()];
	const shown = chars.slice(0, ANSWER_PREVIEW_CHARS).join('') + (chars.length > ANSWER_PREVIEW_CHARS ? ' …' : '');
	return shown.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
};

/** The model failed twice: say what it answered and what was wrong, so the person can judge the model. */
export const invalidAnswerError = (model: string, answer: string, problems: readonly Problem[]): Error =>
	new Error(
		[
			`${model} did not write a valid script, even after being asked to correct it.`,
			answer.trim() === '' ? 'Its last answer was empty.' : `Its last answer began:\n${preview(answer)}`,
			`Problems with it:`,
			...problems.map((p) => `  - ${p.path}: ${p.message}`),
			'Try again, try another model with --model, or write the script JSON yourself and render it with npm run render -- --props script.json',
		].join('\n'),
	);
