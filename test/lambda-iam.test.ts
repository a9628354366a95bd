import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { getUserPolicy } from '@remotion/lambda';
import { describe, expect, it } from 'vitest';
import { FALLBACK_ACCOUNT_CONCURRENCY, readAccountConcurrency } from '../src/lambda/account-concurrency';
import { SDK_COMMAND_ACTIONS } from '../src/lambda/iam-actions';
import { FakeLambdaClient } from './helpers/fake-lambda-client';
import { ROOT } from './helpers/run-command';

/** Every action in Remotion's suggested user policy (`npx remotion lambda policies user`). */
const remotionUserActions = (): Set<string> => {
	const policy = JSON.parse(getUserPolicy()) as { Statement: { Action: string | string[] }[] };
	return new Set(policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
};

/** `new sdk.XCommand(` in our Lambda code: the AWS calls reelsmith makes itself. */
const commandsInCode = async (): Promise<Set<string>> => {
	const dir = path.join(ROOT, 'src/lambda');
	const found = new Set<string>();
	for (const name of await readdir(dir)) {
		const text = await readFile(path.join(dir, name), 'utf8');
		for (const match of text.matchAll(/new sdk\.(\w+Command)\(/g)) found.add(match[1]!);
	}
	return found;
};

describe('the IAM actions reelsmith needs are the ones docs/lambda.md lists', () => {
	it('every AWS command the code sends has its action in the table', async () => {
		const commands = await commandsInCode();
		expect(commands.size).toBeGreaterThan(0);
		for (const command of commands) expect(SDK_COMMAND_ACTIONS[command], `${command} is not in src/lambda/iam-actions.ts`).toBeDefined();
	});

	it("every action outside Remotion's user policy is named in docs/lambda.md, and nothing needs lambda:GetAccountSettings", async () => {
		const remotion = remotionUserActions();
		const docs = await readFile(path.join(ROOT, 'docs/lambda.md'), 'utf8');
		const needed = new Set([...(await commandsInCode())].map((command) => SDK_COMMAND_ACTIONS[command]!));
		const extra = [...needed].filter((action) => !remotion.has(action));
		expect(extra.sort()).toEqual(['s3:GetBucketCORS', 's3:PutBucketCORS']);
		for (const action of extra) expect(docs, action).toContain(`\`${action}\``);
		expect(needed.has('servicequotas:GetServiceQuota') && remotion.has('servicequotas:GetServiceQuota')).toBe(true);
		expect([...needed]).not.toContain('lambda:GetAccountSettings');
	});

	it("a policy that can't read the concurrency quota plans for a new account's quota and says so", async () => {
		const client = new FakeLambdaClient();
		client.accountConcurrency = async () => {
			throw Object.assign(new Error('User: arn:aws:iam::1:user/r is not authorized to perform: servicequotas:GetServiceQuota'), {
				name: 'AccessDeniedException',
			});
		};
		const said: string[] = [];
		expect(await readAccountConcurrency(client, 'us-east-1', (line) => said.push(line))).toBe(FALLBACK_ACCOUNT_CONCURRENCY);
		expect(said.join('\n')).toMatch(/could not read the account's Lambda concurrency quota \(AccessDeniedException\); planning for 10/);
		expect(await readAccountConcurrency(new FakeLambdaClient(), 'us-east-1')).toBe(new FakeLambdaClient().accountLimit);
	});
});
