import { InputError } from '../../pipeline/input-error';
import { DEFAULT_UPLOAD_BASE } from './start-session';

const HOW_TO =
	'set YOUTUBE_ACCESS_TOKEN to an OAuth 2.0 access token with the scope https://www.googleapis.com/auth/youtube.upload, ' +
	'e.g. from Google\'s OAuth playground (https://developers.google.com/oauthplayground: pick "YouTube Data API v3 › youtube.upload", ' +
	'authorize, exchange the code, copy the access token) or `gcloud auth print-access-token --scopes=https://www.googleapis.com/auth/youtube.upload` ' +
	'after a gcloud login with that scope; tokens last about an hour (put it in .env or the environment)';

/** The token and server to upload with; a missing token is bad input that says how to get one. */
export const readYoutubeEnv = (env: NodeJS.ProcessEnv): { token: string; baseUrl: string } => {
	const token = env.YOUTUBE_ACCESS_TOKEN?.trim();
	if (!token) throw new InputError('environment', [{ path: 'YOUTUBE_ACCESS_TOKEN', message: `missing: ${HOW_TO}` }]);
	return { token, baseUrl: env.YOUTUBE_UPLOAD_URL?.trim() || DEFAULT_UPLOAD_BASE };
};
