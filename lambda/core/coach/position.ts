/**
 * Where the user was when they spoke. Alexa does not say how far an answer had played, so the
 * core maps the request's time onto the timeline of the answer it last sent.
 */
import { type PlayedPosition, positionAt, type StepSpan } from '../pacing';
import type { AudioPoint, PlayerPlace } from '../player';
import type { InRoutineState } from './state';

/**
 * Seconds between the user starting to speak and the request's timestamp. The timestamp is when
 * Alexa *sent* the request, in whole seconds: after the user's words, end-pointing and recognition
 * (about 1–3 s), and it is counted from when the previous answer was sent, before its speech
 * started. Two seconds is the middle of that range (shared docs/alexa-platform.md, "request
 * timestamps"). Subtracting it makes "next" act on the step the user was hearing, not the one that
 * had just begun when the request went out.
 */
export const SPEECH_TO_REQUEST_LAG_SECONDS = 2;

/**
 * How close to a step boundary a request must land for the answer to say which step it acts on.
 * The lag above is uncertain by about a second each way, the timestamp is quantised to a second,
 * and the speech estimate drifts by a second or so over a long step: three seconds covers them.
 */
export const BOUNDARY_WINDOW_SECONDS = 3;

/** Where a routine was when the user spoke, and whether that was near a step boundary. */
export interface Heard extends PlayedPosition {
  /** The request landed within BOUNDARY_WINDOW_SECONDS of a change of step. */
  readonly nearBoundary: boolean;
  /** In hands-free mode, the exact point in the step's audio (the player reports it). */
  readonly point?: AudioPoint;
}

/**
 * Where the user was: on the halted step; in hands-free mode, where the player is (exact, from the
 * request) or was when the session began; else on the last answer's timeline at the time they spoke.
 */
export function whereWasPlaying(state: InRoutineState, now: number, player?: PlayerPlace): Heard {
  if (state.mode === 'halted') {
    return { stepIndex: state.resumeAt.stepIndex, offset: 0, finished: false, nearBoundary: false };
  }
  if (state.mode === 'audio') {
    if (player !== undefined && player.item.routineId === state.routineId) return heardFromPlayer(player);
    return { ...state.resumeAt, finished: false, nearBoundary: false, point: state.point };
  }
  const { spans, sentAt } = state.played;
  const elapsed = (now - sentAt) / 1000 - SPEECH_TO_REQUEST_LAG_SECONDS;
  const position = positionAt(spans, elapsed);
  if (position === undefined) return { ...state.resumeAt, finished: true, nearBoundary: false };
  return { ...position, nearBoundary: nearBoundary(spans, elapsed) };
}

/**
 * The player's place: exact, so never near a boundary in the speech sense. A step played to its end
 * is finished, and the routine goes on from the next step.
 */
export function heardFromPlayer(player: PlayerPlace): Heard {
  const { stepIndex } = player.item;
  const finished = player.activity === 'finished';
  return { stepIndex, offset: player.offset, finished, nearBoundary: false, point: player.point };
}

/** True when `elapsed` is within the window of the start of any step after the first. */
function nearBoundary(spans: readonly StepSpan[], elapsed: number): boolean {
  return spans.some((span, index) => index > 0 && Math.abs(elapsed - span[1]) <= BOUNDARY_WINDOW_SECONDS);
}

/** The step a pause or stop saves: the one playing, or where the routine resumes once it played out. */
export function stepToSave(state: InRoutineState, heard: Heard): number {
  if (state.mode === 'halted') return state.resumeAt.stepIndex;
  return heard.finished ? state.resumeAt.stepIndex : heard.stepIndex;
}

/** The step "next" moves to. */
export function stepAfter(state: InRoutineState, heard: Heard): number {
  if (!heard.finished) return heard.stepIndex + 1;
  return state.resumeAt.offset > 0 ? state.resumeAt.stepIndex + 1 : state.resumeAt.stepIndex;
}
