/** The lines about practice reminders, in the British source; content/locale-content.ts turns the words. */
import type { OutsideFailure } from '../core/events';
import type { ReminderWords } from '../core/reminder-wording';
import { type ReminderSchedule, WEEKDAYS, type Weekday } from '../core/schedule';
import { spokenList } from './lines';

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Mondays',
  TU: 'Tuesdays',
  WE: 'Wednesdays',
  TH: 'Thursdays',
  FR: 'Fridays',
  SA: 'Saturdays',
  SU: 'Sundays',
};

const WEEKDAYS_ONLY: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** The part of the day an hour falls in, as said after a time: "8 in the evening". */
function partOfDayText(hour: number): string {
  if (hour < 5) return 'at night';
  if (hour < 12) return 'in the morning';
  if (hour < 18) return 'in the afternoon';
  return 'in the evening';
}

/**
 * A time of day as said aloud: "8 in the evening", "7:30 in the morning", "midday", "midnight".
 * Words rather than "p.m.", which reads badly at the end of a sentence and is spelt differently by
 * each market.
 */
export function clockText(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  const onTwelve = hour % 12 === 0 ? 12 : hour % 12;
  const time = minute === 0 ? `${onTwelve}` : `${onTwelve}:${String(minute).padStart(2, '0')}`;
  return `${time} ${partOfDayText(hour)}`;
}

function scheduleText({ days, hour, minute }: ReminderSchedule): string {
  const time = clockText(hour, minute);
  if (days.length === 0 || days.length === WEEKDAYS.length) return `every day at ${time}`;
  if (days.length === WEEKDAYS_ONLY.length && WEEKDAYS_ONLY.every((day) => days.includes(day))) {
    return `every weekday at ${time}`;
  }
  return `on ${spokenList(days.map((day) => DAY_NAMES[day]))} at ${time}`;
}

const FAILED: Readonly<Record<OutsideFailure, string>> = {
  timeout: "Alexa's reminders didn't answer in time",
  unavailable: "Alexa's reminders aren't working just now",
  refused: "Alexa's reminders wouldn't take that one",
};

export const reminderLines = (): ReminderWords => ({
  schedule: scheduleText,
  offer: (schedule) =>
    `Regular practice is what helps most. Would you like a reminder ${scheduleText(schedule)}? You can change the time later.`,
  offerReprompt: (schedule) => `Shall I remind you ${scheduleText(schedule)}? Say yes or no.`,
  askWhen: 'When would you like it? You could say every evening at eight, or Mondays and Thursdays at seven.',
  askWhenReprompt: 'Tell me a time, and the days if not every day.',
  askingPermission: 'To set it, Alexa needs your permission for reminders.',
  set: (schedule) => `Done. I'll remind you to practise ${scheduleText(schedule)}, in your time zone.`,
  changed: (schedule) => `Done. Your reminder is now ${scheduleText(schedule)}.`,
  alreadySet: (schedule) => `You already have a reminder ${scheduleText(schedule)}.`,
  current: (schedule) => `Your reminder is ${scheduleText(schedule)}. What time would you like instead?`,
  none: "You don't have a practice reminder from me.",
  stopped: "Done. I've removed your practice reminder.",
  later: "Ask me about reminders once you've finished, and I'll set it up then.",
  declined: 'All right, no reminder. Say remind me any time you want one.',
  denied:
    "All right, I haven't set a reminder. If you change your mind, say remind me, or allow reminders for Partner Massage Coach in the Alexa app.",
  notAnswered: "I haven't set a reminder. Say remind me whenever you'd like one.",
  setFailed: (why) => `${FAILED[why]}, so I haven't set a reminder. Please try again later.`,
  stopFailed: (why) => `${FAILED[why]}, so your reminder is still on. Please try again later.`,
  stopNoPermission:
    "I'm no longer allowed to change your reminders, so I couldn't remove it. You can delete it in the reminders list of the Alexa app.",
  reminderText: "Time for your partner massage practice. When you're both ready, say: Alexa, open partner massage.",
  whatNext: 'What would you like to do now?',
});
