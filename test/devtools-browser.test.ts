import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveBrowserExecutable } from '../src/pipeline/render/browser-executable';
import { DevtoolsBrowser } from '../src/pipeline/render/web/devtools-browser';
import { descendantsMatching, processesMatching } from './helpers/browser-processes';

const executable = resolveBrowserExecutable()!;
const opened: DevtoolsBrowser[] = [];
afterEach(async () => {
	await Promise.all(opened.splice(0).map((b) => b.close()));
});

const launch = async () => {
	const browser = await DevtoolsBrowser.launch(executable);
	opened.push(browser);
	return browser;
};

/** A call the page never answers by itself: it waits until something outside ends it. */
const hangingCall = (browser: DevtoolsBrowser, session: string) =>
	browser.send('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }, session);

const within = <T>(ms: number, promise: Promise<T>) =>
	Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);

describe('a browser driven over the DevTools pipe', () => {
	it('fails a waiting call at once when its page crashes', async () => {
		const browser = await launch();
		const session = await browser.openPage();
		const waiting = hangingCall(browser, session);
		await browser.send('Page.crash', {}, session).catch(() => undefined);
		await expect(within(5000, waiting)).rejects.toThrow(/page crashed|closed or crashed/);
		expect(browser.deadReason(session)?.message).toMatch(/crash/);
	});

	it('fails a waiting call at once when the renderer process is killed', async () => {
		const browser = await launch();
		const session = await browser.openPage();
		await browser.send('Runtime.evaluate', { expression: '1' }, session);
		const waiting = hangingCall(browser, session);
		const renderers = descendantsMatching(browser.pid!, '--type=renderer');
		expect(renderers.length).toBeGreaterThan(0);
		for (const pid of renderers) process.kill(pid, 'SIGKILL');
		await expect(within(5000, waiting)).rejects.toThrow(/crash/);
	});

	it('fails a waiting call at once when the whole browser dies, and refuses new ones', async () => {
		const browser = await launch();
		const session = await browser.openPage();
		const waiting = hangingCall(browser, session);
		process.kill(-browser.pid!, 'SIGKILL');
		await expect(within(5000, waiting)).rejects.toThrow(/exited|pipe .*closed/);
		await expect(browser.send('Browser.getVersion')).rejects.toThrow(/exited|pipe .*closed/);
	});

	it('leaves no process and no profile folder once closed', async () => {
		const browser = await launch();
		await browser.openPage();
		const dir = browser.profileDir;
		expect(existsSync(dir)).toBe(true);
		expect(processesMatching(dir).length).toBeGreaterThan(0);
		await browser.close();
		expect(existsSync(dir)).toBe(false);
		expect(processesMatching(dir)).toEqual([]);
	});
});
