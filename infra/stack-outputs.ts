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
} as const;
