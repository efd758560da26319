/**
 * The cold-start figure's pieces: the skill's bundle keeps what it must (the DynamoDB client, the
 * ask-sdk) and leaves the default credential chain to credential-chain.js beside it, which still
 * answers when a bundle falls back to it; the client takes the environment's keys; and both
 * measurements (the bench's harness and the independent one) time a returning user's launch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoClient, createStoreFromEnv, credentialsFromEnv } from '../../lambda/persistence/dynamo-client';
import { floorHandler } from '../../tools/bench/baseline/floor';
import * as floorCreds from '../../tools/bench/baseline/floor-env-credentials';
import * as floorDay from '../../tools/bench/baseline/floor-local-day';
import {
  COLD_USER_ID,
  COLD_USER_TIME_ZONE,
  coldLaunchEnvelope,
  coldStarts,
  seedReturningUser,
} from '../../tools/bench/cold-start';
import {
  buildFloor,
  formatRows,
  independentColdStarts,
  parseOptions,
  runCli,
  withRatios,
} from '../../tools/bench/cold-start-independent';
import { bundle, bundleSkill, CREDENTIAL_CHAIN_FILE } from '../../tools/build';
import { type RunningDynalite, startDynalite } from '../support/dynalite';

const BASELINE_ENTRY = 'tools/bench/baseline/index.ts';
/** Strings only the default chain's providers hold: shared config, SSO, process, container. */
const CHAIN_MARKERS = ['sso_start_url', 'credential_process', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'];

let dir: string;
let skillBundle: string;
let baselineBundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cold-start-test-'));
  skillBundle = join(dir, 'skill', 'index.js');
  baselineBundle = join(dir, 'baseline', 'index.js');
  await bundleSkill(skillBundle);
  await bundle(BASELINE_ENTRY, baselineBundle);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the skill's bundle", () => {
  it('keeps the DynamoDB client and the ask-sdk, and leaves the credential chain to its own file', () => {
    const index = readFileSync(skillBundle, 'utf8');
    expect(index).toContain('DynamoDB_20120810');
    expect(index).toContain('GetItem');
    expect(index).toContain('CustomSkill');
    for (const marker of CHAIN_MARKERS) expect(index).not.toContain(marker);
    const chain = readFileSync(join(dir, 'skill', CREDENTIAL_CHAIN_FILE), 'utf8');
    for (const marker of CHAIN_MARKERS) expect(chain).toContain(marker);
  });

  it('leaves the baseline whole: it keeps the chain, and has no file beside it', () => {
    const baseline = readFileSync(baselineBundle, 'utf8');
    for (const marker of CHAIN_MARKERS) expect(baseline).toContain(marker);
    expect(existsSync(join(dir, 'baseline', CREDENTIAL_CHAIN_FILE))).toBe(false);
  });

  it('loads the chain from the file beside it when a client has no credentials of its own', async () => {
    const out = join(dir, 'fallback', 'index.js');
    const entry = join(dir, 'fallback-entry.ts');
    writeFileSync(
      entry,
      [
        `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`,
        `const client = new DynamoDBClient({ region: 'us-east-1' });`,
        `client.config.credentials().then((c) => console.log(JSON.stringify({ id: c.accessKeyId })));`,
      ].join('\n'),
    );
    // The entry lives outside the project: it must find the project's node_modules.
    const project = join(__dirname, '..', '..');
    await bundle(entry, out, { lazyCredentialChain: true, nodePaths: [join(project, 'node_modules')] });
    const home = join(dir, 'home');
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(
      join(home, '.aws', 'credentials'),
      '[default]\naws_access_key_id = FROMTHEFILE\naws_secret_access_key = secret\n',
    );
    const result = spawnSync(process.execPath, [out], {
      env: { PATH: process.env.PATH, HOME: home },
      encoding: 'utf8',
    });
    for (const marker of CHAIN_MARKERS) expect(readFileSync(out, 'utf8')).not.toContain(marker);
    expect(result.stderr).not.toMatch(/Error/);
    expect(JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}')).toEqual({ id: 'FROMTHEFILE' });
  }, 60_000);
});

