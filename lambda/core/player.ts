/**
 * The device's audio player as the core sees it: which routine step it holds, in which variant,
 * and how far in. The handlers read it from the request (the token the skill sent, the offset the
 * device reports) and the render manifest; the core never sees a token, a URL or a file.
 */
import type { RoutineId } from './catalogue';
import type { Flow, StepVariant } from './preferences';

/**
 * A place in a step's audio that holds across variants: which spoken segment (0 is the step's
 * introduction, then its cues in order, the closing cue last) and how far through the stretch from
 * its start to the next segment's start, from 0 to 1. A pressure or pace change resumes the same
 * step in its new variant at the same point.
 */
export interface AudioPoint {
  readonly segment: number;
  readonly fraction: number;
}

/** The step's start. */
export const STEP_START: AudioPoint = { segment: 0, fraction: 0 };

/**
 * What the player is doing: playing (or ducked while the user speaks to Alexa), stopped (paused by
 * voice or by the skill, or taken over by other audio), finished (the item played to its end), or
 * idle (nothing queued).
 */
export type PlayerActivity = 'playing' | 'stopped' | 'finished' | 'idle';

/** One item the skill queued: a step of a routine in one variant, and how it was started. */
export interface PlayItem {
  readonly routineId: RoutineId;
  readonly stepIndex: number;
  readonly variant: StepVariant;
  /** continuous: the next step is queued as this one nears its end; stepByStep: it waits for "next". */
  readonly flow: Flow;
  /** 1 for a first play, 2 for the one retry after the device failed to play it. */
  readonly attempt: 1 | 2;
  /** When the skill issued the Play (epoch ms of the request that led to it). */
  readonly issuedAt: number;
}

/** Where the player is in an item of the skill's, as a request reports it. */
export interface PlayerPlace {
  readonly item: PlayItem;
  /** Seconds into the step's audio. */
  readonly offset: number;
  /** The same place, as a point that holds in any variant of the step. */
  readonly point: AudioPoint;
  readonly activity: PlayerActivity;
}

/** True when a point lies in the step's introduction: resuming there starts the step again. */
export function inIntroduction(point: AudioPoint): boolean {
  return point.segment <= 0;
}

/** The fields of a variant, from preferences (flow and the rest do not change a step's audio). */
export function variantOf(prefs: StepVariant): StepVariant {
  return { pressure: prefs.pressure, speechRate: prefs.speechRate, pace: prefs.pace };
}

export function sameVariant(a: StepVariant, b: StepVariant): boolean {
  return a.pressure === b.pressure && a.speechRate === b.speechRate && a.pace === b.pace;
}
