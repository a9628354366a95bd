const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** The script's language if given, else Chinese when Han characters make up a real part of the letters. */
export const detectLanguage = (text: string): string => {
	const han = text.match(HAN)?.length ?? 0;
	const latin = text.match(LATIN)?.length ?? 0;
	return han > 0 && han * 3 >= latin ? 'zh-CN' : 'en';
};
