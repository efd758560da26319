/**
 * The coach state machine: (state, profile, event, now) -> (state, profile change, plan).
 * Pure: no Alexa, no AWS, no I/O. Everything that decides what to say lives here.
 */
import { lines, minutesText, spokenList } from '../content/lines';
import type { Catalogue, Routine, RoutineId } from './catalogue';
import { CONCERN_ROUTINE, type ConcernId } from './concerns';
import type { CoachEvent } from './events';
import {
  type PlayedPosition,
  type Position,
  packSteps,
  positionAt,
  remainingSeconds,
  routineSeconds,
  type Segment,
  type StepSpan,
  sentenceCase,
  speech,
  stepSpans,
} from './pacing';
import { firmer, lighter, type Preferences, quickerPace, slowerPace } from './preferences';
import {
  applyUpdate,
  combineUpdates,
  dayOf,
  historyAsOf,
  type PausedPlace,
  type PreferenceKey,
  type ProfileUpdate,
  type UserProfile,
} from './profile';

export type Question =
  | { readonly kind: 'continue' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'start'; readonly routineId: RoutineId }
  | { readonly kind: 'forget' };

export interface CoachState {
  /** menu: no routine; routine: a routine is under way; halted: stopped for discomfort, waiting for a word. */
  readonly mode: 'menu' | 'routine' | 'halted';
  readonly routineId?: RoutineId;
  /** Where yes, carry on and resume continue from. */
  readonly resumeAt?: Position;
  /** The step spans of the last response and when it was sent, to map an interruption onto it. */
  readonly played?: { readonly sentAt: number; readonly spans: readonly StepSpan[] };
  /** The yes/no question the last response asked, if any. */
  readonly question?: Question;
}

export const INITIAL_STATE: CoachState = { mode: 'menu' };

/** What to say and whether to listen afterwards. Rendering to SSML is the speech layer's job. */
export interface Plan {
  readonly segments: readonly Segment[];
  /** Open the microphone afterwards; a reprompt is then required. */
  readonly listen: boolean;
  readonly reprompt?: string;
  /** Close the session (true) or leave it to the device (false with listen false: speech only). */
  readonly endSession: boolean;
}

export type Effect = 'deleteProfile';

export interface TurnInput {
  readonly state: CoachState;
  readonly profile: UserProfile;
  readonly event: CoachEvent;
  /** Epoch ms when the user spoke (the request timestamp). */
  readonly now: number;
  /** Id for this turn's profile update, if it makes one. */
  readonly updateId: string;
  readonly catalogue: Catalogue;
}

export interface TurnResult {
  readonly state: CoachState;
  readonly profile: UserProfile;
  /** What changed in the profile this turn, to be saved; undefined when nothing did. */
  readonly update?: ProfileUpdate;
  readonly plan: Plan;
  readonly effects: readonly Effect[];
}

type Change = Omit<ProfileUpdate, 'id'>;

/** Working context of one turn: accumulates the profile change and effects. */
class Turn {
  profile: UserProfile;
  update: ProfileUpdate | undefined;
  effects: Effect[] = [];

  constructor(readonly input: TurnInput) {
    this.profile = input.profile;
  }

  get prefs(): Preferences {
    return this.profile.preferences;
  }

  get now(): number {
    return this.input.now;
  }

  routine(id: RoutineId | undefined): Routine | undefined {
    return id === undefined ? undefined : this.input.catalogue.get(id);
  }

  setPreference(key: PreferenceKey, value: string): void {
    this.record({ preferences: { [key]: { value, at: this.now } } });
  }

  setPaused(place: PausedPlace | null): void {
    this.record({ paused: { place, at: this.now } });
  }

  addPractice(routine: Routine): void {
    const minutes = Math.round(routineSeconds(routine, this.prefs) / 60);
    this.record({ practice: [{ routineId: routine.id, at: this.now, minutes }] });
  }

  heardDisclaimer(): void {
    this.record({ disclaimerHeard: true });
  }

