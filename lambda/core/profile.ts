/**
 * What the skill remembers about a user between sessions, and how changes to it merge.
 * Preferences, the paused place and practice history only: never health details.
 */
import type { RoutineId } from './catalogue';
import type { Zone } from './local-time';
import type { AudioPoint } from './player';
import { addPractice, DAY_MS, emptyHistory } from './practice-history';
import { DEFAULT_PREFERENCES, type Preferences, sanitizePreferences } from './preferences';
import type { ReminderRecord } from './schedule';

export {
  DAY_MS,
  dayOf,
  emptyHistory,
  historyAsOf,
  mondayOf,
  RECENT_ROUTINE_MEMORY,
} from './practice-history';

export type PreferenceKey = keyof Preferences;
export const PREFERENCE_KEYS: readonly PreferenceKey[] = ['pressure', 'pace', 'speechRate', 'flow', 'handsFree'];

/** Where a routine was paused: resume starts that step from its beginning. */
export interface PausedPlace {
  readonly routineId: RoutineId;
  readonly stepIndex: number;
  /**
   * The step's stable id (Step.id), so a routine that gains or loses steps in a later release still
   * finds the step. Places saved before step ids were kept have only the index.
   */
  readonly stepId?: string;
  /**
   * Where in the step's audio it stopped, when it was playing hands free: resuming hands free goes
   * on from there. Spoken answers start the step from its beginning.
   */
  readonly point?: AudioPoint;
  /** The device could not play this step's audio, even on a retry: the next turn says so, and speaks it. */
  readonly audioFailed?: true;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface PracticeHistory {
  readonly sessionsFinished: number;
  /**
   * Days (YYYY-MM-DD) on which a routine was finished in the current week (Monday first), as the
   * calendar showed them in the profile's time zone (UTC while none is known).
   */
  readonly daysThisWeek: readonly string[];
  /** Monday of the week that daysThisWeek and minutesThisWeek count (YYYY-MM-DD, a local day). */
  readonly weekOf: string;
  readonly minutesThisWeek: number;
  /** Local day of the latest finished routine. */
  readonly lastPracticeDay: string | null;
  /** Consecutive local days with a finished routine, ending at lastPracticeDay. */
  readonly daysInARow: number;
  /** The routines finished most recently, latest last (routine ids only), so "another one" is another. */
  readonly recentRoutines: readonly RoutineId[];
}

/**
 * The device's time zone as its settings gave it (an IANA name), when it was read (epoch ms), and
 * its offset from UTC over a span, worked out when it was read or when the span ran out, so a
 * launch reads her local day without `Intl` (see local-time.ts).
 */
export interface KnownTimeZone extends Zone {
  readonly at: number;
}

export interface UserProfile {
  readonly preferences: Preferences;
  /** When each preference last changed (epoch ms), for per-field last-writer-wins merges. */
  readonly preferencesAt: Readonly<Record<PreferenceKey, number>>;
  readonly paused: PausedPlace | null;
  /** When the paused place last changed (epoch ms). */
  readonly pausedAt: number;
  readonly history: PracticeHistory;
  readonly disclaimerHeard: boolean;
  /** The "check with the care provider before starting if…" screen was said (on the first start). */
  readonly screeningHeard: boolean;
  /** Hands-free mode was offered (once, on a device with an audio player). */
  readonly handsFreeOffered: boolean;
  /** Practice days count in this zone; null: not read yet, so UTC. */
  readonly timeZone: KnownTimeZone | null;
  /** The practice reminder this skill set (its id and schedule only), or null. */
  readonly reminder: ReminderRecord | null;
  /** When the reminder last changed (epoch ms). */
  readonly reminderAt: number;
  /** A reminder was offered after a finished routine (once). */
  readonly reminderOffered: boolean;
  /** Ids of the most recent updates applied, so a retried update is not counted twice. */
  readonly appliedUpdateIds: readonly string[];
}

/** One finished routine. */
export interface PracticeEntry {
  readonly routineId: RoutineId;
  /** Epoch ms when it finished. */
  readonly at: number;
  readonly minutes: number;
}

/** A change a session made, applied to whatever the store holds now (so devices do not clobber). */
export interface ProfileUpdate {
  /** Unique per update; makes applying it idempotent. */
  readonly id: string;
  readonly preferences?: Partial<Record<PreferenceKey, { readonly value: string; readonly at: number }>>;
  readonly paused?: PausedChange;
  readonly practice?: readonly PracticeEntry[];
  readonly disclaimerHeard?: true;
  readonly screeningHeard?: true;
  readonly handsFreeOffered?: true;
  readonly timeZone?: KnownTimeZone;
  readonly reminder?: ReminderChange;
  readonly reminderOffered?: true;
}

/** The reminder set (or null: removed), as of `at`. */
export interface ReminderChange {
  readonly record: ReminderRecord | null;
  readonly at: number;
}

/** A new paused place (null: none), as of `at`. */
export interface PausedChange {
  readonly place: PausedPlace | null;
  readonly at: number;
  /**
   * For changes the audio player reports (a step started, playback stopped), which arrive outside
   * any session: the item they are about. The change applies only if the paused place has not
   * changed since the item was issued, or it still names the item's step (or already the new
   * place). So a stop that follows "cancel", a finished routine or a routine paused on another
   * device does not bring an old place back.
   */
  readonly reportedFor?: PlayerReport;
}

/** The item a player's report is about: its routine and step, and when the skill issued it. */
export interface PlayerReport {
  readonly routineId: RoutineId;
  readonly stepIndex: number;
  readonly issuedAt: number;
}

/** How many applied update ids a profile keeps. */
export const APPLIED_UPDATE_MEMORY = 20;

export function newProfile(): UserProfile {
  return {
    preferences: DEFAULT_PREFERENCES,
    preferencesAt: { pressure: 0, pace: 0, speechRate: 0, flow: 0, handsFree: 0 },
    paused: null,
    pausedAt: 0,
    history: emptyHistory(),
    disclaimerHeard: false,
    screeningHeard: false,
    handsFreeOffered: false,
    timeZone: null,
    reminder: null,
    reminderAt: 0,
    reminderOffered: false,
    appliedUpdateIds: [],
  };
}

/**
 * How long a time zone read from the device's settings is trusted before it is read again: a
 * household that moves, or changes the setting, is counted in its new zone within a month, and
 * the settings are not read on every session.
 */
export const TIME_ZONE_REFRESH_MS = 30 * DAY_MS;

/** Whether the device's time zone should be read this session: never read, or read long ago. */
export function needsTimeZone(profile: UserProfile, now: number): boolean {
  return profile.timeZone === null || now - profile.timeZone.at >= TIME_ZONE_REFRESH_MS;
}

/**
 * Applies one update to a profile. Preferences merge per field, last writer by time wins; the
 * paused place goes to the latest change; practice entries add up once per update id.
 */
export function applyUpdate(profile: UserProfile, update: ProfileUpdate): UserProfile {
  if (profile.appliedUpdateIds.includes(update.id)) return profile;
  let preferences = profile.preferences;
  let preferencesAt = profile.preferencesAt;
  for (const key of PREFERENCE_KEYS) {
    const change = update.preferences?.[key];
    if (change === undefined || change.at < preferencesAt[key]) continue;
    preferences = sanitizePreferences({ ...preferences, [key]: change.value });
    preferencesAt = { ...preferencesAt, [key]: change.at };
  }
  let paused = profile.paused;
  let pausedAt = profile.pausedAt;
  if (update.paused !== undefined && update.paused.at >= pausedAt && stillApplies(profile, update.paused)) {
    paused = update.paused.place;
    pausedAt = update.paused.at;
  }
  let reminder = profile.reminder;
  let reminderAt = profile.reminderAt;
  if (update.reminder !== undefined && update.reminder.at >= reminderAt) {
    reminder = update.reminder.record;
    reminderAt = update.reminder.at;
  }
  const timeZone =
    update.timeZone !== undefined && (profile.timeZone === null || update.timeZone.at >= profile.timeZone.at)
      ? update.timeZone
      : profile.timeZone;
  // Practice counts in the zone the profile holds once this update is in, as the session counted it.
  let history = profile.history;
  for (const entry of update.practice ?? []) history = addPractice(history, entry, timeZone ?? undefined);
  return {
    preferences,
    preferencesAt,
    paused,
    pausedAt,
    history,
    disclaimerHeard: profile.disclaimerHeard || update.disclaimerHeard === true,
    screeningHeard: profile.screeningHeard || update.screeningHeard === true,
    handsFreeOffered: profile.handsFreeOffered || update.handsFreeOffered === true,
    timeZone,
    reminder,
    reminderAt,
    reminderOffered: profile.reminderOffered || update.reminderOffered === true,
    appliedUpdateIds: [...profile.appliedUpdateIds, update.id].slice(-APPLIED_UPDATE_MEMORY),
  };
}

type StepOf = Pick<PausedPlace, 'routineId' | 'stepIndex'>;

/** Same routine and step. */
function sameStep(a: StepOf | null, b: StepOf | null): boolean {
  return a !== null && b !== null && a.routineId === b.routineId && a.stepIndex === b.stepIndex;
}

/** A player's change applies unless the place changed to something else after its item was issued. */
function stillApplies(profile: UserProfile, change: PausedChange): boolean {
  const report = change.reportedFor;
  if (report === undefined || profile.pausedAt <= report.issuedAt) return true;
  return sameStep(profile.paused, report) || sameStep(profile.paused, change.place);
}

/** Folds a later update into an earlier unsaved one, so a turn writes once. Keeps the later id. */
export function combineUpdates(earlier: ProfileUpdate | undefined, later: ProfileUpdate): ProfileUpdate {
  if (earlier === undefined) return later;
  const preferences = { ...earlier.preferences, ...later.preferences };
  const paused = later.paused ?? earlier.paused;
  const practice = [...(earlier.practice ?? []), ...(later.practice ?? [])];
  const reminder = later.reminder ?? earlier.reminder;
  const timeZone = later.timeZone ?? earlier.timeZone;
  return {
    id: later.id,
    ...(Object.keys(preferences).length > 0 ? { preferences } : {}),
    ...(paused !== undefined ? { paused } : {}),
    ...(practice.length > 0 ? { practice } : {}),
    ...(earlier.disclaimerHeard || later.disclaimerHeard ? { disclaimerHeard: true as const } : {}),
    ...(earlier.screeningHeard || later.screeningHeard ? { screeningHeard: true as const } : {}),
    ...(earlier.handsFreeOffered || later.handsFreeOffered ? { handsFreeOffered: true as const } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(reminder !== undefined ? { reminder } : {}),
    ...(earlier.reminderOffered || later.reminderOffered ? { reminderOffered: true as const } : {}),
  };
}
