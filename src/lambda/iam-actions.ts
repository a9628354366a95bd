/**
 * The IAM action each AWS SDK command reelsmith sends itself needs (Remotion's own calls are covered by its
 * policies). docs/lambda.md tells users to add those outside Remotion's user policy; a test keeps this table,
 * the code's commands and the docs in step.
 */
export const SDK_COMMAND_ACTIONS: Readonly<Record<string, string>> = {
	GetBucketCorsCommand: 's3:GetBucketCORS',
	PutBucketCorsCommand: 's3:PutBucketCORS',
	// HeadObject is authorised as GetObject (S3 API reference, HeadObject: "you must have the s3:GetObject permission")
	HeadObjectCommand: 's3:GetObject',
	PutObjectCommand: 's3:PutObject',
	GetObjectCommand: 's3:GetObject',
	GetServiceQuotaCommand: 'servicequotas:GetServiceQuota',
};
