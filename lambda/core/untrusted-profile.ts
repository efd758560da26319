/**
 * Reading a profile, and an update not saved yet, back from untrusted data: a stored item (after
 * migration) or the session's attributes. Field by field, only known values, and every length,
 * count and time within a cap, so a tampered or corrupted value can neither grow what each
 * response carries nor be spoken.
 */
import { isRoutineId, type RoutineId } from './catalogue';
import { isTimeZoneName, isZoneOffset, type ZoneOffset } from './local-time';
import type { AudioPoint } from './player';
import { FLOWS, HANDS_FREE, PACES, PRESSURE_LEVELS, SPEECH_RATES, sanitizePreferences } from './preferences';
import {
  APPLIED_UPDATE_MEMORY,
  dayOf,
  type KnownTimeZone,
  newProfile,
  type PausedPlace,
  type PlayerReport,
  PREFERENCE_KEYS,
  type PracticeEntry,
  type PracticeHistory,
  type PreferenceKey,
  type ProfileUpdate,
  RECENT_ROUTINE_MEMORY,
  type ReminderChange,
  type UserProfile,
} from './profile';
import { readReminder } from './schedule';

// The profile travels in every response's session attributes, and the whole response body must
// stay within 120 KB (docs/alexa-platform.md): each cap keeps its field small whatever was stored.

/**
 * Longest update id kept. Update ids are Alexa request ids, "amzn1.echo-api.request." and a UUID,
 * about 60 characters; twice that leaves room for another format. A longer id is dropped, not cut,
 * since two cut ids could collide and an update would be taken as applied.
 */
export const MAX_UPDATE_ID_LENGTH = 128;

/** Longest step id kept: ids are "<routine id>.<step>", under 50 characters today. */
export const MAX_STEP_ID_LENGTH = 100;

/**
 * Highest step index kept. Routines have 6 or 7 steps; a larger index was not written by this
 * skill. The coach then fits the index to the routine as the catalogue has it now.
 */
export const MAX_STEP_INDEX = 99;

/** Days this week: a week has seven. */
export const MAX_DAYS_THIS_WEEK = 7;

/** Minutes practised this week cannot pass the minutes in a week (7 × 24 × 60). */
export const MAX_MINUTES_THIS_WEEK = 7 * 24 * 60;

/**
 * Minutes one finished routine counts for. The longest routine takes 10 minutes at normal pace and
 * about 13 at the slower one; an hour leaves room for longer routines.
 */
export const MAX_PRACTICE_MINUTES = 60;

/** Days in a row: more than 27 years, longer than a pregnancy by far, so only a bad value hits it. */
export const MAX_DAYS_IN_A_ROW = 10_000;

/** Routines finished: ten a day for 27 years. */
export const MAX_SESSIONS_FINISHED = 100_000;

/**
 * Practice entries an unsaved update keeps. Each finished routine adds one, and an update stays
 * unsaved only while the store is failing; twenty routines in one such session is more than anyone
 * does. The latest are kept.
 */
export const MAX_PENDING_PRACTICE = 20;

/**
 * Latest time kept, epoch ms: the end of the range a JavaScript Date can hold (ECMAScript time
 * values). A later time would make dayOf() throw.
 */
export const MAX_TIME_MS = 8.64e15;

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number within [0, max]; anything else reads as 0. */
function bounded(value: unknown, max: number): number {
  return Math.min(Math.max(finiteOr(value, 0), 0), max);
}

/** A whole count within [0, max]. */
function count(value: unknown, max: number): number {
  return Math.floor(bounded(value, max));
}

/** An epoch-ms time within the range a Date can hold; anything else reads as 0. */
function time(value: unknown): number {
  return bounded(value, MAX_TIME_MS);
}

/** True for a time an update can carry: a finite number within [0, MAX_TIME_MS]. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_TIME_MS;
}

/** True for a real UTC calendar day written as YYYY-MM-DD. */
function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  // A day past the month's end either fails to parse or parses into the next month.
  return Number.isFinite(at) && dayOf(at) === value;
}

function isUpdateId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_UPDATE_ID_LENGTH;
}

