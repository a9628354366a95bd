import { describe, expect, it } from 'vitest';
import { defaultConcurrency, renderSettings } from '../src/pipeline/render/render-settings';

describe('render concurrency', () => {
	it('runs one web-engine browser per two cores, at least one', () => {
		expect(defaultConcurrency('web', 1)).toBe(1);
		expect(defaultConcurrency('web', 2)).toBe(1);
		expect(defaultConcurrency('web', 3)).toBe(1);
		expect(defaultConcurrency('web', 8)).toBe(4);
	});
	it('keeps two tabs for the screenshot engine', () => {
		expect(defaultConcurrency('screenshot', 2)).toBe(2);
		expect(defaultConcurrency('screenshot', 16)).toBe(2);
	});
	it('follows the engine chosen, and an explicit concurrency wins', () => {
		expect(renderSettings(false, { engine: 'screenshot' }).concurrency).toBe(2);
		expect(renderSettings(false).concurrency).toBe(defaultConcurrency('web'));
		expect(renderSettings(true, { engine: 'web', concurrency: 3 })).toMatchObject({ concurrency: 3, engine: 'web', scale: 0.5 });
	});
});
