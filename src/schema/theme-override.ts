import { z } from 'zod';

export const THEME_COLOUR_NAMES = ['background', 'primary', 'accent', 'text', 'highlight'] as const;

/** What the Studio's colour picker writes: `#rrggbb`, or `rgba(r, g, b, a)` once the opacity is lowered. */
const COLOUR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*(0|1|0?\.\d+)\s*)?\))$/;

const colour = (name: string) =>
	z
		.string({ error: `theme.${name} must be a colour string such as "#22d3ee"` })
		.regex(COLOUR, `theme.${name} must be a colour such as "#22d3ee" or "rgba(34, 211, 238, 0.8)"`)
		.optional();

/** The script's own colours, over the palette its `style` picks: what a colour tried in the Studio becomes to be kept. */
export const themeOverrideSchema = z
	.strictObject(
		Object.fromEntries(THEME_COLOUR_NAMES.map((name) => [name, colour(name)])) as Record<(typeof THEME_COLOUR_NAMES)[number], ReturnType<typeof colour>>,
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `theme has no colour ${issue.keys.map((key) => `"${key}"`).join(', ')}; use ${THEME_COLOUR_NAMES.join(', ')}`
					: 'theme must be an object of colours, such as {"accent": "#22d3ee"}',
		},
	)
	.describe(`Colours over the style's palette: ${THEME_COLOUR_NAMES.join(', ')} (hex, or rgba()).`);

export type ThemeOverride = z.infer<typeof themeOverrideSchema>;
