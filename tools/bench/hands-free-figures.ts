/**
 * The hands-free rows of the bench table: calls per routine in each flow, spoken and hands free,
 * with and without a pause in the middle; and the position error of "Alexa, pause", hands free
 * beside spoken (hands-free.ts measures them).
 */

import type { RoutineId } from '../../lambda/core/catalogue';
import { SPEECH_TO_REQUEST_LAG_SECONDS } from '../../lambda/core/coach';
import type { CallCounter } from '../../lambda/persistence/dynamo-client';
import type { UserStore } from '../../lambda/persistence/user-store';
import {
  type BenchAudio,
  callBound,
  callsPass,
  HANDS_FREE_POSITION_GOAL_S,
  HANDS_FREE_WRONG_STEPS_GOAL,
  type PositionErrors,
  positionErrors,
  type RoutineCalls,
  routineCalls,
  seededRandom,
} from './hands-free';
import type { Figure } from './report';
import { describeSpec, type RoutineSpec, routineOf } from './routine-run';
import { round } from './stats';

export interface HandsFreeSettings {
  readonly routineId: RoutineId;
  /** The paused variant pauses this long after step 1 begins. */
  readonly pauseAfterSeconds: number;
  /** One "Alexa, pause" in every stretch this long… */
  readonly everySeconds: number;
  /** …at a point in it drawn with this seed. */
  readonly momentSeed: number;
  /** The spoken lag from the user's first word to the request, drawn with this seed from `lagRange`. */
  readonly lagSeed: number;
  readonly lagRange: readonly [number, number];
}

/** Foot massage is ten minutes at normal pace. */
export const HANDS_FREE_BENCH: HandsFreeSettings = {
  routineId: 'foot',
  pauseAfterSeconds: 300,
  everySeconds: 7,
  momentSeed: 1,
  lagSeed: 2,
  lagRange: [1, 3],
};

export interface HandsFreeFigures {
  readonly figures: Figure[];
  readonly notes: string[];
  readonly calls: RoutineCalls[];
  readonly positions: {
    readonly handsFree: PositionErrors;
    readonly spoken: PositionErrors;
    readonly lagged: PositionErrors;
  };
}

const RUNS: readonly { delivery: RoutineSpec['delivery']; flow: RoutineSpec['flow']; paused?: true }[] = [
  { delivery: 'spoken', flow: 'continuous' },
  { delivery: 'handsFree', flow: 'continuous' },
  { delivery: 'spoken', flow: 'stepByStep' },
  { delivery: 'handsFree', flow: 'stepByStep' },
  { delivery: 'spoken', flow: 'continuous', paused: true },
  { delivery: 'handsFree', flow: 'continuous', paused: true },
];

/** "24 (3 turns, 21 events); 9 R, 8 W". */
export function callsText(calls: RoutineCalls): string {
  const parts = [`${calls.userTurns} turns`, `${calls.playerEvents} events`];
  if (calls.sessionEnds > 0) parts.push(`${calls.sessionEnds} end${calls.sessionEnds === 1 ? '' : 's'}`);
  return `${calls.invocations} (${parts.join(', ')}); ${calls.reads} R, ${calls.writes} W`;
}

function callsFigure(calls: RoutineCalls): Figure {
  const bound = callBound(calls);
  return {
    figure: `calls per routine, ${describeSpec(calls.spec)}${calls.paused ? ', paused once' : ''}`,
    measured: callsText(calls),
    goal: `ends; ≤ ${bound.reads} R, ≤ ${bound.writes} W`,
    baseline: '-',
    ratio: ((calls.reads + calls.writes) / Math.max(1, bound.reads + bound.writes)).toFixed(2),
    pass: callsPass(calls),
    values: {
      routine: calls.spec.routineId,
      delivery: calls.spec.delivery,
      flow: calls.spec.flow,
      paused: calls.paused,
      invocations: calls.invocations,
      userTurns: calls.userTurns,
      playerEvents: calls.playerEvents,
      sessionEnds: calls.sessionEnds,
      sessions: calls.sessions,
      reads: calls.reads,
      writes: calls.writes,
      readBound: bound.reads,
      writeBound: bound.writes,
      retries: calls.retries,
      minutes: round(calls.minutes, 1),
      finished: calls.finished,
      problem: calls.problem ?? null,
    },
  };
}

function positionText(p: PositionErrors): string {
  const share = p.samples.length === 0 ? 0 : (100 * p.wrongSteps) / p.samples.length;
  const wrong = `${p.wrongSteps} wrong step${p.wrongSteps === 1 ? '' : 's'}${p.wrongSteps > 0 ? ` (${share.toFixed(1)} %)` : ''}`;
  return `${p.medianS.toFixed(3)} s / ${p.maxS.toFixed(3)} s, ${wrong}`;
}

