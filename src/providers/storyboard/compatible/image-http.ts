import { HttpError } from '../../http/http-error';

/** POSTs JSON with a bearer key and reads JSON back; non-2xx answers throw HttpError for the retry policy. */
export const postJson = async (url: string, apiKey: string, body: unknown, timeoutMs: number): Promise<unknown> => {
	const response = await fetch(url, {
		method: 'POST',
		headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	if (!response.ok) throw await HttpError.from(response, 'POST /images/generations');
	const text = await response.text();
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error(`image generation answered something that is not JSON: ${text.slice(0, 200)}`);
	}
};

/**
 * Fetches the generated file. The key is deliberately not sent: the URL is a signed link on another
 * host (SiliconFlow's are valid for an hour), and the key must never leave for a third party.
 */
export const downloadBytes = async (url: string, timeoutMs: number): Promise<Uint8Array> => {
	const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	if (!response.ok) throw await HttpError.from(response, 'image download');
	return new Uint8Array(await response.arrayBuffer());
};