  /**
   * Adds a change to this turn's update and applies just that change to the session's view of the
   * profile at once. The view keeps its applied ids: the store applies the whole update later.
   */
  private record(change: Change): void {
    const delta: ProfileUpdate = { id: this.input.updateId, ...change };
    this.profile = { ...applyUpdate(this.profile, delta), appliedUpdateIds: this.profile.appliedUpdateIds };
    this.update = combineUpdates(this.update, delta);
  }

  say(text: string, role: 'answer' | 'opening' | 'closing' | 'prompt' = 'answer'): Segment {
    return speech(text, role, this.prefs);
  }

  result(state: CoachState, plan: Plan): TurnResult {
    return {
      state,
      profile: this.profile,
      ...(this.update ? { update: this.update } : {}),
      plan,
      effects: this.effects,
    };
  }
}

/** Decides one turn. */
export function decide(input: TurnInput): TurnResult {
  const turn = new Turn(input);
  const state = sanitizeForCatalogue(input.state, input.catalogue);
  const routine = turn.routine(state.routineId);
  const inRoutine = routine !== undefined && (state.mode === 'routine' || state.mode === 'halted');
  const event = input.event;

  switch (event.type) {
    case 'launch':
      // "Open partner massage" in the middle of a routine: keep its place so launch can offer it.
      if (inRoutine && routine)
        turn.setPaused({
          routineId: routine.id,
          stepIndex: pausedStep(state, whereWasPlaying(state, turn.now)),
          at: turn.now,
        });
      return launch(turn);
    case 'start': {
      const chosen = turn.routine(event.routineId);
      if (chosen === undefined) return unknownRoutine(turn, state, event.heard);
      return startRoutine(turn, chosen, true);
    }
    case 'list':
      return inRoutine ? askToCarryOn(turn, state, routine, [listLine(turn)]) : menu(turn, [listLine(turn)]);
    case 'sessionEnded':
      return sessionEnded(turn, state, routine);
    case 'redFlag':
      return redFlag(turn);
    case 'helpWith':
      return helpWith(turn, state, event.concern);
    case 'forgetMe':
      return listen(
        turn,
        { ...state, question: { kind: 'forget' } },
        [turn.say(lines.forgetQuestion)],
        lines.forgetReprompt,
      );
    case 'safetyInfo':
      return safetyInfo(turn, state, routine ?? turn.routine(turn.profile.paused?.routineId), inRoutine);
    case 'yes':
      return yes(turn, state, routine);
    case 'no':
      return no(turn, state, routine);
    case 'error':
      return listen(turn, state, [turn.say(lines.error)], lines.errorReprompt);
    default:
      break;
  }

  if (!inRoutine || routine === undefined) return atMenu(turn, state, event);
  return inRoutineEvent(turn, state, routine, event);
}

