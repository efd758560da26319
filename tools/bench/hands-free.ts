/**
 * Figure 5: hands-free mode beside the spoken answers, measured on the simulated Echo
 * (routine-run.ts) through the real handler.
 * - Calls per routine: every invocation of the handler (the user's turns, the player's events,
 *   session ends) and the DynamoDB reads and writes each made, counted by the client middleware.
 * - Position error: "Alexa, pause" at many moments of a routine, and the place the skill acts on
 *   (the step it names, and the point it keeps mapped back to ms) against where the simulated
 *   player or speech really was. Hands free the place comes from the token and offset; spoken, from
 *   the request's timestamp less SPEECH_TO_REQUEST_LAG_SECONDS on the last answer's timeline.
 */
import type { RenderedFile } from '../../lambda/audio/manifest';
import { stepFile } from '../../lambda/audio/manifest';
import { offsetAt } from '../../lambda/audio/points';
import { parseAudioToken } from '../../lambda/audio/token';
import { parseCoachState, SPEECH_TO_REQUEST_LAG_SECONDS } from '../../lambda/core/coach';
import { type AudioPoint, STEP_START } from '../../lambda/core/player';
import { silentLogger } from '../../lambda/log';
import type { CallCounter } from '../../lambda/persistence/dynamo-client';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler } from '../../lambda/skill';
import type { SimulatorAudio } from '../simulator/audio-source';
import type { SkillHandler } from '../simulator/session-driver';
import { RoutineRun, type RoutineSpec, routineOf, seedReturningUser, spokenSteps } from './routine-run';
import { median, round } from './stats';

/** The audio the skill is given and the simulated player plays: simulatorAudio() or the like. */
export type BenchAudio = Pick<SimulatorAudio, 'source' | 'lengthOf'>;

/** Hands free, the place the skill acts on is within this of where the player was… */
export const HANDS_FREE_POSITION_GOAL_S = 2;
/** …and names the step the player was on, every time. */
export const HANDS_FREE_WRONG_STEPS_GOAL = 0;
/**
 * What a routine may cost in DynamoDB calls, spoken or hands free:
 * - reads: one per session the user opens, one per change a turn stores (a retry, when a player
 *   report wrote since the session read), and one per player report that may write (reports come
 *   without a session, so the store reads before it merges);
 * - writes: two per change a turn stores (the write and that one retry), and one per player report
 *   that may write: PlaybackStarted (the step is the place now), PlaybackStopped (where it stopped),
 *   and PlaybackFinished in step-by-step flow (the next step is the place) or at the routine's end.
 * NearlyFinished, and a Finished that the next step's Started follows, write nothing.
 */
export function callBound(calls: Pick<RoutineCalls, 'spec' | 'sessions' | 'saves' | 'reports'>): {
  reads: number;
  writes: number;
} {
  const { started, stopped, finished } = calls.reports;
  const ends = calls.spec.flow === 'stepByStep' ? finished : Math.min(finished, 1);
  const reports = started + stopped + ends;
  return { reads: calls.sessions + calls.saves + reports, writes: 2 * calls.saves + reports };
}

/** After the routine ends, time enough for anything still to come (a session timing out). */
const SETTLE_MS = 60_000;

interface Invocation {
  readonly type: string;
  readonly newSession: boolean;
  readonly reads: number;
  readonly writes: number;
  /** save() calls the skill made: a change to store. */
  readonly saves: number;
}

/**
 * The skill's handler on `store`, logging each invocation with the DynamoDB calls it made (the
 * client's counter; invocations run one at a time) and the changes it stored.
 */
function countedHandler(store: UserStore, counter: CallCounter, audio: BenchAudio, log: Invocation[]): SkillHandler {
  let saves = 0;
  const counting: UserStore = {
    load: (userId) => store.load(userId),
    save: (userId, update, base) => {
      saves += 1;
      return store.save(userId, update, base);
    },
    delete: (userId) => store.delete(userId),
  };
  const inner = createHandler({ store: counting, logger: silentLogger, audio: audio.source });
  return async (event, context) => {
    const before = { reads: counter.reads, writes: counter.writes, saves };
    const response = await inner(event, context);
    log.push({
      type: event.request.type,
      newSession: event.session?.new === true,
      reads: counter.reads - before.reads,
      writes: counter.writes - before.writes,
      saves: saves - before.saves,
    });
    return response;
  };
}

