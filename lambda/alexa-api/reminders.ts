/**
 * The body of a Reminders API request for a practice schedule. Pure: the time and the zone are
 * passed in. The trigger names the next occurrence as local wall-clock time in the user's zone, as
 * the API expects (no offset: Alexa rejects a scheduledTime with one).
 */
import type { services } from 'ask-sdk-model';
import { isTimeZone, localClock } from '../core/local-time';
import { type ReminderSchedule, WEEKDAYS, type Weekday } from '../core/schedule';

/** What to set at Alexa: a schedule in a zone, and what Alexa says when it rings. */
export interface ReminderToSet {
  readonly schedule: ReminderSchedule;
  /** IANA name; absent: Alexa uses the device's zone (and the next occurrence is worked out in UTC). */
  readonly timeZone?: string;
  /** The locale the text is in, e.g. 'en-GB'. */
  readonly locale: string;
  /** What the reminder says when it rings. */
  readonly text: string;
  /** Epoch ms: the request time, and the moment after which the first occurrence falls. */
  readonly now: number;
}

/** Days looked ahead for the next occurrence: a weekly schedule has one within a week. */
const DAYS_AHEAD = 7;

const MS_PER_DAY = 86_400_000;

/** `Date.getUTCDay()` order (Sunday first) mapped to the iCalendar names. */
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The iCalendar rule the Reminders API takes: `FREQ=DAILY;BYHOUR=20;BYMINUTE=0;BYSECOND=0;INTERVAL=1`
 * for every day, `FREQ=WEEKLY;BYDAY=MO,TH;…` for some days (in week order, each once).
 */
export function recurrenceRule(schedule: ReminderSchedule): string {
  const days = WEEKDAYS.filter((day) => schedule.days.includes(day));
  const time = `BYHOUR=${schedule.hour};BYMINUTE=${schedule.minute};BYSECOND=0;INTERVAL=1`;
  // All seven days said one by one is still every day.
  if (days.length === 0 || days.length === WEEKDAYS.length) return `FREQ=DAILY;${time}`;
  return `FREQ=WEEKLY;BYDAY=${days.join(',')};${time}`;
}

/**
 * The next time the schedule rings after `now`, as local wall-clock time in the zone
 * ('YYYY-MM-DDTHH:mm:ss'). Days are stepped on the calendar, not by adding 24 hours, so a day of
 * 23 or 25 hours (a daylight-saving change) neither skips nor repeats a date.
 */
export function nextOccurrence(schedule: ReminderSchedule, now: number, timeZone: string | undefined): string {
  const clock = localClock(now, timeZone);
  const [year, month, day] = clock.day.split('-').map(Number) as [number, number, number];
  const today = Date.UTC(year, month - 1, day);
  const passedToday = clock.hour > schedule.hour || (clock.hour === schedule.hour && clock.minute >= schedule.minute);
  for (let ahead = passedToday ? 1 : 0; ahead <= DAYS_AHEAD; ahead += 1) {
    const date = new Date(today + ahead * MS_PER_DAY);
    const weekday = WEEKDAY_BY_UTC_DAY[date.getUTCDay()] as Weekday;
    if (schedule.days.length > 0 && !schedule.days.includes(weekday)) continue;
    return `${date.toISOString().slice(0, 10)}T${twoDigits(schedule.hour)}:${twoDigits(schedule.minute)}:00`;
  }
  // Unreachable for a schedule with at least one day; today's date keeps the body well-formed regardless.
  return `${clock.day}T${twoDigits(schedule.hour)}:${twoDigits(schedule.minute)}:00`;
}

/** The Reminders API request body for a recurring reminder. */
export function reminderRequest(reminder: ReminderToSet): services.reminderManagement.ReminderRequest {
  // An unknown zone name would be refused by Alexa; without one it uses the device's zone.
  const timeZone = isTimeZone(reminder.timeZone) ? reminder.timeZone : undefined;
  const start = nextOccurrence(reminder.schedule, reminder.now, timeZone);
  return {
    requestTime: new Date(reminder.now).toISOString(),
    trigger: {
      type: 'SCHEDULED_ABSOLUTE',
      scheduledTime: start,
      ...(timeZone === undefined ? {} : { timeZoneId: timeZone }),
      recurrence: { startDateTime: start, recurrenceRules: [recurrenceRule(reminder.schedule)] },
    },
    alertInfo: { spokenInfo: { content: [{ locale: reminder.locale, text: reminder.text }] } },
    pushNotification: { status: 'ENABLED' },
  };
}