const PREFERENCE_VALUES: Readonly<Record<PreferenceKey, readonly string[]>> = {
  pressure: PRESSURE_LEVELS,
  pace: PACES,
  speechRate: SPEECH_RATES,
  flow: FLOWS,
  handsFree: HANDS_FREE,
};

/** Highest segment index a point keeps: a step has its introduction, a few cues and the closing cue. */
export const MAX_POINT_SEGMENT = 99;

/** A point in a step's audio: a whole segment index and a fraction within [0, 1]. */
export function readPoint(value: unknown): AudioPoint | undefined {
  if (!isObject(value) || !Number.isInteger(value.segment) || typeof value.fraction !== 'number') return undefined;
  if (!Number.isFinite(value.fraction)) return undefined;
  return {
    segment: count(value.segment, MAX_POINT_SEGMENT),
    fraction: Math.min(Math.max(value.fraction, 0), 1),
  };
}

/**
 * A paused place: a known routine and a whole step index. An index past MAX_STEP_INDEX is brought
 * back to it, and a step id that is not a short string is left out; the coach fits both to the
 * catalogue.
 */
function readPlace(value: unknown): PausedPlace | null {
  if (!isObject(value) || !isRoutineId(value.routineId) || !Number.isInteger(value.stepIndex)) return null;
  const stepId = value.stepId;
  const point = readPoint(value.point);
  return {
    routineId: value.routineId,
    stepIndex: count(value.stepIndex, MAX_STEP_INDEX),
    ...(typeof stepId === 'string' && stepId.length > 0 && stepId.length <= MAX_STEP_ID_LENGTH ? { stepId } : {}),
    ...(point !== undefined ? { point } : {}),
    ...(value.audioFailed === true ? { audioFailed: true as const } : {}),
    at: time(value.at),
  };
}

function readHistory(value: unknown): PracticeHistory {
  const raw = isObject(value) ? value : {};
  const days = Array.isArray(raw.daysThisWeek) ? raw.daysThisWeek.filter(isDay) : [];
  return {
    sessionsFinished: count(raw.sessionsFinished, MAX_SESSIONS_FINISHED),
    daysThisWeek: [...new Set(days)].slice(-MAX_DAYS_THIS_WEEK),
    weekOf: isDay(raw.weekOf) ? raw.weekOf : '',
    minutesThisWeek: bounded(raw.minutesThisWeek, MAX_MINUTES_THIS_WEEK),
    lastPracticeDay: isDay(raw.lastPracticeDay) ? raw.lastPracticeDay : null,
    daysInARow: count(raw.daysInARow, MAX_DAYS_IN_A_ROW),
    recentRoutines: Array.isArray(raw.recentRoutines)
      ? [...new Set<RoutineId>(raw.recentRoutines.filter(isRoutineId))].slice(-RECENT_ROUTINE_MEMORY)
      : [],
  };
}

/**
 * A time zone's name, with the time it was read and its kept offset when well formed. The name's
 * shape is checked, not `Intl` (a launch must not load ICU's zone data): it was checked with
 * `Intl` before it was stored, and a name `Intl` does not know reads as UTC.
 */
function readTimeZone(value: unknown): KnownTimeZone | null {
  if (!isObject(value) || !isTimeZoneName(value.id) || !isTime(value.at)) return null;
  return { id: value.id, at: value.at, ...(isZoneOffset(value.offset) ? { offset: readOffset(value.offset) } : {}) };
}

/** Just the offset's own fields. */
function readOffset(offset: ZoneOffset): ZoneOffset {
  return { minutes: offset.minutes, from: offset.from, until: offset.until };
}

/** A reminder change: a record, or null for one removed, with its time. */
function readReminderChange(value: unknown): ReminderChange | undefined {
  if (!isObject(value) || !isTime(value.at)) return undefined;
  const record = readReminder(value.record);
  if (record === null && value.record !== null) return undefined;
  return { record, at: value.at };
}

/**
 * Reads a profile from untrusted data (session attributes or a migrated item), field by field:
 * only known values, and every length, count and time within its cap.
 */