function atMenu(turn: Turn, state: CoachState, event: CoachEvent): TurnResult {
  const paused = turn.profile.paused;
  const pausedRoutine = turn.routine(paused?.routineId);
  switch (event.type) {
    case 'resume':
      if (paused && pausedRoutine) return resumePaused(turn, pausedRoutine, paused.stepIndex);
      return menu(turn, [turn.say(lines.nothingPaused)]);
    case 'startOver':
      if (pausedRoutine) return startRoutine(turn, pausedRoutine, false);
      return menu(turn, [turn.say(lines.noRoutineGoing)]);
    case 'pressure': {
      const answer = changePressure(turn, event.direction, undefined);
      return menu(turn, answer);
    }
    case 'pace':
      return menu(turn, changePace(turn, event.direction));
    case 'speechRate':
      turn.setPreference('speechRate', event.rate);
      return menu(turn, [turn.say(event.rate === 'slower' ? lines.speakSlower : lines.speakNormally)]);
    case 'flow':
      turn.setPreference('flow', event.flow);
      return menu(turn, [turn.say(event.flow === 'stepByStep' ? lines.stepByStepOn : lines.continuousOn)]);
    case 'status':
      if (paused && pausedRoutine) {
        const step = pausedRoutine.steps[paused.stepIndex];
        return listen(
          turn,
          { mode: 'menu', question: { kind: 'resume' } },
          [turn.say(lines.offerResume(pausedRoutine.name, paused.stepIndex + 1, step?.title ?? ''))],
          lines.offerResumeReprompt,
        );
      }
      return menu(turn, [turn.say(lines.noRoutineGoing)]);
    case 'help':
      if (paused && pausedRoutine)
        return listen(
          turn,
          { mode: 'menu', question: { kind: 'resume' } },
          [turn.say(lines.helpPaused)],
          lines.offerResumeReprompt,
        );
      return menu(turn, [turn.say(lines.helpMenu)]);
    case 'stop':
    case 'pause':
      return end(turn, { mode: 'menu' }, [turn.say(lines.goodbyeMenu)]);
    case 'discomfort':
      return menu(turn, [turn.say(lines.discomfort)]);
    case 'unwell':
      return end(turn, { mode: 'menu' }, [turn.say(lines.unwell)]);
    case 'fallback':
      return listen(
        turn,
        { ...state, mode: 'menu' },
        [turn.say(lines.fallbackMenu), turn.say(lines.whichRoutineReprompt)],
        lines.whichRoutineReprompt,
      );
    default:
      // next, previous, repeat, home and the like have nothing to act on at the menu.
      return menu(turn, event.type === 'home' ? [] : [turn.say(lines.noRoutineGoing)]);
  }
}

function inRoutineEvent(turn: Turn, state: CoachState, routine: Routine, event: CoachEvent): TurnResult {
  const played = whereWasPlaying(state, turn.now);
  const current = played.finished ? (state.resumeAt ?? played) : played;
  const lastPlayed = played.stepIndex;
  switch (event.type) {
    case 'next': {
      const target = played.finished ? nextStepAfterFinished(state, played) : played.stepIndex + 1;
      return deliver(turn, routine, { stepIndex: target, offset: 0 }, []);
    }
    case 'previous': {
      const base = played.finished ? lastPlayed + 1 : played.stepIndex;
      if (base <= 0) return deliver(turn, routine, { stepIndex: 0, offset: 0 }, [turn.say(lines.firstStepAlready)]);
      return deliver(turn, routine, { stepIndex: base - 1, offset: 0 }, []);
    }
    case 'repeat':
      return deliver(turn, routine, { stepIndex: lastPlayed, offset: 0 }, [turn.say(lines.repeatingStep)]);
    case 'startOver':
      return deliver(turn, routine, { stepIndex: 0, offset: 0 }, [turn.say(lines.fromTheTop)]);
    case 'resume': {
      const from =
        played.finished || state.mode === 'halted'
          ? (state.resumeAt ?? current)
          : { stepIndex: played.stepIndex, offset: 0 };
      return deliver(turn, routine, { stepIndex: from.stepIndex, offset: from.offset }, []);
    }
    case 'pause':
      return pauseRoutine(turn, routine, pausedStep(state, played));
    case 'stop': {
      const stepIndex = pausedStep(state, played);
      turn.setPaused({ routineId: routine.id, stepIndex, at: turn.now });
      return end(turn, { mode: 'menu' }, [
        turn.say(lines.savedPlace(routine.name, stepIndex + 1)),
        turn.say(lines.goodbye),
      ]);
    }
    case 'home': {
      const stepIndex = pausedStep(state, played);
      turn.setPaused({ routineId: routine.id, stepIndex, at: turn.now });
      return menu(turn, [turn.say(lines.homeFromRoutine(routine.name, stepIndex + 1))]);
    }
    case 'status': {
      const stepIndex = played.finished ? current.stepIndex : played.stepIndex;
      const step = routine.steps[Math.min(stepIndex, routine.steps.length - 1)];
      const from = played.finished ? { stepIndex, offset: 0 } : played;
      const answer = [
        turn.say(lines.statusStep(stepIndex + 1, routine.steps.length, step?.title ?? '', routine.name)),
        turn.say(lines.statusRemaining(minutesText(remainingSeconds(routine, from, turn.prefs)))),
      ];
      return carryOn(turn, state, routine, played, answer);
    }
    case 'pressure':
      return carryOn(
        turn,
        state,
        routine,
        played,
        changePressure(turn, event.direction, routine.steps[current.stepIndex] ?? routine.steps[lastPlayed]),
      );
    case 'pace':
      return carryOn(turn, state, routine, played, changePace(turn, event.direction));
    case 'speechRate':
      turn.setPreference('speechRate', event.rate);
      return carryOn(turn, state, routine, played, [
        turn.say(event.rate === 'slower' ? lines.speakSlower : lines.speakNormally),
      ]);
    case 'flow':
      turn.setPreference('flow', event.flow);
      return carryOn(turn, state, routine, played, [
        turn.say(event.flow === 'stepByStep' ? lines.stepByStepOn : lines.continuousOn),
      ]);
    case 'help':
      return askToCarryOn(turn, state, routine, [turn.say(lines.helpRoutine)]);
    case 'fallback':
      if (state.mode === 'halted')
        return listen(turn, state, [turn.say(lines.discomfortReprompt)], lines.discomfortReprompt);
      return carryOn(turn, state, routine, played, [turn.say(lines.fallbackRoutine), turn.say(lines.carryingOn)]);
    case 'discomfort': {
      const stepIndex = state.mode === 'halted' ? current.stepIndex : played.stepIndex;
      const lighter_ = lighter(turn.prefs.pressure);
      const answer = [turn.say(lines.discomfort)];
      if (!lighter_.floored) {
        turn.setPreference('pressure', lighter_.level);
        answer.push(turn.say(lines.discomfortLighter(lighter_.level)));
      }
      answer.push(turn.say(lines.discomfortChoice));
      return listen(turn, halted(routine, stepIndex), answer, lines.discomfortReprompt);
    }
    case 'unwell': {
      const stepIndex = state.mode === 'halted' ? current.stepIndex : played.stepIndex;
      return listen(
        turn,
        halted(routine, stepIndex),
        [turn.say(lines.unwell), turn.say(lines.unwellChoice)],
        lines.unwellReprompt,
      );
    }
    default:
      return carryOn(turn, state, routine, played, []);
  }
}

