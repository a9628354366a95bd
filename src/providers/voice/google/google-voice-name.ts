/** What Google is asked to speak with: a language, and a voice when one is chosen. */
export type GoogleVoiceChoice = { readonly languageCode: string; readonly name?: string };

/** `en-US-Neural2-F`, `cmn-CN-Wavenet-A`; Edge's `…Neural` names have the same prefix and are not Google's. */
export const isGoogleVoice = (name: string): boolean => /^[a-z]{2,3}-[A-Z]{2}(-[A-Za-z0-9]+){2,}$/.test(name) && !/Neural$/.test(name);

/**
 * Chirp 3 HD (`en-US-Chirp3-HD-Kore`), Chirp HD (`en-US-Chirp-HD-D`) and Journey (`en-US-Journey-D`) voices
 * take plain text only: no SSML, so no `<mark>` and no timepoints (Google's "Chirp 3: HD voices" page,
 * cloud.google.com/text-to-speech/docs/chirp3-hd, and the SSML page, cloud.google.com/text-to-speech/docs/ssml).
 */
export const isPlainTextVoice = (name: string | undefined): boolean => name !== undefined && /-(Chirp3?-HD|Journey)(-|$)/i.test(name);

const named = (name: string): GoogleVoiceChoice => ({ languageCode: name.split('-').slice(0, 2).join('-'), name });

/**
 * A WaveNet or Neural2 voice (which honour SSML marks) per locale, from Google's "Supported voices and
 * languages" list (cloud.google.com/text-to-speech/docs/voices). Never a bare language code: Google would then
 * pick the voice, possibly one without SSML.
 */
const VOICE_BY_LOCALE: Readonly<Record<string, string>> = {
	'cmn-CN': 'cmn-CN-Wavenet-A',
	'cmn-TW': 'cmn-TW-Wavenet-A',
	'yue-HK': 'yue-HK-Standard-A',
	'en-US': 'en-US-Neural2-F',
	'en-GB': 'en-GB-Neural2-A',
	'en-AU': 'en-AU-Neural2-A',
	'en-IN': 'en-IN-Neural2-A',
	'ja-JP': 'ja-JP-Neural2-B',
	'ko-KR': 'ko-KR-Neural2-A',
	'fr-FR': 'fr-FR-Neural2-A',
	'fr-CA': 'fr-CA-Neural2-A',
	'de-DE': 'de-DE-Neural2-A',
	'es-ES': 'es-ES-Neural2-A',
	'es-US': 'es-US-Neural2-A',
	'pt-BR': 'pt-BR-Neural2-A',
	'pt-PT': 'pt-PT-Wavenet-A',
	'it-IT': 'it-IT-Neural2-A',
	'ru-RU': 'ru-RU-Wavenet-A',
	'hi-IN': 'hi-IN-Neural2-A',
	'ar-XA': 'ar-XA-Wavenet-A',
	'nl-NL': 'nl-NL-Wavenet-A',
	'pl-PL': 'pl-PL-Wavenet-A',
	'tr-TR': 'tr-TR-Wavenet-A',
	'sv-SE': 'sv-SE-Wavenet-A',
	'da-DK': 'da-DK-Wavenet-A',
	'nb-NO': 'nb-NO-Wavenet-A',
	'fi-FI': 'fi-FI-Wavenet-A',
	'uk-UA': 'uk-UA-Wavenet-A',
	'vi-VN': 'vi-VN-Wavenet-A',
	'id-ID': 'id-ID-Wavenet-A',
	'th-TH': 'th-TH-Neural2-C',
};

/** The locale for a language without (or with an unlisted) region: `zh` → `cmn-CN`, `pt` → `pt-BR`. */
const LOCALE_BY_LANGUAGE: Readonly<Record<string, string>> = {
	en: 'en-US',
	ja: 'ja-JP',
	ko: 'ko-KR',
	fr: 'fr-FR',
	de: 'de-DE',
	es: 'es-ES',
	pt: 'pt-BR',
	it: 'it-IT',
	ru: 'ru-RU',
	hi: 'hi-IN',
	ar: 'ar-XA',
	nl: 'nl-NL',
	pl: 'pl-PL',
	tr: 'tr-TR',
	sv: 'sv-SE',
	da: 'da-DK',
	nb: 'nb-NO',
	no: 'nb-NO',
	fi: 'fi-FI',
	uk: 'uk-UA',
	vi: 'vi-VN',
	id: 'id-ID',
	in: 'id-ID',
	th: 'th-TH',
};

/** The script language as one of Google's locales (`zh` → `cmn-CN`, `zh-TW` → `cmn-TW`, `en` → `en-US`); null when unknown. */
export const googleLocaleFor = (language: string): string | null => {
	const tag = language.trim().toLowerCase().replaceAll('_', '-');
	const [primary = '', ...subtags] = tag.split('-');
	if (primary === 'yue' || ((primary === 'zh' || primary === 'cmn') && subtags.some((s) => s === 'hk' || s === 'mo'))) return 'yue-HK';
	if (primary === 'zh' || primary === 'cmn') return subtags.some((s) => s === 'tw' || s === 'hant') ? 'cmn-TW' : 'cmn-CN';
	const region = subtags.find((s) => /^[a-z]{2}$/.test(s));
	const exact = region ? `${primary}-${region.toUpperCase()}` : undefined;
	if (exact && VOICE_BY_LOCALE[exact]) return exact;
	return LOCALE_BY_LANGUAGE[primary] ?? null;
};

/** A voice that honours SSML marks for the language; a clear error for a language the table lacks. */
const defaultFor = (language: string): GoogleVoiceChoice => {
	const locale = googleLocaleFor(language);
	const name = locale ? VOICE_BY_LOCALE[locale] : undefined;
	if (!name)
		throw new Error(
			`Google TTS has no default voice for language "${language.trim()}": name one with REELSMITH_GOOGLE_VOICE or the scene's voice ` +
				'(a WaveNet, Neural2 or Standard voice such as xx-XX-Wavenet-A, from cloud.google.com/text-to-speech/docs/voices)',
		);
	return named(name);
};

/** The request's Google voice, else the configured one, else a default for the language. */
export const googleVoiceFor = (language: string, requested?: string, configured?: string): GoogleVoiceChoice => {
	const wanted = requested?.trim();
	if (wanted && isGoogleVoice(wanted)) return named(wanted);
	const fallback = configured?.trim();
	return fallback ? named(fallback) : defaultFor(language);
};