export function sanitizeProfile(value: unknown): UserProfile {
  const base = newProfile();
  if (typeof value !== 'object' || value === null) return base;
  const raw = value as Record<string, unknown>;
  const rawAt = isObject(raw.preferencesAt) ? raw.preferencesAt : {};
  return {
    preferences: sanitizePreferences(raw.preferences),
    preferencesAt: {
      pressure: time(rawAt.pressure),
      pace: time(rawAt.pace),
      speechRate: time(rawAt.speechRate),
      flow: time(rawAt.flow),
      handsFree: time(rawAt.handsFree),
    },
    paused: readPlace(raw.paused),
    pausedAt: time(raw.pausedAt),
    history: readHistory(raw.history),
    disclaimerHeard: raw.disclaimerHeard === true,
    screeningHeard: raw.screeningHeard === true,
    handsFreeOffered: raw.handsFreeOffered === true,
    timeZone: readTimeZone(raw.timeZone),
    reminder: readReminder(raw.reminder),
    reminderAt: time(raw.reminderAt),
    reminderOffered: raw.reminderOffered === true,
    appliedUpdateIds: Array.isArray(raw.appliedUpdateIds)
      ? raw.appliedUpdateIds.filter(isUpdateId).slice(-APPLIED_UPDATE_MEMORY)
      : [],
  };
}

function readPractice(value: unknown): PracticeEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((entry: unknown) =>
      isObject(entry) && isRoutineId(entry.routineId) && isTime(entry.at) && finiteOr(entry.minutes, -1) >= 0
        ? [{ routineId: entry.routineId, at: entry.at, minutes: bounded(entry.minutes, MAX_PRACTICE_MINUTES) }]
        : [],
    )
    .slice(-MAX_PENDING_PRACTICE);
}

function readReport(value: unknown): PlayerReport | undefined {
  if (!isObject(value) || !isRoutineId(value.routineId) || !Number.isInteger(value.stepIndex)) return undefined;
  if (!isTime(value.issuedAt)) return undefined;
  return { routineId: value.routineId, stepIndex: count(value.stepIndex, MAX_STEP_INDEX), issuedAt: value.issuedAt };
}

/** Reads an unsaved update back from untrusted data; fields that do not hold up are dropped. */
export function sanitizeUpdate(value: unknown): ProfileUpdate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  if (!isUpdateId(raw.id)) return undefined;
  const preferences: Partial<Record<PreferenceKey, { value: string; at: number }>> = {};
  const rawPreferences = isObject(raw.preferences) ? raw.preferences : {};
  for (const key of PREFERENCE_KEYS) {
    const change = rawPreferences[key];
    if (isObject(change) && PREFERENCE_VALUES[key].includes(change.value as string) && isTime(change.at)) {
      preferences[key] = { value: change.value as string, at: change.at };
    }
  }
  const rawPaused = isObject(raw.paused) ? raw.paused : undefined;
  let paused: ProfileUpdate['paused'];
  if (rawPaused && isTime(rawPaused.at)) {
    const place = readPlace(rawPaused.place);
    const report = readReport(rawPaused.reportedFor);
    if (place !== null || rawPaused.place === null) {
      paused = { place, at: rawPaused.at, ...(report !== undefined ? { reportedFor: report } : {}) };
    }
  }
  const practice = readPractice(raw.practice);
  const timeZone = readTimeZone(raw.timeZone);
  const reminder = readReminderChange(raw.reminder);
  return {
    id: raw.id,
    ...(Object.keys(preferences).length > 0 ? { preferences } : {}),
    ...(paused !== undefined ? { paused } : {}),
    ...(practice.length > 0 ? { practice } : {}),
    ...(raw.disclaimerHeard === true ? { disclaimerHeard: true as const } : {}),
    ...(raw.screeningHeard === true ? { screeningHeard: true as const } : {}),
    ...(raw.handsFreeOffered === true ? { handsFreeOffered: true as const } : {}),
    ...(timeZone !== null ? { timeZone } : {}),
    ...(reminder !== undefined ? { reminder } : {}),
    ...(raw.reminderOffered === true ? { reminderOffered: true as const } : {}),
  };
}