function halted(routine: Routine, stepIndex: number): CoachState {
  return { mode: 'halted', routineId: routine.id, resumeAt: { stepIndex, offset: 0 }, question: { kind: 'continue' } };
}

/** Where the user was when they spoke: from the last response's timeline, or the halted step. */
function whereWasPlaying(state: CoachState, now: number): PlayedPosition {
  const fallback: PlayedPosition = { stepIndex: state.resumeAt?.stepIndex ?? 0, offset: 0, finished: false };
  if (state.mode === 'halted' || state.played === undefined) return fallback;
  return positionAt(state.played.spans, (now - state.played.sentAt) / 1000) ?? { ...fallback, finished: true };
}

function nextStepAfterFinished(state: CoachState, played: PlayedPosition): number {
  const resumeAt = state.resumeAt;
  if (resumeAt === undefined) return played.stepIndex + 1;
  return resumeAt.offset > 0 ? resumeAt.stepIndex + 1 : resumeAt.stepIndex;
}

/** The step a pause saves: the one playing, or the next one when the last finished playing. */
function pausedStep(state: CoachState, played: PlayedPosition): number {
  if (state.mode === 'halted') return state.resumeAt?.stepIndex ?? played.stepIndex;
  return played.finished ? (state.resumeAt?.stepIndex ?? played.stepIndex) : played.stepIndex;
}

