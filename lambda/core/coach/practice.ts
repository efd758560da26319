/**
 * What the coach says about practice so far: on opening, and after a finished routine. Days are
 * her local days (the profile's time zone, UTC while none is known), so an 11:30 pm session counts
 * for that evening. Only what is true and encouraging is said: a run of days that has ended is
 * never mentioned, and nothing is said when there is nothing worth saying.
 */
import { addDays, partOfDay } from '../local-time';
import { historyAsOf, type PracticeHistory } from '../profile';
import type { Draft } from './draft';

/** Days in a row worth a word: one day is not a run. */
const RUN_WORTH_SAYING = 2;

/** The history as it reads today where she is. */
function historyNow(draft: Draft): PracticeHistory {
  return historyAsOf(draft.profile.history, draft.now, draft.zone);
}

/** A truthful word about practice so far, when there is something worth saying. */
export function practiceOnLaunch(draft: Draft): string | undefined {
  const { lines } = draft;
  const clock = draft.clock;
  const today = clock.day;
  const history = historyNow(draft);
  const last = history.lastPracticeDay;
  const practisedToday = last === today || history.daysThisWeek.includes(today);
  if (practisedToday) return lines.alreadyPractisedToday(last === today ? history.daysInARow : 1);
  const runToYesterday = last === addDays(today, -1) ? history.daysInARow : 0;
  // Days later than today (a clock or zone that moved) are not counted as done before now.
  const daysBefore = history.daysThisWeek.filter((day) => day < today).length;
  const nthDay = daysBefore + 1;
  if (nthDay < 2 && runToYesterday < RUN_WORTH_SAYING) return undefined;
  return lines.practiceThisWeek(nthDay, partOfDay(clock.hour), runToYesterday < RUN_WORTH_SAYING ? 0 : runToYesterday);
}

/** After a finished routine (recorded already): this week's practice, when there is more than one day. */
export function practiceAfterRoutine(draft: Draft): string | undefined {
  const days = historyNow(draft).daysThisWeek.length;
  return days >= 2 ? draft.lines.practiceDaysThisWeek(days) : undefined;
}
