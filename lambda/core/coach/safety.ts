/**
 * Safety answers: they act at once, mid-routine too, and never carry on by themselves. A warning
 * sign's tier decides the action; the routine's place is kept (the table does that) and the
 * reason is never stored.
 */
import type { Routine } from '../catalogue';
import { CONCERN_ROUTES, type ConcernId } from '../concerns';
import type { CoachEvent } from '../events';
import type { Segment } from '../pacing';
import { lighter } from '../preferences';
import { tierOf, type WarningSignId } from '../warning-signs';
import type { Draft } from './draft';
import { askToCarryOn, waitingAt } from './going-on';
import { askTerm } from './labour';
import type { Decision } from './plan';
import type { Heard } from './position';
import type { HaltCause, HaltedState, InRoutineState } from './state';

type EventOf<T extends CoachEvent['type']> = Extract<CoachEvent, { type: T }>;

function halted(routine: Routine, stepIndex: number, cause: HaltCause): HaltedState {
  return { mode: 'halted', routineId: routine.id, resumeAt: { stepIndex, offset: 0 }, cause, misses: 0 };
}

/**
 * A warning sign: the tier's action first, then only what matches what was said. The session
 * ends: nothing asks a question that a "yes" could turn into more massage.
 */
export function warningSign(draft: Draft, sign: WarningSignId): Decision {
  const lines = draft.lines;
  const tier = tierOf(sign);
  draft.show({ kind: 'warning', tier, action: lines.tierAction[tier], detail: lines.signClause[sign] });
  return draft.end({ mode: 'menu' }, [
    draft.say(lines.tierAction[tier]),
    draft.say(lines.signClause[sign]),
    draft.say(lines.tierClose[tier]),
  ]);
}

/** Contractions before 37 weeks, or not sure: regular tightenings are a call-now warning sign. */
export function preterm(draft: Draft): Decision {
  return warningSign(draft, 'pretermContractions');
}

/** "It hurts": stop the stroke, lighten the remembered pressure, and wait for an explicit word. */
export function discomfort(draft: Draft, _state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const lines = draft.lines;
  const answer = [draft.say(lines.discomfort)];
  const lighter_ = lighter(draft.prefs.pressure);
  if (!lighter_.floored) {
    draft.setPreference('pressure', lighter_.level);
    answer.push(draft.say(lines.discomfortLighter(lighter_.level)));
  }
  answer.push(draft.say(lines.discomfortChoice));
  return draft.listen(halted(routine, heard.stepIndex, 'discomfort'), answer, lines.discomfortReprompt);
}

/** Dizzy, sick or faint: stop, sit her up or onto her left side, and wait for an explicit word. */
export function unwell(draft: Draft, _state: InRoutineState, heard: Heard, routine: Routine): Decision {
  const lines = draft.lines;
  return draft.listen(
    halted(routine, heard.stepIndex, 'unwell'),
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

/** What "what helps with…" says, and the routine it offers, if any. */
function concernAnswer(draft: Draft, concern: ConcernId | undefined): { answer: Segment[]; offer?: Routine } {
  const lines = draft.lines;
  if (concern === undefined || concern === 'earlyLabour') {
    return { answer: [draft.say(lines.unknownConcernSafety), draft.say(lines.helpWithUnknown)] };
  }
  const screening = draft.say(lines.concernScreening[concern]);
  const route = CONCERN_ROUTES[concern];
  const routine = route === 'labour' ? undefined : draft.routine(route.routine ?? undefined);
  if (routine === undefined) return { answer: [screening] };
  const answer = [screening, draft.say(lines.helpWithSuggestion(routine.name))];
  const caution = routine.cautions[0];
  if (caution) answer.push(draft.say(caution));
  answer.push(draft.say(lines.helpWithQuestion(routine.name), 'prompt'));
  return { answer, offer: routine };
}

/** "What helps with…" at the menu: the screening line, then a routine to offer. */
export function helpWithAtMenu(draft: Draft, _state: unknown, event: EventOf<'helpWith'>): Decision {
  if (event.concern === 'earlyLabour') return askTerm(draft);
  const { answer, offer } = concernAnswer(draft, event.concern);
  if (offer === undefined) return draft.menu(answer);
  const question = { kind: 'start', routineId: offer.id } as const;
  return draft.listen({ mode: 'menu', question }, answer, draft.lines.helpWithReprompt(offer.name));
}

/**
 * "What helps with…" mid-routine keeps the routine, whatever the answer: it waits at the step that
 * was playing, so "resume", "carry on" or "no" go back to it.
 */
export function helpWithDuring(
  draft: Draft,
  state: InRoutineState,
  heard: Heard,
  _routine: Routine,
  event: EventOf<'helpWith'>,
): Decision {
  if (event.concern === 'earlyLabour') return askTerm(draft);
  const { answer, offer } = concernAnswer(draft, event.concern);
  if (offer === undefined) return askToCarryOn(draft, state, heard, answer);
  const question = { kind: 'start', routineId: offer.id } as const;
  return draft.listen(
    { ...waitingAt(draft, state, heard), question },
    answer,
    draft.lines.helpWithReprompt(offer.name),
  );
}
