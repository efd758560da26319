/**
 * Speaking a routine: openings that wait for her to be in position, packed steps, the closing as
 * its own answer, and going on after an answer.
 */
import type { Routine } from '../catalogue';
import { type Position, packSteps, type Segment, stepSpans } from '../pacing';
import { type AudioPoint, type PlayItem, STEP_START, variantOf } from '../player';
import { firstSentence, type ScreenView } from '../screen';
import type { Wording } from '../wording';
import type { Draft } from './draft';
import { nextInSession } from './joined';
import { stepGone } from './paused-place';
import type { Decision, NowPlaying } from './plan';
import { practiceAfterRoutine } from './practice';
import { offerAfterRoutine } from './reminders';
import type { Played, RoutineState } from './state';

/** The disclaimer, the first time only. */
export function disclaimerOnce(draft: Draft): Segment[] {
  if (draft.profile.disclaimerHeard) return [];
  draft.heardDisclaimer();
  return [draft.say(draft.lines.disclaimer)];
}

/** "Check with the care provider before starting if…", on the first routine a user starts. */
export function screeningOnce(draft: Draft): Segment[] {
  if (draft.profile.screeningHeard) return [];
  draft.heardScreening();
  return [draft.say(draft.lines.safetyBeforeStarting, 'opening')];
}

/** How a waiting routine goes on: as audio whatever the preference, and from a point in its step's audio. */
interface GoingOn {
  readonly handsFree?: true;
  readonly point?: AudioPoint;
}

/** Nothing played yet: the routine waits at `resumeAt` for ready, yes, next or carry on. */
export function waiting(routine: Routine, resumeAt: Position, now: number, goingOn: GoingOn = {}): RoutineState {
  return {
    mode: 'routine',
    routineId: routine.id,
    resumeAt,
    played: { sentAt: now, spans: [] },
    question: { kind: 'continue' },
    ...goingOn,
  };
}

/** Asks her to get into position, and waits. */
export function waitForReady(
  draft: Draft,
  routine: Routine,
  resumeAt: Position,
  before: readonly Segment[],
  goingOn: GoingOn = {},
): Decision {
  const lines = draft.lines;
  const prompt = draft.say(lines.whenReady, 'prompt');
  return draft.listen(waiting(routine, resumeAt, draft.now, goingOn), [...before, prompt], lines.whenReadyReprompt);
}

/** Once, on a device that can play the skill's audio while hands-free mode is off: how to try it. */
function handsFreeOfferOnce(draft: Draft, startedHandsFree: boolean): Segment[] {
  if (startedHandsFree || draft.input.canPlayAudio !== true || draft.prefs.handsFree === 'on') return [];
  if (draft.profile.handsFreeOffered) return [];
  draft.offeredHandsFree();
  return [draft.say(draft.lines.handsFreeOffer, 'opening')];
}

/**
 * A routine's opening: the position and its cautions (the points to avoid come with "is this
 * safe"), then it waits until she is comfortable before step 1. `handsFree`: this routine plays
 * as audio ("start foot massage hands free").
 */