function launch(turn: Turn): TurnResult {
  const opening: Segment[] = [];
  if (!turn.profile.disclaimerHeard) {
    opening.push(turn.say(lines.disclaimer), turn.say(lines.welcomeFirst));
    turn.heardDisclaimer();
  } else {
    opening.push(turn.say(lines.welcomeBack));
    const practice = practiceLine(turn.profile, turn.now);
    if (practice) opening.push(turn.say(practice));
  }
  const paused = turn.profile.paused;
  const pausedRoutine = turn.routine(paused?.routineId);
  if (paused && pausedRoutine) {
    const step = pausedRoutine.steps[paused.stepIndex];
    opening.push(turn.say(lines.offerResume(pausedRoutine.name, paused.stepIndex + 1, step?.title ?? '')));
    return listen(turn, { mode: 'menu', question: { kind: 'resume' } }, opening, lines.offerResumeReprompt);
  }
  if (!turn.profile.disclaimerHeard || turn.profile.history.sessionsFinished === 0) opening.push(listLine(turn));
  return menu(turn, opening);
}

/** A truthful word about practice so far, when there is something worth saying. */
function practiceLine(profile: UserProfile, now: number): string | undefined {
  const history = historyAsOf(profile.history, now);
  const today = dayOf(now);
  const yesterday = dayOf(now - 86_400_000);
  if (history.daysInARow >= 2 && (history.lastPracticeDay === yesterday || history.lastPracticeDay === today)) {
    return lines.daysInARow(history.daysInARow);
  }
  if (history.daysThisWeek.length >= 1) return lines.practicedThisWeek(history.daysThisWeek.length);
  return undefined;
}

function listLine(turn: Turn): Segment {
  const names = turn.input.catalogue.routines.map((routine) => routine.name);
  return turn.say(`${lines.routineListIntro} ${spokenList(names)}.`);
}

function unknownRoutine(turn: Turn, state: CoachState, heard: string | undefined): TurnResult {
  const first = heard ? lines.unknownRoutine(heard) : lines.missingRoutine;
  const { question: _dropped, ...rest } = state;
  return listen(
    turn,
    rest,
    [turn.say(first), listLine(turn), turn.say(lines.whichRoutine, 'prompt')],
    lines.whichRoutineReprompt,
  );
}

function openingFor(turn: Turn, routine: Routine): Segment[] {
  const segments: Segment[] = [];
  if (!turn.profile.disclaimerHeard) {
    segments.push(turn.say(lines.disclaimer));
    turn.heardDisclaimer();
  }
  segments.push(turn.say(`${sentenceCase(routine.name)}.`, 'opening'));
  segments.push(turn.say(routine.position, 'opening'));
  // Position and cautions only, to stay short; the points to avoid come with "is this safe".
  for (const caution of routine.cautions) segments.push(turn.say(caution, 'opening'));
  segments.push(turn.say(lines.openingInvite, 'opening'));
  return segments;
}

function startRoutine(turn: Turn, routine: Routine, withOpening: boolean): TurnResult {
  const preface = withOpening ? openingFor(turn, routine) : [turn.say(lines.fromTheTop)];
  return deliver(turn, routine, { stepIndex: 0, offset: 0 }, preface);
}

function resumePaused(turn: Turn, routine: Routine, stepIndex: number): TurnResult {
  const preface: Segment[] = [];
  if (!turn.profile.disclaimerHeard) {
    preface.push(turn.say(lines.disclaimer));
    turn.heardDisclaimer();
  }
  preface.push(turn.say(lines.resumingAt(sentenceCase(routine.name))));
  return deliver(turn, routine, { stepIndex: Math.min(stepIndex, routine.steps.length - 1), offset: 0 }, preface);
}

/**
 * Speaks the routine from a position: as many steps as fit (one in step-by-step flow), then asks
 * to go on, or closes the routine when it is done.
 */
