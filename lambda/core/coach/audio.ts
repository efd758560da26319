/**
 * Hands-free mode: the moves that differ when the device's audio player holds the routine. The
 * rest of the routine's moves work the same way in every mode; `deliver` and `carryOn` play audio
 * instead of speaking the steps when the routine goes on as audio.
 */
import type { Routine } from '../catalogue';
import type { Segment } from '../pacing';
import { type AudioPoint, STEP_START } from '../player';
import { deliver, finish, keepPlace, playStep } from './delivery';
import { type Draft, endPlan } from './draft';
import { carryOn, keepPlaying, playsOnAsItIs, pointToGoOn } from './going-on';
import { pointToSave } from './moves';
import type { Decision } from './plan';
import { type Heard, stepToSave } from './position';
import type { AudioState, InRoutineState } from './state';

/**
 * "Alexa, pause" (or "Alexa, stop", which reaches the skill as pause) while the routine plays: the
 * audio stops and the session listens, so whatever she needs can be said without the skill's name
 * (the pause gateway). Said again in that session, or when nothing plays, the place is kept and the
 * session ends.
 */
export function pauseAudio(draft: Draft, state: AudioState, heard: Heard, routine: Routine): Decision {
  const stepIndex = stepToSave(state, heard);
  if (stepIndex >= routine.steps.length) return finish(draft, routine, []);
  const lines = draft.lines;
  const point = pointToSave(state, heard);
  if (draft.input.newSession === true && draft.player?.activity === 'playing') {
    const title = routine.steps[stepIndex]?.title ?? '';
    const paused: AudioState = {
      mode: 'audio',
      routineId: routine.id,
      resumeAt: { stepIndex, offset: heard.finished ? 0 : heard.offset },
      point: point ?? STEP_START,
    };
    const answer = [
      draft.say(lines.audioPausedAt(stepIndex + 1, routine.steps.length, title)),
      draft.say(lines.audioPausedOptions, 'prompt'),
    ];
    return draft.listen(paused, answer, lines.audioPausedReprompt);
  }
  return keepPlaceAndEnd(draft, routine, stepIndex, point, lines.audioStillPaused);
}

/** "Hold on" in hands-free mode: the audio stays stopped, the place is kept, and "Alexa, resume" goes on. */
export function waitAudio(draft: Draft, state: AudioState, heard: Heard, routine: Routine): Decision {
  const stepIndex = stepToSave(state, heard);
  if (stepIndex >= routine.steps.length) return finish(draft, routine, []);
  return keepPlaceAndEnd(draft, routine, stepIndex, pointToSave(state, heard), draft.lines.audioWait);
}

/** The place is kept with its point, and the session ends with a line; "Alexa, resume" goes on. */
function keepPlaceAndEnd(
  draft: Draft,
  routine: Routine,
  stepIndex: number,
  point: AudioPoint | undefined,
  line: string,
): Decision {
  keepPlace(draft, routine, stepIndex, point);
  return draft.result({ mode: 'menu' }, endPlan([draft.say(line)]));
}

/**
 * Resume: the audio goes on from where it stopped (a little before), in the variant the preferences
 * ask for now; a step played to its end goes on with the next. Said while it plays, it says so and
 * nothing changes.
 */
export function resumeAudio(draft: Draft, state: AudioState, heard: Heard, routine: Routine): Decision {
  if (playsOnAsItIs(draft, routine.id)) return keepPlaying(draft, state, [draft.say(draft.lines.audioAlreadyPlaying)]);
  if (heard.finished) return deliver(draft, routine, state.resumeAt, []);
  if (!draft.playsAudio(routine.id)) return deliver(draft, routine, { stepIndex: heard.stepIndex, offset: 0 }, []);
  return playStep(draft, routine, heard.stepIndex, pointToGoOn(draft, heard), []);
}

/**
 * Cancel in hands-free mode: the audio stops and its queue is cleared, and the place is not kept, so
 * a later "Alexa, resume" says nothing is paused instead of playing the step again. A place kept for
 * another routine stays, as of now, so the stop the device reports next cannot replace it.
 */
export function cancelAudio(draft: Draft, state: AudioState, heard: Heard, routine: Routine): Decision {
  draft.closeScreen();
  const paused = draft.profile.paused;
  if (paused !== null && paused.routineId !== routine.id) {
    const { at: _at, stepId: _stepId, ...kept } = paused;
    draft.setPaused(kept);
  } else {
    draft.setPaused(null);
  }
  const stepIndex = Math.min(stepToSave(state, heard), routine.steps.length - 1);
  const answer = [draft.say(draft.lines.audioCancelled(routine.name, stepIndex + 1))];
  return draft.result({ mode: 'menu' }, { ...endPlan(answer), audio: { kind: 'clear' } });
}

/** Loop or shuffle: routines play in order; the answer says so and the routine goes on. */
export function playOrder(draft: Draft, state: InRoutineState, heard: Heard): Decision {
  return carryOn(draft, state, heard, [draft.say(draft.lines.playOrder)]);
}

/** Loop or shuffle with no routine going. */
export function playOrderAtMenu(draft: Draft): Decision {
  return draft.menu([draft.say(draft.lines.playOrder)]);
}

/** Hands-free mode on or off, remembered; what it means on this device is said. */
export function handsFreeAnswer(draft: Draft, on: boolean): Segment[] {
  const lines = draft.lines;
  if (draft.prefs.handsFree !== (on ? 'on' : 'off')) draft.setPreference('handsFree', on ? 'on' : 'off');
  if (!on) {
    draft.speakOnly = true;
    return [draft.say(lines.handsFreeOff)];
  }
  return [draft.say(draft.input.canPlayAudio === true ? lines.handsFreeOn : lines.handsFreeOnElsewhere)];
}

/**
 * Hands-free mode during a routine: turned on while a step is spoken, the step goes on as audio
 * from its start (a routine waiting for "ready" keeps waiting, and then plays); turned off while
 * audio plays, it is spoken from the start of the step that was playing.
 */
export function handsFreeDuring(draft: Draft, state: InRoutineState, heard: Heard, routine: Routine, on: boolean) {
  const answer = handsFreeAnswer(draft, on);
  if (state.mode === 'halted') return carryOn(draft, state, heard, answer);
  const stepIndex = heard.finished ? state.resumeAt.stepIndex : heard.stepIndex;
  // A routine waiting for "ready" goes on waiting: she may not be settled yet.
  if (state.mode === 'audio' || (on && !heard.finished))
    return deliver(draft, routine, { stepIndex, offset: 0 }, answer);
  return carryOn(draft, state, heard, answer);
}
