/**
 * The simulated users of the load run and what their sessions must leave in the table.
 *
 * Each user has one to three simulated Echos and plays rounds; every round spans two simulated
 * days (request timestamps, never the wall clock), so practice days are known in advance:
 * - day 2r, 19:00 UTC, device 1: opens, starts routine X, says "more pressure" twice (odd rounds:
 *   "less pressure" twice) and steps through X to its closing: one practice entry on day 2r.
 * - day 2r, 19:30 UTC, device 2 (device 1 again for a one-device user): starts routine Y, "slow
 *   down" twice (odd rounds: "speed up" twice), "go to step k", "pause": Y is paused at step k.
 *   For a user with several devices this session runs at the same time as device 1's, so both
 *   write the one item at once: conditional writes and the per-field merge must keep both
 *   preferences, X's practice and Y's place.
 * - day 2r+1, 19:00 UTC, another device: "ask partner massage to resume" picks Y up at step k (the
 *   place written by a different device), then steps to the closing: one entry on day 2r+1.
 * - day 2r+1, 21:00 UTC, device 1: opens, says a health line ("her feet are swollen", which must
 *   reach neither the logs nor the table), starts routine Z, "go to step m", "pause".
 * Saying a preference change twice lands on the end of its scale (gentle/medium/firm,
 * slower/normal/quicker) whatever the session read first, so the expected value does not depend
 * on how the devices' requests interleaved, only on the last round's parity. The devices' clocks
 * keep each round's writes in a fixed time order (device 2's pause is 30 min after device 1's
 * start), so last-writer-wins by time gives one right answer too.
 *
 * Expected final state (compared with the table after the run): pressure and pace from the last
 * round; paused = Z at step m of the last round; one finished routine per X and Y of every round
 * (sessionsFinished, practice days of the last week in UTC, days in a row, recent routines).
 */
import type { RoutineId } from '../../lambda/core/catalogue';
import type { PracticeHistory, UserProfile } from '../../lambda/core/profile';

/** Routines the scripts use (labour practice is left out: it opens differently, with a week check). */
export const SCRIPT_ROUTINES: readonly { id: RoutineId; name: string }[] = [
  { id: 'lowerBack', name: 'lower back relief' },
  { id: 'foot', name: 'foot massage' },
  { id: 'shouldersNeck', name: 'shoulders and neck' },
  { id: 'hand', name: 'hand massage' },
  { id: 'hipsLegs', name: 'hips and legs' },
  { id: 'tenMinutesTonight', name: 'ten minutes tonight' },
];

/** A line said only to be spoken text that must never be logged or stored (it names a symptom). */
export const HEALTH_LINE = 'her feet are swollen';

/** Monday 23 November 2026, 00:00 UTC: round 0's first day. */
export const FIRST_DAY_MS = Date.parse('2026-11-23T00:00:00Z');
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Seeded PRNG (mulberry32): the same seed gives the same users and chaos. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface RoundPlan {
  readonly round: number;
  /** Finished on device 1 on day 2r. */
  readonly x: RoutineId;
  /** Paused on device 2 at step k on day 2r, resumed elsewhere and finished on day 2r+1. */
  readonly y: RoutineId;
  readonly k: number;
  /** Paused on device 1 at step m on day 2r+1, left paused. */
  readonly z: RoutineId;
  readonly m: number;
  /** Odd rounds turn pressure and pace the other way. */
  readonly firmer: boolean;
}

/** Day 2r at the given UTC hour. */
export function roundTime(round: number, dayOffset: 0 | 1, hour: number, minute = 0): number {
  return FIRST_DAY_MS + (2 * round + dayOffset) * DAY_MS + hour * HOUR_MS + minute * 60_000;
}

/** The plan of a user's round r: three different routines, none of them the one left paused before. */
export function planRound(rng: () => number, round: number, previousZ: RoutineId | undefined): RoundPlan {
  const pool = SCRIPT_ROUTINES.map((routine) => routine.id).filter((id) => id !== previousZ);
  // Five routines are left after the one paused before, so three picks always find one.
  const take = (): RoutineId => pool.splice(Math.floor(rng() * pool.length), 1)[0] as RoutineId;
  const x = take();
  const y = take();
  const z = take();
  // Steps 2 to 4 exist in every routine (each has 6 or 7).
  const step = () => 2 + Math.floor(rng() * 3);
  return { round, x, y, k: step(), z, m: step(), firmer: round % 2 === 0 };
}

export function routineName(id: RoutineId): string {
  const found = SCRIPT_ROUTINES.find((routine) => routine.id === id);
  if (!found) throw new Error(`no script name for ${id}`);
  return found.name;
}

