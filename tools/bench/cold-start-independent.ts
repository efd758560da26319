/**
 * An independent check of the bench's cold-start figure (`npx tsx tools/bench/cold-start-independent.ts`).
 * It shares none of the bench's child harness (cold-child.cjs): each run is `node -e` with a few
 * lines inline, which times the require and the first LaunchRequest from process start
 * (`performance.now()`, whose origin is the process's start), while this process times the same
 * run from spawn to the child's answer on its stdout (`process.hrtime`), process creation included.
 * Same question as the bench: a returning user's launch (tools/bench/cold-start.ts), skill and
 * baseline alternately against one local dynalite, medians over the runs.
 *
 *   --runs N          counted runs of each bundle (default 15), after one uncounted run of each
 *   --node PATH       the node binary to run the bundles with (default: this one), e.g. the pinned
 *                     Node 22 of `npm run test:node22`: tools/node22/node_modules/.bin/node
 *   --bundle NAME=JS  one more bundle to time in the rotation (repeatable), e.g. a variant
 *   --node-options S  NODE_OPTIONS for every run, e.g. "--enable-source-maps" to time what that
 *                     costs a cold start (default: none, as the stack deploys the function)
 *   --floor           also time the floor (tools/bench/baseline/floor.ts): the baseline with the
 *                     skill's credentials and bundle, without and with the launch's local day
 *   --json            the summary as JSON on stdout
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStoreFromEnv } from '../../lambda/persistence/dynamo-client';
import { startDynalite } from '../../test/support/dynalite';
import { bundle } from '../build';
import { coldLaunchEnvelope, seedReturningUser } from './cold-start';
import { median, percentile } from './stats';

const TABLE_NAME = 'bench-cold-independent';
const RESULT_PREFIX = 'COLD_RESULT ';

/** The child: argv is [node, bundle, envelope]. Times are ms since the process started. */
export const CHILD_SOURCE = `
const { readFileSync } = require('node:fs');
const entered = performance.now();
const event = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const before = performance.now();
const { handler } = require(process.argv[1]);
const loaded = performance.now();
const report = (fields, code) => {
  process.stdout.write('\\n${RESULT_PREFIX}' + JSON.stringify(fields) + '\\n', () => process.exit(code));
};
Promise.resolve(handler(event, {})).then(
  (response) => {
    const answered = performance.now();
    const ok = Boolean(response && response.response && response.response.outputSpeech);
    report({ entered, requireMs: loaded - before, turnMs: answered - loaded, sinceStartMs: answered, ok }, 0);
  },
  (error) => report({ error: String(error) }, 1),
);
`;

export interface IndependentSample {
  /** From process start to the answer, timed in the child. */
  readonly sinceStartMs: number;
  /** From spawn to the answer arriving here, timed in this process. */
  readonly wallMs: number;
  readonly requireMs: number;
  readonly turnMs: number;
}

export interface IndependentSummary {
  readonly name: string;
  readonly bundle: string;
  readonly runs: number;
  readonly medianSinceStartMs: number;
  readonly p90SinceStartMs: number;
  readonly medianWallMs: number;
  readonly medianRequireMs: number;
  readonly medianTurnMs: number;
}

function runOnce(
  node: string,
  bundle: string,
  envelopePath: string,
  env: NodeJS.ProcessEnv,
): Promise<IndependentSample> {
  return new Promise((done, fail) => {
    const spawned = process.hrtime.bigint();
    const child = spawn(node, ['-e', CHILD_SOURCE, resolve(bundle), envelopePath], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let arrived: bigint | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (
        arrived === undefined &&
        out.includes(RESULT_PREFIX) &&
        out.slice(out.indexOf(RESULT_PREFIX)).includes('\n')
      ) {
        arrived = process.hrtime.bigint();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (!line || arrived === undefined) {
        return fail(new Error(`${bundle}: exited ${code} without a result: ${err.slice(0, 500)}`));
      }
      const parsed = JSON.parse(line.slice(RESULT_PREFIX.length)) as Partial<IndependentSample> & {
        error?: string;
        ok?: boolean;
      };
      if (parsed.error || !parsed.ok || parsed.sinceStartMs === undefined) {
        return fail(new Error(`${bundle}: ${parsed.error ?? 'no speech in the response'}`));
      }
      done({
        sinceStartMs: parsed.sinceStartMs,
        wallMs: Number(arrived - spawned) / 1e6,
        requireMs: parsed.requireMs ?? Number.NaN,
        turnMs: parsed.turnMs ?? Number.NaN,
      });
    });
  });
}

