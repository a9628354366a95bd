import { loadDotEnv } from '../../config/load-env';
import { redactSecrets } from '../../config/redact-secrets';
import { handleShutdown } from '../../node/shutdown';
import { failureLine } from '../../pipeline/run-cli';
import { EnvironmentError } from '../../pipeline/preflight/environment-error';
import { InputError } from '../../schema/input-error';
import type { WorkerEvent, WorkerTask } from '../jobs/job-task';
import { runTask } from './run-task';

/**
 * A job's run in its own process (forked by the server with an IPC channel): a crash, a leak or a stuck browser
 * ends with the process, and cancelling is stopping it. It takes one task, reports events, and exits:
 * 0 done, 1 failed, 2 bad input, 143 stopped. When the server goes away it stops too (it would otherwise render
 * on for no one while the restarted server runs the same job again).
 */
const send = (event: WorkerEvent) => process.send?.(event);

handleShutdown({ name: 'job', report: (line) => console.error(redactSecrets(line)), describeFatal: (error) => failureLine('job', error) });
let finished = false;
process.on('disconnect', () => {
	// the SIGTERM handler, run here: on Windows a SIGTERM sent to a process ends it at once, without its cleanup
	if (!finished) process.emit('SIGTERM', 'SIGTERM');
});

process.once('message', (task: WorkerTask) => {
	loadDotEnv();
	runTask(task, send)
		.then((outputs) => {
			send({ type: 'done', outputs });
			process.exitCode = 0;
		})
		.catch((error: unknown) => {
			const listed = error instanceof InputError || error instanceof EnvironmentError;
			send({
				type: 'failed',
				message: listed ? redactSecrets(error.message) : failureLine('job', error).replace(/^job failed: /, ''),
				problems: listed ? error.problems.map((p) => ({ path: p.path, message: redactSecrets(p.message) })) : [],
				badInput: error instanceof InputError,
			});
			process.exitCode = error instanceof InputError ? 2 : 1;
		})
		.finally(() => {
			finished = true;
			process.disconnect?.();
		});
});
