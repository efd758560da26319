/**
 * The coach's state between turns, as a union by mode: a field exists only in the modes where it
 * means something. It travels in the Alexa session's attributes, so it is read back as untrusted
 * data by `parseCoachState`, here beside the type it checks.
 */
import { isRoutineId, type RoutineId } from '../catalogue';
import type { Position, StepSpan } from '../pacing';
import type { AudioPoint } from '../player';
import { type ReminderSchedule, readSchedule } from '../schedule';
import { MAX_STEP_INDEX, MAX_TIME_MS, readPoint } from '../untrusted-profile';

/** The yes/no question the last answer asked at the menu. `term`: is she 37 weeks or more? */
export type MenuQuestion =
  | { readonly kind: 'resume' }
  | { readonly kind: 'start'; readonly routineId: RoutineId }
  | { readonly kind: 'forget' }
  | { readonly kind: 'term' }
  /** Shall I set a reminder on this schedule? Offered after the closing of `after`, which a screen keeps showing. */
  | { readonly kind: 'reminder'; readonly schedule: ReminderSchedule; readonly after?: RoutineId }
  /** What time (and which days) should the reminder be? */
  | { readonly kind: 'reminderWhen' };

/** The yes/no question the last answer asked while a routine was under way. */
export type RoutineQuestion =
  | { readonly kind: 'continue' }
  | { readonly kind: 'start'; readonly routineId: RoutineId }
  | { readonly kind: 'forget' };

/** While halted, more pressure right after a safety answer waits for a yes. */
export type HaltedQuestion = RoutineQuestion | { readonly kind: 'morePressure' };

export type Question = MenuQuestion | HaltedQuestion;

/** Why a routine stopped: it waits for an explicit carry on (or next) whatever the reason. */
export type HaltCause = 'discomfort' | 'unwell' | 'unclear';

/** The timeline of the last answer and when it was sent: maps a request onto the step playing. */
export interface Played {
  readonly sentAt: number;
  readonly spans: readonly StepSpan[];
}

/** No routine under way (a paused one lives in the profile, not here). */
export interface MenuState {
  readonly mode: 'menu';
  readonly question?: MenuQuestion;
  /** Requests in a row the skill did not understand. */
  readonly misses?: number;
}

/** A routine is being spoken; `played` says what the last answer held and when it went out. */
export interface RoutineState {
  readonly mode: 'routine';
  readonly routineId: RoutineId;
  /** Where yes, carry on and resume continue from when the last answer has played out. */
  readonly resumeAt: Position;
  readonly played: Played;
  readonly question?: RoutineQuestion;
  /** Play this routine as audio once she is ready ("start foot massage hands free"), whatever the preference. */
  readonly handsFree?: true;
  /** Where in `resumeAt`'s step the audio goes on, when it goes on as audio (a place paused hands free). */
  readonly point?: AudioPoint;
  /** A joined session ("twenty minutes tonight"): the routines still to come after this one, in order. */
  readonly then?: readonly RoutineId[];
}

/**
 * A routine the device's audio player holds (hands-free mode), in a session: after "Alexa, pause"
 * (the pause gateway), or a command said without the skill's name while it plays. Every request
 * reports where the player is; `resumeAt` and `point` keep where it was when the session began,
 * for a request that does not. After a step played to its end, `resumeAt` is the next step's start.
 */
export interface AudioState {
  readonly mode: 'audio';
  readonly routineId: RoutineId;
  readonly resumeAt: Position;
  readonly point: AudioPoint;
  readonly question?: RoutineQuestion;
}

/** Stopped for a safety answer: nothing plays until the user says carry on, next or stop. */
export interface HaltedState {
  readonly mode: 'halted';
  readonly routineId: RoutineId;
  /** The step the routine stopped on; carrying on starts it again from its beginning. */
  readonly resumeAt: Position;
  readonly cause: HaltCause;
  /** Requests in a row the skill did not understand since it stopped. */
  readonly misses: number;
  readonly question?: HaltedQuestion;
  /** A joined session: the routines still to come after this one. */
  readonly then?: readonly RoutineId[];
}

/**
 * Labour at term: counter-pressure coaching that follows her contractions. That she is 37 weeks or
 * more is known only here, for this session; it is never stored.
 */
export interface LabourState {
  readonly mode: 'labour';
}

export type CoachState = MenuState | RoutineState | HaltedState | LabourState | AudioState;
export type Mode = CoachState['mode'];
/** A state with a routine under way: spoken, halted, or playing as audio. */
export type InRoutineState = RoutineState | HaltedState | AudioState;

export const INITIAL_STATE: MenuState = { mode: 'menu' };

/** Longest timeline kept from one answer; a real one has a handful of steps. */
const MAX_SPANS = 50;

/**
 * Furthest into a step a position or a span is kept, in seconds. The longest step is 2 minutes at
 * normal pace, about 2.6 at the slower one; an hour is far past any, and keeps a bad value from
 * reaching the pacing arithmetic.
 */
export const MAX_STEP_OFFSET_SECONDS = 3_600;

/**
 * Latest point on one answer's timeline kept, in seconds: an answer plays at most 240 s, and its
 * timeline counts from when it was sent; an hour is far past any.
 */