export function startRoutine(draft: Draft, routine: Routine, handsFree = false): Decision {
  const asAudio = handsFree ? draft.input.canPlayAudio === true : draft.playsAudio(routine.id);
  const invite = asAudio ? draft.lines.openingInviteHandsFree : draft.lines.openingInvite;
  const opening = [
    ...disclaimerOnce(draft),
    draft.say(draft.lines.routineTitle(routine.name), 'opening'),
    ...screeningOnce(draft),
    draft.say(routine.position, 'opening'),
    ...routine.cautions.map((caution) => draft.say(caution, 'opening')),
    ...handsFreeOfferOnce(draft, handsFree),
    draft.say(invite, 'opening'),
  ];
  return waitForReady(draft, routine, { stepIndex: 0, offset: 0 }, opening, handsFree ? { handsFree: true } : {});
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
  // A place paused hands free goes on from the same point in the step's audio, if the step is the same.
  const point = paused?.routineId === routine.id && paused.stepIndex === at && !stepGone(paused, routine);
  const goingOn = point && paused.point !== undefined ? { point: paused.point } : {};
  return waitForReady(draft, routine, { stepIndex: at, offset: 0 }, preface, goingOn);
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
export function deliver(
  draft: Draft,
  routine: Routine,
  from: Position,
  preface: readonly Segment[],
  point: AudioPoint = STEP_START,
): Decision {
  if (from.stepIndex >= routine.steps.length) return finish(draft, routine, preface);
  if (draft.playsAudio(routine.id)) {
    return playStep(draft, routine, from.stepIndex, point, preface);
  }
  return speakSteps(
    draft,
    routine,
    from,
    draft.audioFailed ? [draft.say(draft.lines.audioFailed), ...preface] : preface,
  );
}

/** What Now Playing shows: the routine's name, "Step N of M: title", and the step's area. */
export function nowPlaying(lines: Wording, routine: Routine, stepIndex: number): NowPlaying {
  const step = routine.steps[stepIndex];
  if (step === undefined) throw new RangeError(`${routine.id} has no step ${stepIndex + 1}`);
  return {
    title: routine.name,
    subtitle: lines.nowPlayingStep(stepIndex + 1, routine.steps.length, step.title),
    area: step.area,
    areaName: lines.screen.areas[step.area],
  };
}

/**
 * Plays a step as audio from a point (the step's introduction counts as its start), after the
 * speech. The session ends: the player has the routine now, and "Alexa, pause", "Alexa, next" and
 * the rest reach the skill without its name. The first time a routine goes to the player, the
 * answer says how to stop it and ask for something.
 */
export function playStep(
  draft: Draft,
  routine: Routine,
  stepIndex: number,
  from: AudioPoint,
  preface: readonly Segment[],
): Decision {
  if (stepIndex >= routine.steps.length) return finish(draft, routine, preface);
  const hint = draft.player?.item.routineId === routine.id ? [] : [draft.say(draft.lines.audioStartHint, 'prompt')];
  const item: PlayItem = {
    routineId: routine.id,
    stepIndex,
    variant: variantOf(draft.prefs),
    flow: draft.prefs.flow,
    attempt: 1,
    issuedAt: Math.max(0, Math.floor(draft.now)),
  };
  const audio = {
    kind: 'play',
    item,
    from,
    enqueue: false,
    nowPlaying: nowPlaying(draft.lines, routine, stepIndex),
  } as const;
  return draft.result({ mode: 'menu' }, { segments: [...preface, ...hint], listen: false, endSession: true, audio });
}

/** Speaks the routine from a position, as many steps as fit (see `deliver`). */
function speakSteps(draft: Draft, routine: Routine, from: Position, preface: readonly Segment[]): Decision {
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

export function goOnPrompt(draft: Draft, routine: Routine, stepIndex: number): Segment {
  const title = routine.steps[stepIndex]?.title ?? '';
  const text =
    draft.prefs.flow === 'stepByStep'
      ? draft.lines.waitForNext(stepIndex + 1, title)
      : draft.lines.goOnQuestion(stepIndex + 1, title);
  return draft.say(text, 'prompt');
}

export function goOnReprompt(draft: Draft, stepIndex: number): string {
  return draft.prefs.flow === 'stepByStep'
    ? draft.lines.waitForNextReprompt(stepIndex + 1)
    : draft.lines.goOnReprompt(stepIndex + 1);
}

/** Records the practice and clears a paused place for this routine: it was played to the end. */
export function completed(draft: Draft, routine: Routine): void {
  draft.addPractice(routine);
  if (draft.profile.paused?.routineId === routine.id) draft.setPaused(null);
}

/**
 * The closing, its own short answer: practice is recorded and the session ends. In a joined
 * session with routines still to come, the next one opens instead (see joined.ts).
 */
export function finish(draft: Draft, routine: Routine, before: readonly Segment[]): Decision {
  completed(draft, routine);
  const joined = nextInSession(draft, routine, before);
  if (joined !== undefined) return joined;
  const closing = [
    ...before,
    draft.say(routine.closing, 'closing'),
    draft.say(draft.lines.routineFinished(routine.name), 'closing'),
  ];
  const practice = practiceAfterRoutine(draft);
  if (practice !== undefined) closing.push(draft.say(practice, 'closing'));
  draft.show(closingView(draft, routine));
  return offerAfterRoutine(draft, closing, routine.id) ?? draft.end({ mode: 'menu' }, closing);
}

/** What a screen shows at a routine's end. */
export function closingView(draft: Draft, routine: Routine): ScreenView {
  return {
    kind: 'closing',
    routineId: routine.id,
    routineName: routine.name,
    line: firstSentence(draft.lines.routineFinished(routine.name)),
  };
}

/** Saves the place and ends the session with how to come back; at the end, the closing instead. */
export function pauseRoutine(
  draft: Draft,
  routine: Routine,
  stepIndex: number,
  before: readonly Segment[] = [],
  point?: AudioPoint,
): Decision {
  if (stepIndex >= routine.steps.length) return finish(draft, routine, before);
  draft.setPaused({ routineId: routine.id, stepIndex, ...(point !== undefined ? { point } : {}) });
  const title = routine.steps[stepIndex]?.title ?? '';
  return draft.end({ mode: 'menu' }, [
    ...before,
    draft.say(draft.lines.pausedAt(routine.name, stepIndex + 1, title)),
    draft.say(draft.lines.howToResume),
  ]);
}

/**
 * Keeps the routine's place as it stops for something else; played to the end, it counts as done.
 * In hands-free mode the place keeps its point in the step's audio.
 */
export function keepPlace(draft: Draft, routine: Routine, stepIndex: number, point?: AudioPoint): void {
  if (stepIndex >= routine.steps.length) completed(draft, routine);
  else draft.setPaused({ routineId: routine.id, stepIndex, ...(point !== undefined ? { point } : {}) });
}
