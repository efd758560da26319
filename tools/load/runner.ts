/**
 * The load run: many simulated users at once (users.ts), each on one to three simulated Echos,
 * through the real handler (createHandler with the skill id check on and a logger that scans every
 * line) and the real DynamoDB store, whose client talks to dynalite in another process through a
 * loopback chaos proxy. All users run concurrently on this event loop: each awaits its own turns
 * in order, so the number of turns in flight is about the number of sessions open at once.
 *
 * Afterwards the table is scanned directly (not through the proxy) and every user's item is
 * compared with what their completed rounds must have produced.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { RoutineId } from '../../lambda/core/catalogue';
import { countCalls, createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore, parseStoredItem, partitionKeyOf } from '../../lambda/persistence/dynamo-store';
import { createHandler, SkillIdMismatchError } from '../../lambda/skill';
import { buildEnvelope } from '../simulator/envelope';
import { loadResolver } from '../simulator/resolver';
import { SimulatedDevice, type SkillHandler, type Turn } from '../simulator/session-driver';
import { type ChaosAction, ChaosProxy } from './chaos-proxy';
import { DynaliteProcess, freePort } from './dynalite-process';
import { Histogram } from './histogram';
import { healthWordsIn, type LogScan, newLogScan, scanningLogger } from './security';
import {
  type Difference,
  differences,
  duplicatedPractice,
  type ExpectedProfile,
  expectedProfile,
  HEALTH_LINE,
  planRound,
  type RoundPlan,
  random,
  roundTime,
  routineName,
  SCRIPT_ROUTINES,
} from './users';

/** Alexa waits about 8 s for a skill's answer (Alexa skills: response time limit). */
export const ALEXA_DEADLINE_MS = 8_000;
export const LOAD_SKILL_ID = 'amzn1.ask.skill.10ad0000-0000-4000-8000-000000000000';
export const OTHER_SKILL_ID = 'amzn1.ask.skill.07e40000-0000-4000-8000-000000000000';
const TABLE_NAME = 'load-profiles';
/** About how many turns one user's round takes (measured: 31,215 turns in 1,000 rounds). */
const TURNS_PER_ROUND = 31;
/**
 * Why a limit at all: with all 500 users' turns in flight at once on one event loop, each DynamoDB
 * call waited seconds for the loop and for one of the SDK's 50 sockets, past the client's 1 s
 * request timeout, so nearly every save failed (measured: p99 9.2 s, 423 turns over 8 s). A Lambda
 * container serves one request at a time; 8 of them keep this process's loop responsive.
 */
export const DEFAULT_CONTAINERS = 8;
/** Every access token of the run starts with this, so the log scan can look for any of them. */
export const TOKEN_PREFIX = 'loadtoken';

export interface LoadOptions {
  readonly users: number;
  /** Users start new rounds until this many turns have been sent (ignored with soakMinutes). */
  readonly turns: number;
  /** Run for this long instead (each user finishes its round), sampling memory. */
  readonly soakMinutes?: number;
  /** Faults from the proxy and dynalite crashes during the first `chaosShare` of the run. */
  readonly chaos?: boolean;
  readonly chaosShare?: number;
  readonly seed?: number;
  /** Share of users with two or three devices. @default 0.3 */
  readonly multiDeviceShare?: number;
  /** One envelope for another skill id goes with every this many turns. @default 40 */
  readonly foreignEvery?: number;
  /**
   * Turns handled at once, like Lambda containers that each take one request at a time; the rest
   * wait for one (that wait is reported apart). @default DEFAULT_CONTAINERS
   */
  readonly containers?: number;
  /** Memory sample interval. @default 5 s */
  readonly sampleMs?: number;
  readonly progress?: (message: string) => void;
}

export interface MemorySample {
  readonly atS: number;
  readonly heapUsedMb: number;
  readonly rssMb: number;
}

