/**
 * Going on after an answer: the step that was playing carries on (spoken, or as audio), or the
 * routine waits at it and asks; a halted routine says again what it waits for.
 */
import type { Routine, RoutineId } from '../catalogue';
import type { Segment } from '../pacing';
import { type AudioPoint, inIntroduction, STEP_START, sameVariant } from '../player';
import { deliver, goOnPrompt, goOnReprompt, playStep, waiting } from './delivery';
import type { Draft } from './draft';
import type { Decision } from './plan';
import type { Heard } from './position';
import type { AudioState, HaltedState, InRoutineState } from './state';

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
  if (state.mode === 'audio') return goOnPlaying(draft, state, heard, answer);
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

/**
 * After an answer in hands-free mode: the audio that was playing goes on by itself when nothing
 * about it changed; otherwise the step plays again from where it was, in the variant the
 * preferences now ask for (its introduction counts as its start). After a step that played to its
 * end, the routine waits for the next one, as the spoken flow does: the session listens for "next".
 * With hands-free mode just turned off, the step is spoken from its start.
 */
function goOnPlaying(draft: Draft, state: AudioState, heard: Heard, answer: readonly Segment[]): Decision {
  const routine = draft.routineOf(state);
  const from = heard.finished ? state.resumeAt : { stepIndex: heard.stepIndex, offset: 0 };
  if (!draft.playsAudio(routine.id)) return deliver(draft, routine, from, answer);
  if (playsOnAsItIs(draft, routine.id)) return keepPlaying(draft, state, answer);
  if (heard.finished) return askToGoOn(draft, { ...state, point: STEP_START }, routine, answer);
  return playStep(draft, routine, heard.stepIndex, pointToGoOn(draft, heard), answer);
}

/**
 * The point a step goes on from as audio: where the player stopped (the renderer starts a little
 * before it). In a variant other than the one that was playing, a point in the step's introduction
 * is the step's start: the new words are heard whole.
 */
export function pointToGoOn(draft: Draft, heard: Heard): AudioPoint {
  const point = heard.point ?? STEP_START;
  const player = draft.player;
  const sameAudio = player !== undefined && sameVariant(player.item.variant, draft.prefs);
  return !sameAudio && inIntroduction(point) ? STEP_START : point;
}

/**
 * The player is playing this routine as the preferences now ask for it (the same variant and flow),
 * so it can simply go on.
 */
export function playsOnAsItIs(draft: Draft, routineId: RoutineId): boolean {
  const player = draft.player;
  return (
    player?.activity === 'playing' &&
    player.item.routineId === routineId &&
    player.item.flow === draft.prefs.flow &&
    sameVariant(player.item.variant, draft.prefs)
  );
}

/** Answers, and the audio that was playing goes on once the answer has been said. */
export function keepPlaying(draft: Draft, state: AudioState, answer: readonly Segment[]): Decision {
  return draft.result(state, { segments: answer, listen: false, endSession: true, audio: { kind: 'keepPlaying' } });
}

/** Answers, then waits at the start of the step the routine goes on with, or before its closing. */
function askToGoOn(draft: Draft, state: AudioState, routine: Routine, answer: readonly Segment[]): Decision {
  const next = { ...state, question: { kind: 'continue' } } as const;
  const stepIndex = state.resumeAt.stepIndex;
  const lines = draft.lines;
  if (stepIndex >= routine.steps.length) {
    return draft.listen(next, [...answer, draft.say(lines.lastStepDone, 'prompt')], lines.lastStepDoneReprompt);
  }
  return draft.listen(next, [...answer, goOnPrompt(draft, routine, stepIndex)], goOnReprompt(draft, stepIndex));
}

/** Goes on from where a waiting routine waits: its step, and in audio its point in the step. */
export function goOnFromWaiting(draft: Draft, state: InRoutineState, preface: readonly Segment[]): Decision {
  const routine = draft.routineOf(state);
  if (state.mode === 'halted') return deliver(draft, routine, state.resumeAt, preface);
  return deliver(draft, routine, state.resumeAt, preface, state.point);
}

/** The routine's state after an aside: it waits at the step that was playing, from its start (in audio, at its point). */
export function waitingAt(draft: Draft, state: InRoutineState, heard: Heard): InRoutineState {
  const stepIndex = heard.finished ? state.resumeAt.stepIndex : heard.stepIndex;
  const resumeAt = { stepIndex, offset: 0 };
  if (state.mode === 'halted') return { ...state, resumeAt, question: { kind: 'continue' } };
  if (state.mode === 'audio') {
    const point = heard.finished ? STEP_START : (heard.point ?? STEP_START);
    return { ...state, resumeAt, point, question: { kind: 'continue' } };
  }
  return waiting(draft.routineOf(state), resumeAt, draft.now, state.handsFree ? { handsFree: true } : {});
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
