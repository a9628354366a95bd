/** The flags `script` and `make` share: what the script is written from, and how the LLM writes it. */
export const SCRIPT_FLAG_OPTIONS = {
	topic: { type: 'string' },
	from: { type: 'string' },
	duration: { type: 'string' },
	style: { type: 'string' },
	model: { type: 'string' },
	temperature: { type: 'string' },
	strict: { type: 'boolean', default: false },
} as const;
