/**
 * What a screen shows after a turn: the core's part of "one plan, several renderers". The speech
 * and the screen come from the same decision; lambda/screen/ draws this as an APL card, and a
 * device without a screen ignores it. Only words the core already has are here (names, titles,
 * the instruction, the answer's action); labels and numbers on the card are the renderer's, from
 * the wording.
 */
import type { BodyArea } from './body';
import type { RoutineId } from './catalogue';
import type { PressureLevel } from './preferences';
import type { Tier } from './warning-signs';

/** One step as the card shows it, and when in the answer's speech it begins. */
export interface StepPage {
  readonly stepNumber: number;
  readonly title: string;
  /** The instruction's first sentence at the pressure in use: short enough to read at a glance. */
  readonly shown: string;
  readonly area: BodyArea;
  /** Seconds of the routine left from this step's start, at the pace in use. */
  readonly secondsLeft: number;
  /** Seconds into the answer's speech at which this step begins (0 for the first). */
  readonly atSeconds: number;
}

/** A routine under way, spoken: the steps this answer speaks, in order (the card follows the speech). */
export interface RoutineView {
  readonly kind: 'routine';
  readonly routineId: RoutineId;
  readonly routineName: string;
  readonly stepCount: number;
  readonly pressure: PressureLevel;
  readonly pages: readonly StepPage[];
}

/** Where a stopped routine stands: its name, the step and the area that step works. */
export interface RoutinePlace {
  readonly routineId: RoutineId;
  readonly routineName: string;
  readonly stepNumber: number;
  readonly stepCount: number;
  readonly title: string;
  readonly area: BodyArea;
}

/** A routine stopped for "it hurts", feeling unwell, or something not understood: nothing goes on until a word. */
export interface HaltedView extends RoutinePlace {
  readonly kind: 'halted';
  readonly cause: 'discomfort' | 'unwell' | 'unclear';
  /** The answer's first sentence: what to do now. */
  readonly action: string;
}

/** A routine paused with its place kept: by "pause", or while the audio player holds it. */
export interface PausedView extends RoutinePlace {
  readonly kind: 'paused';
}

/** A warning sign's answer: the action, big; the renderer adds the locale's number. */
export interface WarningView {
  readonly kind: 'warning';
  readonly tier: Tier;
  readonly action: string;
  /** The sentence about what was said. */
  readonly detail: string;
}

/** The routines to choose from, and the one paused, if any. */
export interface MenuView {
  readonly kind: 'menu';
  readonly routines: readonly { readonly id: RoutineId; readonly name: string; readonly summary: string }[];
  readonly paused?: { readonly routineId: RoutineId; readonly routineName: string; readonly stepNumber: number };
}

/** A routine played to its end. */
export interface ClosingView {
  readonly kind: 'closing';
  readonly routineId: RoutineId;
  readonly routineName: string;
  /** What the closing says, first sentence. */
  readonly line: string;
}

/** Labour at term: counter-pressure follows her contractions. */
export interface LabourView {
  readonly kind: 'labour';
  readonly line: string;
}

export type ScreenView = RoutineView | HaltedView | PausedView | WarningView | MenuView | ClosingView | LabourView;

/** The first sentence of a text (all of it when it has one sentence). */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return match ? match[0] : text.trim();
}