function summarise(name: string, bundle: string, samples: readonly IndependentSample[]): IndependentSummary {
  const since = samples.map((s) => s.sinceStartMs);
  return {
    name,
    bundle,
    runs: samples.length,
    medianSinceStartMs: median(since),
    p90SinceStartMs: percentile(since, 90),
    medianWallMs: median(samples.map((s) => s.wallMs)),
    medianRequireMs: median(samples.map((s) => s.requireMs)),
    medianTurnMs: median(samples.map((s) => s.turnMs)),
  };
}

export interface IndependentOptions {
  /** Name and bundle path; the first is the one the others are compared with. */
  readonly bundles: readonly { readonly name: string; readonly path: string }[];
  readonly runs: number;
  readonly node: string;
  /** NODE_OPTIONS of every run. @default none */
  readonly nodeOptions?: string;
}

/** Times every bundle `runs` times, rotating which goes first each round, after one uncounted run each. */
export async function independentColdStarts(options: IndependentOptions): Promise<IndependentSummary[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-independent-'));
  const dynalite = await startDynalite();
  try {
    const setupEnv = { TABLE_NAME, DYNAMODB_ENDPOINT: dynalite.endpoint, AWS_REGION: 'us-east-1' };
    await seedReturningUser(createStoreFromEnv(setupEnv).store);
    const envelopePath = join(dir, 'launch.json');
    writeFileSync(envelopePath, JSON.stringify(coldLaunchEnvelope()));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      ...setupEnv,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    };
    const { bundles } = options;
    for (const b of bundles) await runOnce(options.node, b.path, envelopePath, env);
    const samples = bundles.map(() => [] as IndependentSample[]);
    for (let round = 0; round < options.runs; round += 1) {
      for (let k = 0; k < bundles.length; k += 1) {
        const index = (round + k) % bundles.length;
        const b = bundles[index];
        if (b !== undefined) samples[index]?.push(await runOnce(options.node, b.path, envelopePath, env));
      }
    }
    return bundles.map((b, i) => summarise(b.name, b.path, samples[i] ?? []));
  } finally {
    await dynalite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function argValues(argv: readonly string[], flag: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    const next = argv[i + 1];
    if (arg === flag && next !== undefined) values.push(next);
  });
  return values;
}

export interface CliOptions {
  readonly runs: number;
  readonly node: string;
  readonly extra: readonly { readonly name: string; readonly path: string }[];
  readonly json: boolean;
  readonly floor: boolean;
  /** Only when given. */
  readonly nodeOptions?: string;
}

/** The floor's two bundles (tools/bench/baseline/floor.ts): name and entry. */
export const FLOOR_BUNDLES = [
  { name: 'floor-creds', entry: 'tools/bench/baseline/floor-env-credentials.ts' },
  { name: 'floor-day', entry: 'tools/bench/baseline/floor-local-day.ts' },
] as const;

/** Builds the floor's bundles as the skill's is built (its settings, the chain left to its own file), under `dir`. */
export async function buildFloor(dir = 'dist/bench'): Promise<{ readonly name: string; readonly path: string }[]> {
  const built: { readonly name: string; readonly path: string }[] = [];
  for (const b of FLOOR_BUNDLES) {
    const path = join(dir, b.name, 'index.js');
    await bundle(b.entry, path, { lazyCredentialChain: true });
    built.push({ name: b.name, path });
  }
  return built;
}

