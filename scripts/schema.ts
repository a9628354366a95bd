import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { PROJECT_ROOT } from '../src/node/project-root';
import { runCli } from '../src/pipeline/run-cli';
import { scriptJsonSchema } from '../src/schema/json-schema';

const USAGE = 'usage: npm run schema   (writes schema/video-script.schema.json, the JSON Schema of a script file)';

/** Writes the JSON Schema of a script file, for editors ("$schema") and for LLM prompts. */
await runCli('schema', async () => {
	parseFlags(USAGE, {});
	const file = path.join(PROJECT_ROOT, 'schema/video-script.schema.json');
	writeFileSync(file, `${JSON.stringify(scriptJsonSchema(), null, 2)}\n`);
	console.log(`wrote ${path.relative(process.cwd(), file)}`);
});
