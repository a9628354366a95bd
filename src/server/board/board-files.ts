import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../../node/project-root';
import { PROVIDER_NAMES } from '../../providers/provider-factory';
import { MOTION_NAMES } from '../../schema/motions';
import { PLATFORM_NAMES } from '../../schema/platforms';
import { TRANSITION_NAMES } from '../../schema/transitions';
import { sendFile } from '../http/send-file';

/** The board's own files: index.html, its modules, style and strings. */
export const BOARD_STATIC_DIR = path.join(PROJECT_ROOT, 'src/server/board/static');

const NODE_MODULES = path.join(PROJECT_ROOT, 'node_modules');

/** The only node_modules files the board may load, by the name index.html's import map gives them under /vendor/. */
export const VENDOR_FILES: Readonly<Record<string, string>> = {
	'preact.module.js': 'preact/dist/preact.module.js',
	'preact.module.js.map': 'preact/dist/preact.module.js.map',
	'hooks.module.js': 'preact/hooks/dist/hooks.module.js',
	'hooks.module.js.map': 'preact/hooks/dist/hooks.module.js.map',
	'htm.module.js': 'htm/dist/htm.module.js',
};

/** One flat name of the static folder: no folders, no dots in front, so no way out of it. */
const STATIC_NAME = /^[a-z0-9][a-z0-9-]*\.(?:html|js|css)$/;

/** The choices the board offers, from the same lists the API validates with, so the two cannot drift. */
export const boardOptions = () => ({
	platforms: PLATFORM_NAMES,
	providers: PROVIDER_NAMES,
	motions: MOTION_NAMES,
	transitions: TRANSITION_NAMES,
});

const sendJson = (req: IncomingMessage, res: ServerResponse, body: unknown) => {
	const text = JSON.stringify(body);
	res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-cache' });
	res.end(req.method === 'HEAD' ? undefined : text);
	return true;
};

/**
 * The scene board, for the API server's `serveOther`: `/` is index.html, `/board/<file>` a file of the static folder
 * (`/board/options.json` the choices), `/vendor/<name>` one of VENDOR_FILES. Anything else, or any other method,
 * is not answered (false), which the API server turns into a 404.
 */
export const serveBoard = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	const { pathname } = new URL(req.url ?? '/', 'http://localhost');
	res.setHeader('x-content-type-options', 'nosniff');
	if (pathname === '/' || pathname === '/index.html') return sendFile(req, res, path.join(BOARD_STATIC_DIR, 'index.html'));
	if (pathname === '/board/options.json') return sendJson(req, res, boardOptions());
	const boardFile = /^\/board\/([^/]+)$/.exec(pathname)?.[1];
	if (boardFile !== undefined) return STATIC_NAME.test(boardFile) ? sendFile(req, res, path.join(BOARD_STATIC_DIR, boardFile)) : false;
	const vendorFile = /^\/vendor\/([^/]+)$/.exec(pathname)?.[1];
	if (vendorFile !== undefined && Object.hasOwn(VENDOR_FILES, vendorFile)) return sendFile(req, res, path.join(NODE_MODULES, VENDOR_FILES[vendorFile]!));
	return false;
};
