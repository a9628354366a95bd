/** The ISO 639-1 code Whisper takes for a BCP 47 tag (all Chinese is `zh`), or undefined to let it detect. */
export const whisperLanguage = (language: string): string | undefined => {
	const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
	if (primary === 'cmn' || primary === 'yue') return 'zh';
	return /^[a-z]{2}$/.test(primary) ? primary : undefined;
};
