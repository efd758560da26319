/**
 * The coach as a table: one row per event, one column per mode. The types make a missing
 * (event, mode) pair, or a transition that reads a field its mode does not have, a compile error.
 * Columns: `menu` (no routine under way), `routine` (a routine is playing), `halted` (stopped for
 * a safety answer, waiting for a word). Moves shared by `routine` and `halted` take either.
 */
import type { Routine } from '../catalogue';
import type { CoachEvent } from '../events';
import type { Segment } from '../pacing';
import { changeFlow, changePace, changePressure, changeSpeechRate } from './adjust';
import { askToCarryOn, carryOn, resumePaused, startRoutine } from './delivery';
import type { Draft } from './draft';
import { launch, offerPaused, routineList, unknownRoutine } from './menu';
import * as moves from './moves';
import type { Decision } from './plan';
import { type Heard, whereWasPlaying } from './position';
import { discomfort, helpWith, redFlag, safetyAnswer, unwell } from './safety';
import type { CoachState, InRoutineState, MenuState, Mode } from './state';

export type EventType = CoachEvent['type'];
export type EventOf<T extends EventType> = Extract<CoachEvent, { type: T }>;
export type StateIn<M extends Mode> = Extract<CoachState, { mode: M }>;

/** One cell: what an event does in a mode. */
export type Transition<M extends Mode, T extends EventType> = (
  draft: Draft,
  state: StateIn<M>,
  event: EventOf<T>,
) => Decision;

export type CoachTable = { readonly [T in EventType]: { readonly [M in Mode]: Transition<M, T> } };

/** A move during a routine, given the routine and where the user was when they spoke. */
type Move<T extends EventType> = (
  draft: Draft,
  state: InRoutineState,
  heard: Heard,
  routine: Routine,
  event: EventOf<T>,
) => Decision;

/** A transition written for several modes at once: the state is any of them. */
type Across<S extends CoachState, T extends EventType> = (draft: Draft, state: S, event: EventOf<T>) => Decision;

function during<T extends EventType>(move: Move<T>): Across<InRoutineState, T> {
  return (draft, state, event) => move(draft, state, whereWasPlaying(state, draft.now), draft.routineOf(state), event);
}

/** The same move in both routine columns. */
function inRoutine<T extends EventType>(
  move: Move<T>,
): { routine: Across<InRoutineState, T>; halted: Across<InRoutineState, T> } {
  const transition = during(move);
  return { routine: transition, halted: transition };
}

/** The same cell in every mode. */
function always<T extends EventType>(
  transition: Across<CoachState, T>,
): { menu: Across<CoachState, T>; routine: Across<CoachState, T>; halted: Across<CoachState, T> } {
  return { menu: transition, routine: transition, halted: transition };
}

const noRoutineGoing = (draft: Draft) => draft.menu([draft.say(draft.lines.noRoutineGoing)]);
const goodbye = (draft: Draft) => draft.end({ mode: 'menu' }, [draft.say(draft.lines.goodbyeMenu)]);
const sessionClosed = (draft: Draft) =>
  draft.result({ mode: 'menu' }, { segments: [], listen: false, endSession: true });

function resumeAtMenu(draft: Draft): Decision {
  const paused = draft.profile.paused;
  const routine = draft.routine(paused?.routineId);
  if (paused && routine) return resumePaused(draft, routine, paused.stepIndex);
  return draft.menu([draft.say(draft.lines.nothingPaused)]);
}

function helpAtMenu(draft: Draft): Decision {
  const lines = draft.lines;
  if (draft.routine(draft.profile.paused?.routineId) === undefined) return draft.menu([draft.say(lines.helpMenu)]);
  return draft.listen(
    { mode: 'menu', question: { kind: 'resume' } },
    [draft.say(lines.helpPaused)],
    lines.offerResumeReprompt,
  );
}

function yesAtMenu(draft: Draft, state: MenuState): Decision {
  const question = state.question;
  if (question?.kind === 'forget') return moves.forget(draft);
  const chosen = question?.kind === 'start' ? draft.routine(question.routineId) : undefined;
  if (chosen) return startRoutine(draft, chosen, true);
  const paused = draft.profile.paused;
  const pausedRoutine = draft.routine(paused?.routineId);
  if (paused && pausedRoutine) return resumePaused(draft, pausedRoutine, paused.stepIndex);
  return draft.menu([]);
}

function noAtMenu(draft: Draft, state: MenuState): Decision {
  const kind = state.question?.kind;
  if (kind === 'forget') return draft.menu([draft.say(draft.lines.notForgotten)]);
  if (kind === 'resume' || kind === 'start') return draft.menu([draft.say(draft.lines.noProblem)]);
  return goodbye(draft);
}

function fallbackAtMenu(draft: Draft, state: MenuState): Decision {
  const lines = draft.lines;
  return draft.listen(
    state,
    [draft.say(lines.fallbackMenu), draft.say(lines.whichRoutineReprompt)],
    lines.whichRoutineReprompt,
  );
}