export interface RoutineCalls {
  readonly spec: RoutineSpec;
  /** The variant with "Alexa, pause", more pressure and on, in the middle. */
  readonly paused: boolean;
  readonly invocations: number;
  /** LaunchRequest and IntentRequest: what the user said. */
  readonly userTurns: number;
  /** AudioPlayer.* and PlaybackController.* requests. */
  readonly playerEvents: number;
  readonly sessionEnds: number;
  /** Sessions the user opened (each reads the profile once). */
  readonly sessions: number;
  /** Changes the user's turns stored. */
  readonly saves: number;
  /** The player's reports, by kind. */
  readonly reports: { readonly started: number; readonly stopped: number; readonly finished: number };
  /** Writes the user's turns made beyond one per change: retries after a report wrote meanwhile. */
  readonly retries: number;
  readonly reads: number;
  readonly writes: number;
  /** From the first line to the end of the routine, simulated. */
  readonly minutes: number;
  /** The routine reached its end and its practice was recorded once. */
  readonly finished: boolean;
  readonly problem?: string;
}

export interface RoutineCallOptions {
  /** Pause for more pressure this many seconds after step 1 begins. */
  readonly pauseAfterSeconds?: number;
  readonly userId?: string;
}

/** Runs one routine for a returning user on `store` (DynamoDB, counted by `counter`) and counts what it cost. */
export async function routineCalls(
  store: UserStore,
  counter: CallCounter,
  audio: BenchAudio,
  spec: RoutineSpec,
  options: RoutineCallOptions = {},
): Promise<RoutineCalls> {
  const paused = options.pauseAfterSeconds !== undefined;
  const userId =
    options.userId ??
    `amzn1.ask.account.bench-routine-${spec.delivery}-${spec.flow}${paused ? '-paused' : ''}-${Date.now()}`;
  await seedReturningUser(store, userId, spec);
  const log: Invocation[] = [];
  const run = new RoutineRun(countedHandler(store, counter, audio, log), audio, spec, userId);
  const firstAt = run.device.clock;
  await run.start();
  if (options.pauseAfterSeconds !== undefined && run.startedAt !== undefined) {
    await run.until(run.startedAt + options.pauseAfterSeconds * 1000);
    await run.pauseForMorePressure();
  }
  await run.until(Number.POSITIVE_INFINITY);
  const endedAt = run.device.clock;
  await run.passTo(run.device.clock + SETTLE_MS);
  const stored = await store.load(userId);
  const practised = stored?.profile.history.sessionsFinished ?? 0;
  const problem =
    run.problem ?? (practised === 1 ? undefined : `the practice was recorded ${practised} times, not once`);
  const sum = (pick: (i: Invocation) => number, of: readonly Invocation[] = log) =>
    of.reduce((total, i) => total + pick(i), 0);
  const turns = log.filter((i) => isUserTurn(i.type));
  const count = (type: string) => log.filter((i) => i.type === type).length;
  return {
    spec,
    paused,
    invocations: log.length,
    userTurns: turns.length,
    playerEvents: log.filter((i) => isPlayerRequest(i.type)).length,
    sessionEnds: count('SessionEndedRequest'),
    sessions: turns.filter((i) => i.newSession).length,
    saves: sum((i) => i.saves, turns),
    reports: {
      started: count('AudioPlayer.PlaybackStarted'),
      stopped: count('AudioPlayer.PlaybackStopped'),
      finished: count('AudioPlayer.PlaybackFinished'),
    },
    retries: Math.max(0, sum((i) => i.writes, turns) - sum((i) => i.saves, turns)),
    reads: sum((i) => i.reads),
    writes: sum((i) => i.writes),
    minutes: (endedAt - firstAt) / 60_000,
    finished: run.done && problem === undefined,
    ...(problem !== undefined ? { problem } : {}),
  };
}

function isUserTurn(type: string): boolean {
  return type === 'LaunchRequest' || type === 'IntentRequest';
}

/** The player's reports and buttons: requests without a session. */
function isPlayerRequest(type: string): boolean {
  return /^(?:AudioPlayer|PlaybackController)\./.test(type);
}

/** The routine finished, within the bound. */
export function callsPass(calls: RoutineCalls): boolean {
  const bound = callBound(calls);
  return calls.finished && calls.reads <= bound.reads && calls.writes <= bound.writes;
}

export interface PositionSample {
  /** Seconds after step 1 began. */
  readonly momentS: number;
  readonly truthStep: number;
  readonly skillStep: number;
  readonly errorS: number;
}

export interface PositionErrors {
  readonly spec: RoutineSpec;
  readonly samples: readonly PositionSample[];
  /** Moments when nothing of the routine played (between two steps). */
  readonly skipped: number;
  readonly medianS: number;
  readonly maxS: number;
  readonly wrongSteps: number;
  readonly worst: string;
}