describe('the DynamoDB client credentials', () => {
  it('are read from the environment as the SDK reads them', () => {
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'id' })).toBeUndefined();
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret' })).toEqual({
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    });
    expect(
      credentialsFromEnv({
        AWS_ACCESS_KEY_ID: 'id',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SESSION_TOKEN: 'token',
        AWS_CREDENTIAL_SCOPE: 'scope',
        AWS_ACCOUNT_ID: '123456789012',
      }),
    ).toEqual({
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      credentialScope: 'scope',
      accountId: '123456789012',
    });
  });

  it('are the environment keys when set, with or without a local endpoint, else local ones for a local server', async () => {
    const keys = { AWS_ACCESS_KEY_ID: 'lambda-id', AWS_SECRET_ACCESS_KEY: 'lambda-secret', AWS_SESSION_TOKEN: 't' };
    for (const extra of [{}, { DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' }]) {
      const credentials = await createDynamoClient({ ...keys, ...extra }).config.credentials();
      expect(credentials).toMatchObject({
        accessKeyId: 'lambda-id',
        secretAccessKey: 'lambda-secret',
        sessionToken: 't',
      });
    }
    const local = await createDynamoClient({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' }).config.credentials();
    expect(local).toMatchObject({ accessKeyId: 'local', secretAccessKey: 'local' });
  });
});

describe('the cold-start measurements', () => {
  let dynalite: RunningDynalite;
  const tableName = 'cold-start-test';

  beforeAll(async () => {
    dynalite = await startDynalite();
  });

  afterAll(async () => {
    await dynalite.stop();
  });

  it('seed a returning user: the opening heard, practice yesterday, her zone and its offset', async () => {
    const { store } = createStoreFromEnv({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynalite.endpoint });
    await seedReturningUser(store, 1_790_000_000_000);
    const stored = await store.load(COLD_USER_ID);
    // 1,790,000,000,000 is 2026-09-21, in British Summer Time, which ends on 25 October at 01:00 UTC.
    expect(stored?.profile.timeZone).toEqual({
      id: COLD_USER_TIME_ZONE,
      at: 1_790_000_000_000,
      offset: { minutes: 60, from: expect.any(Number), until: Date.UTC(2026, 9, 25, 1) },
    });
    expect(stored?.profile.disclaimerHeard).toBe(true);
    expect(stored?.profile.history.lastPracticeDay).toBe('2026-09-20');
  });

  it("time both bundles through the bench's harness, with the split", async () => {
    const cold = await coldStarts({
      skillBundle,
      baselineBundle,
      endpoint: dynalite.endpoint,
      tableName,
      runs: 2,
    });
    for (const summary of [cold.skill, cold.baseline]) {
      expect(summary.runs).toBe(2);
      expect(summary.medianMs).toBeGreaterThan(summary.medianRequireMs + summary.medianHandlerMs);
      expect(summary.medianStartMs).toBeGreaterThan(0);
      expect(summary.medianRequireMs).toBeGreaterThan(0);
      expect(summary.medianHandlerMs).toBeGreaterThan(0);
    }
  }, 120_000);

  it('time a third bundle, the floor, in the same rotation under the node binary given', async () => {
    const cold = await coldStarts({
      skillBundle,
      baselineBundle,
      floorBundle: baselineBundle,
      endpoint: dynalite.endpoint,
      tableName,
      runs: 2,
      node: process.execPath,
    });
    expect(cold.floor?.runs).toBe(2);
    expect(cold.floor?.medianHandlerMs).toBeGreaterThan(0);
    const withoutFloor = await coldStarts({
      skillBundle,
      baselineBundle,
      endpoint: dynalite.endpoint,
      tableName,
      runs: 1,
    });
    expect(withoutFloor.floor).toBeUndefined();
  }, 120_000);

  it('time them again independently, from process start and from spawn', async () => {
    const rows = withRatios(
      await independentColdStarts({
        bundles: [
          { name: 'baseline', path: baselineBundle },
          { name: 'skill', path: skillBundle },
        ],
        runs: 2,
        node: process.execPath,
      }),
    );
    expect(rows.map((r) => r.name)).toEqual(['baseline', 'skill']);
    expect(rows[0]?.ratioSinceStart).toBe(1);
    for (const row of rows) {
      expect(row.runs).toBe(2);
      expect(row.medianWallMs).toBeGreaterThan(row.medianRequireMs + row.medianTurnMs);
      expect(row.medianSinceStartMs).toBeGreaterThan(row.medianRequireMs + row.medianTurnMs);
      expect(Number.isFinite(row.ratioWall)).toBe(true);
    }
    const text = formatRows(rows, 2, 'v0.0.0');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('node v0.0.0');
  }, 120_000);

  it("time the floor: the baseline with the skill's credentials and bundle, with and without the local day", async () => {
    const floor = await buildFloor(join(dir, 'floor'));
    expect(floor.map((b) => b.name)).toEqual(['floor-creds', 'floor-day']);
    for (const b of floor) {
      for (const marker of CHAIN_MARKERS) expect(readFileSync(b.path, 'utf8')).not.toContain(marker);
    }
    const rows = await independentColdStarts({ bundles: floor, runs: 1, node: process.execPath });
    expect(rows.map((r) => r.runs)).toEqual([1, 1]);
  }, 120_000);

  it("answer the floor's launch in this process too, with and without the local day", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynalite.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    });
    try {
      const envelope = coldLaunchEnvelope();
      const plain = await floorHandler({ localDay: false })(envelope);
      const withDay = await floorHandler({ localDay: true })(envelope);
      expect(JSON.stringify(plain.response.outputSpeech)).toMatch(/Welcome/);
      expect(JSON.stringify(withDay.response.outputSpeech)).toMatch(/It is (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\./);
      for (const entry of [floorCreds, floorDay]) expect(typeof entry.handler).toBe('function');
    } finally {
      process.env = saved;
    }
  });

  it("fail in the bench's harness with the reason, or for want of a result", async () => {
    const throwing = join(dir, 'throwing.js');
    writeFileSync(throwing, 'exports.handler = async () => { throw new Error("no table"); };');
    const silent = join(dir, 'silent.js');
    writeFileSync(silent, 'process.exit(3);');
    const common = { endpoint: dynalite.endpoint, tableName, runs: 1 };
    await expect(coldStarts({ ...common, skillBundle: throwing, baselineBundle: baselineBundle })).rejects.toThrow(
      /no table/,
    );
    await expect(coldStarts({ ...common, skillBundle: silent, baselineBundle: baselineBundle })).rejects.toThrow(
      /without a result/,
    );
    await expect(
      independentColdStarts({ bundles: [{ name: 'silent', path: silent }], runs: 1, node: process.execPath }),
    ).rejects.toThrow(/without a result/);
  }, 60_000);

  it('fail with the reason when a bundle cannot answer', async () => {
    const broken = join(dir, 'broken.js');
    writeFileSync(broken, 'exports.handler = async () => { throw new Error("no table"); };');
    await expect(
      independentColdStarts({ bundles: [{ name: 'broken', path: broken }], runs: 1, node: process.execPath }),
    ).rejects.toThrow(/no table/);
  }, 60_000);
});

