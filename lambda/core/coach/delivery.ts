/** Speaking a routine: openings, packed steps, the closing, and going on after an answer. */
import type { Routine } from '../catalogue';
import { type Position, packSteps, type Segment, stepSpans } from '../pacing';
import { historyAsOf } from '../profile';
import type { Draft } from './draft';
import type { Decision } from './plan';
import type { Heard } from './position';
import type { InRoutineState, Played, RoutineState } from './state';

/** The disclaimer, the first time only. */
function disclaimerOnce(draft: Draft): Segment[] {
  if (draft.profile.disclaimerHeard) return [];
  draft.heardDisclaimer();
  return [draft.say(draft.lines.disclaimer)];
}

/** Position and cautions only, to stay short; the points to avoid come with "is this safe". */
function openingFor(draft: Draft, routine: Routine): Segment[] {
  return [
    ...disclaimerOnce(draft),
    draft.say(draft.lines.routineTitle(routine.name), 'opening'),
    draft.say(routine.position, 'opening'),
    ...routine.cautions.map((caution) => draft.say(caution, 'opening')),
    draft.say(draft.lines.openingInvite, 'opening'),
  ];
}

export function startRoutine(draft: Draft, routine: Routine, withOpening: boolean): Decision {
  const preface = withOpening ? openingFor(draft, routine) : [draft.say(draft.lines.fromTheTop)];
  return deliver(draft, routine, { stepIndex: 0, offset: 0 }, preface);
}

export function resumePaused(draft: Draft, routine: Routine, stepIndex: number): Decision {
  const preface = [...disclaimerOnce(draft), draft.say(draft.lines.resumingAt(routine.name))];
  return deliver(draft, routine, { stepIndex: Math.min(stepIndex, routine.steps.length - 1), offset: 0 }, preface);
}

/**
 * Speaks the routine from a position: as many steps as fit (one in step-by-step flow), then asks
 * to go on, or closes the routine when it is done.
 */
export function deliver(draft: Draft, routine: Routine, from: Position, preface: readonly Segment[]): Decision {
  if (from.stepIndex >= routine.steps.length) return finish(draft, routine, preface);
  const packed = packSteps(routine, from, preface, draft.prefs, draft.lines, closingReserve(draft, routine));
  const played: Played = { sentAt: draft.now, spans: stepSpans(packed.segments, from.offset) };
  const next = packed.next;
  if (next.stepIndex >= routine.steps.length) return finish(draft, routine, packed.segments);
  const state: RoutineState = {
    mode: 'routine',
    routineId: routine.id,
    resumeAt: next,
    played,
    question: { kind: 'continue' },
  };
  const lines = draft.lines;
  if (next.offset > 0) {
    return draft.listen(state, [...packed.segments, draft.say(lines.carryOnPart, 'prompt')], lines.carryOnPartReprompt);
  }
  const stepNumber = next.stepIndex + 1;
  const title = routine.steps[next.stepIndex]?.title ?? '';
  if (draft.prefs.flow === 'stepByStep') {
    const prompt = draft.say(lines.waitForNext(stepNumber, title), 'prompt');
    return draft.listen(state, [...packed.segments, prompt], lines.waitForNextReprompt(stepNumber));
  }
  const prompt = draft.say(lines.goOnQuestion(stepNumber, title), 'prompt');
  return draft.listen(state, [...packed.segments, prompt], lines.goOnReprompt(stepNumber));
}

/** Seconds the closing lines can take, at their longest. */
function closingReserve(draft: Draft, routine: Routine): number {
  const lines = draft.lines;
  return [routine.closing, lines.routineFinished(routine.name), lines.sessionsThisWeek(7)]
    .map((text) => draft.say(text).seconds)
    .reduce((sum, seconds) => sum + seconds, 1);
}

/** The closing: practice is recorded, a paused place for this routine is cleared. */
function finish(draft: Draft, routine: Routine, segments: readonly Segment[]): Decision {
  draft.addPractice(routine);
  if (draft.profile.paused?.routineId === routine.id) draft.setPaused(null);
  const history = historyAsOf(draft.profile.history, draft.now);
  const closing = [
    ...segments,
    draft.say(routine.closing, 'closing'),
    draft.say(draft.lines.routineFinished(routine.name), 'closing'),
  ];
  if (history.daysThisWeek.length >= 2) {
    closing.push(draft.say(draft.lines.sessionsThisWeek(history.daysThisWeek.length), 'closing'));
  }
  return draft.end({ mode: 'menu' }, closing);
}

/** Answers, then goes on with the rest of the step that was playing, or re-asks the pending question. */
export function carryOn(draft: Draft, state: InRoutineState, heard: Heard, answer: readonly Segment[]): Decision {
  const routine = draft.routineOf(state);
  const lines = draft.lines;
  if (state.mode === 'halted') {
    return draft.listen(state, [...answer, draft.say(lines.discomfortChoice)], lines.discomfortReprompt);
  }
  if (!heard.finished) return deliver(draft, routine, { stepIndex: heard.stepIndex, offset: heard.offset }, answer);
  const resumeAt = state.resumeAt;
  if (resumeAt.stepIndex >= routine.steps.length) return finish(draft, routine, answer);
  const stepNumber = resumeAt.stepIndex + 1;
  const title = routine.steps[resumeAt.stepIndex]?.title ?? '';
  const prompt = resumeAt.offset > 0 ? lines.carryOnPart : lines.goOnQuestion(stepNumber, title);
  return draft.listen(
    { ...state, question: { kind: 'continue' }, played: { sentAt: draft.now, spans: [] } },
    [...answer, draft.say(prompt, 'prompt')],
    lines.goOnReprompt(stepNumber),
  );
}

/** Answers, then asks whether to carry on with the step that was playing, from its start. */
export function askToCarryOn(draft: Draft, state: InRoutineState, heard: Heard, answer: readonly Segment[]): Decision {
  const routine = draft.routineOf(state);
  const stepIndex = heard.finished ? state.resumeAt.stepIndex : heard.stepIndex;
  if (stepIndex >= routine.steps.length) return draft.menu(answer);
  const resumeAt = { stepIndex, offset: 0 };
  const next: InRoutineState =
    state.mode === 'halted'
      ? { mode: 'halted', routineId: routine.id, resumeAt, question: { kind: 'continue' } }
      : {
          mode: 'routine',
          routineId: routine.id,
          resumeAt,
          played: { sentAt: draft.now, spans: [] },
          question: { kind: 'continue' },
        };
  const prompt = draft.say(draft.lines.shallICarryOn(stepIndex + 1), 'prompt');
  return draft.listen(next, [...answer, prompt], draft.lines.shallICarryOnReprompt);
}

/** Saves the place and ends the session with how to come back. */
export function pauseRoutine(draft: Draft, routine: Routine, stepIndex: number): Decision {
  draft.setPaused({ routineId: routine.id, stepIndex });
  const title = routine.steps[stepIndex]?.title ?? '';
  return draft.end({ mode: 'menu' }, [
    draft.say(draft.lines.pausedAt(routine.name, stepIndex + 1, title)),
    draft.say(draft.lines.howToResume),
  ]);
}
