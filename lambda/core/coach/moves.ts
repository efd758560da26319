/**
 * What each command does while a routine is under way (playing or halted). Each move gets the
 * routine and where the user was when they spoke (`Heard`), worked out once by the table.
 */
import type { Routine } from '../catalogue';
import type { CoachEvent } from '../events';
import { remainingSeconds, type Segment } from '../pacing';
import { changePressure } from './adjust';
import { askToCarryOn, carryOn, deliver, pauseRoutine, startRoutine } from './delivery';
import type { Draft } from './draft';
import type { Decision } from './plan';
import { type Heard, stepAfter, stepToSave } from './position';
import type { CoachState, HaltedState, InRoutineState } from './state';

type EventOf<T extends CoachEvent['type']> = Extract<CoachEvent, { type: T }>;

/** Where the routine is for answers about "this step": the step playing, or the next one due. */
function currentStep(state: InRoutineState, heard: Heard): number {
  return heard.finished ? state.resumeAt.stepIndex : heard.stepIndex;
}

export function next(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const target = stepAfter(state, heard);
  const preface = heard.nearBoundary ? [draft.say(draft.lines.movingOn(target, target + 1))] : [];
  return deliver(draft, routine, { stepIndex: target, offset: 0 }, preface);
}

export function previous(draft: Draft, _state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const from = heard.finished ? heard.stepIndex + 1 : heard.stepIndex;
  if (from <= 0) return deliver(draft, routine, { stepIndex: 0, offset: 0 }, [draft.say(draft.lines.firstStepAlready)]);
  const preface = heard.nearBoundary ? [draft.say(draft.lines.goingBack(from + 1, from))] : [];
  return deliver(draft, routine, { stepIndex: from - 1, offset: 0 }, preface);
}

export function repeat(draft: Draft, _state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const line = heard.nearBoundary ? draft.lines.repeatingStepNumber(heard.stepIndex + 1) : draft.lines.repeatingStep;
  return deliver(draft, routine, { stepIndex: heard.stepIndex, offset: 0 }, [draft.say(line)]);
}

export function resume(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const from = state.mode === 'halted' || heard.finished ? state.resumeAt : { stepIndex: heard.stepIndex, offset: 0 };
  return deliver(draft, routine, from, []);
}

/** "Start over" at the menu starts the paused routine again from step 1. */
export function startPausedOver(draft: Draft): Decision {
  const routine = draft.routine(draft.profile.paused?.routineId);
  return routine ? startRoutine(draft, routine, false) : draft.menu([draft.say(draft.lines.noRoutineGoing)]);
}

export function startOver(draft: Draft, _state: InRoutineState, _heard: Heard, routine: Routine): Decision {
  return deliver(draft, routine, { stepIndex: 0, offset: 0 }, [draft.say(draft.lines.fromTheTop)]);
}

export function pause(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  return pauseRoutine(draft, routine, stepToSave(state, heard));
}

/** Stop: the place is saved and the session ends. */
export function stop(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const stepIndex = stepToSave(state, heard);
  draft.setPaused({ routineId: routine.id, stepIndex });
  return draft.end({ mode: 'menu' }, [
    draft.say(draft.lines.savedPlace(routine.name, stepIndex + 1)),
    draft.say(draft.lines.goodbye),
  ]);
}

/** Home: the place is saved and the menu takes over. */
export function home(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const stepIndex = stepToSave(state, heard);
  draft.setPaused({ routineId: routine.id, stepIndex });
  return draft.menu([draft.say(draft.lines.homeFromRoutine(routine.name, stepIndex + 1))]);
}

/** The session closed under the routine: its place is kept, nothing is said. */
export function keepPlace(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): void {
  draft.setPaused({ routineId: routine.id, stepIndex: stepToSave(state, heard) });
}

/** "How much longer": the step and the time left, then on from where it was. */
export function status(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const stepIndex = currentStep(state, heard);
  const step = routine.steps[Math.min(stepIndex, routine.steps.length - 1)];
  const from = heard.finished ? { stepIndex, offset: 0 } : heard;
  const answer = [
    draft.say(draft.lines.statusStep(stepIndex + 1, routine.steps.length, step?.title ?? '', routine.name)),
    draft.say(draft.lines.statusRemaining(remainingSeconds(routine, from, draft.prefs))),
  ];
  return carryOn(draft, state, heard, answer);
}

export function pressure(
  draft: Draft,
  state: InRoutineState,
  heard: Heard,
  routine: Routine,
  event: EventOf<'pressure'>,
): Decision {
  const stepIndex = currentStep(state, heard);
  const step = routine.steps[stepIndex] ?? routine.steps[heard.stepIndex];
  const named: Segment[] = heard.nearBoundary && step ? [draft.say(draft.lines.tipForStep(stepIndex + 1))] : [];
  return carryOn(draft, state, heard, [...named, ...changePressure(draft, event.direction, step)]);
}

/** Yes: delete after "forget me", start a suggested routine, or go on from where it resumes. */
export function yes(draft: Draft, state: InRoutineState, _heard: Heard, routine: Routine): Decision {
  const question = state.question;
  if (question?.kind === 'forget') return forget(draft);
  const chosen = question?.kind === 'start' ? draft.routine(question.routineId) : undefined;
  if (chosen) return startRoutine(draft, chosen, true);
  return deliver(draft, routine, state.resumeAt, []);
}

/** No: keep the data, decline a suggestion, or pause here. */
export function no(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const question = state.question;
  if (question?.kind === 'forget') return askToCarryOn(draft, state, heard, [draft.say(draft.lines.notForgotten)]);
  if (question?.kind === 'start') return draft.menu([draft.say(draft.lines.noProblem)]);
  return pauseRoutine(draft, routine, stepToSave(state, heard));
}

/** Not understood while a routine plays: say so and carry on. */
export function notUnderstood(draft: Draft, state: InRoutineState, heard: Heard): Decision {
  return carryOn(draft, state, heard, [draft.say(draft.lines.fallbackRoutine), draft.say(draft.lines.carryingOn)]);
}

/** Not understood while halted: nothing moves on; the choice is asked again. */
export function notUnderstoodWhileHalted(draft: Draft, state: HaltedState): Decision {
  return draft.listen(state, [draft.say(draft.lines.discomfortReprompt)], draft.lines.discomfortReprompt);
}

/** "Forget me" asks first, in any mode. */
export function askToForget(draft: Draft, state: CoachState): Decision {
  return draft.listen(
    { ...state, question: { kind: 'forget' } },
    [draft.say(draft.lines.forgetQuestion)],
    draft.lines.forgetReprompt,
  );
}

/** Deletes everything kept for the user; the caller carries it out and says so if it fails. */
export function forget(draft: Draft): Decision {
  const lines = draft.lines;
  draft.deleteProfile({ segments: [draft.say(lines.couldNotDelete)], listen: false, endSession: true });
  return draft.end({ mode: 'menu' }, [draft.say(lines.forgotten)]);
}