function deliver(turn: Turn, routine: Routine, from: Position, preface: Segment[]): TurnResult {
  if (from.stepIndex >= routine.steps.length) return finish(turn, routine, preface);
  const packed = packSteps(routine, from, preface, turn.prefs, closingReserve(turn, routine));
  const spans = stepSpans(packed.segments, from.offset);
  const played = { sentAt: turn.now, spans };
  const next = packed.next;
  const base: CoachState = {
    mode: 'routine',
    routineId: routine.id,
    resumeAt: next,
    played,
    question: { kind: 'continue' },
  };
  if (next.stepIndex >= routine.steps.length) {
    return finish(turn, routine, packed.segments, played);
  }
  const upcoming = routine.steps[next.stepIndex];
  if (next.offset > 0) {
    return listen(turn, base, [...packed.segments, turn.say(lines.carryOnPart, 'prompt')], lines.carryOnPartReprompt);
  }
  const stepNumber = next.stepIndex + 1;
  const title = upcoming?.title ?? '';
  if (turn.prefs.flow === 'stepByStep') {
    return listen(
      turn,
      base,
      [...packed.segments, turn.say(lines.waitForNext(stepNumber, title), 'prompt')],
      lines.waitForNextReprompt(stepNumber),
    );
  }
  return listen(
    turn,
    base,
    [...packed.segments, turn.say(lines.goOnQuestion(stepNumber, title), 'prompt')],
    lines.goOnReprompt(stepNumber),
  );
}

/** Seconds the closing lines can take, at their longest. */
function closingReserve(turn: Turn, routine: Routine): number {
  return [routine.closing, lines.routineFinished(routine.name), lines.sessionsThisWeek(7)]
    .map((text) => turn.say(text).seconds)
    .reduce((sum, seconds) => sum + seconds, 1);
}

/** The closing: practice is recorded, a paused place for this routine is cleared. */
function finish(turn: Turn, routine: Routine, segments: Segment[], played?: CoachState['played']): TurnResult {
  turn.addPractice(routine);
  if (turn.profile.paused?.routineId === routine.id) turn.setPaused(null);
  const history = historyAsOf(turn.profile.history, turn.now);
  const closing = [
    ...segments,
    turn.say(routine.closing, 'closing'),
    turn.say(lines.routineFinished(routine.name), 'closing'),
  ];
  if (history.daysThisWeek.length >= 2)
    closing.push(turn.say(lines.sessionsThisWeek(history.daysThisWeek.length), 'closing'));
  const state: CoachState = played ? { mode: 'menu', played } : { mode: 'menu' };
  return end(turn, state, closing);
}

/** Answers, then goes on with the rest of the step that was playing, or re-asks the pending question. */
function carryOn(
  turn: Turn,
  state: CoachState,
  routine: Routine,
  played: PlayedPosition,
  answer: Segment[],
): TurnResult {
  if (state.mode === 'halted') {
    return listen(turn, state, [...answer, turn.say(lines.discomfortChoice)], lines.discomfortReprompt);
  }
  if (!played.finished) return deliver(turn, routine, { stepIndex: played.stepIndex, offset: played.offset }, answer);
  const resumeAt = state.resumeAt ?? { stepIndex: played.stepIndex + 1, offset: 0 };
  if (resumeAt.stepIndex >= routine.steps.length) return finish(turn, routine, answer);
  const stepNumber = resumeAt.stepIndex + 1;
  const title = routine.steps[resumeAt.stepIndex]?.title ?? '';
  const prompt = resumeAt.offset > 0 ? lines.carryOnPart : lines.goOnQuestion(stepNumber, title);
  return listen(
    turn,
    { ...state, question: { kind: 'continue' }, played: { sentAt: turn.now, spans: [] } },
    [...answer, turn.say(prompt, 'prompt')],
    lines.goOnReprompt(stepNumber),
  );
}

/** Answers, then asks whether to carry on with the step that was playing, from its start. */
function askToCarryOn(turn: Turn, state: CoachState, routine: Routine | undefined, answer: Segment[]): TurnResult {
  if (routine === undefined) return menu(turn, answer);
  const played = whereWasPlaying(state, turn.now);
  const stepIndex = played.finished ? (state.resumeAt?.stepIndex ?? played.stepIndex) : played.stepIndex;
  if (stepIndex >= routine.steps.length) return menu(turn, answer);
  const next: CoachState = {
    mode: state.mode,
    routineId: routine.id,
    resumeAt: { stepIndex, offset: 0 },
    played: { sentAt: turn.now, spans: [] },
    question: { kind: 'continue' },
  };
  return listen(
    turn,
    next,
    [...answer, turn.say(lines.shallICarryOn(stepIndex + 1), 'prompt')],
    lines.shallICarryOnReprompt,
  );
}

