/**
 * Figure 2: cold starts. Fresh `node` processes, each requiring a bundle and answering one
 * LaunchRequest against a shared dynalite, skill and baseline alternately.
 *
 * The user is a returning one, as most launches are: she has an item, and it holds her device's
 * time zone, read at an earlier launch (the skill reads it from Alexa's settings once in 30 days,
 * lambda/core/profile.ts), with the offset that launch worked out for the months around it
 * (lambda/core/local-time.ts). Without the zone each launch here would try Alexa's API over the
 * network, which this machine cannot reach, and time a failed HTTPS call instead; without the
 * offset, it would load ICU's zone data (`seedReturningUser`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { withOffsetAt } from '../../lambda/core/local-time';
import { DAY_MS } from '../../lambda/core/practice-history';
import type { UserStore } from '../../lambda/persistence/user-store';
import { buildEnvelope } from '../simulator/envelope';
import { median, percentile } from './stats';

/** The user every cold start answers. */
export const COLD_USER_ID = 'amzn1.ask.account.bench-cold';
/** Her device's zone, as an earlier launch stored it. */
export const COLD_USER_TIME_ZONE = 'Europe/London';

/** The LaunchRequest every cold start answers: a new session for the returning user. */
export function coldLaunchEnvelope(at: number = Date.now()): RequestEnvelope {
  return buildEnvelope(
    { type: 'LaunchRequest' },
    { userId: COLD_USER_ID, sessionId: 'amzn1.echo-api.session.bench-cold', isNew: true, at },
  );
}

/**
 * Makes the cold-start user a returning one: she has heard the opening's safety lines, finished
 * lower back relief yesterday (so the launch has her practice to speak of), and her item holds her
 * zone, read `at` (now by default), with its offset over the months around then, as the launch
 * that read it kept them.
 */
export async function seedReturningUser(store: UserStore, at: number = Date.now()): Promise<void> {
  const timeZone = withOffsetAt({ id: COLD_USER_TIME_ZONE, at }, at);
  await store.save(COLD_USER_ID, {
    id: `bench-cold-seed-${at}`,
    disclaimerHeard: true,
    screeningHeard: true,
    practice: [{ routineId: 'lowerBack', at: at - DAY_MS, minutes: 10 }],
    timeZone,
  });
}

export interface ColdSample {
  readonly ms: number;
  /** From process start to the require: Node's own start, this harness, reading the request. */
  readonly startMs: number;
  readonly requireMs: number;
  readonly handlerMs: number;
  readonly maxRssKb: number;
}

export interface ColdSummary {
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly medianStartMs: number;
  readonly medianRequireMs: number;
  readonly medianHandlerMs: number;
  readonly medianRssKb: number;
  readonly peakRssKb: number;
}

const CHILD = resolve(__dirname, 'cold-child.cjs');

function runChild(node: string, bundle: string, envelopePath: string, env: NodeJS.ProcessEnv): Promise<ColdSample> {
  return new Promise((done, fail) => {
    const child = spawn(node, [CHILD, resolve(bundle), envelopePath], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (!line)
        return fail(new Error(`cold start child (${bundle}) exited ${code} without a result: ${err.slice(0, 500)}`));
      const parsed = JSON.parse(line.slice('BENCH_RESULT '.length)) as Partial<ColdSample> & {
        error?: string;
        ok?: boolean;
      };
      if (parsed.error || !parsed.ok || parsed.ms === undefined) {
        return fail(new Error(`cold start child (${bundle}) failed: ${parsed.error ?? 'no speech in the response'}`));
      }
      done({
        ms: parsed.ms,
        startMs: parsed.startMs ?? Number.NaN,
        requireMs: parsed.requireMs ?? Number.NaN,
        handlerMs: parsed.handlerMs ?? Number.NaN,
        maxRssKb: parsed.maxRssKb ?? Number.NaN,
      });
    });
  });
}

function summarise(samples: readonly ColdSample[]): ColdSummary {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.maxRssKb);
  return {
    runs: samples.length,
    medianMs: median(ms),
    p90Ms: percentile(ms, 90),
    medianStartMs: median(samples.map((s) => s.startMs)),
    medianRequireMs: median(samples.map((s) => s.requireMs)),
    medianHandlerMs: median(samples.map((s) => s.handlerMs)),
    medianRssKb: median(rss),
    peakRssKb: Math.max(...rss),
  };
}

export interface ColdOptions {
  readonly skillBundle: string;
  readonly baselineBundle: string;
  /** The floor (tools/bench/baseline/floor.ts), timed in the same rotation when given. */
  readonly floorBundle?: string;
  readonly endpoint: string;
  readonly tableName: string;
  readonly runs: number;
  /** The node binary the bundles run under. @default this process's */
  readonly node?: string;
}

export interface ColdResult {
  readonly skill: ColdSummary;
  readonly baseline: ColdSummary;
  readonly floor?: ColdSummary;
}

/**
 * Runs the bundles in a rotation (which goes first changes every round, so none always follows
 * another), after one uncounted run of each (disk cache, first user write).
 */
export async function coldStarts(options: ColdOptions): Promise<ColdResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const envelopePath = join(dir, 'launch.json');
    writeFileSync(envelopePath, JSON.stringify(coldLaunchEnvelope()));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TABLE_NAME: options.tableName,
      DYNAMODB_ENDPOINT: options.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    };
    const node = options.node ?? process.execPath;
    const bundles = [
      options.skillBundle,
      options.baselineBundle,
      ...(options.floorBundle ? [options.floorBundle] : []),
    ];
    for (const bundle of bundles) await runChild(node, bundle, envelopePath, env);
    const samples = bundles.map((): ColdSample[] => []);
    for (let round = 0; round < options.runs; round += 1) {
      for (let k = 0; k < bundles.length; k += 1) {
        const index = (round + k) % bundles.length;
        samples[index]?.push(await runChild(node, bundles[index] as string, envelopePath, env));
      }
    }
    const [skill = [], baseline = [], floor] = samples;
    return {
      skill: summarise(skill),
      baseline: summarise(baseline),
      ...(floor === undefined ? {} : { floor: summarise(floor) }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
