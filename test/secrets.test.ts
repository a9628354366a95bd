import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDotEnv } from '../src/config/load-env';
import { redactSecrets } from '../src/config/redact-secrets';
import { runScript } from './helpers/run-command';
import { makeTempDir } from './helpers/temp-dir';

describe('secrets', () => {
	it('hides every secret-named variable and key-shaped text', () => {
		const env = {
			OPENAI_API_KEY: 'abc123def456',
			IMAGE_API_KEY: 'zzz-image-key',
			GOOGLE_TTS_API_KEY: 'AIzaSyA-0123456789abcdefghij',
			PATH: '/usr/bin',
			SHORT_TOKEN: 'x',
		};
		const text = 'key abc123def456 and zzz-image-key in /usr/bin, AIzaSyA-0123456789abcdefghij, sk-proj-AbCdEf0123456789 x';
		expect(redactSecrets(text, env)).toBe('key *** and *** in /usr/bin, ***, *** x');
	});

	it('drops the query string of pre-signed URLs, session token included, and keeps the object named', () => {
		const signed =
			'https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/assets/9f.m4a?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201&X-Amz-Date=20261201T000000Z&X-Amz-Expires=86400&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE&X-Amz-Signature=0123abcd&X-Amz-SignedHeaders=host';
		const message = `could not load audio ${signed} (404); and "${signed}"`;
		const redacted = redactSecrets(message, {});
		expect(redacted).toBe(
			'could not load audio https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/assets/9f.m4a?*** (404); and "https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/assets/9f.m4a?***"',
		);
		expect(redactSecrets('see https://example.com/page?lang=en for more', {})).toBe('see https://example.com/page?lang=en for more');
	});

	it('loads .env without overriding the environment', async () => {
		const dir = await makeTempDir('reelsmith-env-');
		await writeFile(path.join(dir, '.env'), 'REELSMITH_TEST_FROM_FILE=file\nREELSMITH_TEST_BOTH=file\n');
		process.env.REELSMITH_TEST_BOTH = 'environment';
		expect(loadDotEnv(dir)).toBe(path.join(dir, '.env'));
		expect(process.env.REELSMITH_TEST_FROM_FILE).toBe('file');
		expect(process.env.REELSMITH_TEST_BOTH).toBe('environment');
		expect(loadDotEnv(path.join(dir, 'none'))).toBeNull();
	});

	it('a key from .env reaches the provider but never the error output', async () => {
		const dir = await makeTempDir('reelsmith-env-cli-');
		const key = 'sk-dotenv-SECRET-0123456789';
		// nothing listens on port 9: the call fails, and the failure is reported without the key
		await writeFile(path.join(dir, '.env'), `OPENAI_API_KEY=${key}\nOPENAI_BASE_URL=http://127.0.0.1:9/v1\n`);
		const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...env } = process.env;
		const result = await runScript('scripts/script.ts', ['--topic', '测试'], dir, env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/127\.0\.0\.1:9|connect|Connection/i);
		expect(result.stdout + result.stderr).not.toContain(key);
	}, 60_000);
});
