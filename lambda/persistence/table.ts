/** The DynamoDB table's shape, shared by the store and the CDK stack so they cannot drift. */

/** Partition key: `user#` + SHA-256 hex of the Alexa userId. The raw id is stored nowhere. */
export const PARTITION_KEY = 'pk';

/** TTL attribute, epoch seconds; refreshed on every write. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** How long an untouched item lives: about 13 months. */
export const ITEM_TTL_SECONDS = 395 * 24 * 60 * 60;

/** Environment variables the Lambda reads. */
export const ENV = {
  tableName: 'TABLE_NAME',
  endpoint: 'DYNAMODB_ENDPOINT',
  region: 'AWS_REGION',
  skillId: 'SKILL_ID',
} as const;