/** What a user's rounds so far must have left stored, built from the plans alone. */
export interface ExpectedProfile {
  readonly pressure: 'gentle' | 'firm';
  readonly pace: 'slower' | 'quicker';
  readonly paused: { readonly routineId: RoutineId; readonly stepIndex: number } | null;
  readonly sessionsFinished: number;
  readonly daysThisWeek: readonly string[];
  readonly lastPracticeDay: string;
  readonly daysInARow: number;
  readonly recentRoutines: readonly RoutineId[];
}

const RECENT_MEMORY = 7;

/** Latest last, each routine once (a repeat moves to the end), at most RECENT_MEMORY. */
function recentOf(finished: readonly RoutineId[]): RoutineId[] {
  const recent: RoutineId[] = [];
  for (const id of finished) {
    const at = recent.indexOf(id);
    if (at >= 0) recent.splice(at, 1);
    recent.push(id);
  }
  return recent.slice(-RECENT_MEMORY);
}

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function mondayOfUtc(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(at).getUTCDay() + 6) % 7; // Monday 0
  return utcDay(at - weekday * DAY_MS);
}

/**
 * The expected profile after the given completed rounds. Written from the script's meaning, not
 * with the skill's own history code, so a bug there shows as a difference.
 */
export function expectedProfile(rounds: readonly RoundPlan[]): ExpectedProfile | undefined {
  const last = rounds[rounds.length - 1];
  if (!last) return undefined;
  const finished: { routineId: RoutineId; day: string }[] = [];
  for (const round of rounds) {
    finished.push({ routineId: round.x, day: utcDay(roundTime(round.round, 0, 19)) });
    finished.push({ routineId: round.y, day: utcDay(roundTime(round.round, 1, 19)) });
  }
  const days = [...new Set(finished.map((entry) => entry.day))].sort();
  // A round finishes two routines, so there is a last day.
  const lastDay = days[days.length - 1] as string;
  const week = mondayOfUtc(lastDay);
  let inARow = 1;
  for (let i = days.length - 1; i > 0; i -= 1) {
    const later = Date.parse(`${days[i]}T00:00:00Z`);
    const earlier = Date.parse(`${days[i - 1]}T00:00:00Z`);
    if (later - earlier !== DAY_MS) break;
    inARow += 1;
  }
  return {
    pressure: last.firmer ? 'firm' : 'gentle',
    pace: last.firmer ? 'slower' : 'quicker',
    paused: { routineId: last.z, stepIndex: last.m - 1 },
    sessionsFinished: finished.length,
    daysThisWeek: days.filter((day) => day >= week),
    lastPracticeDay: lastDay,
    daysInARow: inARow,
    recentRoutines: recentOf(finished.map((entry) => entry.routineId)),
  };
}

/** One way the stored profile differs from the expected one. */
export interface Difference {
  readonly field: string;
  readonly expected: unknown;
  readonly stored: unknown;
}

/** Where the stored profile differs from what the user's sessions should have produced. */
export function differences(expected: ExpectedProfile, stored: UserProfile | undefined): Difference[] {
  if (!stored) return [{ field: 'item', expected: 'a stored profile', stored: undefined }];
  const history: PracticeHistory = stored.history;
  const pairs: [string, unknown, unknown][] = [
    ['preferences.pressure', expected.pressure, stored.preferences.pressure],
    ['preferences.pace', expected.pace, stored.preferences.pace],
    [
      'paused',
      expected.paused,
      stored.paused ? { routineId: stored.paused.routineId, stepIndex: stored.paused.stepIndex } : null,
    ],
    ['history.sessionsFinished', expected.sessionsFinished, history.sessionsFinished],
    ['history.daysThisWeek', expected.daysThisWeek, [...history.daysThisWeek].sort()],
    ['history.lastPracticeDay', expected.lastPracticeDay, history.lastPracticeDay],
    ['history.daysInARow', expected.daysInARow, history.daysInARow],
    ['history.recentRoutines', expected.recentRoutines, history.recentRoutines],
  ];
  return pairs
    .filter(([, want, got]) => JSON.stringify(want) !== JSON.stringify(got))
    .map(([field, want, got]) => ({ field, expected: want, stored: got }));
}

/** A practice day held twice, or more routines counted than were finished. */
export function duplicatedPractice(expected: ExpectedProfile, stored: UserProfile | undefined): number {
  if (!stored) return 0;
  const days = stored.history.daysThisWeek;
  const repeatedDays = days.length - new Set(days).size;
  const extraSessions = Math.max(0, stored.history.sessionsFinished - expected.sessionsFinished);
  return repeatedDays + extraSessions;
}
