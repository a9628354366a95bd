import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type RequestTarget = { readonly path: string } | { readonly status: number; readonly message: string };

const sameText = (a: string, b: string): boolean => {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * What a request asks for: its decoded path after `/<token>/` ('' for the page), or the status that refuses it.
 * Only `Host: <host>` is served, so a DNS-rebound name cannot read the server; without the token nothing is.
 */
export const readRequestTarget = (req: IncomingMessage, host: string, token: string): RequestTarget => {
	const sentHost = req.headers.host ?? '';
	if (sentHost.toLowerCase() !== host) return { status: 403, message: `host "${sentHost}" is not served here, only ${host}` };
	const rawPath = (req.url ?? '').split('?')[0]!;
	const prefix = `/${token}/`;
	if (!sameText(rawPath.slice(0, prefix.length), prefix)) return { status: 404, message: 'not found' };
	let path: string;
	try {
		path = decodeURIComponent(rawPath.slice(prefix.length));
	} catch {
		return { status: 400, message: 'the path is not valid percent-encoding' };
	}
	if (path.includes('\0')) return { status: 400, message: 'the path contains a NUL byte' };
	return { path };
};
