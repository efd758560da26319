/**
 * Practice reminders by voice: offered once after a finished routine, or asked for ("remind me
 * every evening at eight", "remind me on Mondays and Thursdays", "change my reminder", "stop
 * reminding me"). The core decides the schedule and the words; the caller makes the change at Alexa
 * (a `reminder` effect) and hands back how it went (`reminderDone`), or Alexa asks for the
 * permission first (`plan.askPermission`) and her answer comes back as a `permission` event.
 * Only the reminder's id and schedule are kept.
 */
import type { RoutineId } from '../catalogue';
import type { CoachEvent } from '../events';
import type { Segment } from '../pacing';
import {
  type PartOfDay,
  type ReminderAction,
  type ReminderAsk,
  type ReminderSchedule,
  sameSchedule,
  weekOrder,
} from '../schedule';
import { closingView } from './delivery';
import type { Draft } from './draft';
import type { Decision } from './plan';
import type { CoachState, MenuState } from './state';

type EventOf<T extends CoachEvent['type']> = Extract<CoachEvent, { type: T }>;

/** The hour a part of the day means when no time was said with it ("remind me in the evenings"). */
const PART_OF_DAY_HOUR: Readonly<Record<PartOfDay, number>> = {
  morning: 8,
  afternoon: 14,
  evening: 20,
  night: 21,
};

/**
 * Hours said without a part of the day that are taken as afternoon or evening: nobody plans a
 * massage for one to five in the morning, so "at five" is 5 p.m.
 */
const SMALL_HOURS_MEAN_PM = 5;

/** The earliest and latest hours a suggested reminder takes: outside them, the evening. */
const SUGGESTED_EARLIEST_HOUR = 7;
const SUGGESTED_LATEST_HOUR = 21;
const SUGGESTED_FALLBACK_HOUR = 20;

/** The hour as meant: "eight in the evening" is 20; "twelve at night" is midnight. */
function meantHour(hour: number, part: PartOfDay | undefined): number {
  if (part === undefined) return hour >= 1 && hour <= SMALL_HOURS_MEAN_PM ? hour + 12 : hour;
  if (part === 'morning') return hour === 12 ? 0 : hour;
  if (part === 'night' && hour === 12) return 0;
  if (part === 'night' && hour >= 1 && hour <= 4) return hour;
  return hour < 12 ? hour + 12 : hour;
}

/** The schedule a request names, or undefined when it names no time and no part of the day. */
export function scheduleOf(ask: ReminderAsk): ReminderSchedule | undefined {
  const days = ask.daily === true ? [] : weekOrder(ask.days ?? []);
  if (ask.hour !== undefined) {
    return { days, hour: meantHour(ask.hour, ask.partOfDay), minute: ask.minute ?? 0 };
  }
  if (ask.partOfDay !== undefined) return { days, hour: PART_OF_DAY_HOUR[ask.partOfDay], minute: 0 };
  return undefined;
}

/** A reminder at about this time of day, every day: the time she practises is the time to remind her. */
export function suggestedSchedule(draft: Draft): ReminderSchedule {
  const { hour, minute } = draft.clock;
  const rounded =
    minute < 15 ? { hour, minute: 0 } : minute < 45 ? { hour, minute: 30 } : { hour: hour + 1, minute: 0 };
  if (rounded.hour < SUGGESTED_EARLIEST_HOUR || rounded.hour > SUGGESTED_LATEST_HOUR) {
    return { days: [], hour: SUGGESTED_FALLBACK_HOUR, minute: 0 };
  }
  return { days: [], ...rounded };
}

/**
 * The offer after a finished routine, once, while she has no reminder: the closing, then the
 * question. Undefined when there is nothing to offer.
 */
export function offerAfterRoutine(draft: Draft, closing: readonly Segment[], after: RoutineId): Decision | undefined {
  if (draft.profile.reminder !== null || draft.profile.reminderOffered) return undefined;
  // "Stop", "cancel", "pause" or "home" at the end close as asked: no question keeps her there.
  if (LEAVING.has(draft.input.event.type)) return undefined;
  draft.offeredReminder();
  const schedule = suggestedSchedule(draft);
  const words = draft.lines.reminders;
  return draft.listen(
    { mode: 'menu', question: { kind: 'reminder', schedule, after } },
    [...closing, draft.say(words.offer(schedule), 'prompt')],
    words.offerReprompt(schedule),
  );
}

/** Events that ask to leave: a routine they end closes without the offer (it comes another time). */
const LEAVING: ReadonlySet<CoachEvent['type']> = new Set(['stop', 'cancel', 'pause', 'home', 'sessionEnded']);

/** Asks when, keeping the question open. */
export function askWhen(draft: Draft, before: readonly Segment[] = []): Decision {
  const words = draft.lines.reminders;
  return draft.listen(
    { mode: 'menu', question: { kind: 'reminderWhen' } },
    [...before, draft.say(words.askWhen, 'prompt')],
    words.askWhenReprompt,
  );
}

/**
 * Sets a reminder on a schedule: at once when the permission is granted (the caller reports how it
 * went), otherwise Alexa asks for the permission first.
 */
