/**
 * The skill's DynamoDB client is configured in full by the code: it reads no shared config file
 * (~/.aws/config) and no AWS_* setting beyond the region, the endpoint and the keys, so a cold
 * start does no file read for it, and a developer's or a container's config cannot change what
 * the skill sends. Checked against a real local server with a config file that would break every
 * request (FIPS with a custom endpoint, an invalid account-id endpoint mode) and name another app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  createStoreFromEnv,
  EXPLICIT_CLIENT_SETTINGS,
  USER_AGENT_APP_ID,
} from '../../lambda/persistence/dynamo-client';
import { FLOOR_CLIENT_SETTINGS } from '../../tools/bench/baseline/floor';
import { type RunningDynalite, startDynalite } from '../support/dynalite';

/** Every file the SDK reads through node:fs/promises (the shared config loader's way). */
const filesRead: string[] = [];
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    readFile: (file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
      filesRead.push(String(file));
      return (actual.readFile as (...args: unknown[]) => unknown)(file, ...rest);
    },
  };
});

/** A profile that would change or break each request if the client read it. */
const HOSTILE_CONFIG = `[default]
region = eu-west-3
use_fips_endpoint = true
use_dualstack_endpoint = true
account_id_endpoint_mode = not-a-mode
auth_scheme_preference = httpBearerAuth
sdk_ua_app_id = read-from-the-config-file
defaults_mode = not-a-mode
retry_mode = not-a-mode
max_attempts = 9
endpoint_discovery_enabled = true
disable_clock_skew_correction = true
`;

/** The AWS_* settings the SDK would otherwise read from the environment, each as hostile. */
const HOSTILE_ENV = {
  AWS_USE_FIPS_ENDPOINT: 'true',
  AWS_USE_DUALSTACK_ENDPOINT: 'true',
  AWS_ACCOUNT_ID_ENDPOINT_MODE: 'not-a-mode',
  AWS_AUTH_SCHEME_PREFERENCE: 'httpBearerAuth',
  AWS_SDK_UA_APP_ID: 'read-from-the-environment',
  AWS_DEFAULTS_MODE: 'not-a-mode',
  AWS_RETRY_MODE: 'not-a-mode',
  AWS_MAX_ATTEMPTS: '9',
  AWS_ENABLE_ENDPOINT_DISCOVERY: 'true',
  AWS_DISABLE_CLOCK_SKEW_CORRECTION: 'true',
};

let server: RunningDynalite;
let dir: string;
let configFile: string;
const saved: Record<string, string | undefined> = {};

function setEnv(values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) {
    if (!(key in saved)) saved[key] = process.env[key];
    process.env[key] = value;
  }
}

/** The user agents of the requests the client sends, as they leave it. */
function userAgents(client: DynamoDBClient): string[] {
  const seen: string[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      seen.push(`${headers['user-agent'] ?? ''} ${headers['x-amz-user-agent'] ?? ''}`);
      return next(args);
    },
    { step: 'finalizeRequest', name: 'testUserAgents' },
  );
  return seen;
}

beforeAll(async () => {
  server = await startDynalite();
  dir = mkdtempSync(join(tmpdir(), 'dynamo-client-config-'));
  configFile = join(dir, 'config');
  writeFileSync(configFile, HOSTILE_CONFIG);
  setEnv({ HOME: dir, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a client built by createStoreFromEnv', () => {
  it('reads no shared config or credentials file', async () => {
    filesRead.length = 0;
    const { store, client } = createStoreFromEnv({
      TABLE_NAME: `config-reads-${Date.now()}`,
      DYNAMODB_ENDPOINT: server.endpoint,
      AWS_REGION: 'us-east-1',
    });
    try {
      await store.save('user-config', { id: 'c0', disclaimerHeard: true });
      await store.load('user-config');
      expect(filesRead.filter((file) => file.startsWith(dir))).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('(a client left to the SDK reads the config file, and fails on it: what the above would catch)', async () => {
    filesRead.length = 0;
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      // Handler options: without them the handler's defaults-mode lookup fails outside any request.
      requestHandler: {},
    });
    try {
      await expect(client.send(new ListTablesCommand({}))).rejects.toThrow(/FIPS and custom endpoint|defaultsMode/);
      expect(filesRead).toContain(configFile);
    } finally {
      client.destroy();
    }
  });

  it('answers and names the skill, whatever the shared config file says', async () => {
    const { store, client, counter } = createStoreFromEnv({
      TABLE_NAME: `config-file-${Date.now()}`,
      DYNAMODB_ENDPOINT: server.endpoint,
      AWS_REGION: 'us-east-1',
    });
    const agents = userAgents(client);
    try {
      await store.save('user-config', { id: 'c1', disclaimerHeard: true });
      expect((await store.load('user-config'))?.profile.disclaimerHeard).toBe(true);
      expect(counter.byCommand.CreateTable).toBe(1);
      expect(agents.length).toBeGreaterThan(0);
      for (const agent of agents) {
        expect(agent).toContain(`app/${USER_AGENT_APP_ID}`);
        expect(agent).not.toContain('read-from');
      }
      expect(await client.config.region()).toBe('us-east-1');
      expect(await client.config.useFipsEndpoint()).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it('answers and names the skill whatever the AWS_* settings in the environment say', async () => {
    const before = { ...process.env };
    setEnv(HOSTILE_ENV);
    const { store, client } = createStoreFromEnv({
      TABLE_NAME: `config-env-${Date.now()}`,
      DYNAMODB_ENDPOINT: server.endpoint,
      AWS_REGION: 'us-east-1',
    });
    const agents = userAgents(client);
    try {
      await store.save('user-config', { id: 'c2', disclaimerHeard: true });
      expect((await store.load('user-config'))?.profile.disclaimerHeard).toBe(true);
      for (const agent of agents) {
        expect(agent).toContain(`app/${USER_AGENT_APP_ID}`);
        expect(agent).not.toContain('read-from');
      }
    } finally {
      client.destroy();
      for (const key of Object.keys(HOSTILE_ENV)) {
        if (before[key] === undefined) delete process.env[key];
        else process.env[key] = before[key];
      }
    }
  });
});

describe("the cold-start floor's client (tools/bench/baseline/floor.ts)", () => {
  it("is given the skill's explicit settings", async () => {
    const { endpointDiscoveryEnabledProvider: floorDiscovery, ...floor } = FLOOR_CLIENT_SETTINGS;
    const { endpointDiscoveryEnabledProvider: skillDiscovery, ...skill } = EXPLICIT_CLIENT_SETTINGS;
    expect(floor).toEqual(skill);
    expect(await floorDiscovery()).toBe(await skillDiscovery());
  });
});
