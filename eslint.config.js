import js from '@eslint/js';
import remotion from '@remotion/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Remotion's rules where Remotion renders: the compositions, their components and the Studio root. */
const REACT_FILES = ['src/components/**/*.tsx', 'src/compositions/**/*.tsx', 'src/Root.tsx'];

export default tseslint.config(
	{ ignores: ['node_modules/', 'out/', 'build/', 'public/', '**/*.d.ts'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{ files: REACT_FILES, ...remotion.flatPlugin },
	{
		// the scene board's browser modules (no build step): the browser globals they use, nothing of Node's
		files: ['src/server/board/static/**/*.js'],
		languageOptions: {
			sourceType: 'module',
			globals: Object.fromEntries(
				[
					'document',
					'navigator',
					'location',
					'history',
					'localStorage',
					'fetch',
					'EventSource',
					'URLSearchParams',
					'setTimeout',
					'clearTimeout',
					'setInterval',
					'clearInterval',
				].map((name) => [name, 'readonly']),
			),
		},
	},
	{
		rules: {
			// `_name` is how an interface method says it ignores an argument
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// control characters are matched on purpose: they are stripped from text sent to services and from answers
			'no-control-regex': 'off',
			// tests match column-aligned CLI output, where runs of spaces are the point
			'no-regex-spaces': 'off',
		},
	},
);
