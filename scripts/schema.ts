import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/pipeline/render/bundle-site';
import { scriptJsonSchema } from '../src/schema/json-schema';

/** Writes the JSON Schema of a script file, for editors ("$schema") and for LLM prompts. */
const file = path.join(PROJECT_ROOT, 'schema/video-script.schema.json');
writeFileSync(file, `${JSON.stringify(scriptJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
