/**
 * What each command does while a routine is under way (playing or halted). Each move gets the
 * routine and where the user was when they spoke (`Heard`), worked out once by the table.
 */
import type { Routine } from '../catalogue';
import type { CoachEvent } from '../events';
import { remainingSeconds, routineSeconds, type Segment } from '../pacing';
import type { AudioPoint } from '../player';
import { changePressure } from './adjust';
import { deliver, finish, keepPlace, pauseRoutine, startRoutine } from './delivery';
import type { Draft } from './draft';
import { askToCarryOn, carryOn, goOnFromWaiting, haltedChoice } from './going-on';
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

/** "Go to step N": that step from its beginning; a number the routine lacks is answered, and it waits. */
export function goToStep(
  draft: Draft,
  state: InRoutineState,
  heard: Heard,
  routine: Routine,
  event: EventOf<'goToStep'>,
): Decision {
  const stepIndex = chosenStep(routine, event.step);
  if (stepIndex !== undefined) return deliver(draft, routine, { stepIndex, offset: 0 }, []);
  return askToCarryOn(draft, state, heard, [noSuchStep(draft, routine, event.step)]);
}

/** The step index a heard step number names, when the routine has it. */
export function chosenStep(routine: Routine, stepNumber: number | undefined): number | undefined {
  if (stepNumber === undefined || !Number.isInteger(stepNumber)) return undefined;
  return stepNumber >= 1 && stepNumber <= routine.steps.length ? stepNumber - 1 : undefined;
}

/** How many steps the routine has, for a step number it lacks or one not heard. */
export function noSuchStep(draft: Draft, routine: Routine, stepNumber: number | undefined): Segment {
  const heard = stepNumber !== undefined && Number.isInteger(stepNumber) && stepNumber >= 0 ? stepNumber : undefined;
  return draft.say(draft.lines.noSuchStep(routine.name, routine.steps.length, heard));
}

/** Repeat: the step again; while halted, what it is waiting for again (nothing plays). */
export function repeat(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  if (state.mode === 'halted') {
    const choice = haltedChoice(draft, state);
    return draft.listen(state, [choice.line], choice.reprompt);
  }
  const line = heard.nearBoundary ? draft.lines.repeatingStepNumber(heard.stepIndex + 1) : draft.lines.repeatingStep;
  return deliver(draft, routine, { stepIndex: heard.stepIndex, offset: 0 }, [draft.say(line)]);
}

export function resume(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const from = state.mode === 'halted' || heard.finished ? state.resumeAt : { stepIndex: heard.stepIndex, offset: 0 };
  return deliver(draft, routine, from, []);
}

/** "Start over" at the menu starts the paused routine again, with its opening. */
export function startPausedOver(draft: Draft): Decision {
  const routine = draft.routine(draft.profile.paused?.routineId);
  return routine ? startRoutine(draft, routine) : draft.menu([draft.say(draft.lines.noRoutineGoing)]);
}

export function startOver(draft: Draft, _state: InRoutineState, _heard: Heard, routine: Routine): Decision {
  return deliver(draft, routine, { stepIndex: 0, offset: 0 }, [draft.say(draft.lines.fromTheTop)]);
}

/** In hands-free mode, the point in the step's audio that a saved place keeps. */
export function pointToSave(state: InRoutineState, heard: Heard): AudioPoint | undefined {
  return state.mode === 'audio' && !heard.finished ? heard.point : undefined;
}

export function pause(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  return pauseRoutine(draft, routine, stepToSave(state, heard), [], pointToSave(state, heard));
}

/** Stop: the place is saved and the session ends; after the last step, the closing. */
export function stop(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  draft.closeScreen();
  const stepIndex = stepToSave(state, heard);
  if (stepIndex >= routine.steps.length) return finish(draft, routine, []);
  const point = pointToSave(state, heard);
  draft.setPaused({ routineId: routine.id, stepIndex, ...(point !== undefined ? { point } : {}) });
  return draft.end({ mode: 'menu' }, [
    draft.say(draft.lines.savedPlace(routine.name, stepIndex + 1)),
    draft.say(draft.lines.goodbye),
  ]);
}

/** Home: the place is saved and the menu takes over. */
export function home(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const stepIndex = stepToSave(state, heard);
  keepPlace(draft, routine, stepIndex, pointToSave(state, heard));
  if (stepIndex >= routine.steps.length) return draft.menu([]);
  return draft.menu([draft.say(draft.lines.homeFromRoutine(routine.name, stepIndex + 1))]);
}

/** The routine stops for something else (a new session, a warning sign, labour): its place is kept. */
export function keepRoutinePlace(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): void {
  keepPlace(draft, routine, stepToSave(state, heard), pointToSave(state, heard));
}

/** "How much longer": the step and the time left, then on from where it was. */
export function status(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const stepIndex = currentStep(state, heard);
  // After the last step has played out, "where are we" is the last step, with nothing to go.
  const shown = Math.min(stepIndex, routine.steps.length - 1);
  const step = routine.steps[shown];
  const from = heard.finished ? { stepIndex, offset: 0 } : heard;
  const answer = [
    draft.say(draft.lines.statusStep(shown + 1, routine.steps.length, step?.title ?? '', routine.name)),
    draft.say(draft.lines.statusRemaining(remainingSeconds(routine, from, draft.prefs) + toComeSeconds(draft, state))),
  ];
  return carryOn(draft, state, heard, answer);
}

