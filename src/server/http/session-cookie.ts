import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** The cookie the board signs in with: pages cannot send a header with <img>, <audio>, <video> or EventSource. */
export const TOKEN_COOKIE = 'reelsmith_token';

export const sameToken = (given: string, token: string): boolean => {
	const a = Buffer.from(given);
	const b = Buffer.from(token);
	return a.length === b.length && timingSafeEqual(a, b);
};

/** The token a request sends: `Authorization: Bearer …`, or the board's cookie. */
export const requestToken = (req: IncomingMessage): string | null => {
	const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
	if (bearer) return bearer;
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='));
	}
	return null;
};

/** HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), for the whole server. */
export const sessionCookie = (token: string): string => `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