describe('the independent measurement command', () => {
  it('times the bundles it is given and writes one line each, or JSON', async () => {
    const given = async () => [
      { name: 'baseline', path: baselineBundle },
      { name: 'skill', path: skillBundle },
    ];
    let text = '';
    await runCli(
      ['--runs', '1'],
      (t) => {
        text += t;
      },
      given,
    );
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).toContain(`node ${process.version}`);
    let json = '';
    await runCli(
      ['--runs', '1', '--json', '--bundle', `again=${skillBundle}`],
      (t) => {
        json += t;
      },
      given,
    );
    const parsed = JSON.parse(json) as { node: string; rows: { name: string }[] };
    expect(parsed.node).toBe(process.version);
    expect(parsed.rows.map((r) => r.name)).toEqual(['baseline', 'skill', 'again']);
  }, 120_000);
});

describe('the independent measurement options', () => {
  it('read runs, node, extra bundles and --json', () => {
    expect(parseOptions([])).toEqual({ runs: 15, node: process.execPath, extra: [], json: false, floor: false });
    expect(
      parseOptions([
        '--runs',
        '3',
        '--node',
        '/bin/node22',
        '--bundle',
        'v=a/b.js',
        '--bundle',
        'c.js',
        '--json',
        '--floor',
      ]),
    ).toEqual({
      runs: 3,
      node: '/bin/node22',
      extra: [
        { name: 'v', path: 'a/b.js' },
        { name: 'c.js', path: 'c.js' },
      ],
      json: true,
      floor: true,
    });
    expect(() => parseOptions(['--runs', '0'])).toThrow(/--runs/);
  });
});
