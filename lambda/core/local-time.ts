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
