/** What the coach says about practice so far: on opening, and after a finished routine. */
import { DAY_MS, dayOf, historyAsOf } from '../profile';
import type { Draft } from './draft';

/** A truthful word about practice so far, when there is something worth saying. */
export function practiceOnLaunch(draft: Draft): string | undefined {
  const { profile, now, lines } = draft;
  const history = historyAsOf(profile.history, now);
  const today = dayOf(now);
  const yesterday = dayOf(now - DAY_MS);
  if (history.daysInARow >= 2 && (history.lastPracticeDay === yesterday || history.lastPracticeDay === today)) {
    return lines.daysInARow(history.daysInARow);
  }
  if (history.daysThisWeek.length >= 1) return lines.practicedThisWeek(history.daysThisWeek.length);
  return undefined;
}

/** After a finished routine (recorded already): this week's practice, when there is more than one day. */
export function practiceAfterRoutine(draft: Draft): string | undefined {
  const history = historyAsOf(draft.profile.history, draft.now);
  return history.daysThisWeek.length >= 2 ? draft.lines.sessionsThisWeek(history.daysThisWeek.length) : undefined;
}
