import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		testTimeout: 20000,
		globalSetup: ['test/setup/private-tmpdir.ts'],
		setupFiles: ['test/setup/remove-temp-dirs.ts'],
	},
});
