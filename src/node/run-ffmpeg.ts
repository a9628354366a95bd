import { spawn } from 'node:child_process';
import { ffmpegBinary, ffmpegInstallText } from './ffmpeg-binary';
import { own } from './owned-resources';

export { ffmpegBinary } from './ffmpeg-binary';

/** Runs ffmpeg and resolves with its stderr, where filters print their measurements. Stopped with the run on a signal. */
export const runFfmpeg = (args: readonly string[]): Promise<string> =>
	new Promise((resolve, reject) => {
		const binary = ffmpegBinary();
		const child = spawn(binary, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
		const kill = () => void child.kill('SIGKILL');
		const disown = own({ kind: 'ffmpeg', release: kill, releaseNow: kill });
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-1_000_000)));
		child.on('error', (error) => {
			disown();
			reject(new Error(`could not start ffmpeg ${binary} (${error.message}); ${ffmpegInstallText()}`));
		});
		child.on('close', (code, signal) => {
			disown();
			if (code === 0) resolve(stderr);
			else reject(new Error(`ffmpeg ${signal ? `was stopped by ${signal}` : `exited with ${code}`}: ${stderr.trim().split('\n').slice(-4).join(' | ')}`));
		});
	});
