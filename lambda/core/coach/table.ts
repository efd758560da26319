/**
 * The coach as a table: one row per event, one column per mode. The types make a missing
 * (event, mode) pair, or a transition that reads a field its mode does not have, a compile error.
 * Columns: `menu` (no routine under way), `routine` (a routine is playing), `halted` (stopped for
 * a safety answer or something not understood, waiting for an explicit word), `labour` (at term,
 * guiding counter-pressure contraction by contraction). Moves shared by `routine` and `halted`
 * take either.
 */
import type { NameMatch, Routine } from '../catalogue';
import type { CoachEvent } from '../events';
import type { Segment } from '../pacing';
import { changeFlow, changePace, changePressure, changeSpeechRate } from './adjust';
import {
  cancelAudio,
  handsFreeAnswer,
  handsFreeDuring,
  pauseAudio,
  playOrder,
  playOrderAtMenu,
  resumeAudio,
  waitAudio,
} from './audio';
import { resumePaused, startFromStep, startRoutine } from './delivery';
import type { Draft } from './draft';
import { askToCarryOn, carryOn } from './going-on';
import { another, longSession } from './joined';
import { askTerm, atTerm, contraction, inLabour } from './labour';
import { launch, notOneRoutine, offerPaused, routineList, unknownRoutine } from './menu';
import * as moves from './moves';
import type { Decision } from './plan';
import { type Heard, whereWasPlaying } from './position';
import * as reminders from './reminders';
import { discomfort, helpWithAtMenu, helpWithDuring, preterm, safetyAnswer, unwell, warningSign } from './safety';
import type { AudioState, CoachState, InRoutineState, MenuState, Mode } from './state';
import { waitAtMenu, waitDuring } from './wait';

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

function during<T extends EventType, S extends InRoutineState = InRoutineState>(
  move: (draft: Draft, state: S, heard: Heard, routine: Routine, event: EventOf<T>) => Decision,
): Across<S, T> {
  return (draft, state, event) =>
    move(draft, state, whereWasPlaying(state, draft.now, draft.player), draft.routineOf(state), event);
}

/**
 * The same move in every column with a routine under way: spoken, halted, and playing as audio
 * (where `inAudio`, when given, takes the audio column's place).
 */
function inRoutine<T extends EventType>(
  move: Move<T>,
  inAudio?: (draft: Draft, state: AudioState, heard: Heard, routine: Routine, event: EventOf<T>) => Decision,
): { routine: Across<InRoutineState, T>; halted: Across<InRoutineState, T>; audio: Across<AudioState, T> } {
  const transition = during(move);
  return { routine: transition, halted: transition, audio: inAudio ? during(inAudio) : transition };
}

/** The same cell in every mode. */
function always<T extends EventType>(
  transition: Across<CoachState, T>,
): {
  menu: Across<CoachState, T>;
  routine: Across<CoachState, T>;
  halted: Across<CoachState, T>;
  audio: Across<CoachState, T>;
  labour: Across<CoachState, T>;
} {
  return { menu: transition, routine: transition, halted: transition, audio: transition, labour: transition };
}

/** The routine's place is kept first (a new session, a warning sign, labour), then `then` answers. */
function keepingPlace<T extends EventType>(then: (draft: Draft, event: EventOf<T>) => Decision): Move<T> {
  return (draft, state, heard, routine, event) => {
    moves.keepRoutinePlace(draft, state, heard, routine);
    return then(draft, event);
  };
}

/** An answer, then the step that was playing goes on (or the pending question is asked again). */
function answerThenCarryOn<T extends EventType>(answer: (draft: Draft, event: EventOf<T>) => Segment[]): Move<T> {
  return (draft, state, heard, _routine, event) => carryOn(draft, state, heard, answer(draft, event));
}

/** An answer, then "shall I carry on with step N?". */
function answerThenAsk<T extends EventType>(answer: (draft: Draft, routine: Routine) => Segment[]): Move<T> {
  return (draft, state, heard, routine) => askToCarryOn(draft, state, heard, answer(draft, routine));
}

