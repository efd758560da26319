/** What the coach says about practice reminders; content/reminder-lines.ts writes it. */
import type { OutsideFailure } from './events';
import type { ReminderSchedule } from './schedule';

export interface ReminderWords {
  /** The schedule as said in a sentence: "every day at 8 p.m.", "on Mondays and Thursdays at 7:30 a.m.". */
  readonly schedule: (schedule: ReminderSchedule) => string;
  /** After a finished routine, once: would a reminder on this schedule help? */
  readonly offer: (schedule: ReminderSchedule) => string;
  readonly offerReprompt: (schedule: ReminderSchedule) => string;
  /** "Remind me" with no time heard: what time, and which days? */
  readonly askWhen: string;
  readonly askWhenReprompt: string;
  /** Said before Alexa asks for the permission itself. */
  readonly askingPermission: string;
  /** Set, in plain words. */
  readonly set: (schedule: ReminderSchedule) => string;
  /** Changed from one schedule to another. */
  readonly changed: (schedule: ReminderSchedule) => string;
  /** The same schedule as the one set already. */
  readonly alreadySet: (schedule: ReminderSchedule) => string;
  /** "Change my reminder" with no time: what it is now, and what time instead? */
  readonly current: (schedule: ReminderSchedule) => string;
  /** No reminder of this skill's is known. */
  readonly none: string;
  /** "Stop reminding me": removed. */
  readonly stopped: string;
  /** During a routine or labour: reminders wait until after. */
  readonly later: string;
  /** No thank you to the offer. */
  readonly declined: string;
  /** She said no to the permission, or it was refused before. */
  readonly denied: string;
  /** The permission question went unanswered. */
  readonly notAnswered: string;
  /** Setting it failed, and why, truthfully: nothing was set. */
  readonly setFailed: (why: OutsideFailure) => string;
  /** Removing it failed: it is still set. */
  readonly stopFailed: (why: OutsideFailure) => string;
  /** Alexa no longer lets the skill change reminders, so it could not remove one: how to do it. */
  readonly stopNoPermission: string;
  /** What the reminder itself says when it rings. */
  readonly reminderText: string;
  /** The prompt that follows an answer at the menu. */
  readonly whatNext: string;
}
