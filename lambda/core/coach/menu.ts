/** The menu: welcome, the routine list, and what a paused routine offers. */
import type { NameMatch } from '../catalogue';
import type { Segment } from '../pacing';
import type { Draft } from './draft';
import { stepGone } from './paused-place';
import type { Decision } from './plan';
import { practiceOnLaunch } from './practice';
import type { CoachState } from './state';

export function routineList(draft: Draft): Segment {
  return draft.say(draft.lines.routineList(draft.catalogue.routines.map((routine) => routine.name)));
}

/**
 * Offers the paused routine, when there is one the catalogue still has. A step the routine no
 * longer has is offered as the nearest one, saying the routine has changed.
 */
export function offerPaused(draft: Draft, before: readonly Segment[]): Decision | undefined {
  const paused = draft.profile.paused;
  const routine = draft.routine(paused?.routineId);
  const step = paused === null ? undefined : routine?.steps[paused.stepIndex];
  if (paused === null || routine === undefined || step === undefined) return undefined;
  const offerLine = stepGone(paused, routine) ? draft.lines.offerResumeChanged : draft.lines.offerResume;
  const offer = draft.say(offerLine(routine.name, paused.stepIndex + 1, step.title));
  return draft.listen(
    { mode: 'menu', question: { kind: 'resume' } },
    [...before, offer],
    draft.lines.offerResumeReprompt,
  );
}

export function launch(draft: Draft): Decision {
  const lines = draft.lines;
  const opening: Segment[] = [];
  const firstUse = !draft.profile.disclaimerHeard;
  if (firstUse) {
    opening.push(draft.say(lines.disclaimer), draft.say(lines.welcomeFirst));
    draft.heardDisclaimer();
  } else {
    opening.push(draft.say(lines.welcomeBack));
    const practice = practiceOnLaunch(draft);
    if (practice) opening.push(draft.say(practice));
  }
  const offer = offerPaused(draft, opening);
  if (offer) return offer;
  // New users hear what there is to choose from until they have finished a routine.
  if (firstUse || draft.profile.history.sessionsFinished === 0) opening.push(routineList(draft));
  return draft.menu(opening);
}

/** A state without its question, mode by mode. */
type Unasked<S> = S extends unknown ? Omit<S, 'question'> : never;

function withoutQuestion<S extends { readonly question?: unknown }>(state: S): Unasked<S> {
  const { question: _dropped, ...rest } = state;
  return rest as Unasked<S>;
}

/**
 * What to say when a heard name did not pick one routine: the ones that fit equally, or that there
 * is no such routine (or none was heard) and the whole list.
 */
export function notOneRoutine(draft: Draft, heard: string | undefined, found: NameMatch): Segment[] {
  const lines = draft.lines;
  if (found.kind === 'several') return [draft.say(lines.ambiguousRoutine(found.routines.map((r) => r.name)))];
  return [draft.say(heard ? lines.unknownRoutine(heard) : lines.missingRoutine), routineList(draft)];
}

/** A routine the catalogue does not have, several that fit, or none heard: then the question again. */
export function unknownRoutine(draft: Draft, state: CoachState, heard: string | undefined, found: NameMatch): Decision {
  const lines = draft.lines;
  const next = state.mode === 'labour' ? state : withoutQuestion(state);
  return draft.listen(
    next,
    [...notOneRoutine(draft, heard, found), draft.say(lines.whichRoutine, 'prompt')],
    lines.whichRoutineReprompt,
  );
}