const noRoutineGoing = (draft: Draft) => draft.menu([draft.say(draft.lines.noRoutineGoing)]);
const goodbye = (draft: Draft) => draft.end({ mode: 'menu' }, [draft.say(draft.lines.goodbyeMenu)]);
const sessionClosed = (draft: Draft) =>
  draft.result({ mode: 'menu' }, { segments: [], listen: false, endSession: true });
const sign = (draft: Draft, event: EventOf<'warningSign'>) => warningSign(draft, event.sign);

/** The routine asked for: by its slot id, else by the words heard. */
function chosenRoutine(draft: Draft, event: EventOf<'start'>): NameMatch {
  const byId = draft.routine(event.routineId);
  if (byId) return { kind: 'one', routine: byId };
  return event.heard ? draft.catalogue.match(event.heard) : { kind: 'none' };
}

/** Starts the routine asked for; an unknown name is said back with the list, several that fit are named. */
function start(draft: Draft, state: CoachState, event: EventOf<'start'>): Decision {
  const found = chosenRoutine(draft, event);
  if (found.kind === 'one') return startRoutine(draft, found.routine, event.handsFree === true);
  return unknownRoutine(draft, state, event.heard, found);
}

/**
 * Another routine during one: this one's place is kept, then the other starts. A name that picks
 * no single routine is answered, and the routine waits to carry on.
 */
const switchRoutine: Move<'start'> = (draft, state, heard, routine, event) => {
  const found = chosenRoutine(draft, event);
  if (found.kind !== 'one') return askToCarryOn(draft, state, heard, notOneRoutine(draft, event.heard, found));
  moves.keepRoutinePlace(draft, state, heard, routine);
  return startRoutine(draft, found.routine, event.handsFree === true);
};

/** Resumes the paused routine, or answers at the menu when there is none the catalogue still has. */
function resumeOr(draft: Draft, otherwise: Segment[]): Decision {
  const paused = draft.profile.paused;
  const routine = draft.routine(paused?.routineId);
  return paused && routine ? resumePaused(draft, routine, paused.stepIndex) : draft.menu(otherwise);
}

/** Cells where nothing is under way: the menu, and labour for what is not about contractions. */
const atMenu = {
  list: (draft: Draft) => draft.menu([routineList(draft)]),
  status: (draft: Draft) => offerPaused(draft, []) ?? noRoutineGoing(draft),
  pressure: (draft: Draft, _state: unknown, event: EventOf<'pressure'>) =>
    draft.menu(changePressure(draft, event.direction, undefined)),
  pace: (draft: Draft, _state: unknown, event: EventOf<'pace'>) => draft.menu(changePace(draft, event)),
  speechRate: (draft: Draft, _state: unknown, event: EventOf<'speechRate'>) =>
    draft.menu(changeSpeechRate(draft, event)),
  flow: (draft: Draft, _state: unknown, event: EventOf<'flow'>) => draft.menu(changeFlow(draft, event)),
  handsFree: (draft: Draft, _state: unknown, event: EventOf<'handsFree'>) =>
    draft.menu(handsFreeAnswer(draft, event.on)),
  home: (draft: Draft) => draft.menu([]),
  discomfort: (draft: Draft) => draft.menu([draft.say(draft.lines.discomfort)]),
  unwell: (draft: Draft) => draft.end({ mode: 'menu' }, [draft.say(draft.lines.unwell)]),
  safetyInfo: (draft: Draft) => draft.menu(safetyAnswer(draft, draft.routine(draft.profile.paused?.routineId))),
  resume: (draft: Draft): Decision => resumeOr(draft, [draft.say(draft.lines.nothingPaused)]),
  /** "Go to step N" with a routine paused: from that step; otherwise nothing is going. */
  goToStep: (draft: Draft, _state: unknown, event: EventOf<'goToStep'>): Decision => {
    const routine = draft.routine(draft.profile.paused?.routineId);
    if (routine === undefined) return noRoutineGoing(draft);
    const stepIndex = moves.chosenStep(routine, event.step);
    if (stepIndex !== undefined) return startFromStep(draft, routine, stepIndex);
    return offerPaused(draft, [moves.noSuchStep(draft, routine, event.step)]) ?? noRoutineGoing(draft);
  },
  help: (draft: Draft): Decision => {
    const lines = draft.lines;
    if (draft.routine(draft.profile.paused?.routineId) === undefined) return draft.menu([draft.say(lines.helpMenu)]);
    const question = { kind: 'resume' } as const;
    return draft.listen({ mode: 'menu', question }, [draft.say(lines.helpPaused)], lines.offerResumeReprompt);
  },
  yes: (draft: Draft, state: MenuState): Decision => {
    const question = state.question;
    if (question?.kind === 'forget') return moves.forget(draft);
    if (question?.kind === 'term') return atTerm(draft);
    if (question?.kind === 'reminder') return reminders.setReminder(draft, question.schedule);
    if (question?.kind === 'reminderWhen') return reminders.askWhen(draft);
    const chosen = question?.kind === 'start' ? draft.routine(question.routineId) : undefined;
    if (chosen) return startRoutine(draft, chosen);
    return resumeOr(draft, []);
  },
  no: (draft: Draft, state: MenuState): Decision => {
    const kind = state.question?.kind;
    if (kind === 'term') return preterm(draft);
    if (kind === 'forget') return draft.menu([draft.say(draft.lines.notForgotten)]);
    if (state.question?.kind === 'reminder') return reminders.declineOffer(draft, state.question.after);
    if (kind === 'reminderWhen') return reminders.declineOffer(draft);
    if (kind === 'resume' || kind === 'start') return draft.menu([draft.say(draft.lines.noProblem)]);
    return goodbye(draft);
  },
  /** Not understood: a question about her weeks is not guessed (tier 2); otherwise ask again. */
  fallback: (draft: Draft, state: MenuState): Decision => {
    if (state.question?.kind === 'term') return preterm(draft);
    const again = reminders.whenNotUnderstood(draft, state);
    if (again !== undefined) return again;
    const lines = draft.lines;
    const misses = (state.misses ?? 0) + 1;
    const worried = misses >= 2 ? [draft.say(lines.ifWorried)] : [];
    const answer = [draft.say(lines.fallbackMenu), ...worried, draft.say(lines.whichRoutineReprompt)];
    return draft.listen({ ...state, misses }, answer, lines.whichRoutineReprompt);
  },
};

