/**
 * Days and times of day in the user's time zone. The zone is an IANA name the device's settings
 * gave (cached in the profile); without one, UTC. Pure: no clock is read here.
 *
 * `Intl` knows every zone's rules, daylight-saving changes included, but the first use of a zone
 * in a process loads ICU's zone data, which costs a cold start about 25 ms. So a zone's offset
 * from UTC is worked out with `Intl` once, over the span in which it holds (until the zone's next
 * change, at most about half a year ahead: `offsetSpan`), and kept with the zone in the profile;
 * a moment inside that span is read with plain arithmetic. UTC needs no `Intl` at all.
 */
import type { Weekday } from './schedule';

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
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return undefined;
  }
}

/**
 * True for a string shaped like an IANA zone name ("Europe/London", "Etc/GMT+5"), without asking
 * `Intl`: for names read back from the store, which were checked with `isTimeZone` when the
 * device's settings gave them. A name `Intl` does not know still reads as UTC.
 */
export function isTimeZoneName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_TIME_ZONE_LENGTH &&
    /^[A-Za-z0-9_+\-/]+$/.test(value)
  );
}

/** True for a time zone name this runtime knows ("Europe/London", "America/Los_Angeles"). */
export function isTimeZone(value: unknown): value is string {
  return isTimeZoneName(value) && formatterFor(value) !== undefined;
}

/** A zone's offset from UTC, and the span of time over which it holds. */
export interface ZoneOffset {
  /** Minutes east of UTC: 60 for London in summer, -480 for Los Angeles in winter. */
  readonly minutes: number;
  /** Epoch ms from which the offset holds (the zone's last change, or as far back as was looked). */
  readonly from: number;
  /** Epoch ms at which it stops holding (the zone's next change, or as far ahead as was looked). */
  readonly until: number;
}

/** A time zone: its IANA name, with its offset over a span when that has been worked out. */
export interface Zone {
  readonly id: string;
  readonly offset?: ZoneOffset;
}

/** A zone given by name, or with its offset; undefined: UTC. */
export type ZoneRef = string | Zone | undefined;

/** The widest offset any zone has had: UTC+14 and UTC-12, with room to spare. */
export const MAX_OFFSET_MINUTES = 18 * 60;

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;
/** How far ahead `offsetSpan` looks for the zone's next change: about half a year. */
export const OFFSET_LOOK_AHEAD_MS = 26 * WEEK_MS;
/** How far back it looks for the last one: enough for a late report of a routine finished earlier. */
export const OFFSET_LOOK_BACK_MS = 5 * WEEK_MS;

/** True when an offset is well formed: whole minutes within range, over a span that is not empty. */
export function isZoneOffset(value: unknown): value is ZoneOffset {
  if (typeof value !== 'object' || value === null) return false;
  const { minutes, from, until } = value as Record<string, unknown>;
  return (
    Number.isInteger(minutes) &&
    Math.abs(minutes as number) <= MAX_OFFSET_MINUTES &&
    Number.isSafeInteger(from) &&
    Number.isSafeInteger(until) &&
    (from as number) < (until as number) &&
    (until as number) - (from as number) <= OFFSET_LOOK_AHEAD_MS + OFFSET_LOOK_BACK_MS
  );
}

/** The offset a zone's wall clock shows at a moment, in whole minutes, by `Intl`. */
function offsetByIntl(at: number, formatter: Intl.DateTimeFormat): number {
  const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(minute))) parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
  );
  return Math.round((wall - minute) / MINUTE_MS);
}

/**
 * The first minute after `same` at which the offset is no longer `minutes`, knowing it has changed
 * by `changed` (a later moment): a halving search, to the minute, where zones change.
 */
function changeBetween(same: number, changed: number, minutes: number, formatter: Intl.DateTimeFormat): number {
  let low = same;
  let high = changed;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetByIntl(middle, formatter) === minutes) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * A zone's offset at `at` and the span over which it holds: back to its last change and ahead to
 * its next, looked for a week at a time (zones change at most twice a year) within
 * OFFSET_LOOK_BACK_MS and OFFSET_LOOK_AHEAD_MS, then found to the minute. Undefined for a zone
 * `Intl` does not know. Uses `Intl`: called when a zone is first read, and when its span runs out.
 */
export function offsetSpan(at: number, timeZone: string): ZoneOffset | undefined {
  const formatter = formatterFor(timeZone);
  if (formatter === undefined) return undefined;
  const start = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  const minutes = offsetByIntl(start, formatter);
  let until = start + OFFSET_LOOK_AHEAD_MS;
  for (let probe = start + WEEK_MS; probe <= start + OFFSET_LOOK_AHEAD_MS; probe += WEEK_MS) {
    if (offsetByIntl(probe, formatter) !== minutes) {
      until = changeBetween(probe - WEEK_MS, probe, minutes, formatter);
      break;
    }
  }
  let from = start - OFFSET_LOOK_BACK_MS;
  for (let probe = start - WEEK_MS; probe >= start - OFFSET_LOOK_BACK_MS; probe -= WEEK_MS) {
    const before = offsetByIntl(probe, formatter);
    if (before !== minutes) {
      from = changeBetween(probe, probe + WEEK_MS, before, formatter);
      break;
    }
  }
  return { minutes, from, until };
}

/** The zone with an offset that holds at `at`: itself when its kept one does, else worked out anew. */
export function withOffsetAt<T extends Zone>(zone: T, at: number): T {
  if (offsetHolds(zone, at)) return zone;
  const offset = offsetSpan(at, zone.id);
  return offset === undefined ? zone : { ...zone, offset };
}

/** True when a zone's kept offset holds at `at`. */
export function offsetHolds(zone: ZoneRef, at: number): zone is Zone & { readonly offset: ZoneOffset } {
  return typeof zone === 'object' && zone.offset !== undefined && zone.offset.from <= at && at < zone.offset.until;
}

/** A moment as the clock on the wall shows it in a zone. */
export interface LocalClock {
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly weekday: Weekday;
  readonly hour: number;
  readonly minute: number;
}

const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The clock at a fixed offset from UTC: plain date arithmetic, no `Intl`. */
function clockAtOffset(at: number, minutes: number): LocalClock {
  const wall = new Date(Math.floor(at / MINUTE_MS) * MINUTE_MS + minutes * MINUTE_MS);
  return {
    day: wall.toISOString().slice(0, 10),
    weekday: WEEKDAYS_FROM_SUNDAY[wall.getUTCDay()] ?? 'MO',
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * The local day, weekday and time of an epoch-ms moment: at the zone's kept offset when that holds
 * then, at UTC without a zone, else at the offset `Intl` gives for that moment; an unknown zone
 * reads as UTC.
 */
export function localClock(at: number, zone: ZoneRef): LocalClock {
  if (offsetHolds(zone, at)) return clockAtOffset(at, zone.offset.minutes);
  const formatter = zone === undefined ? undefined : formatterFor(typeof zone === 'string' ? zone : zone.id);
  return clockAtOffset(at, formatter === undefined ? 0 : offsetByIntl(at, formatter));
}

/** The local calendar day (YYYY-MM-DD) of a moment. */
export function localDay(at: number, zone: ZoneRef): string {
  return localClock(at, zone).day;
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
