/**
 * Names the deployed stack and its outputs are known by. The skill-package tool reads them back
 * from `cdk deploy --outputs-file`, so they live in a file with no CDK imports.
 */

/** The CloudFormation stack name. */
export const STACK_NAME = 'PartnerMassageCoach';

/** Output keys (logical ids of the CfnOutputs) in the stack and in the outputs file. */
export const OUTPUT_KEYS = {
  /** ARN of the skill's Lambda function: the skill manifest's endpoint. */
  functionArn: 'SkillFunctionArn',
  /** Name of the DynamoDB table holding one item per user. */
  tableName: 'UserTableName',
  /** HTTPS origin of the rendered audio (CloudFront), without a trailing slash. */
  audioBaseUrl: 'AudioBaseUrl',
  /** Name of the S3 bucket the rendered audio is uploaded to. */
  audioBucketName: 'AudioBucketName',
} as const;