/** Labour cells: each answers, then waits for the next contraction. */
const atLabour = {
  contraction: (draft: Draft) => contraction(draft),
  again: (draft: Draft) => inLabour(draft, [draft.say(draft.lines.atTerm)]),
  help: (draft: Draft) => inLabour(draft, [draft.say(draft.lines.labourHelp)]),
  easeOff: (draft: Draft) => inLabour(draft, [draft.say(draft.lines.labourEaseOff)]),
  waiting: (draft: Draft) => inLabour(draft, []),
  notUnderstood: (draft: Draft) => inLabour(draft, [draft.say(draft.lines.fallbackMenu)]),
  pace: (draft: Draft, _state: unknown, event: EventOf<'pace'>) => inLabour(draft, changePace(draft, event)),
  speechRate: (draft: Draft, _state: unknown, event: EventOf<'speechRate'>) =>
    inLabour(draft, changeSpeechRate(draft, event)),
  flow: (draft: Draft, _state: unknown, event: EventOf<'flow'>) => inLabour(draft, changeFlow(draft, event)),
  handsFree: (draft: Draft, _state: unknown, event: EventOf<'handsFree'>) =>
    inLabour(draft, handsFreeAnswer(draft, event.on)),
  playOrder: (draft: Draft) => inLabour(draft, [draft.say(draft.lines.playOrder)]),
  reminderLater: (draft: Draft) => inLabour(draft, reminders.later(draft)),
};

/** Reminders wait while a routine is under way: the line, then the routine goes on. */
const reminderLater = answerThenCarryOn((draft: Draft) => reminders.later(draft));