/** In a joined session, how long the routines still to come after this one take. */
function toComeSeconds(draft: Draft, state: InRoutineState): number {
  const then = state.mode === 'audio' ? [] : (state.then ?? []);
  return then.reduce((sum, id) => {
    const later = draft.routine(id);
    return later === undefined ? sum : sum + routineSeconds(later, draft.prefs);
  }, 0);
}

function stepFor(state: InRoutineState, heard: Heard, routine: Routine) {
  return routine.steps[currentStep(state, heard)] ?? routine.steps[heard.stepIndex];
}

/** More or less pressure; more, right after a safety answer, waits for a yes. */
export function pressure(
  draft: Draft,
  state: InRoutineState,
  heard: Heard,
  routine: Routine,
  event: EventOf<'pressure'>,
): Decision {
  if (state.mode === 'halted' && event.direction === 'more' && state.cause !== 'unclear') {
    const lines = draft.lines;
    const question = { kind: 'morePressure' } as const;
    return draft.listen(
      { ...state, question },
      [draft.say(lines.confirmMorePressure)],
      lines.confirmMorePressureReprompt,
    );
  }
  const step = stepFor(state, heard, routine);
  const named: Segment[] =
    heard.nearBoundary && step ? [draft.say(draft.lines.tipForStep(currentStep(state, heard) + 1))] : [];
  return carryOn(draft, state, heard, [...named, ...changePressure(draft, event.direction, step)]);
}

function withoutQuestion(state: HaltedState): HaltedState {
  const { question: _answered, ...rest } = state;
  return rest;
}

/**
 * Yes: delete after "forget me", start a suggested routine (keeping this one's place), or go on.
 * While halted, only a yes to "shall I carry on" goes on; any other yes is asked to say carry on.
 */
export function yes(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const question = state.question;
  if (question?.kind === 'forget') return forget(draft);
  const chosen = question?.kind === 'start' ? draft.routine(question.routineId) : undefined;
  if (chosen) {
    keepRoutinePlace(draft, state, heard, routine);
    return startRoutine(draft, chosen);
  }
  if (state.mode !== 'halted' || question?.kind === 'continue') return goOnFromWaiting(draft, state, []);
  if (question?.kind === 'morePressure') {
    return carryOn(draft, withoutQuestion(state), heard, changePressure(draft, 'more', stepFor(state, heard, routine)));
  }
  return draft.listen(state, [draft.say(draft.lines.sayCarryOnToGoOn)], draft.lines.discomfortReprompt);
}

/** No: keep the data, decline a suggestion or more pressure, or pause here. */
export function no(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const kind = state.question?.kind;
  if (kind === 'forget') return askToCarryOn(draft, state, heard, [draft.say(draft.lines.notForgotten)]);
  if (kind === 'start') return askToCarryOn(draft, state, heard, [draft.say(draft.lines.noProblem)]);
  if (state.mode === 'halted' && kind === 'morePressure') {
    return carryOn(draft, withoutQuestion(state), heard, [draft.say(draft.lines.pressureKept)]);
  }
  return pauseRoutine(draft, routine, stepToSave(state, heard), [], pointToSave(state, heard));
}

/**
 * Not understood: the routine stops and asks; it never carries on by default. From the second
 * miss in a row, the answer adds when to call the midwife or doctor.
 */
export function notUnderstood(draft: Draft, state: InRoutineState, heard: Heard): Decision {
  const halted: HaltedState =
    state.mode === 'halted'
      ? { ...withoutQuestion(state), misses: state.misses + 1 }
      : {
          mode: 'halted',
          routineId: state.routineId,
          resumeAt: { stepIndex: heard.finished ? state.resumeAt.stepIndex : heard.stepIndex, offset: 0 },
          cause: 'unclear',
          misses: 1,
        };
  const lines = draft.lines;
  const choice = haltedChoice(draft, halted);
  const worried = halted.misses >= 2 ? [draft.say(lines.ifWorried)] : [];
  return draft.listen(halted, [draft.say(lines.notUnderstoodStopped), ...worried, choice.line], choice.reprompt);
}

/** "Forget me" asks first, in any mode; a routine keeps its place meanwhile. */
export function askToForget(draft: Draft, state: CoachState): Decision {
  const question = { kind: 'forget' } as const;
  const next =
    state.mode === 'routine' || state.mode === 'halted' || state.mode === 'audio'
      ? { ...state, question }
      : ({ mode: 'menu', question } as const);
  return draft.listen(next, [draft.say(draft.lines.forgetQuestion)], draft.lines.forgetReprompt);
}

/** Deletes everything kept for the user; the caller carries it out and says so if it fails. */
export function forget(draft: Draft): Decision {
  const lines = draft.lines;
  draft.deleteProfile({ segments: [draft.say(lines.couldNotDelete)], listen: false, endSession: true });
  return draft.end({ mode: 'menu' }, [draft.say(lines.forgotten)]);
}