function pauseRoutine(turn: Turn, routine: Routine, stepIndex: number): TurnResult {
  turn.setPaused({ routineId: routine.id, stepIndex, at: turn.now });
  const title = routine.steps[stepIndex]?.title ?? '';
  return end(turn, { mode: 'menu' }, [
    turn.say(lines.pausedAt(routine.name, stepIndex + 1, title)),
    turn.say(lines.howToResume),
  ]);
}

function sessionEnded(turn: Turn, state: CoachState, routine: Routine | undefined): TurnResult {
  if (routine !== undefined && (state.mode === 'routine' || state.mode === 'halted')) {
    const played = whereWasPlaying(state, turn.now);
    turn.setPaused({ routineId: routine.id, stepIndex: pausedStep(state, played), at: turn.now });
  }
  return turn.result({ mode: 'menu' }, { segments: [], listen: false, endSession: true });
}

function redFlag(turn: Turn): TurnResult {
  return end(turn, { mode: 'menu' }, [turn.say(lines.redFlag), turn.say(lines.redFlagClose)]);
}

function safetyInfo(turn: Turn, state: CoachState, routine: Routine | undefined, inRoutine: boolean): TurnResult {
  const answer: Segment[] = [];
  if (routine) {
    answer.push(turn.say(lines.safetyRoutine(routine.name)));
    for (const line of [...routine.cautions, ...routine.pointsToAvoid]) answer.push(turn.say(line));
  }
  answer.push(turn.say(lines.safetyGeneral), turn.say(lines.safetyBeforeStarting), turn.say(lines.disclaimer));
  if (!turn.profile.disclaimerHeard) turn.heardDisclaimer();
  return inRoutine ? askToCarryOn(turn, state, routine, answer) : menu(turn, answer);
}

function helpWith(turn: Turn, state: CoachState, concern: ConcernId | undefined): TurnResult {
  const suggestion = suggestionFor(concern);
  if (suggestion === 'redFlag') return redFlag(turn);
  const routine = turn.routine(suggestion);
  if (routine === undefined) return menu(turn, [turn.say(lines.helpWithUnknown)]);
  const answer = [turn.say(lines.helpWithSuggestion(sentenceCase(routine.name)))];
  const caution = routine.cautions[0];
  if (caution) answer.push(turn.say(caution));
  answer.push(turn.say(lines.helpWithQuestion(routine.name), 'prompt'));
  const next: CoachState = { ...state, question: { kind: 'start', routineId: routine.id } };
  return listen(turn, next, answer, lines.helpWithReprompt(routine.name));
}

function suggestionFor(concern: ConcernId | undefined): RoutineId | 'redFlag' | undefined {
  return concern === undefined ? undefined : CONCERN_ROUTINE[concern];
}

function yes(turn: Turn, state: CoachState, routine: Routine | undefined): TurnResult {
  const question = state.question;
  const inRoutine = routine !== undefined && state.mode !== 'menu';
  if (question?.kind === 'forget') {
    turn.effects.push('deleteProfile');
    return turn.result({ mode: 'menu' }, endPlan([turn.say(lines.forgotten)]));
  }
  if (question?.kind === 'start') {
    const chosen = turn.routine(question.routineId);
    if (chosen) return startRoutine(turn, chosen, true);
  }
  if (question?.kind === 'resume' || (!inRoutine && turn.profile.paused)) {
    const paused = turn.profile.paused;
    const pausedRoutine = turn.routine(paused?.routineId);
    if (paused && pausedRoutine) return resumePaused(turn, pausedRoutine, paused.stepIndex);
  }
  if (inRoutine && routine) {
    const from = state.resumeAt ?? { stepIndex: 0, offset: 0 };
    return deliver(turn, routine, from, []);
  }
  return menu(turn, []);
}

