/** A refusal of the API: its status, message and the problems by path (a 400 lists every one). */
export class ApiError extends Error {
	constructor(status, body) {
		super(body?.error ?? `HTTP ${status}`);
		this.status = status;
		this.problems = Array.isArray(body?.problems) ? body.problems : [];
	}
}

/** JSON in and out of the REST API; a non-2xx answer throws an ApiError. */
export const api = async (path, { method = 'GET', body } = {}) => {
	let response;
	try {
		response = await fetch(path, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
	} catch (error) {
		throw new ApiError(0, { error: `the server cannot be reached: ${error.message}` });
	}
	const data = await response.json().catch(() => null);
	if (!response.ok) throw new ApiError(response.status, data);
	return data;
};

const jobPath = (id) => `/api/videos/${encodeURIComponent(id)}`;

export const videos = {
	plan: (request) => api('/api/plans', { method: 'POST', body: request }),
	create: (request) => api('/api/videos', { method: 'POST', body: request }),
	list: () => api('/api/videos'),
	cancel: (id) => api(jobPath(id), { method: 'DELETE' }),
	scenes: (id) => api(`${jobPath(id)}/scenes`),
	editScene: (id, sceneId, edit) => api(`${jobPath(id)}/scenes/${encodeURIComponent(sceneId)}`, { method: 'PATCH', body: edit }),
	redo: (id, sceneId, asset) => api(`${jobPath(id)}/scenes/${encodeURIComponent(sceneId)}/redo`, { method: 'POST', body: { asset } }),
	render: (id) => api(`${jobPath(id)}/render`, { method: 'POST', body: {} }),
	events: (id) => `${jobPath(id)}/events`,
	/** A scene's voice or image: a path of the output's cache such as voice/ab12.wav. */
	asset: (id, path) => `${jobPath(id)}/assets/${path.split('/').map(encodeURIComponent).join('/')}`,
};

/** Signs this browser in with the server's token; the server keeps it in an HttpOnly cookie. */
export const signIn = (token) =>
	api('/api/session', { method: 'POST', body: { token } }).catch((error) => {
		if (error.status === 0 || error.status >= 400) throw error;
	});

/** The choices the server accepts: platforms, provider names, motions, transitions. */
export const boardOptions = () => api('/board/options.json');
