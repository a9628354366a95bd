import { rm } from 'node:fs/promises';
import { browserForRun } from '../run-browser';
import { remotionLicenseKey } from '../remotion-license-key';
import { renderStallMs, withStallWatchdog } from '../stall-watchdog';
import { buildWebBundle } from './build-web-bundle';
import { DevtoolsBrowser } from './devtools-browser';
import { startRenderPageServer, type RenderPageServer } from './render-page-server';
import type { PageMethod, PageRequest, PageResults } from '../../../web-render/web-render-protocol';

export type RenderPage = {
	/** Calls `window.reelsmith[method](request)` and waits for it; progress arrives through `onProgress`. */
	call: <M extends PageMethod, P>(method: M, request: PageRequest<M>, onProgress?: (progress: P) => void) => Promise<PageResults[M]>;
	/** Has the page render `method` and upload the result to `file`; removes `file` if it fails. */
	renderToFile: <M extends PageMethod, P>(
		method: M,
		request: Omit<PageRequest<M>, 'uploadPath' | 'licenseKey'>,
		file: string,
		onProgress?: (progress: P) => void,
	) => Promise<void>;
	/** Writes the tail of Chromium's stderr to `file` and returns it. */
	writeLog: (file: string) => Promise<string>;
	close: () => Promise<void>;
};

const PROGRESS_BINDING = 'reelsmithProgress';
const PAGE_LOAD_MS = 30_000;

type EvaluateResponse = { result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } };

/** A page that could not be opened; `logFile` holds Chromium's log when the browser had started. */
export class PageOpenError extends Error {
	constructor(
		message: string,
		readonly logFile: string | null,
	) {
		super(message);
		this.name = 'PageOpenError';
	}
}

/**
 * The renderer page: the bundle and assets served on 127.0.0.1, loaded in a fresh headless browser (the run's, or
 * `browserPath`). If it fails
 * once the browser is up, Chromium's log goes to `failureLog` and the error is a PageOpenError naming it.
 */
export const openRenderPage = async (publicDir: string, failureLog?: string, browserPath?: string): Promise<RenderPage> => {
	const executable = browserPath ?? (await browserForRun()).path;
	// the bundle (built once per process) is made while the browser starts, and a browser that cannot start fails first
	const bundle = buildWebBundle();
	bundle.catch(() => undefined);
	let browser: DevtoolsBrowser | null = null;
	let started: RenderPageServer | null = null;
	try {
		browser = await DevtoolsBrowser.launch(executable);
		const opened = browser;
		const server = (started = await startRenderPageServer({ bundle: await bundle, publicDir }));
		const session = await opened.openPage();
		const pageErrors: string[] = [];
		let onBinding: ((payload: string) => void) | null = null;
		opened.on('Runtime.bindingCalled', (params, sessionId) => {
			if (sessionId === session && params.name === PROGRESS_BINDING) onBinding?.(String(params.payload));
		});
		opened.on('Runtime.exceptionThrown', (params, sessionId) => {
			if (sessionId !== session) return;
			const details = params.exceptionDetails as { exception?: { description?: string }; text?: string };
			pageErrors.push(details.exception?.description ?? details.text ?? 'unknown error');
		});
		await opened.send('Runtime.enable', {}, session);
		await opened.send('Runtime.addBinding', { name: PROGRESS_BINDING }, session);
		await opened.send('Page.enable', {}, session);
		await opened.send('Page.navigate', { url: server.pageUrl }, session);
		const loadBy = performance.now() + PAGE_LOAD_MS;
		for (;;) {
			const { result } = await opened.send<EvaluateResponse>('Runtime.evaluate', { expression: 'typeof window.reelsmith', returnByValue: true }, session);
			if (result.value === 'object') break;
			if (pageErrors.length > 0) throw new Error(`the renderer page failed to load: ${pageErrors.join('; ')}`);
			if (performance.now() > loadBy) throw new Error(`the renderer page did not load within ${PAGE_LOAD_MS / 1000} s`);
			await new Promise((r) => setTimeout(r, 50));
		}
		let closed: Promise<void> | null = null;
		const call: RenderPage['call'] = async (method, request, onProgress) => {
			onBinding = onProgress ? (payload) => onProgress(JSON.parse(payload)) : null;
			try {
				const response = await opened.send<EvaluateResponse>(
					'Runtime.evaluate',
					{ expression: `window.reelsmith.${method}(${JSON.stringify(request)})`, awaitPromise: true, returnByValue: true },
					session,
				);
				if (response.exceptionDetails) {
					const detail = response.exceptionDetails.exception?.description ?? response.exceptionDetails.text;
					throw new Error(`the web renderer failed: ${detail.split('\n').slice(0, 4).join('\n')}`);
				}
				return response.result.value as PageResults[typeof method];
			} finally {
				onBinding = null;
			}
		};
		return {
			call,
			renderToFile: async (method, request, file, onProgress) => {
				const upload = server.expectUpload(file);
				try {
					await call(
						method,
						{ ...request, uploadPath: upload.path, licenseKey: remotionLicenseKey() ?? 'free-license' } as PageRequest<typeof method>,
						onProgress,
					);
					await upload.received;
				} catch (error) {
					upload.received.catch(() => undefined);
					await rm(file, { force: true });
					throw error;
				}
			},
			writeLog: (file) => opened.writeLog(file),
			close: () =>
				(closed ??= (async () => {
					await opened.close();
					await server.close();
				})()),
		};
	} catch (error) {
		const log = browser && failureLog ? await browser.writeLog(failureLog).catch(() => null) : null;
		await browser?.close();
		await started?.close();
		throw log ? new PageOpenError(error instanceof Error ? error.message : String(error), log) : error;
	}
};

/**
 * Opens a renderer page, has it run `method` and upload the result to `file`, and closes it: each call gets
 * its own browser. Removes `file` if the render fails; fails if it makes no progress for the stall limit.
 */
export const renderOnPageToFile = async <M extends PageMethod, P>(
	publicDir: string,
	method: M,
	request: Omit<PageRequest<M>, 'uploadPath' | 'licenseKey'>,
	file: string,
	onProgress?: (progress: P) => void,
): Promise<void> => {
	const page = await openRenderPage(publicDir);
	try {
		await withStallWatchdog(
			renderStallMs(),
			(touch) =>
				page.renderToFile(method, request, file, (p: P) => {
					touch();
					onProgress?.(p);
				}),
			() => page.close(),
		);
	} finally {
		await page.close();
	}
};
