/**
 * What a session carries between turns in its attributes: the coach state, the profile read once
 * at the start of the session, its item version, and any update not yet saved.
 * Everything read back is untrusted and sanitised.
 */
import { isRoutineId } from '../core/catalogue';
import type { Position, StepSpan } from '../core/pacing';
import type { ProfileUpdate, UserProfile } from '../core/profile';
import { sanitizeProfile, sanitizeUpdate } from '../core/profile';
import type { CoachState, Question } from '../core/session';

export interface SessionData {
  readonly state: CoachState;
  readonly profile: UserProfile;
  /** Item version of the stored profile, or undefined when it could not be read. */
  readonly version: number | undefined;
  /** The profile as last read from or written to the store, at `version`: the base of the next write. */
  readonly stored?: UserProfile;
  /** Changes not yet saved (a failed write is retried on the next turn). */
  readonly pending?: ProfileUpdate;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readPosition(value: unknown): Position | undefined {
  if (!isObject(value) || !Number.isInteger(value.stepIndex) || !finite(value.offset)) return undefined;
  return { stepIndex: Math.max(0, value.stepIndex as number), offset: Math.max(0, value.offset) };
}

function readSpans(value: unknown): StepSpan[] {
  if (!Array.isArray(value)) return [];
  const spans: StepSpan[] = [];
  for (const span of value.slice(0, 50)) {
    if (Array.isArray(span) && span.length === 4 && span.every(finite)) {
      spans.push([span[0], span[1], span[2], span[3]] as unknown as StepSpan);
    }
  }
  return spans;
}

function readQuestion(value: unknown): Question | undefined {
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case 'continue':
    case 'resume':
    case 'forget':
      return { kind: value.kind };
    case 'start':
      return isRoutineId(value.routineId) ? { kind: 'start', routineId: value.routineId } : undefined;
    default:
      return undefined;
  }
}

/** Reads the coach state from session attributes; anything malformed falls back to the menu. */
export function readState(value: unknown): CoachState {
  if (!isObject(value)) return { mode: 'menu' };
  const mode = value.mode === 'routine' || value.mode === 'halted' ? value.mode : 'menu';
  const routineId = isRoutineId(value.routineId) ? value.routineId : undefined;
  const resumeAt = readPosition(value.resumeAt);
  const played =
    isObject(value.played) && finite(value.played.sentAt)
      ? { sentAt: value.played.sentAt, spans: readSpans(value.played.spans) }
      : undefined;
  const question = readQuestion(value.question);
  if (mode !== 'menu' && routineId === undefined) return { mode: 'menu' };
  return {
    mode,
    ...(routineId !== undefined ? { routineId } : {}),
    ...(resumeAt !== undefined ? { resumeAt } : {}),
    ...(played !== undefined ? { played } : {}),
    ...(question !== undefined ? { question } : {}),
  };
}

/** The session's data, or undefined when the session has none yet (its first turn). */
export function readSessionData(attributes: Record<string, unknown>): SessionData | undefined {
  if (!isObject(attributes.profile)) return undefined;
  const pending = sanitizeUpdate(attributes.pending);
  const version = finite(attributes.version) ? attributes.version : undefined;
  const stored = version !== undefined && isObject(attributes.stored) ? sanitizeProfile(attributes.stored) : undefined;
  return {
    state: readState(attributes.coach),
    profile: sanitizeProfile(attributes.profile),
    version,
    ...(stored !== undefined ? { stored } : {}),
    ...(pending !== undefined ? { pending } : {}),
  };
}

/** The step a status line should show: the first the last response played, else where it resumes. */
function stepShown(state: CoachState): { stepIndex?: number } {
  const first = state.played?.spans[0]?.[0];
  if (first !== undefined) return { stepIndex: first };
  return state.resumeAt ? { stepIndex: state.resumeAt.stepIndex } : {};
}

/** Session attributes for the next turn. `coach` also shows step and preferences for tools. */
export function writeSessionData(data: SessionData): Record<string, unknown> {
  return {
    coach: {
      ...data.state,
      ...stepShown(data.state),
      prefs: data.profile.preferences,
    },
    profile: data.profile,
    ...(data.version !== undefined ? { version: data.version } : {}),
    ...(data.stored !== undefined && data.version !== undefined ? { stored: data.stored } : {}),
    ...(data.pending !== undefined ? { pending: data.pending } : {}),
  };
}
