/**
 * Practice history: finished routines counted by day and week where she is (the profile's time
 * zone, UTC without one), and days in a row. Pure; applied by `applyUpdate` in profile.ts.
 */
import { daysFromTo, localDay, mondayOfDay, type ZoneRef } from './local-time';
import type { PracticeEntry, PracticeHistory } from './profile';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

export function emptyHistory(): PracticeHistory {
  return {
    sessionsFinished: 0,
    daysThisWeek: [],
    weekOf: '',
    minutesThisWeek: 0,
    lastPracticeDay: null,
    daysInARow: 0,
    recentRoutines: [],
  };
}

/** How many recently finished routines the history keeps: one of each, about. */
export const RECENT_ROUTINE_MEMORY = 7;

/**
 * The calendar day (YYYY-MM-DD) of an epoch-ms time where she is: in the profile's time zone (by
 * its kept offset when that holds then), or UTC without one (so a profile from before zones were
 * read counts as it always did).
 */
export function dayOf(at: number, timeZone?: ZoneRef): string {
  return timeZone === undefined ? new Date(at).toISOString().slice(0, 10) : localDay(at, timeZone);
}

/** Monday of the week containing the given day: a local day gives a local week. */
export const mondayOf = mondayOfDay;

/**
 * The history as it reads at a moment (her today, in her zone): a new week starts from zero.
 * Days in the history are the days of the zone they were recorded in.
 */
export function historyAsOf(history: PracticeHistory, now: number, timeZone?: ZoneRef): PracticeHistory {
  const week = mondayOf(dayOf(now, timeZone));
  if (history.weekOf === week) return history;
  return { ...history, weekOf: week, daysThisWeek: [], minutesThisWeek: 0 };
}

/** Adds one finished routine, on its local day in `timeZone` (UTC without one). */
export function addPractice(history: PracticeHistory, entry: PracticeEntry, timeZone?: ZoneRef): PracticeHistory {
  const day = dayOf(entry.at, timeZone);
  const week = mondayOf(day);
  // An entry from an earlier week that arrives late (a retried save, another device) still counts
  // as a session, but must not turn this week's history back to that week.
  const current = week < history.weekOf ? history : historyAsOf(history, entry.at, timeZone);
  const sameWeek = current.weekOf === week;
  let daysInARow = current.daysInARow;
  let lastPracticeDay = current.lastPracticeDay;
  if (lastPracticeDay === null) {
    daysInARow = 1;
    lastPracticeDay = day;
  } else {
    // Whole calendar days: a day of 23 or 25 hours is one day like any other.
    const gap = daysFromTo(lastPracticeDay, day);
    if (gap === 1) daysInARow += 1;
    else if (gap > 1) daysInARow = 1;
    if (gap >= 0) lastPracticeDay = day;
  }
  return {
    sessionsFinished: current.sessionsFinished + 1,
    weekOf: current.weekOf,
    daysThisWeek:
      sameWeek && !current.daysThisWeek.includes(day) ? [...current.daysThisWeek, day] : current.daysThisWeek,
    minutesThisWeek: sameWeek ? current.minutesThisWeek + entry.minutes : current.minutesThisWeek,
    lastPracticeDay,
    daysInARow,
    recentRoutines: [...current.recentRoutines.filter((id) => id !== entry.routineId), entry.routineId].slice(
      -RECENT_ROUTINE_MEMORY,
    ),
  };
}
