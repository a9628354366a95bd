/** What Google is asked to speak with: a language, and a voice when one is chosen. */
export type GoogleVoiceChoice = { readonly languageCode: string; readonly name?: string };

/** `en-US-Neural2-F`, `cmn-CN-Wavenet-A`; Edge's `…Neural` names have the same prefix and are not Google's. */
export const isGoogleVoice = (name: string): boolean => /^[a-z]{2,3}-[A-Z]{2}(-[A-Za-z0-9]+){2,}$/.test(name) && !/Neural$/.test(name);

const named = (name: string): GoogleVoiceChoice => ({ languageCode: name.split('-').slice(0, 2).join('-'), name });

/** WaveNet and Neural2 voices, which honour SSML marks; other languages get Google's default voice. */
const defaultFor = (language: string): GoogleVoiceChoice => {
	const tag = language.trim().toLowerCase().replaceAll('_', '-');
	const [primary = '', ...subtags] = tag.split('-');
	if (primary === 'yue' || ((primary === 'zh' || primary === 'cmn') && subtags.some((s) => s === 'hk' || s === 'mo'))) return named('yue-HK-Standard-A');
	if (primary === 'zh' || primary === 'cmn') return named(subtags.some((s) => s === 'tw' || s === 'hant') ? 'cmn-TW-Wavenet-A' : 'cmn-CN-Wavenet-A');
	if (primary === 'en') return named(subtags.includes('gb') ? 'en-GB-Neural2-A' : subtags.includes('au') ? 'en-AU-Neural2-A' : 'en-US-Neural2-F');
	if (primary === 'ja') return named('ja-JP-Neural2-B');
	if (primary === 'ko') return named('ko-KR-Neural2-A');
	return { languageCode: language.trim() };
};

/** The request's Google voice, else the configured one, else a default for the language. */
export const googleVoiceFor = (language: string, requested?: string, configured?: string): GoogleVoiceChoice => {
	const wanted = requested?.trim();
	if (wanted && isGoogleVoice(wanted)) return named(wanted);
	const fallback = configured?.trim();
	return fallback ? named(fallback) : defaultFor(language);
};
