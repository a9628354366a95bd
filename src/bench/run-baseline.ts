import { spawn } from 'node:child_process';

/** Runs the seed's plain-FFmpeg render stage on the same assets and returns its wall time. */
export const runSeedBaseline = (script: string, assetDir: string, size: string, fps: number, output: string): Promise<number> =>
	new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn('bash', [script, assetDir, size, String(fps), output], { stdio: ['ignore', 'inherit', 'inherit'], windowsHide: true });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${script} exited with ${code}`))));
	});
