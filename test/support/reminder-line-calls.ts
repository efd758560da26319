/** Representative calls of every reminder line that is a function, for the locale content checks. */
import type { OutsideFailure } from '../../lambda/core/events';
import type { ReminderWords } from '../../lambda/core/reminder-wording';
import type { ReminderSchedule } from '../../lambda/core/schedule';

type LineKey = {
  [K in keyof ReminderWords]: ReminderWords[K] extends (...args: never[]) => string ? K : never;
}[keyof ReminderWords];

export const SCHEDULES: readonly ReminderSchedule[] = [
  { days: [], hour: 20, minute: 0 },
  { days: [], hour: 7, minute: 30 },
  { days: [], hour: 12, minute: 0 },
  { days: [], hour: 0, minute: 0 },
  { days: ['MO', 'TH'], hour: 19, minute: 0 },
  { days: ['MO', 'TU', 'WE', 'TH', 'FR'], hour: 21, minute: 15 },
  { days: ['SA', 'SU'], hour: 9, minute: 0 },
  { days: ['TU', 'TH', 'SA'], hour: 18, minute: 45 },
];

const WHY: readonly OutsideFailure[] = ['timeout', 'unavailable', 'refused'];

/** A line added to ReminderWords does not compile here until it is called. */
export const REMINDER_LINE_CALLS: { readonly [K in LineKey]: (line: ReminderWords[K]) => readonly string[] } = {
  schedule: (line) => SCHEDULES.map((schedule) => line(schedule)),
  offer: (line) => SCHEDULES.map((schedule) => line(schedule)),
  offerReprompt: (line) => SCHEDULES.map((schedule) => line(schedule)),
  set: (line) => SCHEDULES.map((schedule) => line(schedule)),
  changed: (line) => SCHEDULES.map((schedule) => line(schedule)),
  alreadySet: (line) => SCHEDULES.map((schedule) => line(schedule)),
  current: (line) => SCHEDULES.map((schedule) => line(schedule)),
  setFailed: (line) => WHY.map((why) => line(why)),
  stopFailed: (line) => WHY.map((why) => line(why)),
};