export const MAX_TIMELINE_SECONDS = 3_600;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function within(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/** A step index one past the cap still means "after the last step", as a position can. */
function parseStepIndex(value: number): number {
  return within(value, MAX_STEP_INDEX + 1);
}

function parsePosition(value: unknown): Position {
  if (!isObject(value) || !Number.isInteger(value.stepIndex) || !finite(value.offset)) {
    return { stepIndex: 0, offset: 0 };
  }
  return {
    stepIndex: parseStepIndex(value.stepIndex as number),
    offset: within(value.offset, MAX_STEP_OFFSET_SECONDS),
  };
}

function isSpan(value: unknown): value is [number, number, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    value.every(finite) &&
    Number.isInteger(value[0]) &&
    (value[0] as number) >= 0 &&
    (value[0] as number) <= MAX_STEP_INDEX
  );
}

function parseSpans(value: unknown): StepSpan[] {
  if (!Array.isArray(value)) return [];
  const spans: StepSpan[] = [];
  for (const span of value.slice(0, MAX_SPANS)) {
    if (isSpan(span)) {
      const [stepIndex, start, end, offsetAtStart] = span;
      spans.push([
        stepIndex,
        within(start, MAX_TIMELINE_SECONDS),
        within(end, MAX_TIMELINE_SECONDS),
        within(offsetAtStart, MAX_STEP_OFFSET_SECONDS),
      ]);
    }
  }
  return spans;
}

function parseQuestion(value: unknown): Question | undefined {
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case 'continue':
    case 'resume':
    case 'forget':
    case 'term':
    case 'morePressure':
    case 'reminderWhen':
      return { kind: value.kind };
    case 'reminder': {
      const schedule = readSchedule(value.schedule);
      if (schedule === undefined) return undefined;
      return isRoutineId(value.after)
        ? { kind: 'reminder', schedule, after: value.after }
        : { kind: 'reminder', schedule };
    }
    case 'start':
      return isRoutineId(value.routineId) ? { kind: 'start', routineId: value.routineId } : undefined;
    default:
      return undefined;
  }
}

function menuQuestion(question: Question | undefined): { question?: MenuQuestion } {
  if (question === undefined || question.kind === 'continue' || question.kind === 'morePressure') return {};
  return { question };
}

function haltedQuestion(question: Question | undefined): { question?: HaltedQuestion } {
  if (question === undefined) return {};
  switch (question.kind) {
    case 'resume':
    case 'term':
    case 'reminder':
    case 'reminderWhen':
      return {};
    default:
      return { question };
  }
}

/** Longest list of routines still to come kept: a session joins a handful at most. */
const MAX_THEN = 6;

/** The routines still to come in a joined session, known ones only. */
function parseThen(value: unknown): { then?: readonly RoutineId[] } {
  if (!Array.isArray(value)) return {};
  const then = value.filter(isRoutineId).slice(0, MAX_THEN);
  return then.length > 0 ? { then } : {};
}

function routineQuestion(question: Question | undefined): { question?: RoutineQuestion } {
  const kept = haltedQuestion(question).question;
  return kept === undefined || kept.kind === 'morePressure' ? {} : { question: kept };
}

function misses(value: unknown): number {
  return Number.isInteger(value) && (value as number) > 0 ? Math.min(value as number, 9) : 0;
}

const HALT_CAUSES: readonly HaltCause[] = ['discomfort', 'unwell', 'unclear'];

/**
 * Reads the coach state from untrusted session attributes. Anything malformed falls back to the
 * menu; a routine mode without a routine is the menu; a question that has no meaning in the mode
 * is dropped. A routine the catalogue lacks is `decide`'s concern, not this reader's.
 */
export function parseCoachState(value: unknown): CoachState {
  if (!isObject(value)) return INITIAL_STATE;
  if (value.mode === 'labour') return { mode: 'labour' };
  const question = parseQuestion(value.question);
  const routineId = isRoutineId(value.routineId) ? value.routineId : undefined;
  if (routineId === undefined || (value.mode !== 'routine' && value.mode !== 'halted' && value.mode !== 'audio')) {
    const missed = misses(value.misses);
    return { mode: 'menu', ...menuQuestion(question), ...(missed > 0 ? { misses: missed } : {}) };
  }
  const resumeAt = parsePosition(value.resumeAt);
  const point = readPoint(value.point);
  if (value.mode === 'audio') {
    return {
      mode: 'audio',
      routineId,
      resumeAt,
      point: point ?? { segment: 0, fraction: 0 },
      ...routineQuestion(question),
    };
  }
  if (value.mode === 'halted') {
    const cause = HALT_CAUSES.find((known) => known === value.cause) ?? 'unclear';
    return {
      mode: 'halted',
      routineId,
      resumeAt,
      cause,
      misses: misses(value.misses),
      ...haltedQuestion(question),
      ...parseThen(value.then),
    };
  }
  const played: Played =
    isObject(value.played) && finite(value.played.sentAt)
      ? { sentAt: within(value.played.sentAt, MAX_TIME_MS), spans: parseSpans(value.played.spans) }
      : { sentAt: 0, spans: [] };
  return {
    mode: 'routine',
    routineId,
    resumeAt,
    played,
    ...routineQuestion(question),
    ...(value.handsFree === true ? { handsFree: true as const } : {}),
    ...(point !== undefined ? { point } : {}),
    ...parseThen(value.then),
  };
}
