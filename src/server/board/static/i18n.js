import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { STRINGS } from './strings.js';

export const LANGUAGES = Object.keys(STRINGS);
const STORAGE_KEY = 'reelsmith.board.language';

/** The language chosen before, else Chinese for a zh-* browser, else English. */
export const initialLanguage = () => {
	const stored = localStorage.getItem(STORAGE_KEY);
	if (LANGUAGES.includes(stored)) return stored;
	return /^zh\b/i.test(navigator.language ?? '') ? 'zh' : 'en';
};

export const rememberLanguage = (language) => {
	localStorage.setItem(STORAGE_KEY, language);
	document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
	document.title = translate(language, 'pageTitle');
};

/** The string `key` in `language` (English when missing there), its `{name}`s filled from `values`. */
export const translate = (language, key, values = {}) =>
	(STRINGS[language]?.[key] ?? STRINGS.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));

export const LanguageContext = createContext('en');

/** `t(key, values)` in the board's current language. */
export const useT = () => {
	const language = useContext(LanguageContext);
	return (key, values) => translate(language, key, values);
};