export function setReminder(draft: Draft, schedule: ReminderSchedule, afterConsent = false): Decision {
  const current = draft.profile.reminder;
  const words = draft.lines.reminders;
  if (current !== null && sameSchedule(current.schedule, schedule)) {
    return draft.end({ mode: 'menu' }, [draft.say(words.alreadySet(schedule))]);
  }
  if (draft.input.remindersPermitted !== true && !afterConsent) return askPermission(draft, schedule);
  const action: ReminderAction = {
    kind: 'set',
    schedule,
    ...(current !== null ? { replacing: current.id } : {}),
    ...(afterConsent ? { afterConsent: true as const } : {}),
  };
  draft.requestReminder(action);
  // Said only if the caller could not carry the effect out at all; it feeds back the outcome instead.
  return draft.end({ mode: 'menu' }, [draft.say(words.setFailed('unavailable'))]);
}

function askPermission(draft: Draft, schedule: ReminderSchedule): Decision {
  return draft.result(
    { mode: 'menu' },
    {
      segments: [draft.say(draft.lines.reminders.askingPermission)],
      listen: false,
      endSession: true,
      askPermission: { schedule },
    },
  );
}

/** "Remind me …" at the menu. */
export function remindMe(draft: Draft, _state: CoachState, event: EventOf<'remindMe'>): Decision {
  const schedule = scheduleOf(event.ask);
  return schedule === undefined ? askWhen(draft) : setReminder(draft, schedule);
}

/** "Change my reminder (to …)": with a time, set it in place of the old one; without, say what it is and ask. */
export function changeReminder(draft: Draft, _state: CoachState, event: EventOf<'changeReminder'>): Decision {
  const schedule = scheduleOf(event.ask);
  if (schedule !== undefined) return setReminder(draft, schedule);
  const current = draft.profile.reminder;
  if (current === null) return askWhen(draft, [draft.say(draft.lines.reminders.none)]);
  const words = draft.lines.reminders;
  return draft.listen(
    { mode: 'menu', question: { kind: 'reminderWhen' } },
    [draft.say(words.current(current.schedule), 'prompt')],
    words.askWhenReprompt,
  );
}

/** "Stop reminding me." */
export function stopReminders(draft: Draft): Decision {
  const current = draft.profile.reminder;
  const words = draft.lines.reminders;
  if (current === null) return draft.end({ mode: 'menu' }, [draft.say(words.none)]);
  draft.requestReminder({ kind: 'delete', id: current.id });
  return draft.end({ mode: 'menu' }, [draft.say(words.stopFailed('unavailable'))]);
}

/** No to the offer, or to "what time?". A screen goes on showing the routine's closing, if it was one. */
export function declineOffer(draft: Draft, after?: RoutineId): Decision {
  const routine = draft.routine(after);
  if (routine !== undefined) draft.show(closingView(draft, routine));
  return draft.end({ mode: 'menu' }, [draft.say(draft.lines.reminders.declined)]);
}

/** "What time?" asked, and the answer was not understood: asked once more, then the menu's fallback. */
export function whenNotUnderstood(draft: Draft, state: MenuState): Decision | undefined {
  if (state.question?.kind !== 'reminderWhen' || (state.misses ?? 0) > 0) return undefined;
  const words = draft.lines.reminders;
  return draft.listen(
    { mode: 'menu', question: state.question, misses: 1 },
    [draft.say(words.askWhen, 'prompt')],
    words.askWhenReprompt,
  );
}

/** During a routine or labour, reminders wait: the line, for the caller to carry on after. */
export function later(draft: Draft): Segment[] {
  return [draft.say(draft.lines.reminders.later)];
}

/** Alexa's answer to the permission request. */
export function permission(draft: Draft, _state: CoachState, event: EventOf<'permission'>): Decision {
  const words = draft.lines.reminders;
  if (event.answer === 'denied') return draft.end({ mode: 'menu' }, [draft.say(words.denied)]);
  if (event.answer === 'notAnswered') return draft.end({ mode: 'menu' }, [draft.say(words.notAnswered)]);
  return event.schedule === undefined ? askWhen(draft) : setReminder(draft, event.schedule, true);
}

/** How the change at Alexa went: kept and said truthfully; nothing is claimed that did not happen. */
export function reminderDone(draft: Draft, _state: CoachState, event: EventOf<'reminderDone'>): Decision {
  const { action, result } = event.outcome;
  const words = draft.lines.reminders;
  if (action.kind === 'delete') {
    if (result.kind === 'done') {
      draft.setReminder(null);
      return draft.end({ mode: 'menu' }, [draft.say(words.stopped)]);
    }
    if (result.kind === 'noPermission') return draft.end({ mode: 'menu' }, [draft.say(words.stopNoPermission)]);
    return draft.end({ mode: 'menu' }, [draft.say(words.stopFailed(result.why))]);
  }
  if (result.kind === 'done' && result.id !== undefined) {
    draft.setReminder({ id: result.id, schedule: action.schedule });
    const said = action.replacing !== undefined ? words.changed : words.set;
    return draft.end({ mode: 'menu' }, [draft.say(said(action.schedule))]);
  }
  if (result.kind === 'noPermission') {
    // Granted a moment ago and refused anyway: asking again would go round in circles.
    if (action.afterConsent === true) return draft.end({ mode: 'menu' }, [draft.say(words.setFailed('refused'))]);
    return askPermission(draft, action.schedule);
  }
  return draft.end({ mode: 'menu' }, [
    draft.say(words.setFailed(result.kind === 'failed' ? result.why : 'unavailable')),
  ]);
}
