import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { failRequest } from './http-answer';
import { handleRenderPageRequest, renderPageHtml, type RenderPageSite } from './render-page-routes';
import { createUploadRegistry } from './upload-registry';

export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export type RenderPageServer = {
	readonly origin: string;
	/** The renderer page: `<origin>/<token>/`; every URL of this server starts with the token. */
	readonly pageUrl: string;
	/** A one-time path the page POSTs a finished file to (at most `maxBytes`); resolves when it is on disk. */
	expectUpload: (file: string, maxBytes?: number) => { path: string; received: Promise<void> };
	close: () => Promise<void>;
};

export type RenderPageServerOptions = {
	/** The renderer page's script, built in memory. */
	readonly bundle: string | Uint8Array;
	/** The folder the props' relative asset paths (staticFile()) are read from. */
	readonly publicDir: string;
	/** The cap on each upload unless expectUpload names another; 4 GiB by default. */
	readonly maxUploadBytes?: number;
};

/**
 * Serves the renderer page, its bundle and the props' assets on 127.0.0.1 behind a random token and takes the
 * finished files back, so that neither another local process nor a web page (DNS rebinding) can read or feed it.
 */
export const startRenderPageServer = async ({
	bundle,
	publicDir,
	maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES,
}: RenderPageServerOptions): Promise<RenderPageServer> => {
	const token = randomBytes(16).toString('hex');
	const uploads = createUploadRegistry(token, maxUploadBytes);
	const server = http.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	const site: RenderPageSite = {
		host,
		token,
		page: Buffer.from(renderPageHtml(token)),
		bundle: typeof bundle === 'string' ? Buffer.from(bundle) : bundle,
		publicDir,
		uploads,
	};
	server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
		handleRenderPageRequest(req, res, site).catch((error: unknown) => failRequest(res, error));
	});
	return {
		origin: `http://${host}`,
		pageUrl: `http://${host}/${token}/`,
		expectUpload: uploads.expect,
		close: () =>
			new Promise<void>((resolve) => {
				uploads.abandonAll();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
