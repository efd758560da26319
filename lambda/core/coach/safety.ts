/** Safety answers: they act at once, mid-routine too, and never carry on by themselves. */
import type { Routine } from '../catalogue';
import { CONCERN_ROUTINE, type ConcernId } from '../concerns';
import type { Segment } from '../pacing';
import { lighter } from '../preferences';
import type { Draft } from './draft';
import type { Decision } from './plan';
import type { Heard } from './position';
import type { CoachState, HaltedState, InRoutineState } from './state';

function halted(routine: Routine, stepIndex: number): HaltedState {
  return { mode: 'halted', routineId: routine.id, resumeAt: { stepIndex, offset: 0 }, question: { kind: 'continue' } };
}

/** A warning sign: stop, get help; the session ends and no place is saved. */
export function redFlag(draft: Draft): Decision {
  return draft.end({ mode: 'menu' }, [draft.say(draft.lines.redFlag), draft.say(draft.lines.redFlagClose)]);
}

/** "It hurts": stop the stroke, lighten the remembered pressure, and wait for a word. */
export function discomfort(draft: Draft, _state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const lines = draft.lines;
  const answer = [draft.say(lines.discomfort)];
  const lighter_ = lighter(draft.prefs.pressure);
  if (!lighter_.floored) {
    draft.setPreference('pressure', lighter_.level);
    answer.push(draft.say(lines.discomfortLighter(lighter_.level)));
  }
  answer.push(draft.say(lines.discomfortChoice));
  return draft.listen(halted(routine, heard.stepIndex), answer, lines.discomfortReprompt);
}

/** Dizzy, sick or faint: stop, sit her up or onto her left side, and wait for a word. */
export function unwell(draft: Draft, _state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const lines = draft.lines;
  return draft.listen(
    halted(routine, heard.stepIndex),
    [draft.say(lines.unwell), draft.say(lines.unwellChoice)],
    lines.unwellReprompt,
  );
}

/** "Is this safe": the routine's cautions and points to avoid, then the general advice. */
export function safetyAnswer(draft: Draft, routine: Routine | undefined): Segment[] {
  const lines = draft.lines;
  const answer = routine
    ? [
        draft.say(lines.safetyRoutine(routine.name)),
        ...[...routine.cautions, ...routine.pointsToAvoid].map((line) => draft.say(line)),
      ]
    : [];
  answer.push(draft.say(lines.safetyGeneral), draft.say(lines.safetyBeforeStarting), draft.say(lines.disclaimer));
  if (!draft.profile.disclaimerHeard) draft.heardDisclaimer();
  return answer;
}

/** "What helps with…": a routine to suggest and offer, or the red-flag answer. */
export function helpWith(draft: Draft, state: CoachState, concern: ConcernId | undefined): Decision {
  const lines = draft.lines;
  const suggestion = concern === undefined ? undefined : CONCERN_ROUTINE[concern];
  if (suggestion === 'redFlag') return redFlag(draft);
  const routine = draft.routine(suggestion);
  if (routine === undefined) return draft.menu([draft.say(lines.helpWithUnknown)]);
  const answer = [draft.say(lines.helpWithSuggestion(routine.name))];
  const caution = routine.cautions[0];
  if (caution) answer.push(draft.say(caution));
  answer.push(draft.say(lines.helpWithQuestion(routine.name), 'prompt'));
  const question = { kind: 'start', routineId: routine.id } as const;
  return draft.listen({ ...state, question }, answer, lines.helpWithReprompt(routine.name));
}
