/** `zh-CN-XiaoxiaoNeural`, `zh-CN-liaoning-XiaobeiNeural`, or the long form Edge itself sends. */
export const isEdgeVoice = (name: string): boolean =>
	/^[a-z]{2,3}-[A-Z]{2}(-[A-Za-z]+)?-[A-Za-z]+Neural$/.test(name) || /^Microsoft Server Speech Text to Speech Voice \(.+, .+\)$/.test(name);

/** Free voices per language; the multilingual one speaks anything else. */
const defaultFor = (language: string): string => {
	const tag = language.trim().toLowerCase().replaceAll('_', '-');
	const [primary = '', ...subtags] = tag.split('-');
	if (primary === 'yue' || ((primary === 'zh' || primary === 'cmn') && subtags.some((s) => s === 'hk' || s === 'mo'))) return 'zh-HK-HiuMaanNeural';
	if (primary === 'zh' || primary === 'cmn') return subtags.some((s) => s === 'tw' || s === 'hant') ? 'zh-TW-HsiaoChenNeural' : 'zh-CN-XiaoxiaoNeural';
	if (primary === 'en') return subtags.includes('gb') ? 'en-GB-SoniaNeural' : subtags.includes('au') ? 'en-AU-NatashaNeural' : 'en-US-AriaNeural';
	const named: Readonly<Record<string, string>> = {
		ja: 'ja-JP-NanamiNeural',
		ko: 'ko-KR-SunHiNeural',
		fr: 'fr-FR-DeniseNeural',
		de: 'de-DE-KatjaNeural',
		es: 'es-ES-ElviraNeural',
	};
	return named[primary] ?? 'en-US-EmmaMultilingualNeural';
};

/** The request's Edge voice, else the configured one, else a default for the language. */
export const edgeVoiceFor = (language: string, requested?: string, configured?: string): string => {
	const wanted = requested?.trim();
	if (wanted && isEdgeVoice(wanted)) return wanted;
	return configured?.trim() || defaultFor(language);
};

/** The name as Edge sends it: `Microsoft Server Speech Text to Speech Voice (zh-CN, XiaoxiaoNeural)`. */
export const edgeLongVoiceName = (voice: string): string => {
	const match = /^([a-z]{2,3})-([A-Z]{2}(?:-[A-Za-z]+)?)-([A-Za-z]+Neural)$/.exec(voice);
	return match ? `Microsoft Server Speech Text to Speech Voice (${match[1]}-${match[2]}, ${match[3]})` : voice;
};

/** The locale a voice speaks, for the SSML's xml:lang. */
export const edgeVoiceLocale = (voice: string): string => /^([a-z]{2,3}-[A-Z]{2})/.exec(voice)?.[1] ?? /\(([a-z]{2,3}-[A-Z]{2})/.exec(voice)?.[1] ?? 'en-US';
