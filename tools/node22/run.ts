/**
 * Runtime parity check (`npm run test:node22`): runs the built bundle dist/lambda/index.js under
 * Node 22, the Lambda runtime's major version, whatever Node runs npm: the build pinned by
 * tools/node22/package-lock.json, installed on demand. Real request envelopes drive `handler`
 * through a short session against a local dynalite table.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ENV, PARTITION_KEY } from '../../lambda/persistence/table';
import { startDynalite } from '../../test/support/dynalite';
import { buildEnvelope, DEFAULT_SKILL_ID, type RequestSpec } from '../simulator/envelope';
import { Node22Unavailable, node22Binary, TARGET_MAJOR } from './binary';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(REPO_ROOT, 'dist', 'lambda', 'index.js');
const CHILD_SCRIPT = path.join(__dirname, 'invoke.cjs');
/** Generous: a turn has 7 s in Lambda; this covers loading the bundle too. */
const CHILD_TIMEOUT_MS = 60_000;
const TABLE_NAME = 'node22-parity';
const REGION = 'us-east-1';

/** The session driven through the handler, with the seconds between requests. */
const SESSION: readonly { readonly spec: RequestSpec; readonly afterSeconds: number }[] = [
  { spec: { type: 'LaunchRequest' }, afterSeconds: 0 },
  {
    spec: {
      type: 'IntentRequest',
      intent: 'StartRoutineIntent',
      slots: { routine: { value: 'lower back relief', id: 'lowerBack' } },
    },
    afterSeconds: 6,
  },
  { spec: { type: 'IntentRequest', intent: 'AMAZON.PauseIntent' }, afterSeconds: 20 },
];

class ParityFailure extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ParityFailure';
  }
}

interface ChildReport {
  readonly node: string;
  readonly arch: string;
  readonly loadMs: number;
  readonly turns: readonly { readonly ms: number; readonly response: ResponseEnvelope }[];
}

function label(spec: RequestSpec): string {
  if (spec.type !== 'IntentRequest') return spec.type;
  const slots = Object.entries(spec.slots ?? {}).map(([name, slot]) => `${name}="${slot?.value}"`);
  return `IntentRequest ${spec.intent}${slots.length > 0 ? ` (${slots.join(', ')})` : ''}`;
}

function buildSession(start: number): RequestEnvelope[] {
  let at = start;
  return SESSION.map(({ spec, afterSeconds }, index) => {
    at += afterSeconds * 1000;
    return buildEnvelope(spec, {
      skillId: DEFAULT_SKILL_ID,
      userId: 'amzn1.ask.account.NODE22-PARITY',
      sessionId: 'amzn1.echo-api.session.node22-parity',
      isNew: index === 0,
      at,
    });
  });
}

interface ChildRun {
  readonly report: ChildReport;
  /** What the handler logged (its structured logs go to stderr). */
  readonly stderr: string;
}

/**
 * Runs the child asynchronously: dynalite lives in this process, so a blocking spawnSync would
 * stop it from answering the child's requests.
 */
