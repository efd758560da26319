/**
 * The floor under the skill's cold start: the baseline (./index.ts) changed only as the skill may
 * change it without dropping its work. Its client takes the environment's credentials, is given
 * every setting the SDK would otherwise look up in AWS_* variables and ~/.aws/config (as the
 * skill's is: lambda/persistence/dynamo-client.ts), and its bundle leaves the default chain out (as
 * the skill's does). With `localDay` its launch also works out the day and time where the user is
 * with `Intl`, as the skill's did on every launch before it kept the zone's offset (her practice
 * days, lambda/core/local-time.ts): the first `Intl.DateTimeFormat` of a process loads ICU's data,
 * which is what keeping the offset saves. Bundled by `--floor` of
 * tools/bench/cold-start-independent.ts.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { getRequestType, SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/**
 * The skill's explicit client settings (EXPLICIT_CLIENT_SETTINGS in lambda/persistence/dynamo-client.ts),
 * written out here so the floor's bundle holds none of the skill's code; a test keeps them equal.
 */
export const FLOOR_CLIENT_SETTINGS = {
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  accountIdEndpointMode: 'preferred',
  authSchemePreference: [],
  endpointDiscoveryEnabledProvider: async () => false,
  userAgentAppId: 'partner-massage-coach',
  retryMode: 'standard',
  defaultsMode: 'legacy',
  disableClockSkewCorrection: false,
} as const;

/** The SDK's own default for DynamoDB, given so it is not looked up (the skill gives its own). */
const FLOOR_MAX_ATTEMPTS = 4;

export function floorHandler(options: {
  readonly localDay: boolean;
}): (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope> {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  const client = new DynamoDBClient({
    ...FLOOR_CLIENT_SETTINGS,
    authSchemePreference: [],
    maxAttempts: FLOOR_MAX_ATTEMPTS,
    region: process.env.AWS_REGION || 'us-east-1',
    ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
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
        let when = '';
        if (options.localDay) {
          // A formatter like the skill's (lambda/core/local-time.ts), in the zone the bench's user has.
          const parts = new Intl.DateTimeFormat('en-US', {
            timeZone: 'Europe/London',
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            weekday: 'short',
          }).formatToParts(new Date());
          when = ` It is ${parts.find((part) => part.type === 'weekday')?.value ?? 'today'}.`;
        }
        const text = `${Item ? 'Welcome back.' : 'Welcome to the baseline skill.'}${when}`;
        return input.responseBuilder.speak(text).reprompt('What now?').getResponse();
      },
    })
    .create();
  return (event, context) => skill.invoke(event, context);
}
