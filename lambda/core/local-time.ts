/**
 * Days and times of day in the user's time zone. The zone is an IANA name the device's settings
 * gave (cached in the profile); without one, UTC. Pure: `Intl` does the arithmetic, daylight-saving
 * changes included, and no clock is read here.
 */
import type { Weekday } from './schedule';

/** The zone used when the device's cannot be read. */
export const FALLBACK_TIME_ZONE = 'UTC';

/** Longest time zone name kept: IANA names are under 40 characters ("America/Argentina/ComodRivadavia"). */
export const MAX_TIME_ZONE_LENGTH = 64;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const known = formatters.get(timeZone);
  if (known !== undefined) return known;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return undefined;
  }
}

/** True for a time zone name this runtime knows ("Europe/London", "America/Los_Angeles"). */
export function isTimeZone(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_TIME_ZONE_LENGTH &&
    /^[A-Za-z0-9_+\-/]+$/.test(value) &&
    formatterFor(value) !== undefined
  );
}

/** A moment as the clock on the wall shows it in a zone. */
export interface LocalClock {
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly weekday: Weekday;
  readonly hour: number;
  readonly minute: number;
}

const WEEKDAY_OF: Readonly<Record<string, Weekday>> = {
  Mon: 'MO',
  Tue: 'TU',
  Wed: 'WE',
  Thu: 'TH',
  Fri: 'FR',
  Sat: 'SA',
  Sun: 'SU',
};

/** The local day, weekday and time of an epoch-ms moment; an unknown zone reads as UTC. */
export function localClock(at: number, timeZone: string | undefined): LocalClock {
  const formatter =
    formatterFor(timeZone ?? FALLBACK_TIME_ZONE) ?? (formatterFor(FALLBACK_TIME_ZONE) as Intl.DateTimeFormat);
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(at))) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_OF[parts.weekday ?? ''] ?? 'MO',
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** The local calendar day (YYYY-MM-DD) of a moment. */
export function localDay(at: number, timeZone: string | undefined): string {
  return localClock(at, timeZone).day;
}

/**
 * Calendar arithmetic on YYYY-MM-DD days, done on the day's number (days since 1970-01-01) with
 * integers only, so it holds for any year a zone's clock can show and never meets a Date's range
 * or a day of 23 or 25 hours: the day after a daylight-saving change is simply the next day.
 */
const DAY_PATTERN = /^(\d{4,6})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD day (proleptic Gregorian); NaN for anything else. */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // Howard Hinnant's days_from_civil: years counted from March, so February's end is the year's end.
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The YYYY-MM-DD day of a day number (the inverse of `dayNumber`). */
export function dayOfNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day `count` days after `day` (before it, for a negative count). */
export function addDays(day: string, count: number): string {
  return dayOfNumber(dayNumber(day) + count);
}

/** The Monday of the week holding `day`: weeks start on Monday wherever she is. */
export function mondayOfDay(day: string): string {
  const days = dayNumber(day);
  // 1970-01-01 was a Thursday, three days after a Monday.
  const sinceMonday = (((days + 3) % 7) + 7) % 7;
  return dayOfNumber(days - sinceMonday);
}

/** Whole days from one day to a later one (negative when `later` is earlier). */
export function daysFromTo(earlier: string, later: string): number {
  return dayNumber(later) - dayNumber(earlier);
}

/** The parts of the day as people name them, for "this evening". */
export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** The part of the day of an hour on the local clock: night from 10 pm until 5 am. */
export function partOfDay(hour: number): PartOfDay {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}
