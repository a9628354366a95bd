import path from 'node:path';
import type { LambdaBatchResult } from './run-lambda-batch';

/** What a finished batch prints on stdout: each video with its render id and actual cost, then the total. */
export const formatBatchResult = (result: LambdaBatchResult): string => {
	const here = (file: string) => path.relative(process.cwd(), file) || file;
	const lines = result.videos.map((v) => {
		switch (v.status) {
			case 'rendered':
				return `rendered ${here(v.video)}  render ${v.renderId}  $${v.costUsd.toFixed(4)}${v.attempts > 1 ? ` (after ${v.attempts - 1} failed try)` : ''}`;
			case 'kept':
				return `kept     ${here(v.video)}  (unchanged, not rendered again)`;
			case 'failed':
				return `FAILED   ${here(v.video)}  render ${v.renderId ?? '(did not start)'}: ${v.error}`;
		}
	});
	const rendered = result.videos.filter((v) => v.status === 'rendered').length;
	const kept = result.videos.filter((v) => v.status === 'kept').length;
	lines.push(
		`${rendered} rendered, ${kept} kept, ${result.failed} failed; Lambda cost $${result.costUsd.toFixed(4)} ` +
			`(bucket ${result.target.bucketName}, function ${result.target.functionName}); per-video figures in each summary.json "lambda"`,
	);
	return lines.join('\n');
};
