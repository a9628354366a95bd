/** Valid seed-format scripts to break one field at a time, so every failure is caused by that field alone. */
export const validScene = (id: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
	scene_id: id,
	narration: `Narration of scene ${id}.`,
	visual_description: `A calm picture for scene ${id}.`,
	duration: 6,
	text_overlay: `Overlay ${id}`,
	transition: 'fade',
	...extra,
});

export const validScript = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
	title: 'Robustness check',
	duration_target: 12,
	style: 'informative',
	scenes: [validScene(1), validScene(2)],
	target_platform: 'douyin',
	...extra,
});

/** `validScript` with scenes[0] patched and the `drop` keys removed from it. */
export const withFirstScene = (patch: Record<string, unknown>, drop: readonly string[] = []): Record<string, unknown> => {
	const first = validScene(1, patch);
	for (const key of drop) delete first[key];
	return validScript({ scenes: [first, validScene(2)] });
};

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
