import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { own } from '../src/node/owned-resources';
import { PROJECT_ROOT } from '../src/node/project-root';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { parseOutDir } from '../src/pipeline/cli/parse-out-dir';
import { runCli } from '../src/pipeline/run-cli';
import { openJobs } from '../src/server/open-server';
import { createMcpServer } from '../src/server/mcp/mcp-tools';

const USAGE = 'usage: npm run mcp -- [--out DIR] [--concurrency N]   (an MCP server on stdio, for agents)';

await runCli('mcp', async () => {
	const { values } = parseFlags(USAGE, { out: { type: 'string', default: 'out' }, concurrency: { type: 'string', default: '1' } });
	const concurrency = Math.trunc(parseNumberFlag('--concurrency', values.concurrency, 1, 16, '1')!);
	// stdout is the protocol's: every log line goes to stderr
	const { queue, store, service } = openJobs({ outDir: parseOutDir(values.out), concurrency, log: (line) => process.stderr.write(`${line}\n`) });
	own({
		kind: 'job queue',
		release: async () => {
			await queue.stop();
			store.close();
		},
		releaseNow: () => undefined,
	});
	const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
	const server = createMcpServer(service, version);
	const closed = new Promise<void>((resolve) => (server.server.onclose = () => resolve()));
	await server.connect(new StdioServerTransport());
	console.error(`mcp: serving reelsmith's tools on stdio; jobs in ${store.file}`);
	await closed;
	await queue.stop();
	store.close();
});
