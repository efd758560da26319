/**
 * Builds the DynamoDB client the skill uses, from environment variables, with timeouts and retries
 * sized so a turn still answers inside Alexa's deadline when DynamoDB is slow or down.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoUserStore } from './dynamo-store';
import { ENV } from './table';

/** Used when AWS_REGION is not set (local runs); Lambda always sets it. */
export const DEFAULT_REGION = 'us-east-1';

// The skill must answer within about 8 s (Alexa session docs). Storage gets at most about a third
// of that, so a dead or slow DynamoDB leaves time to answer from session state and defaults: one SDK
// call fails after at most MAX_ATTEMPTS × REQUEST_TIMEOUT_MS + (MAX_ATTEMPTS − 1) × RETRY_DELAY_MS
// = 2 × 1000 + 100 = 2.1 s (WORST_CASE_CALL_MS). The store also caps a whole operation at 2.5 s.

/** Connecting (TCP, and TLS in AWS) must finish within this; in-region it takes a few ms. */
export const CONNECTION_TIMEOUT_MS = 500;
/** One attempt, from sending the request to the last byte of the answer (connection included). */
export const REQUEST_TIMEOUT_MS = 1_000;
/** The first try plus one retry, for transient, throttling and 5xx errors only. */
export const MAX_ATTEMPTS = 2;
/** Fixed pause before the retry: the SDK's own backoff waits up to 1 s after throttling. */
export const RETRY_DELAY_MS = 100;

/** Timeouts of one client. Production uses the defaults; tests inject small ones to run fast. */
export interface DynamoClientOptions {
  /** @default CONNECTION_TIMEOUT_MS (500 ms) */
  readonly connectionTimeoutMs?: number;
  /** @default REQUEST_TIMEOUT_MS (1 s) */
  readonly requestTimeoutMs?: number;
  /** @default RETRY_DELAY_MS (100 ms) */
  readonly retryDelayMs?: number;
}

/** The longest one SDK call made with these options can take to fail. */
export function worstCaseCallMs(options: DynamoClientOptions = {}): number {
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  return MAX_ATTEMPTS * requestTimeoutMs + (MAX_ATTEMPTS - 1) * retryDelayMs;
}

/** The longest one SDK call can take to fail with the production timeouts. */
export const WORST_CASE_CALL_MS = worstCaseCallMs();

/**
 * The app id in the client's user agent (`app/partner-massage-coach`): the skill's requests are
 * told apart in CloudTrail and DynamoDB's request metrics. The SDK warns above 50 characters.
 */
export const USER_AGENT_APP_ID = 'partner-massage-coach';

/**
 * What the SDK would otherwise load itself, on the first request, from AWS_* environment variables
 * and the shared config files (~/.aws/config): given here, with the SDK's default values, so the
 * client reads no config file, a cold start does no file read for it, and no config around the
 * function can change what it sends. Region, endpoint, credentials, retries and the HTTP handler
 * are given in `createDynamoClient`.
 */
export const EXPLICIT_CLIENT_SETTINGS = {
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  /** The SDK's default: an account-based endpoint when the credentials name their account. */
  accountIdEndpointMode: 'preferred',
  /** No preference: the client's own order (SigV4 for DynamoDB). */
  authSchemePreference: [],
  /** DynamoDB's endpoint discovery stays off (the SDK's default). */
  endpointDiscoveryEnabledProvider: async () => false,
  userAgentAppId: USER_AGENT_APP_ID,
  /** Unused next to the skill's own retry strategy; given so the SDK does not look it up. */
  retryMode: 'standard',
  /** The SDK's default mode when none is configured: no defaults-mode lookup, ever. */
  defaultsMode: 'legacy',
  /** The signer corrects for a skewed clock (the SDK's default); its own lookup is per request. */
  disableClockSkewCorrection: false,
} as const satisfies Partial<DynamoDBClientConfig>;

/** Static credentials for a local server, which checks the signature's shape but not the keys. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Credentials as the SDK's own environment provider reads them. */
export interface EnvCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly credentialScope?: string;
  readonly accountId?: string;
}

/**
 * The credentials in the environment (Lambda puts the function role's there), read as the SDK's
 * `fromEnv` reads them, or undefined without a key pair. Given to the client directly, they spare
 * the cold start the default credential chain: the chain would take these same variables first,
 * and the skill's bundle leaves the rest of it out of index.js (tools/build.ts).
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): EnvCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(env.AWS_CREDENTIAL_SCOPE ? { credentialScope: env.AWS_CREDENTIAL_SCOPE } : {}),
    ...(env.AWS_ACCOUNT_ID ? { accountId: env.AWS_ACCOUNT_ID } : {}),
  };
}

type RetryStrategyV2 = Extract<NonNullable<DynamoDBClientConfig['retryStrategy']>, { recordSuccess: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

/**
 * Retries at most `maxAttempts - 1` times after a fixed delay, and never after a client error
 * (a failed condition, a validation error). Deterministic, so the worst case above holds; the
 * SDK's standard strategy adds jittered backoff up to 1 s after throttling and honours Retry-After.
 */
