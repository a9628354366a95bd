import { PROVIDER_FLAG_OPTIONS } from './provider-flags';

/** The flags `render` and `make` share: which platforms, where to, how, and the asset providers. */
export const VIDEO_FLAG_OPTIONS = {
	platform: { type: 'string' },
	out: { type: 'string', default: 'out' },
	draft: { type: 'boolean', default: false },
	renderer: { type: 'string' },
	music: { type: 'string' },
	'dry-run': { type: 'boolean', default: false },
	'no-wait': { type: 'boolean', default: false },
	redo: { type: 'string', multiple: true, default: [] as string[] },
	'max-cost': { type: 'string' },
	...PROVIDER_FLAG_OPTIONS,
} as const;