/** An answer, then the step that was playing goes on (or the pending question is asked again). */
function answerThenCarryOn<T extends EventType>(answer: (draft: Draft, event: EventOf<T>) => Segment[]): Move<T> {
  return (draft, state, heard, _routine, event) => carryOn(draft, state, heard, answer(draft, event));
}

/** An answer, then "shall I carry on with step N?". */
function answerThenAsk<T extends EventType>(answer: (draft: Draft, routine: Routine) => Segment[]): Move<T> {
  return (draft, state, heard, routine) => askToCarryOn(draft, state, heard, answer(draft, routine));
}

/** Launch or a closed session mid-routine keeps the routine's place first. */
function keepingPlace<T extends EventType>(then: (draft: Draft) => Decision): Move<T> {
  return (draft, state, heard, routine) => {
    moves.keepPlace(draft, state, heard, routine);
    return then(draft);
  };
}

/** Menu cells that are one line of wording. */
const atMenu = {
  list: (draft: Draft) => draft.menu([routineList(draft)]),
  status: (draft: Draft) => offerPaused(draft, []) ?? noRoutineGoing(draft),
  pressure: (draft: Draft, _state: MenuState, event: EventOf<'pressure'>) =>
    draft.menu(changePressure(draft, event.direction, undefined)),
  pace: (draft: Draft, _state: MenuState, event: EventOf<'pace'>) => draft.menu(changePace(draft, event)),
  speechRate: (draft: Draft, _state: MenuState, event: EventOf<'speechRate'>) =>
    draft.menu(changeSpeechRate(draft, event)),
  flow: (draft: Draft, _state: MenuState, event: EventOf<'flow'>) => draft.menu(changeFlow(draft, event)),
  home: (draft: Draft) => draft.menu([]),
  discomfort: (draft: Draft) => draft.menu([draft.say(draft.lines.discomfort)]),
  unwell: (draft: Draft) => draft.end({ mode: 'menu' }, [draft.say(draft.lines.unwell)]),
  safetyInfo: (draft: Draft) => draft.menu(safetyAnswer(draft, draft.routine(draft.profile.paused?.routineId))),
};

function start(draft: Draft, state: CoachState, event: EventOf<'start'>): Decision {
  const chosen = draft.routine(event.routineId);
  return chosen ? startRoutine(draft, chosen, true) : unknownRoutine(draft, state, event.heard);
}

export const COACH_TABLE = {
  //          menu                     routine and halted
  launch: { menu: launch, ...inRoutine(keepingPlace(launch)) },
  start: always(start),
  list: { menu: atMenu.list, ...inRoutine(answerThenAsk((draft) => [routineList(draft)])) },
  next: { menu: noRoutineGoing, ...inRoutine(moves.next) },
  previous: { menu: noRoutineGoing, ...inRoutine(moves.previous) },
  repeat: { menu: noRoutineGoing, ...inRoutine(moves.repeat) },
  startOver: { menu: moves.startPausedOver, ...inRoutine(moves.startOver) },
  pause: { menu: goodbye, ...inRoutine(moves.pause) },
  resume: { menu: resumeAtMenu, ...inRoutine(moves.resume) },
  status: { menu: atMenu.status, ...inRoutine(moves.status) },
  pressure: { menu: atMenu.pressure, ...inRoutine(moves.pressure) },
  pace: { menu: atMenu.pace, ...inRoutine(answerThenCarryOn<'pace'>(changePace)) },
  speechRate: { menu: atMenu.speechRate, ...inRoutine(answerThenCarryOn<'speechRate'>(changeSpeechRate)) },
  flow: { menu: atMenu.flow, ...inRoutine(answerThenCarryOn<'flow'>(changeFlow)) },
  help: { menu: helpAtMenu, ...inRoutine(answerThenAsk((draft) => [draft.say(draft.lines.helpRoutine)])) },
  stop: { menu: goodbye, ...inRoutine(moves.stop) },
  home: { menu: atMenu.home, ...inRoutine(moves.home) },
  fallback: { menu: fallbackAtMenu, routine: during(moves.notUnderstood), halted: moves.notUnderstoodWhileHalted },
  yes: { menu: yesAtMenu, ...inRoutine(moves.yes) },
  no: { menu: noAtMenu, ...inRoutine(moves.no) },
  discomfort: { menu: atMenu.discomfort, ...inRoutine(discomfort) },
  unwell: { menu: atMenu.unwell, ...inRoutine(unwell) },
  redFlag: always(redFlag),
  safetyInfo: { menu: atMenu.safetyInfo, ...inRoutine(answerThenAsk(safetyAnswer)) },
  helpWith: always((draft, state, event) => helpWith(draft, state, event.concern)),
  forgetMe: always(moves.askToForget),
  sessionEnded: { menu: sessionClosed, ...inRoutine(keepingPlace(sessionClosed)) },
} satisfies CoachTable;
