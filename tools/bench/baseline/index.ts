/**
 * Cold-start baseline: the smallest ask-sdk-core skill that does what a launch must do, one
 * DynamoDB GetItem and one spoken line. Bundled with the skill's esbuild settings.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { getRequestType, SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

const client = new DynamoDBClient({
  region: process.env.AWS_REGION || 'us-east-1',
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: async (input) => {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: process.env.TABLE_NAME ?? 'baseline',
          Key: { pk: { S: 'user#baseline' } },
          ConsistentRead: true,
        }),
      );
      const text = Item ? 'Welcome back.' : 'Welcome to the baseline skill.';
      return input.responseBuilder.speak(text).reprompt('What now?').getResponse();
    },
  })
  .create();

export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