function no(turn: Turn, state: CoachState, routine: Routine | undefined): TurnResult {
  const question = state.question;
  if (question?.kind === 'forget') {
    const answer = [turn.say(lines.notForgotten)];
    if (routine && state.mode !== 'menu') return askToCarryOn(turn, state, routine, answer);
    return menu(turn, answer);
  }
  if (routine && state.mode !== 'menu' && question?.kind !== 'start') {
    const played = whereWasPlaying(state, turn.now);
    return pauseRoutine(turn, routine, pausedStep(state, played));
  }
  if (question?.kind === 'resume' || question?.kind === 'start') return menu(turn, [turn.say(lines.noProblem)]);
  return end(turn, { mode: 'menu' }, [turn.say(lines.goodbyeMenu)]);
}

function changePressure(turn: Turn, direction: 'more' | 'less', step: Routine['steps'][number] | undefined): Segment[] {
  if (direction === 'more') {
    const next = firmer(turn.prefs.pressure);
    if (next.capped) return [turn.say(lines.pressureCapped)];
    turn.setPreference('pressure', next.level);
    return [
      step ? turn.say(step.morePressureTip) : turn.say(lines.pressureMenuMore),
      turn.say(lines.pressureNow(next.level)),
    ];
  }
  const next = lighter(turn.prefs.pressure);
  if (next.floored)
    return step ? [turn.say(step.lessPressureTip), turn.say(lines.pressureFloored)] : [turn.say(lines.pressureFloored)];
  turn.setPreference('pressure', next.level);
  return [
    step ? turn.say(step.lessPressureTip) : turn.say(lines.pressureMenuLess),
    turn.say(lines.pressureNow(next.level)),
  ];
}

function changePace(turn: Turn, direction: 'slower' | 'faster'): Segment[] {
  const current = turn.prefs.pace;
  const next = direction === 'slower' ? slowerPace(current) : quickerPace(current);
  if (next === current) return [turn.say(direction === 'slower' ? lines.slowestPace : lines.fastestPace)];
  turn.setPreference('pace', next);
  return [turn.say(direction === 'slower' ? lines.slowerPace : lines.fasterPace)];
}

function menu(turn: Turn, answer: Segment[]): TurnResult {
  return listen(
    turn,
    { mode: 'menu' },
    [...answer, turn.say(lines.whichRoutine, 'prompt')],
    lines.whichRoutineReprompt,
  );
}

function listen(turn: Turn, state: CoachState, segments: Segment[], reprompt: string): TurnResult {
  return turn.result(state, { segments, listen: true, reprompt, endSession: false });
}

function end(turn: Turn, state: CoachState, segments: Segment[]): TurnResult {
  return turn.result(state, endPlan(segments));
}

function endPlan(segments: Segment[]): Plan {
  return { segments, listen: false, endSession: true };
}

/** Drops state that names a routine the catalogue no longer has, or a step out of range. */
function sanitizeForCatalogue(state: CoachState, catalogue: Catalogue): CoachState {
  if (state.routineId === undefined) return state.mode === 'menu' ? state : { mode: 'menu' };
  const routine = catalogue.get(state.routineId);
  if (routine === undefined) return { mode: 'menu' };
  const resumeAt = state.resumeAt;
  if (resumeAt && (resumeAt.stepIndex < 0 || resumeAt.stepIndex > routine.steps.length)) {
    return { ...state, resumeAt: { stepIndex: 0, offset: 0 } };
  }
  return state;
}

/**
 * The answer when a session ends but its changes could not be saved: the user hears where they
 * were only when a paused place is at stake.
 */
export function withSaveFailedNotice(plan: Plan, unsaved: ProfileUpdate, profile: UserProfile): Plan {
  const place = unsaved.paused?.place;
  if (!plan.endSession || place === undefined || place === null || plan.segments.length === 0) return plan;
  const notice = speech(lines.couldNotSave(place.stepIndex + 1), 'answer', profile.preferences);
  return { ...plan, segments: [...plan.segments, notice] };
}

/** The answer when "forget me" could not delete the user's data. */
export function deleteFailedPlan(profile: UserProfile): Plan {
  return endPlan([speech(lines.couldNotDelete, 'answer', profile.preferences)]);
}
