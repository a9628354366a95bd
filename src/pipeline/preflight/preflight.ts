import type { Problem } from '../../schema/problems';
import { ffmpegProblem } from '../audio/check-ffmpeg';
import type { RenderEngine } from '../render/render-settings';
import { checkBrowser, type BrowserCheck, type BrowserFindings } from './browser-check';
import { diskProblem, formatBytes, type DiskCheck } from './disk-space';
import { EnvironmentError } from './environment-error';
import { modelFindings, type ModelSelection } from './model-check';

/** What a command needs of the machine and its configuration; a check left out is not run. */
export type PreflightChecks = {
	/** ffmpeg with every filter the join and the loudness stage use. */
	readonly ffmpeg?: boolean;
	readonly browser?: BrowserCheck;
	readonly disk?: DiskCheck;
	readonly models?: ModelSelection;
};

export type PreflightReport = {
	/** One short phrase per check that passed, for the line a command prints. */
	readonly passed: readonly string[];
	readonly warnings: readonly string[];
	/** The engine the browser check chose (or `--renderer` forced); null when no browser was checked. */
	readonly engine: RenderEngine | null;
	/** Why the run uses the slower engine, when the browser decided it. */
	readonly notice: string | null;
	/** How long the browser check took (it starts a browser and opens a page); null when not run. */
	readonly browserMs: number | null;
	readonly ms: number;
	/** Settles once the checked browser is gone and its folders removed (never rejects); the run need not wait. */
	readonly browserClosed: Promise<void>;
};

type Finding = { problems: Problem[]; passed?: string; warnings?: string[] };

/** The browser's line: which one, once per run, and what it will do. */
const browserPhrase = (findings: BrowserFindings, encoder: BrowserCheck['encoder']): string => {
	const which = findings.browser ? `browser ${findings.browser.path} (${findings.browser.source})` : "browser: Remotion's own (downloaded when first needed)";
	return findings.engine === 'web' ? `${which} encodes H.264 at ${encoder.width}x${encoder.height}: web engine` : `${which}: screenshot engine`;
};

/** A check that fails in an unexpected way does not stop the run: what it guards fails later with its own error. */
const settle = (what: string, check: () => Promise<Finding>): Promise<Finding> =>
	check().catch((error: unknown) => ({
		problems: [],
		warnings: [`could not check ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`],
	}));

/**
 * Everything about the machine that can fail a run without costing anything, checked before any voice, image,
 * LLM call or frame: ffmpeg, the browser and its H.264 encoder, free disk under `--out`, models the project
 * knows are not served. The checks run side by side; every problem found is thrown at once as an
 * EnvironmentError. Input problems (exit 2) are the caller's to check first.
 */
export const preflight = async (checks: PreflightChecks, env: NodeJS.ProcessEnv = process.env): Promise<PreflightReport> => {
	const started = performance.now();
	let browserMs: number | null = null;
	let browserClosed = Promise.resolve();
	let engine: RenderEngine | null = null;
	let notice: string | null = null;
	let keepVerdict = async (): Promise<void> => undefined;
	const findings = await Promise.all([
		checks.ffmpeg
			? settle('ffmpeg', async () => {
					const problem = await ffmpegProblem();
					return problem ? { problems: [{ path: 'ffmpeg', message: problem }] } : { problems: [], passed: 'ffmpeg' };
				})
			: null,
		checks.browser
			? settle('the browser', async () => {
					const browserStarted = performance.now();
					try {
						const findings = await checkBrowser(checks.browser!);
						browserClosed = findings.closed;
						engine = findings.engine;
						notice = findings.notice;
						keepVerdict = findings.keep;
						return { problems: findings.problems, passed: browserPhrase(findings, checks.browser!.encoder) };
					} finally {
						browserMs = performance.now() - browserStarted;
					}
				})
			: null,
		checks.disk
			? settle('free disk space', async () => {
					const { problem, freeBytes } = await diskProblem(checks.disk!);
					return problem
						? { problems: [problem] }
						: { problems: [], passed: `disk: about ${formatBytes(checks.disk!.neededBytes)} needed, ${formatBytes(freeBytes)} free` };
				})
			: null,
		checks.models
			? settle('the models', async () => {
					const { problems, warnings } = modelFindings(checks.models!, env);
					return { problems, warnings };
				})
			: null,
	]);
	const done = findings.filter((f): f is Finding => f !== null);
	const problems = done.flatMap((f) => f.problems);
	if (problems.length > 0) {
		// the run ends here: nothing of the check is left behind
		await browserClosed;
		throw new EnvironmentError(problems);
	}
	await keepVerdict();
	return {
		browserClosed,
		passed: done.flatMap((f) => (f.passed ? [f.passed] : [])),
		warnings: done.flatMap((f) => f.warnings ?? []),
		browserMs,
		engine,
		notice,
		ms: performance.now() - started,
	};
};

/** The line a command prints once its environment is ready, and its warnings. */
export const formatPreflight = (report: PreflightReport): string[] => [
	`environment ready (${(report.ms / 1000).toFixed(1)} s${report.browserMs !== null ? `, the browser ${(report.browserMs / 1000).toFixed(1)} s` : ''}): ${report.passed.join('; ')}`,
	...(report.notice ? [report.notice] : []),
	...report.warnings.map((w) => `warning: ${w}`),
];
