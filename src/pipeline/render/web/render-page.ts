import { rm } from 'node:fs/promises';
import { resolveBrowserExecutable } from '../browser-executable';
import { remotionLicenseKey } from '../remotion-license-key';
import { buildWebBundle } from './build-web-bundle';
import { DevtoolsBrowser } from './devtools-browser';
import { startRenderPageServer } from './render-page-server';

export type RenderPage = {
	/** Calls `window.reelsmith[method](request)` and waits for it; progress arrives through `onProgress`. */
	call: <P>(method: 'renderVideo' | 'renderStill', request: object, onProgress?: (progress: P) => void) => Promise<void>;
	expectUpload: (file: string) => { path: string; received: Promise<void> };
	close: () => Promise<void>;
};

const PROGRESS_BINDING = 'reelsmithProgress';

/** The renderer page: the bundle and assets served on 127.0.0.1, loaded in a fresh headless browser. */
export const openRenderPage = async (publicDir: string): Promise<RenderPage> => {
	const executable = resolveBrowserExecutable();
	if (!executable) {
		throw new Error('no browser for the web renderer: install chromium-headless-shell or set REMOTION_BROWSER_EXECUTABLE (or REELSMITH_RENDERER=screenshot)');
	}
	const server = await startRenderPageServer(await buildWebBundle(), publicDir);
	let browser: DevtoolsBrowser | null = null;
	try {
		browser = await DevtoolsBrowser.launch(executable);
		const session = await browser.openPage();
		const pageErrors: string[] = [];
		let onBinding: ((payload: string) => void) | null = null;
		browser.on('Runtime.bindingCalled', (params, sessionId) => {
			if (sessionId === session && params.name === PROGRESS_BINDING) onBinding?.(String(params.payload));
		});
		browser.on('Runtime.exceptionThrown', (params, sessionId) => {
			if (sessionId !== session) return;
			const details = params.exceptionDetails as { exception?: { description?: string }; text?: string };
			pageErrors.push(details.exception?.description ?? details.text ?? 'unknown error');
		});
		await browser.send('Runtime.enable', {}, session);
		await browser.send('Runtime.addBinding', { name: PROGRESS_BINDING }, session);
		await browser.send('Page.enable', {}, session);
		await browser.send('Page.navigate', { url: `${server.origin}/` }, session);
		const ready = async () => {
			for (let attempt = 0; attempt < 600; attempt++) {
				const { result } = await browser!.send<{ result: { value?: unknown } }>('Runtime.evaluate', { expression: 'typeof window.reelsmith', returnByValue: true }, session);
				if (result.value === 'object') return;
				if (pageErrors.length > 0) throw new Error(`the renderer page failed to load: ${pageErrors.join('; ')}`);
				await new Promise((r) => setTimeout(r, 50));
			}
			throw new Error('the renderer page did not load within 30 s');
		};
		await ready();
		const opened = browser;
		return {
			expectUpload: server.expectUpload,
			call: async (method, request, onProgress) => {
				onBinding = onProgress ? (payload) => onProgress(JSON.parse(payload)) : null;
				const response = await opened.send<{ result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
					'Runtime.evaluate',
					{ expression: `window.reelsmith.${method}(${JSON.stringify(request)})`, awaitPromise: true, returnByValue: true },
					session,
				);
				onBinding = null;
				if (response.exceptionDetails) {
					const detail = response.exceptionDetails.exception?.description ?? response.exceptionDetails.text;
					throw new Error(`the web renderer failed: ${detail.split('\n').slice(0, 4).join('\n')}`);
				}
			},
			close: async () => {
				await opened.close();
				await server.close();
			},
		};
	} catch (error) {
		await browser?.close();
		await server.close();
		throw error;
	}
};

/**
 * Opens a renderer page, has it run `method` and upload the result to `file`, and closes it: each call gets
 * its own browser, so calls side by side render in parallel. Removes `file` if the render fails.
 */
export const renderOnPageToFile = async <P>(publicDir: string, method: 'renderVideo' | 'renderStill', request: object, file: string, onProgress?: (progress: P) => void): Promise<void> => {
	const page = await openRenderPage(publicDir);
	try {
		const upload = page.expectUpload(file);
		await page.call(method, { ...request, uploadPath: upload.path, licenseKey: remotionLicenseKey() ?? 'free-license' }, onProgress);
		await upload.received;
	} catch (error) {
		await rm(file, { force: true });
		throw error;
	} finally {
		await page.close();
	}
};
