import { describe, expect, it } from 'vitest';
import { classifyHttpError, HttpError } from '../src/providers/http/http-error';
import { parseRetryAfter, retryDelayMs, withRetry } from '../src/providers/http/retry';

const options = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, classify: classifyHttpError };

describe('withRetry', () => {
	it('backs off exponentially on 5xx, honours Retry-After on 429, then succeeds', async () => {
		const delays: number[] = [];
		const failures = [new HttpError(500, undefined, 'boom'), new HttpError(429, 2, 'slow down'), new HttpError(503, undefined, 'busy')];
		const result = await withRetry(
			async (attempt) => {
				if (attempt < failures.length) throw failures[attempt];
				return 'ok';
			},
			{ ...options, sleep: async (ms) => void delays.push(ms) },
		);
		expect(result).toBe('ok');
		expect(delays).toEqual([100, 2000, 400]);
	});

	it('does not retry a 400 and gives up after the last try with the last error', async () => {
		let calls = 0;
		await expect(
			withRetry(
				async () => {
					calls++;
					throw new HttpError(400, undefined, 'bad request');
				},
				{ ...options, sleep: async () => {} },
			),
		).rejects.toThrow('bad request');
		expect(calls).toBe(1);
		calls = 0;
		await expect(
			withRetry(
				async () => {
					calls++;
					throw new HttpError(502, undefined, `bad gateway ${calls}`);
				},
				{ ...options, sleep: async () => {} },
			),
		).rejects.toThrow('bad gateway 4');
		expect(calls).toBe(4);
	});

	it('treats timeouts and dropped connections as transient, other errors as final', () => {
		expect(classifyHttpError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toEqual({ transient: true });
		expect(classifyHttpError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toEqual({ transient: true });
		expect(classifyHttpError(new TypeError('x is not a function'))).toBeNull();
	});

	it('reads Retry-After as seconds or as an HTTP date, and caps the wait', () => {
		expect(parseRetryAfter('7')).toBe(7);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(retryDelayMs({ retryAfterSeconds: 3600 }, 0, options)).toBe(3000);
		expect(retryDelayMs({ status: 500 }, 10, options)).toBe(1000);
	});
});