export class BoundedRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly maxAttempts: number,
    private readonly delayMs: number,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return { getRetryCount: () => 0, getRetryDelay: () => 0 };
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const count = token.getRetryCount() + 1;
    if (errorInfo.errorType === 'CLIENT_ERROR' || count >= this.maxAttempts) {
      throw new Error('No retry token available');
    }
    return { getRetryCount: () => count, getRetryDelay: () => this.delayMs };
  }

  recordSuccess(): void {}
}

/**
 * Builds one DynamoDB client from the environment. A local endpoint needs no AWS account.
 * @param options - timeouts; each one left out is the production constant above
 */
export function createDynamoClient(
  env: NodeJS.ProcessEnv = process.env,
  options: DynamoClientOptions = {},
): DynamoDBClient {
  const endpoint = env[ENV.endpoint] || undefined;
  // Keys in the environment, else fixed ones for a local server, else the SDK's default chain.
  const credentials = credentialsFromEnv(env) ?? (endpoint !== undefined ? LOCAL_CREDENTIALS : undefined);
  return new DynamoDBClient({
    ...EXPLICIT_CLIENT_SETTINGS,
    authSchemePreference: [...EXPLICIT_CLIENT_SETTINGS.authSchemePreference],
    region: env[ENV.region] || DEFAULT_REGION,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(credentials !== undefined ? { credentials } : {}),
    maxAttempts: MAX_ATTEMPTS,
    retryStrategy: new BoundedRetryStrategy(MAX_ATTEMPTS, options.retryDelayMs ?? RETRY_DELAY_MS),
    // Options, which the client makes its NodeHttpHandler from at once (NodeHttpHandler.create): it
    // never resolves the defaults mode for them.
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Without this the SDK only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
    },
  });
}

/** Commands sent through a client, counted once each however many HTTP attempts they took. */
export interface CallCounter {
  reads: number;
  writes: number;
  /** By operation name without the `Command` suffix, e.g. `GetItem`, `DescribeTable`. */
  byCommand: Record<string, number>;
  reset(): void;
}

const READ_COMMANDS: ReadonlySet<string> = new Set(['GetItem']);
const WRITE_COMMANDS: ReadonlySet<string> = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const counters = new WeakMap<DynamoDBClient, CallCounter>();

/** Counts the commands a client sends. Calling it again for the same client returns the same counter. */
export function countCalls(client: DynamoDBClient): CallCounter {
  const existing = counters.get(client);
  if (existing !== undefined) return existing;
  const counter: CallCounter = {
    reads: 0,
    writes: 0,
    byCommand: {},
    reset() {
      counter.reads = 0;
      counter.writes = 0;
      counter.byCommand = {};
    },
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      counter.byCommand[name] = (counter.byCommand[name] ?? 0) + 1;
      if (READ_COMMANDS.has(name)) counter.reads += 1;
      if (WRITE_COMMANDS.has(name)) counter.writes += 1;
      return next(args);
    },
    { step: 'initialize', name: 'partnerMassageCallCounter' },
  );
  counters.set(client, counter);
  return counter;
}

export interface StoreFromEnv {
  readonly store: DynamoUserStore;
  readonly client: DynamoDBClient;
  readonly counter: CallCounter;
}

let cached: { readonly key: string; readonly value: StoreFromEnv } | undefined;

/**
 * The store the skill uses, built once per container (a warm Lambda reuses the client and its
 * connections). Requires TABLE_NAME; with DYNAMODB_ENDPOINT set, the table is created on first use.
 */
export function createStoreFromEnv(env: NodeJS.ProcessEnv = process.env): StoreFromEnv {
  const tableName = env[ENV.tableName];
  if (!tableName) {
    throw new Error(`${ENV.tableName} is not set: it names the DynamoDB table that holds user profiles.`);
  }
  const endpoint = env[ENV.endpoint] || undefined;
  const key = JSON.stringify([tableName, endpoint ?? null, env[ENV.region] ?? null]);
  if (cached?.key === key) return cached.value;
  const client = createDynamoClient(env);
  const counter = countCalls(client);
  const store = new DynamoUserStore({ client, tableName, createTableIfMissing: endpoint !== undefined });
  cached = { key, value: { store, client, counter } };
  return cached.value;
}
