import { z } from 'zod';
import { videoScriptSchema } from './video-script';

/** JSON Schema of a script file as a person or an LLM writes it (defaults optional). */
export const scriptJsonSchema = () => ({
	...z.toJSONSchema(videoScriptSchema, { io: 'input', unrepresentable: 'any' }),
	title: 'reelsmith VideoScript',
});