async function runChild(binary: string, envelopes: RequestEnvelope[], endpoint: string): Promise<ChildRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node22-parity-'));
  try {
    const envelopesFile = path.join(dir, 'envelopes.json');
    fs.writeFileSync(envelopesFile, JSON.stringify(envelopes));
    const child = spawn(binary, [CHILD_SCRIPT, BUNDLE, envelopesFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // A clean environment shaped like Lambda's: no real credentials or profiles reach the child.
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        NODE_OPTIONS: '--enable-source-maps',
        [ENV.tableName]: TABLE_NAME,
        [ENV.endpoint]: endpoint,
        [ENV.region]: REGION,
        [ENV.skillId]: DEFAULT_SKILL_ID,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    }).finally(() => clearTimeout(timer));
    if (code !== 0) {
      throw new ParityFailure(`Node 22 child ended with ${signal ?? `status ${code}`}`);
    }
    return { report: JSON.parse(stdout) as ChildReport, stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** How many items the session left in the table: at least one if the store really wrote. */
async function countItems(endpoint: string): Promise<number> {
  const client = localClient(endpoint);
  try {
    const result = await client.send(new ScanCommand({ TableName: TABLE_NAME, Select: 'COUNT' }));
    return result.Count ?? 0;
  } finally {
    client.destroy();
  }
}

async function createTable(endpoint: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: TABLE_NAME,
        KeySchema: [{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: PARTITION_KEY, AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } finally {
    client.destroy();
  }
}

/** Problems with one response; empty when it is a well-formed spoken answer. */
function responseProblems(response: ResponseEnvelope | undefined): string[] {
  const speech = response?.response?.outputSpeech;
  if (speech === undefined) return ['no outputSpeech'];
  if (speech.type !== 'SSML') return [`outputSpeech type ${speech.type}, expected SSML`];
  return speech.ssml.startsWith('<speak>') ? [] : ['outputSpeech.ssml does not start with <speak>'];
}

async function main(): Promise<void> {
  // This process (the user's Node, maybe 20) only sets up the table; the AWS SDK's warning that its
  // 2027 releases need Node 22 says nothing about the bundle, which the child runs on Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!fs.existsSync(BUNDLE)) throw new ParityFailure(`${BUNDLE} is missing: run npm run build first.`);
  const binary = node22Binary();
  const dynalite = await startDynalite();
  try {
    await createTable(dynalite.endpoint);
    const envelopes = buildSession(Date.now());
    console.log(`bundle   ${path.relative(REPO_ROOT, BUNDLE)} (${(fs.statSync(BUNDLE).size / 1024).toFixed(1)} KB)`);
    console.log(`node     ${binary}`);
    console.log(`dynamodb ${dynalite.endpoint} table ${TABLE_NAME}`);
    const { report, stderr } = await runChild(binary, envelopes, dynalite.endpoint);
    console.log(`ran under Node ${report.node} (${report.arch}); bundle loaded in ${report.loadMs.toFixed(0)} ms`);

    const failures: string[] = [];
    if (Number(report.node.replace(/^v/, '').split('.')[0]) !== TARGET_MAJOR) {
      failures.push(`child ran Node ${report.node}, expected ${TARGET_MAJOR}.x`);
    }
    if (report.turns.length !== SESSION.length) {
      failures.push(`expected ${SESSION.length} responses, got ${report.turns.length}`);
    }
    SESSION.forEach(({ spec }, index) => {
      const turn = report.turns[index];
      const problems = responseProblems(turn?.response);
      const ssml = turn?.response?.response?.outputSpeech;
      const preview = ssml?.type === 'SSML' ? ssml.ssml.replace(/\s+/g, ' ').slice(0, 100) : '';
      const end = turn?.response?.response?.shouldEndSession;
      console.log(
        `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${label(spec)}: ${turn?.ms.toFixed(0) ?? '-'} ms, ` +
          `shouldEndSession=${String(end)}; ${preview}${preview.length === 100 ? '…' : ''}`,
      );
      for (const problem of problems) failures.push(`${label(spec)}: ${problem}`);
    });
    // The handler answers even when DynamoDB fails (it falls back to session state), so check the
    // store separately: no failure events logged, and the user's item is in the table.
    const storeFailures = stderr.match(/"event":"[a-z_]*_failed"/g) ?? [];
    if (storeFailures.length > 0) failures.push(`the handler logged ${[...new Set(storeFailures)].join(', ')}`);
    const items = await countItems(dynalite.endpoint);
    console.log(`${items > 0 ? 'ok  ' : 'FAIL'} table holds ${items} item(s) after the session`);
    if (items === 0) failures.push('nothing was written to the table');
    if (failures.length > 0) throw new ParityFailure(failures.join('\n'));
    console.log(`node22 parity: ${SESSION.length} requests answered under Node ${report.node}`);
  } finally {
    await dynalite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ParityFailure || error instanceof Node22Unavailable
      ? `node22 parity failed:\n${error.message}`
      : error,
  );
  process.exit(1);
});
