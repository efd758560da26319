/**
 * Speaking a routine: openings that wait for her to be in position, packed steps, the closing as
 * its own answer, and going on after an answer.
 */
import type { Routine } from '../catalogue';
import { type Position, packSteps, type Segment, stepSpans } from '../pacing';
import { historyAsOf } from '../profile';
import type { Draft } from './draft';
import { stepGone } from './paused-place';
import type { Decision } from './plan';
import type { Heard } from './position';
import type { HaltedState, InRoutineState, Played, RoutineState } from './state';

/** The disclaimer, the first time only. */
function disclaimerOnce(draft: Draft): Segment[] {
  if (draft.profile.disclaimerHeard) return [];
  draft.heardDisclaimer();
  return [draft.say(draft.lines.disclaimer)];
}

/** "Check with the care provider before starting if…", on the first routine a user starts. */
function screeningOnce(draft: Draft): Segment[] {
  if (draft.profile.screeningHeard) return [];
  draft.heardScreening();
  return [draft.say(draft.lines.safetyBeforeStarting, 'opening')];
}

/** Nothing played yet: the routine waits at `resumeAt` for ready, yes, next or carry on. */
function waiting(routine: Routine, resumeAt: Position, now: number): RoutineState {
  return {
    mode: 'routine',
    routineId: routine.id,
    resumeAt,
    played: { sentAt: now, spans: [] },
    question: { kind: 'continue' },
  };
}

/** Asks her to get into position, and waits. */
function waitForReady(draft: Draft, routine: Routine, resumeAt: Position, before: readonly Segment[]): Decision {
  const lines = draft.lines;
  const prompt = draft.say(lines.whenReady, 'prompt');
  return draft.listen(waiting(routine, resumeAt, draft.now), [...before, prompt], lines.whenReadyReprompt);
}

/**
 * A routine's opening: the position and its cautions (the points to avoid come with "is this
 * safe"), then it waits until she is comfortable before step 1.
 */
export function startRoutine(draft: Draft, routine: Routine): Decision {
  const opening = [
    ...disclaimerOnce(draft),
    draft.say(draft.lines.routineTitle(routine.name), 'opening'),
    ...screeningOnce(draft),
    draft.say(routine.position, 'opening'),
    ...routine.cautions.map((caution) => draft.say(caution, 'opening')),
    draft.say(draft.lines.openingInvite, 'opening'),
  ];
  return waitForReady(draft, routine, { stepIndex: 0, offset: 0 }, opening);
}

/**
 * A paused routine, days later perhaps: she gets back into position before it goes on. When its
 * step is gone from the routine, it says so, unless the offer it answers has just said it.
 */
export function resumePaused(draft: Draft, routine: Routine, stepIndex: number): Decision {
  const at = Math.max(0, Math.min(stepIndex, routine.steps.length - 1));
  const paused = draft.profile.paused;
  const state = draft.input.state;
  const offered = state.mode === 'menu' && state.question?.kind === 'resume';
  const gone = paused?.routineId === routine.id && stepGone(paused, routine) && !offered;
  const preface = [
    ...disclaimerOnce(draft),
    draft.say((gone ? draft.lines.resumingChanged : draft.lines.resumingAt)(routine.name, at + 1)),
    draft.say(routine.position, 'opening'),
  ];
  return waitForReady(draft, routine, { stepIndex: at, offset: 0 }, preface);
}

/** "Go to step N" with a routine paused: from that step, once she is back in position. */
export function startFromStep(draft: Draft, routine: Routine, stepIndex: number): Decision {
  const preface = [
    ...disclaimerOnce(draft),
    draft.say(draft.lines.fromStep(routine.name, stepIndex + 1)),
    draft.say(routine.position, 'opening'),
  ];
  return waitForReady(draft, routine, { stepIndex, offset: 0 }, preface);
}

/**
 * Speaks the routine from a position: as many steps as fit (one in step-by-step flow), then asks
 * to go on. After the last step it asks before the closing, so the session stays open and
 * "Alexa, it hurts" still reaches the skill through the last step.
 */
export function deliver(draft: Draft, routine: Routine, from: Position, preface: readonly Segment[]): Decision {
  if (from.stepIndex >= routine.steps.length) return finish(draft, routine, preface);
  const packed = packSteps(routine, from, preface, draft.prefs, draft.lines);
  const played: Played = { sentAt: draft.now, spans: stepSpans(packed.segments, from.offset) };
  const next = packed.next;
  const state: RoutineState = {
    mode: 'routine',
    routineId: routine.id,
    resumeAt: next,
    played,
    question: { kind: 'continue' },
  };
  const lines = draft.lines;
  if (next.stepIndex >= routine.steps.length) {
    const prompt = draft.say(lines.lastStepDone, 'prompt');
    return draft.listen(state, [...packed.segments, prompt], lines.lastStepDoneReprompt);
  }
  if (next.offset > 0) {
    return draft.listen(state, [...packed.segments, draft.say(lines.carryOnPart, 'prompt')], lines.carryOnPartReprompt);
  }
  return draft.listen(
    state,
    [...packed.segments, goOnPrompt(draft, routine, next.stepIndex)],
    goOnReprompt(draft, next.stepIndex),
  );
}

function goOnPrompt(draft: Draft, routine: Routine, stepIndex: number): Segment {
  const title = routine.steps[stepIndex]?.title ?? '';
  const text =
    draft.prefs.flow === 'stepByStep'
      ? draft.lines.waitForNext(stepIndex + 1, title)
      : draft.lines.goOnQuestion(stepIndex + 1, title);
  return draft.say(text, 'prompt');
}

