/**
 * What a session carries between turns in its attributes: the coach state, the profile read once
 * at the start of the session, its item version, and any update not yet saved.
 * Everything read back is untrusted and sanitised.
 */
import { type CoachState, parseCoachState } from '../core/coach';
import type { ProfileUpdate, UserProfile } from '../core/profile';
import { sanitizeProfile, sanitizeUpdate } from '../core/untrusted-profile';

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

/** An item version: a whole number from 0, as the store writes them. */
function isVersion(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** The session's data, or undefined when the session has none yet (its first turn). */
export function parseSessionData(attributes: Record<string, unknown>): SessionData | undefined {
  if (!isObject(attributes.profile)) return undefined;
  const pending = sanitizeUpdate(attributes.pending);
  const version = isVersion(attributes.version) ? attributes.version : undefined;
  const profile = sanitizeProfile(attributes.profile);
  let stored: UserProfile | undefined;
  if (version !== undefined && isObject(attributes.stored)) {
    // The attributes a turn has just written often hold one profile as both: it is read once.
    stored = attributes.stored === attributes.profile ? profile : sanitizeProfile(attributes.stored);
  }
  return {
    state: parseCoachState(attributes.coach),
    profile,
    version,
    ...(stored !== undefined ? { stored } : {}),
    ...(pending !== undefined ? { pending } : {}),
  };
}

/** The step a status line should show: the first the last response played, else where it resumes. */
function stepShown(state: CoachState): { stepIndex?: number } {
  if (state.mode === 'menu' || state.mode === 'labour') return {};
  const first = state.mode === 'routine' ? state.played.spans[0]?.[0] : undefined;
  return { stepIndex: first ?? state.resumeAt.stepIndex };
}

/** Session attributes for the next turn. `coach` also shows step and preferences for tools. */
export function toSessionAttributes(data: SessionData): Record<string, unknown> {
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

/**
 * The session attributes an answer hands back, checked: a session's own data re-read within its
 * caps, nothing once the session has ended. Attributes go back to Alexa only as the skill would
 * write them, never as a request brought them (a turn that threw before writing, an event).
 */
export function checkedSessionAttributes(attributes: unknown, sessionEnded: boolean): Record<string, unknown> {
  if (sessionEnded || !isObject(attributes)) return {};
  const data = parseSessionData(attributes);
  return data === undefined ? {} : toSessionAttributes(data);
}