export const COACH_TABLE = {
  //          menu                       routine and halted                                  labour
  launch: { menu: launch, ...inRoutine(keepingPlace(launch)), labour: launch },
  start: { menu: start, ...inRoutine(switchRoutine), labour: start },
  list: { menu: atMenu.list, ...inRoutine(answerThenAsk((draft) => [routineList(draft)])), labour: atMenu.list },
  next: { menu: noRoutineGoing, ...inRoutine(moves.next), labour: atLabour.contraction },
  previous: { menu: noRoutineGoing, ...inRoutine(moves.previous), labour: atLabour.waiting },
  repeat: { menu: noRoutineGoing, ...inRoutine(moves.repeat), labour: atLabour.again },
  goToStep: { menu: atMenu.goToStep, ...inRoutine(moves.goToStep), labour: atLabour.waiting },
  wait: { menu: waitAtMenu, ...inRoutine(waitDuring, waitAudio), labour: atLabour.waiting },
  startOver: { menu: moves.startPausedOver, ...inRoutine(moves.startOver), labour: moves.startPausedOver },
  pause: { menu: goodbye, ...inRoutine(moves.pause, pauseAudio), labour: goodbye },
  resume: { menu: atMenu.resume, ...inRoutine(moves.resume, resumeAudio), labour: atLabour.waiting },
  status: { menu: atMenu.status, ...inRoutine(moves.status), labour: atLabour.again },
  pressure: { menu: atMenu.pressure, ...inRoutine(moves.pressure), labour: atLabour.easeOff },
  pace: { menu: atMenu.pace, ...inRoutine(answerThenCarryOn<'pace'>(changePace)), labour: atLabour.pace },
  speechRate: {
    menu: atMenu.speechRate,
    ...inRoutine(answerThenCarryOn<'speechRate'>(changeSpeechRate)),
    labour: atLabour.speechRate,
  },
  flow: { menu: atMenu.flow, ...inRoutine(answerThenCarryOn<'flow'>(changeFlow)), labour: atLabour.flow },
  handsFree: {
    menu: atMenu.handsFree,
    ...inRoutine<'handsFree'>((draft, state, heard, routine, event) =>
      handsFreeDuring(draft, state, heard, routine, event.on),
    ),
    labour: atLabour.handsFree,
  },
  playOrder: { menu: playOrderAtMenu, ...inRoutine(playOrder), labour: atLabour.playOrder },
  help: {
    menu: atMenu.help,
    ...inRoutine(
      answerThenAsk((draft) => [draft.say(draft.lines.helpRoutine)]),
      answerThenAsk((draft) => [draft.say(draft.lines.helpAudio)]),
    ),
    labour: atLabour.help,
  },
  stop: { menu: goodbye, ...inRoutine(moves.stop), labour: goodbye },
  cancel: { menu: goodbye, ...inRoutine(moves.stop, cancelAudio), labour: goodbye },
  home: { menu: atMenu.home, ...inRoutine(moves.home), labour: atMenu.home },
  fallback: { menu: atMenu.fallback, ...inRoutine(moves.notUnderstood), labour: atLabour.notUnderstood },
  yes: { menu: atMenu.yes, ...inRoutine(moves.yes), labour: atLabour.waiting },
  no: { menu: atMenu.no, ...inRoutine(moves.no), labour: goodbye },
  discomfort: { menu: atMenu.discomfort, ...inRoutine(discomfort), labour: atLabour.easeOff },
  unwell: { menu: atMenu.unwell, ...inRoutine(unwell), labour: atMenu.unwell },
  warningSign: {
    menu: (draft, _state, event) => sign(draft, event),
    ...inRoutine(keepingPlace(sign)),
    labour: (draft, _state, event) => sign(draft, event),
  },
  labour: { menu: askTerm, ...inRoutine(keepingPlace(askTerm)), labour: atLabour.contraction },
  safetyInfo: { menu: atMenu.safetyInfo, ...inRoutine(answerThenAsk(safetyAnswer)), labour: atMenu.safetyInfo },
  helpWith: { menu: helpWithAtMenu, ...inRoutine(helpWithDuring), labour: helpWithAtMenu },
  forgetMe: always(moves.askToForget),
  sessionEnded: { menu: sessionClosed, ...inRoutine(keepingPlace(sessionClosed)), labour: sessionClosed },
  remindMe: { menu: reminders.remindMe, ...inRoutine(reminderLater), labour: atLabour.reminderLater },
  changeReminder: { menu: reminders.changeReminder, ...inRoutine(reminderLater), labour: atLabour.reminderLater },
  stopReminders: { menu: reminders.stopReminders, ...inRoutine(reminderLater), labour: atLabour.reminderLater },
  permission: always(reminders.permission),
  reminderDone: always(reminders.reminderDone),
  longSession: always(longSession),
  another: always(another),
} satisfies CoachTable;