function nodeOptionsOf(argv: readonly string[]): { nodeOptions?: string } {
  const nodeOptions = argValues(argv, '--node-options')[0];
  return nodeOptions === undefined ? {} : { nodeOptions };
}

/** The command line's options (see the top of this file). */
export function parseOptions(argv: readonly string[]): CliOptions {
  const runs = Number(argValues(argv, '--runs')[0] ?? 15);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number of at least 1, not ${runs}`);
  return {
    runs,
    node: argValues(argv, '--node')[0] ?? process.execPath,
    extra: argValues(argv, '--bundle').map((spec) => {
      const at = spec.indexOf('=');
      return at > 0 ? { name: spec.slice(0, at), path: spec.slice(at + 1) } : { name: spec, path: spec };
    }),
    json: argv.includes('--json'),
    floor: argv.includes('--floor'),
    ...nodeOptionsOf(argv),
  };
}

export interface IndependentRow extends IndependentSummary {
  /** Against the first bundle (the baseline), from process start and from spawn. */
  readonly ratioSinceStart: number;
  readonly ratioWall: number;
}

/** Each summary with its ratios to the first. */
export function withRatios(summaries: readonly IndependentSummary[]): IndependentRow[] {
  const [reference] = summaries;
  return summaries.map((s) => ({
    ...s,
    ratioSinceStart: reference === undefined ? Number.NaN : s.medianSinceStartMs / reference.medianSinceStartMs,
    ratioWall: reference === undefined ? Number.NaN : s.medianWallMs / reference.medianWallMs,
  }));
}

/** One line per bundle. */
export function formatRows(rows: readonly IndependentRow[], runs: number, nodeVersion: string): string {
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(12)} since start ${r.medianSinceStartMs.toFixed(1)} ms (p90 ${r.p90SinceStartMs.toFixed(1)}; ` +
      `require ${r.medianRequireMs.toFixed(1)} + turn ${r.medianTurnMs.toFixed(1)}), ` +
      `spawn to answer ${r.medianWallMs.toFixed(1)} ms; ratio ${r.ratioSinceStart.toFixed(3)} / ${r.ratioWall.toFixed(3)}`,
  );
  return [`cold starts, ${runs} runs each, rotating, node ${nodeVersion}`, ...lines].join('\n');
}

type BenchBundles = typeof import('./bundle');
type Bundles = { readonly name: string; readonly path: string }[];

/** The bundles `npm run build` and the bench make: the skill's (rebuilt if stale), the baseline's, the floor's. */
async function buildDefaults(floor: boolean): Promise<Bundles> {
  // Loaded here, not at the top: only the command builds the bench's bundles.
  const { BASELINE_BUNDLE, buildBaseline, ensureSkillBundle, SKILL_BUNDLE } = require('./bundle') as BenchBundles;
  ensureSkillBundle();
  await buildBaseline();
  return [
    { name: 'baseline', path: BASELINE_BUNDLE },
    { name: 'skill', path: SKILL_BUNDLE },
    ...(floor ? await buildFloor() : []),
  ];
}

/** The command: builds (or takes) the bundles, times them, writes the summary. */
export async function runCli(
  argv: readonly string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
  build: (floor: boolean) => Promise<Bundles> = buildDefaults,
): Promise<IndependentRow[]> {
  const options = parseOptions(argv);
  const bundles = [...(await build(options.floor)), ...options.extra];
  const rows = withRatios(
    await independentColdStarts({
      bundles,
      runs: options.runs,
      node: options.node,
      ...(options.nodeOptions === undefined ? {} : { nodeOptions: options.nodeOptions }),
    }),
  );
  const version = spawnSync(options.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  write(
    options.json
      ? `${JSON.stringify({ node: version, runs: options.runs, rows }, null, 2)}\n`
      : `${formatRows(rows, options.runs, version)}${options.nodeOptions ? `\nNODE_OPTIONS=${options.nodeOptions}` : ''}\n`,
  );
  return rows;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`cold-start-independent failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