function positionFigure(name: string, p: PositionErrors, goal: boolean): Figure {
  return {
    figure: `position error median / max, ${name} (${p.samples.length} pauses)`,
    measured: positionText(p),
    goal: goal ? `≤ ${HANDS_FREE_POSITION_GOAL_S} s max, no wrong step` : 'report only',
    baseline: '-',
    ratio: goal ? (p.maxS / HANDS_FREE_POSITION_GOAL_S).toFixed(2) : '-',
    pass: goal
      ? p.samples.length > 0 && p.maxS <= HANDS_FREE_POSITION_GOAL_S && p.wrongSteps <= HANDS_FREE_WRONG_STEPS_GOAL
      : null,
    values: {
      pauses: p.samples.length,
      skipped: p.skipped,
      medianS: round(p.medianS, 3),
      maxS: round(p.maxS, 3),
      wrongSteps: p.wrongSteps,
      worst: p.worst,
    },
  };
}

/**
 * Runs the six routines on `store` (DynamoDB, counted by `counter`) and the pauses on in-memory
 * stores, and returns their rows and notes.
 */
export async function handsFreeFigures(
  store: UserStore,
  counter: CallCounter,
  audio: BenchAudio & { readonly description?: string },
  progress: (message: string) => void,
  settings: HandsFreeSettings = HANDS_FREE_BENCH,
): Promise<HandsFreeFigures> {
  const routine = routineOf(settings.routineId);
  const spec = (run: (typeof RUNS)[number]): RoutineSpec => ({
    routineId: settings.routineId,
    delivery: run.delivery,
    flow: run.flow,
  });
  progress(`hands-free mode: ${routine.name}, spoken and hands free, each flow, and paused once`);
  const calls: RoutineCalls[] = [];
  for (const run of RUNS) {
    const options = run.paused ? { pauseAfterSeconds: settings.pauseAfterSeconds } : {};
    calls.push(await routineCalls(store, counter, audio, spec(run), options));
  }
  progress(`hands-free mode: "Alexa, pause" once in every ${settings.everySeconds} s of ${routine.name}`);
  const continuous = (delivery: RoutineSpec['delivery']): RoutineSpec => spec({ delivery, flow: 'continuous' });
  const every = { everySeconds: settings.everySeconds, seed: settings.momentSeed };
  const lag = seededRandom(settings.lagSeed);
  const [low, high] = settings.lagRange;
  const positions = {
    handsFree: await positionErrors(audio, continuous('handsFree'), every),
    spoken: await positionErrors(audio, continuous('spoken'), every),
    lagged: await positionErrors(audio, continuous('spoken'), {
      ...every,
      lagSeconds: () => low + (high - low) * lag(),
    }),
  };
  const figures = [
    ...calls.map(callsFigure),
    positionFigure('hands free', positions.handsFree, true),
    positionFigure(`spoken, lag ${SPEECH_TO_REQUEST_LAG_SECONDS} s`, positions.spoken, false),
    positionFigure(`spoken, lag ${low}–${high} s`, positions.lagged, false),
  ];
  const notes = [
    `hands-free rows: ${routine.name} (continuous flow unless said) for a returning user, through the real handler on a ` +
      'simulated Echo with an audio player; calls on dynalite. Spoken: "yes" or "next" as each answer ends; hands free: ' +
      `"Alexa, next" as each step's audio ends (step by step). Paused once: ${settings.pauseAfterSeconds} s in, "pause", ` +
      'more pressure, and on (spoken: by name, then resume and ready)',
    'calls bound: 1 R per session, per change stored and per player report that may write (Started, Stopped, and ' +
      'Finished step by step or at the end); 2 W per change (one retry), 1 per such report',
    `position error: "Alexa, pause" once in every ${settings.everySeconds} s (seed ${settings.momentSeed}), each on a new ` +
      "device; hands free, the step the answer names and the points kept (session and profile, through offsetAt) against the player's " +
      `token and offset; spoken, the timestamp less ${SPEECH_TO_REQUEST_LAG_SECONDS} s on the last answer's timeline, and the ` +
      `step saved, against the simulated speech (whole-second timestamps; lag seed ${settings.lagSeed})`,
    `worst position: hands free ${positions.handsFree.worst}; spoken ${positions.spoken.worst}; lag ${low}–${high} s ${positions.lagged.worst}`,
  ];
  if (audio.description !== undefined) notes.push(`hands-free audio: ${audio.description}`);
  for (const c of calls) {
    const name = `${describeSpec(c.spec)}${c.paused ? ', paused once' : ''}`;
    if (c.problem !== undefined) notes.push(`calls per routine, ${name}: ${c.problem}`);
    else if (c.retries > 0) {
      notes.push(
        `calls per routine, ${name}: ${c.retries} write${c.retries === 1 ? '' : 's'} retried (a player report wrote during the session)`,
      );
    }
  }
  return { figures, notes, calls, positions };
}
