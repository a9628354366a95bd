import { isIP } from 'node:net';
import { own } from '../src/node/owned-resources';
import { parseFlags } from '../src/pipeline/cli/parse-flags';
import { parseNumberFlag } from '../src/pipeline/cli/parse-number';
import { parseOutDir } from '../src/pipeline/cli/parse-out-dir';
import { runCli } from '../src/pipeline/run-cli';
import { InputError } from '../src/schema/input-error';
import { openServer } from '../src/server/open-server';

const USAGE = 'usage: npm run serve -- [--port 8080] [--host 127.0.0.1] [--out DIR] [--concurrency N]';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

await runCli('serve', async () => {
	const { values } = parseFlags(USAGE, {
		port: { type: 'string', default: '8080' },
		host: { type: 'string', default: '127.0.0.1' },
		out: { type: 'string', default: 'out' },
		concurrency: { type: 'string', default: '1' },
	});
	const port = Math.trunc(parseNumberFlag('--port', values.port, 0, 65535, '8080')!);
	const concurrency = Math.trunc(parseNumberFlag('--concurrency', values.concurrency, 1, 16, '1')!);
	const token = process.env.REELSMITH_API_TOKEN?.trim() || undefined;
	if (!LOOPBACK.has(values.host) && !token) {
		throw new InputError('arguments', [
			{
				path: '--host',
				message: `${values.host} is reachable from other machines; set REELSMITH_API_TOKEN (clients send it as a Bearer token) or listen on 127.0.0.1`,
			},
		]);
	}
	if (!LOOPBACK.has(values.host) && values.host !== '0.0.0.0' && values.host !== '::' && isIP(values.host) === 0) {
		throw new InputError('arguments', [{ path: '--host', message: `${values.host} is not an IP address; give one such as 0.0.0.0 or 127.0.0.1` }]);
	}
	const { server, queue, store } = openServer({ outDir: parseOutDir(values.out), concurrency, ...(token ? { token } : {}) });
	// a signal stops the jobs' processes (their jobs resume at the next start), then the server and the store
	own({
		kind: 'server',
		release: async () => {
			await queue.stop();
			server.close();
			store.close();
		},
		releaseNow: () => undefined,
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, values.host, () => resolve());
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	console.error(
		`serve: listening on http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${actualPort} (API under /api, its OpenAPI at /api/openapi.json)`,
	);
	await new Promise(() => undefined);
});