export interface PositionOptions {
  /** One pause in every stretch this long, from step 1's start to the last step's end. */
  readonly everySeconds: number;
  /**
   * Where in each stretch: at a point drawn with this seed (the same points on every run, in both
   * modes), else at its start. Whole seconds would hide the timestamp's rounding to the second.
   */
  readonly seed?: number;
  /** Or at these moments (seconds after step 1 began). */
  readonly moments?: readonly number[];
  /**
   * Spoken only: the real lag from the user's first word to the request, for the nth pause (the
   * simulator's is SPEECH_TO_REQUEST_LAG_SECONDS, which the skill assumes). Hands free the player
   * holds where it was when the user spoke, whatever the lag.
   */
  readonly lagSeconds?: (index: number) => number;
}

const USER_ID = 'amzn1.ask.account.bench-position';

/** A fresh returning user on a fresh in-memory store, and a run started on a new device. */
async function freshRun(audio: BenchAudio, spec: RoutineSpec): Promise<{ run: RoutineRun; store: UserStore }> {
  const store = new MemoryUserStore();
  await seedReturningUser(store, USER_ID, spec);
  const handler = createHandler({ store, logger: silentLogger, audio: audio.source });
  const run = new RoutineRun(handler, audio, spec, USER_ID);
  await run.start();
  if (run.problem !== undefined || run.startedAt === undefined) {
    throw new Error(`bench: ${spec.routineId} did not start: ${run.problem ?? 'no step 1'}`);
  }
  return { run, store };
}

/** How long the routine runs from step 1's start to the last step's end, in seconds. */
async function routineSeconds(audio: BenchAudio, spec: RoutineSpec): Promise<number> {
  const { run } = await freshRun(audio, spec);
  await run.until(Number.POSITIVE_INFINITY);
  if (run.problem !== undefined || run.endedAt === undefined || run.startedAt === undefined) {
    throw new Error(`bench: ${spec.routineId} did not finish: ${run.problem ?? 'no end'}`);
  }
  return (run.endedAt - run.startedAt) / 1000;
}

/** Pauses at many moments of a routine, each on a new device and store, and compares places. */
export async function positionErrors(
  audio: BenchAudio,
  spec: RoutineSpec,
  options: PositionOptions,
): Promise<PositionErrors> {
  let moments = options.moments;
  if (moments === undefined) {
    const seconds = await routineSeconds(audio, spec);
    const random = options.seed === undefined ? () => 0 : seededRandom(options.seed);
    const every = options.everySeconds;
    moments = Array.from({ length: Math.ceil(seconds / every) }, (_, k) => round(every * (k + random()), 3)).filter(
      (moment) => moment < seconds,
    );
  }
  const samples: PositionSample[] = [];
  let skipped = 0;
  for (const [index, momentS] of moments.entries()) {
    const sample = await pauseAt(audio, spec, momentS, options.lagSeconds?.(index));
    if (sample === undefined) skipped += 1;
    else samples.push(sample);
  }
  const errors = samples.map((s) => s.errorS);
  const worst = samples.reduce<PositionSample | undefined>(
    (w, s) => (w === undefined || s.errorS > w.errorS ? s : w),
    undefined,
  );
  return {
    spec,
    samples,
    skipped,
    medianS: median(errors),
    maxS: errors.length === 0 ? Number.NaN : Math.max(...errors),
    wrongSteps: samples.filter((s) => s.skillStep !== s.truthStep).length,
    worst:
      worst === undefined
        ? 'none'
        : `${worst.momentS.toFixed(1)} s in: step ${worst.truthStep + 1}, taken as step ${worst.skillStep + 1}, ${worst.errorS.toFixed(2)} s off`,
  };
}

/** The step a pause answer names ("Paused in step 2 of 7", "Paused at step 2 of foot massage"). */
function stepNamed(text: string): number | undefined {
  const match = /\bstep (\d+)\b/i.exec(text);
  return match === null ? undefined : Number(match[1]) - 1;
}

async function pauseAt(
  audio: BenchAudio,
  spec: RoutineSpec,
  momentS: number,
  lagS: number | undefined,
): Promise<PositionSample | undefined> {
  const { run, store } = await freshRun(audio, spec);
  const startedAt = run.startedAt ?? 0;
  await run.until(startedAt + momentS * 1000);
  if (run.problem !== undefined) throw new Error(`bench: pause at ${momentS} s: ${run.problem}`);
  if (run.done) return undefined;
  // The user speaks now: at the moment, or, for the first moments, once "ready" has been said.
  const at = run.device.clock;
  const measure = spec.delivery === 'handsFree' ? handsFreePlace : spokenPlace;
  return measure(run, store, audio, at, (at - startedAt) / 1000, lagS);
}

