/**
 * A practice reminder's schedule, as the core sees it: which days, and the time of day in the
 * user's own time zone. The skill keeps the reminder's id and this schedule, nothing else.
 */

/** Days of the week in the order of the iCalendar rules the Reminders API takes (Monday first). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ReminderSchedule {
  /** The days it rings, Monday first, each once; empty: every day. */
  readonly days: readonly Weekday[];
  /** Local time of day, 24-hour clock. */
  readonly hour: number;
  readonly minute: number;
}

/** The reminder this skill set: the id Alexa gave it, and its schedule. */
export interface ReminderRecord {
  readonly id: string;
  readonly schedule: ReminderSchedule;
}

/** A part of the day said with a time ("at eight in the evening", "every evening at eight"). */
export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';
export const PARTS_OF_DAY: readonly PartOfDay[] = ['morning', 'afternoon', 'evening', 'night'];

/**
 * What was heard of a reminder request: any of the days, the time and the part of the day may be
 * missing; the core fills in or asks.
 */
export interface ReminderAsk {
  readonly days?: readonly Weekday[];
  readonly hour?: number;
  readonly minute?: number;
  readonly partOfDay?: PartOfDay;
  /** "every day", "daily": said outright, so days are not asked for. */
  readonly daily?: true;
}

/** Longest reminder id kept: Alexa's alert tokens are UUIDs; anything far longer was not written by it. */
export const MAX_REMINDER_ID_LENGTH = 200;

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

/** Days in week order, each once. */
export function weekOrder(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

/** A schedule read from untrusted data (a stored item, a permission token), or undefined. */
export function readSchedule(value: unknown): ReminderSchedule | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const { hour, minute } = raw;
  if (!Number.isInteger(hour) || (hour as number) < 0 || (hour as number) > 23) return undefined;
  if (!Number.isInteger(minute) || (minute as number) < 0 || (minute as number) > 59) return undefined;
  if (!Array.isArray(raw.days) || raw.days.length > WEEKDAYS.length || !raw.days.every(isWeekday)) return undefined;
  const days = weekOrder(raw.days);
  // All seven days is every day, kept one way.
  return { days: days.length === WEEKDAYS.length ? [] : days, hour: hour as number, minute: minute as number };
}

/** A reminder record read from untrusted data, or null. */
export function readReminder(value: unknown): ReminderRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  const schedule = readSchedule(raw.schedule);
  const id = raw.id;
  if (schedule === undefined || typeof id !== 'string' || id.length === 0 || id.length > MAX_REMINDER_ID_LENGTH) {
    return null;
  }
  return { id, schedule };
}

export function sameSchedule(a: ReminderSchedule, b: ReminderSchedule): boolean {
  return a.hour === b.hour && a.minute === b.minute && a.days.join() === b.days.join();
}

/** A change to the user's reminder at Alexa, which the core asks the caller to make. */
export type ReminderAction =
  /**
   * Set a reminder on this schedule in the user's time zone. `replacing`: the reminder it takes the
   * place of; `afterConsent`: she has just granted the permission, so it is not asked for again.
   */
  | {
      readonly kind: 'set';
      readonly schedule: ReminderSchedule;
      readonly replacing?: string;
      readonly afterConsent?: true;
    }
  | { readonly kind: 'delete'; readonly id: string };