export interface LoadResult {
  readonly users: number;
  readonly devices: number;
  readonly rounds: number;
  readonly turns: number;
  readonly seconds: number;
  readonly latency: Histogram;
  /** Time a turn waited for a free container before the handler ran. */
  readonly queueWait: Histogram;
  readonly containers: number;
  readonly turnsOverDeadline: number;
  readonly turnErrors: number;
  readonly errorSamples: readonly string[];
  readonly dynamoCalls: Readonly<Record<string, number>>;
  readonly dynamoLatency: Histogram;
  readonly handlerCpu: number;
  readonly eventLoopUtilization: number;
  readonly dynaliteCpu: number;
  readonly memory: readonly MemorySample[];
  readonly gcExposed: boolean;
  readonly chaos: Readonly<Record<ChaosAction, number>> | undefined;
  readonly dynaliteRestarts: number;
  readonly chaosSeconds: number;
  readonly logScan: LogScan;
  readonly itemsScanned: number;
  readonly healthItems: { count: number; samples: string[] };
  readonly foreignSent: number;
  readonly foreignRejected: number;
  readonly foreignTouched: number;
  readonly usersChecked: number;
  readonly usersWrong: number;
  readonly lostUpdates: number;
  readonly duplicatedPractice: number;
  /** Users whose differences all come after a session the skill ended with its change unsaved. */
  readonly usersWrongAfterUnsavedEnd: number;
  readonly sessionsEndedUnsaved: number;
  /** Finished routines missing from the table, and those the skill ended a session with unsaved. */
  readonly practiceLost: number;
  readonly practiceEndedUnsaved: number;
  readonly differenceSamples: readonly string[];
  /** Script steps that did not go as planned (the resume found nothing, the pause named another step). */
  readonly scriptSurprises: Readonly<Record<string, number>>;
}

interface TurnContext {
  calls: number;
}

interface LoadUser {
  readonly id: string;
  readonly devices: SimulatedDevice[];
  readonly rng: () => number;
  readonly rounds: RoundPlan[];
  /** Sessions the skill ended with a change it could not save (its answer's attributes hold it). */
  unsavedEnds: number;
  /** Finished routines in those unsaved changes: practice the skill knowingly dropped. */
  unsavedPractice: number;
}

/** At most `size` turns in the handler at once; the others wait their turn in order. */
class Containers {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  acquire(): Promise<void> {
    if (this.busy < this.size) {
      this.busy += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy -= 1;
  }
}

/** The collector, when this process may call it (v8 flag set at run time: no node flag needed). */
function exposeGc(): (() => void) | undefined {
  setFlagsFromString('--expose_gc');
  // A new context sees the flag: its global has gc (undefined if a Node release stops allowing it).
  return runInNewContext('gc') as (() => void) | undefined;
}

/** The lines the scripts say: each must stay out of the logs. */
export function scriptLines(): string[] {
  const lines = [
    'open partner massage',
    'ask partner massage to resume',
    'ready',
    'next',
    'pause',
    'no',
    'more pressure',
    'less pressure',
    'slow down',
    'speed up',
    HEALTH_LINE,
    'forget me',
  ];
  for (const routine of SCRIPT_ROUTINES) lines.push(`start ${routine.name}`);
  for (let step = 2; step <= 4; step += 1) lines.push(`go to step ${['two', 'three', 'four'][step - 2]}`);
  return lines;
}

const STEP_WORDS: Readonly<Record<number, string>> = { 2: 'two', 3: 'three', 4: 'four' };

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const progress = options.progress ?? (() => {});
  const seed = options.seed ?? 1;
  const rng = random(seed);
  const soakMs = (options.soakMinutes ?? 0) * 60_000;
  const chaosShare = options.chaos ? (options.chaosShare ?? 0.6) : 0;
  const foreignEvery = options.foreignEvery ?? 40;
  const gc = exposeGc();

