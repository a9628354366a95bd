import { spawn } from 'node:child_process';

/** The ffmpeg on PATH unless REELSMITH_FFMPEG names another. */
export const ffmpegBinary = (env: NodeJS.ProcessEnv = process.env): string => env.REELSMITH_FFMPEG?.trim() || 'ffmpeg';

/** Runs ffmpeg and resolves with its stderr, where filters print their measurements. */
export const runFfmpeg = (args: readonly string[]): Promise<string> =>
	new Promise((resolve, reject) => {
		const child = spawn(ffmpegBinary(), ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('error', (error) => reject(new Error(`could not start ffmpeg (${error.message}); install it or set REELSMITH_FFMPEG`)));
		child.on('close', (code) => {
			if (code === 0) resolve(stderr);
			else reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim().split('\n').slice(-4).join(' | ')}`));
		});
	});
