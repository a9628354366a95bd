import type { AwsRegion } from '@remotion/lambda/client';
import type { LambdaClient } from './lambda-client';

/** What a batch plans for when the quota can't be read: the quota new AWS accounts start with. */
export const FALLBACK_ACCOUNT_CONCURRENCY = 10;

/**
 * The account's Lambda concurrency quota. A user whose policy can't read it (an older or trimmed policy, or an
 * organisation that forbids Service Quotas) still renders: the batch plans for a new account's quota and says
 * so, rather than failing before the first render.
 */
export const readAccountConcurrency = async (client: LambdaClient, region: AwsRegion, onStage?: (message: string) => void): Promise<number> => {
	try {
		return await client.accountConcurrency(region);
	} catch (error) {
		const reason = (error as { name?: string })?.name ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
		onStage?.(
			`could not read the account's Lambda concurrency quota (${reason}); planning for ${FALLBACK_ACCOUNT_CONCURRENCY}, a new account's quota. ` +
				'The policy from `npx remotion lambda policies user` allows servicequotas:GetServiceQuota, which reads the real one',
		);
		return FALLBACK_ACCOUNT_CONCURRENCY;
	}
};