function goOnReprompt(draft: Draft, stepIndex: number): string {
  return draft.prefs.flow === 'stepByStep'
    ? draft.lines.waitForNextReprompt(stepIndex + 1)
    : draft.lines.goOnReprompt(stepIndex + 1);
}

/** Records the practice and clears a paused place for this routine: it was played to the end. */
export function completed(draft: Draft, routine: Routine): void {
  draft.addPractice(routine);
  if (draft.profile.paused?.routineId === routine.id) draft.setPaused(null);
}

/** The closing, its own short answer: practice is recorded and the session ends. */
export function finish(draft: Draft, routine: Routine, before: readonly Segment[]): Decision {
  completed(draft, routine);
  const history = historyAsOf(draft.profile.history, draft.now);
  const closing = [
    ...before,
    draft.say(routine.closing, 'closing'),
    draft.say(draft.lines.routineFinished(routine.name), 'closing'),
  ];
  if (history.daysThisWeek.length >= 2) {
    closing.push(draft.say(draft.lines.sessionsThisWeek(history.daysThisWeek.length), 'closing'));
  }
  return draft.end({ mode: 'menu' }, closing);
}

/** What a halted routine waits for, as the cause asks it. */
export function haltedChoice(draft: Draft, state: HaltedState): { line: Segment; reprompt: string } {
  const lines = draft.lines;
  switch (state.cause) {
    case 'discomfort':
      return { line: draft.say(lines.discomfortChoice), reprompt: lines.discomfortReprompt };
    case 'unwell':
      return { line: draft.say(lines.unwellChoice), reprompt: lines.unwellReprompt };
    case 'unclear':
      return { line: draft.say(lines.notUnderstoodChoice), reprompt: lines.unwellReprompt };
  }
}

/** Answers, then goes on with the rest of the step that was playing, or re-asks the pending question. */
export function carryOn(draft: Draft, state: InRoutineState, heard: Heard, answer: readonly Segment[]): Decision {
  const routine = draft.routineOf(state);
  if (state.mode === 'halted') {
    const choice = haltedChoice(draft, state);
    return draft.listen(state, [...answer, choice.line], choice.reprompt);
  }
  if (!heard.finished) return deliver(draft, routine, { stepIndex: heard.stepIndex, offset: heard.offset }, answer);
  const resumeAt = state.resumeAt;
  const next = { ...state, question: { kind: 'continue' }, played: { sentAt: draft.now, spans: [] } } as const;
  const lines = draft.lines;
  if (resumeAt.stepIndex >= routine.steps.length) {
    return draft.listen(next, [...answer, draft.say(lines.lastStepDone, 'prompt')], lines.lastStepDoneReprompt);
  }
  if (resumeAt.offset > 0) {
    return draft.listen(next, [...answer, draft.say(lines.carryOnPart, 'prompt')], lines.carryOnPartReprompt);
  }
  return draft.listen(
    next,
    [...answer, goOnPrompt(draft, routine, resumeAt.stepIndex)],
    goOnReprompt(draft, resumeAt.stepIndex),
  );
}

/** The routine's state after an aside: it waits at the step that was playing, from its start. */
export function waitingAt(draft: Draft, state: InRoutineState, heard: Heard): InRoutineState {
  const stepIndex = heard.finished ? state.resumeAt.stepIndex : heard.stepIndex;
  const resumeAt = { stepIndex, offset: 0 };
  if (state.mode === 'halted') return { ...state, resumeAt, question: { kind: 'continue' } };
  return waiting(draft.routineOf(state), resumeAt, draft.now);
}

/** Answers, then asks whether to carry on with the step that was playing, from its start. */
export function askToCarryOn(draft: Draft, state: InRoutineState, heard: Heard, answer: readonly Segment[]): Decision {
  const routine = draft.routineOf(state);
  const next = waitingAt(draft, state, heard);
  const stepIndex = next.resumeAt.stepIndex;
  if (stepIndex >= routine.steps.length) {
    const prompt = draft.say(draft.lines.lastStepDone, 'prompt');
    return draft.listen(next, [...answer, prompt], draft.lines.lastStepDoneReprompt);
  }
  const prompt = draft.say(draft.lines.shallICarryOn(stepIndex + 1), 'prompt');
  return draft.listen(next, [...answer, prompt], draft.lines.shallICarryOnReprompt);
}

/** Saves the place and ends the session with how to come back; at the end, the closing instead. */
export function pauseRoutine(
  draft: Draft,
  routine: Routine,
  stepIndex: number,
  before: readonly Segment[] = [],
): Decision {
  if (stepIndex >= routine.steps.length) return finish(draft, routine, before);
  draft.setPaused({ routineId: routine.id, stepIndex });
  const title = routine.steps[stepIndex]?.title ?? '';
  return draft.end({ mode: 'menu' }, [
    ...before,
    draft.say(draft.lines.pausedAt(routine.name, stepIndex + 1, title)),
    draft.say(draft.lines.howToResume),
  ]);
}

/** Keeps the routine's place as it stops for something else; played to the end, it counts as done. */
export function keepPlace(draft: Draft, routine: Routine, stepIndex: number): void {
  if (stepIndex >= routine.steps.length) completed(draft, routine);
  else draft.setPaused({ routineId: routine.id, stepIndex });
}
