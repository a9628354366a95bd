import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowserExecutable } from '../src/pipeline/render/browser-executable';
import { startServer, type ServerProcess } from './helpers/server-process';
import { makeTempDir } from './helpers/temp-dir';

describe('the scene board on a server with a token', () => {
	let server: ServerProcess;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer(['--out', await makeTempDir('reelsmith-board-token-')], { ...process.env, REELSMITH_API_TOKEN: 'open-sesame' });
		browser = await chromium.launch({ executablePath: resolveBrowserExecutable() ?? undefined });
	}, 60_000);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	}, 30_000);

	it('asks for the token, refuses a wrong one, and with the right one shows the board', async () => {
		const page = await browser.newPage({ locale: 'en-US' });
		await page.goto(server.url);
		const form = page.getByTestId('token-form');
		await form.waitFor({ timeout: 30_000 });
		await page.getByLabel('Server token').fill('wrong');
		await page.getByRole('button', { name: 'Sign in' }).press('Enter');
		await expect(page.getByTestId('token-error').innerText()).resolves.toMatch(/not the server token/);
		await page.getByLabel('Server token').fill('open-sesame');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByText('No jobs yet.').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('token-form').count()).toBe(0);
		// the cookie is the server's, out of the page's reach
		expect(await page.evaluate(() => document.cookie)).toBe('');
		expect((await page.context().cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['reelsmith_token', true, 'Strict']]);
		await page.close();
	}, 60_000);
});