/** Hands free: the player's token and offset as the user spoke, against the step named and the points kept. */
async function handsFreePlace(
  run: RoutineRun,
  store: UserStore,
  audio: BenchAudio,
  _at: number,
  momentS: number,
): Promise<PositionSample | undefined> {
  const device = run.device;
  const snapshot = device.player?.snapshot(device.clock);
  const item = parseAudioToken(snapshot?.item?.token);
  if (snapshot === undefined || item === undefined || snapshot.activity !== 'PLAYING' || !snapshot.started) {
    return undefined;
  }
  const pause = await run.say('pause');
  if (run.problem !== undefined) throw new Error(`bench: pause at ${momentS} s: ${run.problem}`);
  const manifest = audio.source.manifest();
  const fileOf = (stepIndex: number): RenderedFile => {
    const file = stepFile(manifest, { routineId: item.routineId, stepIndex, variant: item.variant });
    if (file === undefined) throw new Error(`bench: no audio for ${item.routineId} step ${stepIndex + 1}`);
    return file;
  };
  // Where in the whole routine (ms) a step and an offset in its file lie, in the variant playing.
  const routineMs = (stepIndex: number, ms: number) => {
    let before = 0;
    for (let step = 0; step < stepIndex; step += 1) before += fileOf(step).ms;
    return before + ms;
  };
  const truth = routineMs(item.stepIndex, snapshot.offsetMs);
  const kept = (stepIndex: number, point: AudioPoint) => routineMs(stepIndex, offsetAt(fileOf(stepIndex), point));
  const state = parseCoachState(device.sessionAttributes?.coach);
  const saved = (await store.load(USER_ID))?.profile.paused;
  const named = stepNamed(pause.text);
  const places: { stepIndex: number; ms: number }[] = [];
  if (state.mode === 'audio')
    places.push({ stepIndex: state.resumeAt.stepIndex, ms: kept(state.resumeAt.stepIndex, state.point) });
  if (saved) places.push({ stepIndex: saved.stepIndex, ms: kept(saved.stepIndex, saved.point ?? STEP_START) });
  if (named === undefined || places.length < 2) {
    throw new Error(`bench: pause at ${momentS} s kept no place ("${pause.text.slice(0, 80)}")`);
  }
  const wrong = [named, ...places.map((p) => p.stepIndex)].find((step) => step !== item.stepIndex);
  return {
    momentS,
    truthStep: item.stepIndex,
    skillStep: wrong ?? item.stepIndex,
    errorS: Math.max(...places.map((p) => Math.abs(p.ms - truth))) / 1000,
  };
}

/**
 * Spoken: where the simulated speech was as the user spoke, against where the skill put the
 * request on the last answer's timeline, and the step its pause names and saves.
 */
async function spokenPlace(
  run: RoutineRun,
  store: UserStore,
  _audio: BenchAudio,
  at: number,
  momentS: number,
  lagS?: number,
): Promise<PositionSample | undefined> {
  const device = run.device;
  const speaking = run.speaking;
  const before = parseCoachState(device.sessionAttributes?.coach);
  if (!device.sessionOpen || speaking?.ssml === undefined || speaking.at === undefined || before.mode !== 'routine') {
    return undefined;
  }
  const steps = spokenSteps(speaking.ssml);
  const elapsed = (at - speaking.at) / 1000;
  const lastHeading = steps.headings[steps.headings.length - 1];
  if (lastHeading === undefined) return undefined;
  let truthStep = steps.headings[0]?.stepIndex ?? 0;
  for (const heading of steps.headings) if (heading.at <= elapsed) truthStep = heading.stepIndex;
  if (elapsed >= steps.contentEnd) truthStep = lastHeading.stepIndex + 1;
  if (lagS !== undefined) device.clock = at + (lagS - SPEECH_TO_REQUEST_LAG_SECONDS) * 1000;
  const pause = await run.say('pause');
  if (run.problem !== undefined || pause.request === undefined) {
    throw new Error(`bench: pause at ${momentS} s: ${run.problem ?? 'not sent'}`);
  }
  const now = Date.parse(pause.request.request.timestamp);
  const estimated = (now - before.played.sentAt) / 1000 - SPEECH_TO_REQUEST_LAG_SECONDS;
  const routine = routineOf(run.spec.routineId);
  const named = pause.text.includes(routine.closing) ? routine.steps.length : stepNamed(pause.text);
  const saved = (await store.load(USER_ID))?.profile.paused?.stepIndex ?? routine.steps.length;
  if (named === undefined) throw new Error(`bench: pause at ${momentS} s named no step ("${pause.text.slice(0, 80)}")`);
  return {
    momentS,
    truthStep,
    skillStep: named !== truthStep ? named : saved,
    errorS: Math.abs(estimated - elapsed),
  };
}

/** A small seeded generator (mulberry32): the same lags on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
