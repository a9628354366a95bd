import type { GoogleVoiceOptions } from './google-voice';

/**
 * GOOGLE_TTS_API_KEY when set (a key allowed to call Text-to-Speech), else Application Default
 * Credentials: GOOGLE_APPLICATION_CREDENTIALS, a gcloud login, or the metadata server. REELSMITH_GOOGLE_VOICE
 * picks one voice for every scene.
 */
export const googleVoiceOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): GoogleVoiceOptions => {
	const apiKey = env.GOOGLE_TTS_API_KEY?.trim();
	const voiceName = env.REELSMITH_GOOGLE_VOICE?.trim();
	return { ...(apiKey ? { apiKey } : {}), ...(voiceName ? { voiceName } : {}) };
};
