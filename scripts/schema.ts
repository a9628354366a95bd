import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/pipeline/render/bundle-site';
import { videoScriptSchema } from '../src/schema/video-script';

/** Writes the JSON Schema of a script file, for editors ("$schema") and for LLM prompts. */
export const SCRIPT_JSON_SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema/video-script.schema.json');

const schema = { ...z.toJSONSchema(videoScriptSchema, { io: 'input', unrepresentable: 'any' }), title: 'reelsmith VideoScript' };
writeFileSync(SCRIPT_JSON_SCHEMA_FILE, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), SCRIPT_JSON_SCHEMA_FILE)}`);