  const dataDir = mkdtempSync(join(tmpdir(), 'pmc-load-'));
  const dynalite = new DynaliteProcess(await freePort(), join(dataDir, 'dynalite'), resolve(__dirname, '../..'));
  await dynalite.start();
  const proxy = new ChaosProxy(dynalite.port, random(seed ^ 0x9e3779b9));
  await proxy.start();
  const direct = DynamoDBDocumentClient.from(
    createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: dynalite.endpoint }),
  );

  const turnContext = new AsyncLocalStorage<TurnContext>();
  // The production client (its timeouts and bounded retries), pointed at the proxy.
  const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: proxy.endpoint });
  const counter = countCalls(client);
  const dynamoLatency = new Histogram();
  client.middlewareStack.add(
    (next) => async (args) => {
      const context = turnContext.getStore();
      if (context) context.calls += 1;
      const start = performance.now();
      try {
        return await next(args);
      } finally {
        dynamoLatency.add(performance.now() - start);
      }
    },
    { step: 'initialize', name: 'loadCallTimer' },
  );
  const store = new DynamoUserStore({ client, tableName: TABLE_NAME, createTableIfMissing: true });
  await store.load('amzn1.ask.account.load-setup');
  // Calls per turn count the users' turns only, not the table's creation.
  counter.reset();

  const logScan = newLogScan();
  const handler = createHandler({
    store,
    skillId: LOAD_SKILL_ID,
    logger: scanningLogger(scriptLines(), TOKEN_PREFIX, logScan),
  });

  const latency = new Histogram();
  const queueWait = new Histogram();
  const containers = new Containers(options.containers ?? DEFAULT_CONTAINERS);
  let turns = 0;
  let turnsOverDeadline = 0;
  let turnErrors = 0;
  const errorSamples: string[] = [];
  const timed: SkillHandler = async (event) => {
    const queued = performance.now();
    await containers.acquire();
    const start = performance.now();
    queueWait.add(start - queued);
    try {
      return await turnContext.run({ calls: 0 }, () => handler(event));
    } finally {
      containers.release();
      const ms = performance.now() - start;
      latency.add(ms);
      turns += 1;
      turnsOverDeadline += Number(ms > ALEXA_DEADLINE_MS);
    }
  };

  let foreignSent = 0;
  let foreignRejected = 0;
  let foreignTouched = 0;
  const foreignInFlight = new Set<Promise<void>>();
  const resolver = loadResolver('en-US');
  const forgetMe = resolver.resolve('forget me');
  /** "forget me" for this user, sent for another skill: must throw and touch nothing. */
  const sendForeign = async (user: LoadUser, at: number) => {
    foreignSent += 1;
    const envelope: RequestEnvelope = buildEnvelope(
      { type: 'IntentRequest', intent: forgetMe.intent, slots: forgetMe.slots },
      {
        skillId: OTHER_SKILL_ID,
        userId: user.id,
        deviceId: 'amzn1.ask.device.load-foreign',
        sessionId: `amzn1.echo-api.session.load-foreign-${foreignSent}`,
        isNew: true,
        at,
        apiAccessToken: `${TOKEN_PREFIX}-foreign-${foreignSent}`,
      },
    );
    const context: TurnContext = { calls: 0 };
    try {
      await turnContext.run(context, () => handler(envelope));
    } catch (error) {
      foreignRejected += Number(error instanceof SkillIdMismatchError);
    }
    foreignTouched += Number(context.calls > 0);
  };

  const scriptSurprises: Record<string, number> = {};
  const surprise = (what: string) => {
    scriptSurprises[what] = (scriptSurprises[what] ?? 0) + 1;
  };

  const users: LoadUser[] = [];
  const multiShare = options.multiDeviceShare ?? 0.3;
  for (let i = 0; i < options.users; i += 1) {
    const id = `amzn1.ask.account.load-${seed}-${i}`;
    const deviceCount = rng() < multiShare ? (rng() < 0.5 ? 2 : 3) : 1;
    const devices = Array.from(
      { length: deviceCount },
      (_, d) =>
        new SimulatedDevice({
          handler: timed,
          userId: id,
          deviceId: `amzn1.ask.device.load-${seed}-${i}-${d}`,
          skillId: LOAD_SKILL_ID,
          apiAccessToken: `${TOKEN_PREFIX}-${seed}-${i}-${d}`,
          resolver,
          startAt: roundTime(0, 0, 19),
        }),
    );
    users.push({ id, devices, rng: random(seed * 7919 + i), rounds: [], unsavedEnds: 0, unsavedPractice: 0 });
  }

  const say = async (user: LoadUser, device: SimulatedDevice, line: string): Promise<Turn> => {
    const turn = await device.say(line);
    // Player events and notices are not used here; taking them keeps a long soak from growing.
    device.takeEvents();
    if (turn.error !== undefined) {
      turnErrors += 1;
      if (errorSamples.length < 5) errorSamples.push(`"${line}": ${turn.error.slice(0, 200)}`);
    }
    const attributes = turn.response?.sessionAttributes as Record<string, unknown> | undefined;
    const pending = attributes?.pending as { practice?: unknown[] } | undefined;
    if (turn.sessionEnded && pending !== undefined) {
      user.unsavedEnds += 1;
      user.unsavedPractice += Array.isArray(pending.practice) ? pending.practice.length : 0;
    }
    if (turns % foreignEvery === 0) {
      const sent = sendForeign(user, device.clock);
      foreignInFlight.add(sent);
      void sent.finally(() => foreignInFlight.delete(sent));
    }
    return turn;
  };

  const waitUntil = async (device: SimulatedDevice, at: number) => {
    if (device.clock < at) await device.wait((at - device.clock) / 1000);
    device.takeEvents();
  };

  /** "next" until the routine's closing ends the session; a reminder offer gets "no". */
  const toClosing = async (user: LoadUser, device: SimulatedDevice) => {
    for (let i = 0; i < 25 && device.sessionOpen; i += 1) {
      const last = device.lastResponse?.response.outputSpeech;
      const offered = last?.type === 'SSML' && /remind/i.test(last.ssml);
      await say(user, device, offered ? 'no' : 'next');
    }
    if (device.sessionOpen) surprise('routine did not close in 25 turns');
  };

  const startRoutine = async (user: LoadUser, device: SimulatedDevice, id: RoutineId) => {
    await say(user, device, `start ${routineName(id)}`);
    await say(user, device, 'ready');
  };

  const pauseAt = async (user: LoadUser, device: SimulatedDevice, step: number) => {
    await say(user, device, `go to step ${STEP_WORDS[step]}`);
    const paused = await say(user, device, 'pause');
    if (!paused.text.includes(`step ${step}`)) surprise('pause named another step');
    if (device.sessionOpen) await device.newSession();
  };

  const playRound = async (user: LoadUser, plan: RoundPlan) => {
    const [first, second = first, third = second] = user.devices as [SimulatedDevice, ...SimulatedDevice[]];
    const r = plan.round;
    const finishX = async () => {
      await waitUntil(first, roundTime(r, 0, 19));
      await say(user, first, 'open partner massage');
      await startRoutine(user, first, plan.x);
      const change = plan.firmer ? 'more pressure' : 'less pressure';
      await say(user, first, change);
      await say(user, first, change);
      await toClosing(user, first);
    };
    const pauseY = async () => {
      await waitUntil(second, roundTime(r, 0, 19, 30));
      await say(user, second, 'open partner massage');
      await startRoutine(user, second, plan.y);
      const change = plan.firmer ? 'slow down' : 'speed up';
      await say(user, second, change);
      await say(user, second, change);
      await pauseAt(user, second, plan.k);
    };
    if (second === first) {
      await finishX();
      await pauseY();
    } else {
      await Promise.all([finishX(), pauseY()]);
    }
    // The next day, on another device when there is one: the place another device saved.
    const resumer = third !== second ? third : first;
    await waitUntil(resumer, roundTime(r, 1, 19));
    const resumed = await say(user, resumer, 'ask partner massage to resume');
    if (!resumed.text.includes(`step ${plan.k}`) || !resumer.sessionOpen) {
      // The place was not found (its save failed, and the user was told): she starts it by hand.
      surprise('resume found no place');
      if (resumer.sessionOpen) await resumer.newSession();
      await say(user, resumer, 'open partner massage');
      await startRoutine(user, resumer, plan.y);
      await say(user, resumer, `go to step ${STEP_WORDS[plan.k]}`);
    }
    await toClosing(user, resumer);
    await waitUntil(first, roundTime(r, 1, 21));
    await say(user, first, 'open partner massage');
    await say(user, first, HEALTH_LINE);
    if (!first.sessionOpen) await say(user, first, 'open partner massage');
    await startRoutine(user, first, plan.z);
    await pauseAt(user, first, plan.m);
  };

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const eluBefore = performance.eventLoopUtilization();
  const dynaliteCpuBefore = dynalite.cpuSeconds();
  const elapsed = () => performance.now() - started;
  const done = () => (soakMs > 0 ? elapsed() >= soakMs : turns >= options.turns);
  /** Share of the run so far, for the chaos phase. */
  const share = () => (soakMs > 0 ? elapsed() / soakMs : turns / options.turns);

  const memory: MemorySample[] = [];
  const sample = () => {
    gc?.();
    const usage = process.memoryUsage();
    memory.push({
      atS: Math.round(elapsed() / 1000),
      heapUsedMb: usage.heapUsed / 2 ** 20,
      rssMb: usage.rss / 2 ** 20,
    });
  };
  sample();
  const sampler = setInterval(sample, options.sampleMs ?? 5_000);
  const reporter = setInterval(
    () => progress(`${Math.round(elapsed() / 1000)} s: ${turns} turns, p99 ${latency.percentile(99).toFixed(1)} ms`),
    10_000,
  );

  // Chaos: faults from the proxy, and dynalite killed and restarted every few seconds, until the
  // run is `chaosShare` through; after that the run goes on without faults (the recovery).
  let chaosRunning = chaosShare > 0;
  let chaosEndedAt = 0;
  const chaosLoop = (async () => {
    if (!chaosRunning) return;
    proxy.chaos = true;
    progress('chaos on');
    const chaosRng = random(seed ^ 0xc4a05);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The first crash comes within a second, whatever the run's length; later ones every 1 to 4 s.
    let wait = 300 + chaosRng() * 700;
    while (dynalite.restarts === 0 || (share() < chaosShare && !done())) {
      await pause(wait);
      wait = 1_000 + chaosRng() * 3_000;
      if (dynalite.restarts > 0 && (share() >= chaosShare || done())) break;
      await dynalite.kill();
      await pause(300 + chaosRng() * 2_500);
      await dynalite.restart();
    }
    proxy.chaos = false;
    chaosRunning = false;
    chaosEndedAt = elapsed();
    progress(`chaos off after ${Math.round(chaosEndedAt / 1000)} s; ${dynalite.restarts} dynalite restarts`);
  })();

  // A round is about 31 turns; in turn mode a user starts one only if the turns sent plus the
  // rounds under way stay under the target, so the run ends near it rather than a round per user over.
  let roundsUnderWay = 0;
  const mayStartRound = () => (soakMs > 0 ? !done() : turns + roundsUnderWay * TURNS_PER_ROUND < options.turns);
  await Promise.all(
    users.map(async (user) => {
      while (mayStartRound() || user.rounds.length === 0) {
        const plan = planRound(user.rng, user.rounds.length, user.rounds[user.rounds.length - 1]?.z);
        roundsUnderWay += 1;
        await playRound(user, plan);
        roundsUnderWay -= 1;
        user.rounds.push(plan);
      }
    }),
  );
  const seconds = elapsed() / 1000;
  const handlerCpuUsage = process.cpuUsage(cpuBefore);
  const elu = performance.eventLoopUtilization(eluBefore);
  const dynaliteCpu = (dynalite.cpuSeconds() - dynaliteCpuBefore) / seconds;
  clearInterval(sampler);
  clearInterval(reporter);
  sample();
  await chaosLoop;
  await Promise.all(foreignInFlight);

  // The table, read directly from dynalite (no proxy, no faults).
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await direct.send(
      new ScanCommand({ TableName: TABLE_NAME, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey as Record<string, unknown> | undefined;
  } while (startKey !== undefined);
  const byKey = new Map(items.map((item) => [String(item.pk), item]));

  let usersWrong = 0;
  let lostUpdates = 0;
  let duplicated = 0;
  let usersWrongAfterUnsavedEnd = 0;
  let practiceLost = 0;
  const differenceSamples: string[] = [];
  for (const user of users) {
    // Every user plays at least one round.
    const expected = expectedProfile(user.rounds) as ExpectedProfile;
    const item = byKey.get(partitionKeyOf(user.id));
    const stored = item ? parseStoredItem(item).profile : undefined;
    const found: Difference[] = differences(expected, stored);
    duplicated += duplicatedPractice(expected, stored);
    practiceLost += Math.max(0, expected.sessionsFinished - (stored?.history.sessionsFinished ?? 0));
    if (found.length === 0) continue;
    usersWrong += 1;
    lostUpdates += found.length;
    if (user.unsavedEnds > 0) usersWrongAfterUnsavedEnd += 1;
    if (differenceSamples.length < 5) {
      const what = found.map(
        (d) => `${d.field}: expected ${JSON.stringify(d.expected)}, stored ${JSON.stringify(d.stored)}`,
      );
      differenceSamples.push(
        `user ${users.indexOf(user)} (${user.unsavedEnds} unsaved session ends): ${what.join('; ')}`,
      );
    }
  }

  const result: LoadResult = {
    users: users.length,
    devices: users.reduce((sum, user) => sum + user.devices.length, 0),
    rounds: users.reduce((sum, user) => sum + user.rounds.length, 0),
    turns,
    seconds,
    latency,
    queueWait,
    containers: containers.size,
    turnsOverDeadline,
    turnErrors,
    errorSamples,
    dynamoCalls: { ...counter.byCommand },
    dynamoLatency,
    handlerCpu: (handlerCpuUsage.user + handlerCpuUsage.system) / 1e6 / seconds,
    eventLoopUtilization: elu.utilization,
    dynaliteCpu,
    memory,
    gcExposed: gc !== undefined,
    chaos: chaosShare > 0 ? { ...proxy.counts } : undefined,
    dynaliteRestarts: dynalite.restarts,
    chaosSeconds: chaosEndedAt / 1000,
    logScan,
    itemsScanned: items.length,
    healthItems: healthWordsIn(items),
    foreignSent,
    foreignRejected,
    foreignTouched,
    usersChecked: users.filter((user) => user.rounds.length > 0).length,
    usersWrong,
    lostUpdates,
    duplicatedPractice: duplicated,
    usersWrongAfterUnsavedEnd,
    sessionsEndedUnsaved: users.reduce((sum, user) => sum + user.unsavedEnds, 0),
    practiceLost,
    practiceEndedUnsaved: users.reduce((sum, user) => sum + user.unsavedPractice, 0),
    differenceSamples,
    scriptSurprises,
  };

  client.destroy();
  direct.destroy();
  await proxy.stop();
  await dynalite.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}
