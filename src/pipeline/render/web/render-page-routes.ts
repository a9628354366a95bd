import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, sendBytes } from './http-answer';
import { receiveUpload } from './receive-upload';
import { readRequestTarget } from './request-target';
import { serveAsset } from './serve-asset';
import type { UploadRegistry } from './upload-registry';

/** What one render page server serves: its page and bundle in memory, the public folder, the uploads it waits for. */
export type RenderPageSite = {
	readonly host: string;
	readonly token: string;
	readonly page: Uint8Array;
	readonly bundle: Uint8Array;
	readonly publicDir: string;
	readonly uploads: UploadRegistry;
};

export const BUNDLE_PATH = '__reelsmith/bundle.js';
const RESERVED_PREFIX = '__reelsmith/';

/** The page loads the bundle with the token, and staticFile() prefixes every asset with it. */
export const renderPageHtml = (token: string): string =>
	`<!doctype html><html><head><meta charset="utf-8"><script>window.remotion_staticBase = '/${token}';</script></head>` +
	`<body style="margin:0"><script src="/${token}/${BUNDLE_PATH}"></script></body></html>`;

/** Answers one request: the page, the bundle, an asset (GET, HEAD) or an expected upload (POST). */
export const handleRenderPageRequest = async (req: IncomingMessage, res: ServerResponse, site: RenderPageSite): Promise<void> => {
	const target = readRequestTarget(req, site.host, site.token);
	if ('status' in target) return answer(res, target.status, target.message);
	if (req.method === 'POST') {
		const upload = site.uploads.take(target.path);
		return upload ? receiveUpload(req, res, upload) : answer(res, 404, 'no upload is expected at this path');
	}
	if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, `${req.method} is not served here`, { allow: 'GET, HEAD, POST' });
	if (target.path === '') return sendBytes(req.method, res, site.page, 'text/html; charset=utf-8');
	if (target.path === BUNDLE_PATH) return sendBytes(req.method, res, site.bundle, 'text/javascript; charset=utf-8');
	if (target.path.startsWith(RESERVED_PREFIX)) return answer(res, 404, 'not found');
	return serveAsset(req, res, site.publicDir, target.path);
};
