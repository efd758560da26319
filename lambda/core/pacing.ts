/**
 * Pacing: a step becomes a timeline of spoken segments and silences whose estimated length meets
 * the step's target, and a stretch of steps is packed into responses that fit the platform limits.
 */
import type { Cue, Routine } from './catalogue';
import { MAX_RESPONSE_SECONDS, MAX_SSML_CHARACTERS } from './limits';
import { PACE_FACTOR, type Preferences, SPEECH_RATE_FACTOR } from './preferences';
import { estimateSpeechSeconds } from './speech-estimate';
import type { Wording } from './wording';

/** The one line pacing needs: how a step opens. */
export type StepWording = Pick<Wording, 'stepIntro'>;

export type SegmentRole = 'answer' | 'opening' | 'stepIntro' | 'cue' | 'checkIn' | 'closing' | 'prompt';

export interface SpeechSegment {
  readonly kind: 'speech';
  readonly role: SegmentRole;
  readonly text: string;
  readonly seconds: number;
  /** The step this segment belongs to, when it belongs to one. */
  readonly step?: number;
}

export interface SilenceSegment {
  readonly kind: 'silence';
  readonly seconds: number;
  readonly step?: number;
}

export type Segment = SpeechSegment | SilenceSegment;

/** A place inside a routine: a step, and how many seconds into its timeline. */
export interface Position {
  readonly stepIndex: number;
  readonly offset: number;
}

/** Room kept at the end of a packed response for the closing question. */
export const PROMPT_RESERVE_SECONDS = 12;

/** Room kept, in SSML characters, for markup and the closing question. */
export const PROMPT_RESERVE_CHARACTERS = 600;

/** SSML characters one break tag costs, rounded up: `<break time="10000ms"/>`. */
const BREAK_TAG_CHARACTERS = 24;

export function speech(text: string, role: SegmentRole, prefs: Preferences, step?: number): SpeechSegment {
  const seconds = estimateSpeechSeconds(text, SPEECH_RATE_FACTOR[prefs.speechRate]);
  return step === undefined ? { kind: 'speech', role, text, seconds } : { kind: 'speech', role, text, seconds, step };
}

function silence(seconds: number, step: number): SilenceSegment {
  return { kind: 'silence', seconds, step };
}

/** Target length of a step at the listener's pace. */
export function stepTargetSeconds(routine: Routine, stepIndex: number, prefs: Preferences): number {
  const step = routine.steps[stepIndex];
  return step === undefined ? 0 : step.holdSeconds * PACE_FACTOR[prefs.pace];
}

/** Cues spread evenly through `seconds`, each after a gap, ending in quiet. */
function spread(cues: readonly SpeechSegment[], seconds: number, stepIndex: number): Segment[] {
  const quiet = Math.max(0, seconds - cues.reduce((sum, cue) => sum + cue.seconds, 0));
  const gap = Math.round((quiet / (cues.length + 1)) * 10) / 10;
  const segments: Segment[] = [];
  for (const cue of cues) {
    if (gap > 0) segments.push(silence(gap, stepIndex));
    segments.push(cue);
  }
  const last = Math.round((quiet - gap * cues.length) * 10) / 10;
  if (last > 0) segments.push(silence(last, stepIndex));
  return segments;
}

/**
 * The whole timeline of one step: a move to a new body area if there is one, its introduction,
 * then quiet time with the cues spread evenly through it, ending in quiet. Silence fills whatever
 * the speech leaves of the target. A two-sided step switches sides at the middle of its time, so
 * each side gets the same; the second side hears its own cues, or the first side's plain cues again.
 */
export function stepTimeline(routine: Routine, stepIndex: number, prefs: Preferences, wording: StepWording): Segment[] {
  const step = routine.steps[stepIndex];
  if (step === undefined) return [];
  const say = (text: string, role: SegmentRole) => speech(text, role, prefs, stepIndex);
  const introText = wording.stepIntro(
    stepIndex + 1,
    routine.steps.length,
    step.title,
    step.instruction[prefs.pressure],
  );
  const opening = [...(step.moveTo ? [say(step.moveTo, 'stepIntro')] : []), say(introText, 'stepIntro')];
  const hold = stepTargetSeconds(routine, stepIndex, prefs) - timelineSeconds(opening);
  const cueSegment = (cue: Cue) => say(cue.text, cue.kind === 'checkIn' ? 'checkIn' : 'cue');
  const switchAt = step.cues.findIndex((cue) => cue.kind === 'switchSide');
  const switchCue = step.cues[switchAt];
  if (switchCue === undefined) return [...opening, ...spread(step.cues.map(cueSegment), hold, stepIndex)];
  const firstSide = step.cues.slice(0, switchAt);
  const after = step.cues.slice(switchAt + 1);
  const secondSide = after.length > 0 ? after : firstSide.filter((cue) => cue.kind === 'cue');
  const toOtherSide = cueSegment(switchCue);
  return [
    ...opening,
    ...spread(firstSide.map(cueSegment), hold / 2, stepIndex),
    toOtherSide,
    ...spread(secondSide.map(cueSegment), hold / 2 - toOtherSide.seconds, stepIndex),
  ];
}

export function timelineSeconds(segments: readonly Segment[]): number {
  return segments.reduce((sum, segment) => sum + segment.seconds, 0);
}

/**
 * The rest of a step from `offset` seconds in: speech that had already begun is not repeated,
 * a silence that had begun keeps what is left of it.
 */
export function stepTimelineFrom(
  routine: Routine,
  position: Position,
  prefs: Preferences,
  wording: StepWording,
): Segment[] {
  const segments = stepTimeline(routine, position.stepIndex, prefs, wording);
  if (position.offset <= 0) return segments;
  const rest: Segment[] = [];
  let at = 0;
  for (const segment of segments) {
    const end = at + segment.seconds;
    if (at >= position.offset) rest.push(segment);
    else if (segment.kind === 'silence' && end > position.offset) {
      rest.push({ ...segment, seconds: Math.round((end - position.offset) * 10) / 10 });
    }
    at = end;
  }
  return rest;
}

/** Estimated SSML characters of segments, on the generous side (escaping, tags, spaces). */
export function estimateCharacters(segments: readonly Segment[]): number {
  let characters = 0;
  for (const segment of segments) {
    characters +=
      segment.kind === 'speech'
        ? Math.ceil(segment.text.length * 1.15) + 1
        : Math.ceil(segment.seconds / 10 + 1) * BREAK_TAG_CHARACTERS;
  }
  return characters;
}

/** Minutes a whole routine takes at the listener's pace. */
export function routineSeconds(routine: Routine, prefs: Preferences): number {
  return routine.steps.reduce((sum, _step, index) => sum + stepTargetSeconds(routine, index, prefs), 0);
}

/** Seconds left from a position to the end of the routine. */
export function remainingSeconds(routine: Routine, position: Position, prefs: Preferences): number {
  let seconds = Math.max(0, stepTargetSeconds(routine, position.stepIndex, prefs) - position.offset);
  for (let index = position.stepIndex + 1; index < routine.steps.length; index += 1) {
    seconds += stepTargetSeconds(routine, index, prefs);
  }
  return seconds;
}

export interface PackedSteps {
  readonly segments: Segment[];
  /** Where the next response continues; stepIndex equal to the step count means the routine is done. */
  readonly next: Position;
}

/**
 * Packs a routine's steps from `from` after `preface` into one response that fits the time and
 * character budgets. In step-by-step flow it stops after one step. A step too long for one response
 * is split at a segment (or inside a silence) and continues in the next.
 */
export function packSteps(
  routine: Routine,
  from: Position,
  preface: readonly Segment[],
  prefs: Preferences,
  wording: StepWording,
): PackedSteps {
  const charactersBudget = MAX_SSML_CHARACTERS - PROMPT_RESERVE_CHARACTERS;
  const segments: Segment[] = [...preface];
  let seconds = timelineSeconds(preface);
  let characters = estimateCharacters(preface);
  let position = from;
  let packedAnyStep = false;
  // Every answer ends with a question (after the last step too: the closing is its own answer).
  const secondsBudget = MAX_RESPONSE_SECONDS - PROMPT_RESERVE_SECONDS;
  while (position.stepIndex < routine.steps.length) {
    const rest = stepTimelineFrom(routine, position, prefs, wording);
    const restSeconds = timelineSeconds(rest);
    const restCharacters = estimateCharacters(rest);
    if (seconds + restSeconds <= secondsBudget && characters + restCharacters <= charactersBudget) {
      segments.push(...rest);
      seconds += restSeconds;
      characters += restCharacters;
      position = { stepIndex: position.stepIndex + 1, offset: 0 };
      packedAnyStep = true;
      if (prefs.flow === 'stepByStep') break;
      continue;
    }
    if (packedAnyStep) break;
    // Not even one whole step fits: take what fits of it, and continue inside it next time.
    let offset = position.offset;
    for (const segment of rest) {
      const room = secondsBudget - seconds;
      const segmentCharacters = estimateCharacters([segment]);
      if (segment.seconds <= room && characters + segmentCharacters <= charactersBudget) {
        segments.push(segment);
        seconds += segment.seconds;
        characters += segmentCharacters;
        offset += segment.seconds;
        continue;
      }
      // A silence longer than the time left is cut to fit; one that breaks the character budget is not.
      if (segment.kind === 'silence' && segment.seconds > room && room >= 1) {
        const part = Math.floor(room);
        segments.push({ ...segment, seconds: part });
        offset += part;
      }
      break;
    }
    // Rounded down: rounding up could pass the start of the next cue, which would then be skipped.
    position = { stepIndex: position.stepIndex, offset: Math.floor(offset * 10) / 10 };
    break;
  }
  return { segments, next: position };
}

/** One step's stretch in a response: when it starts and ends, and how far into the step it starts. */
export type StepSpan = readonly [stepIndex: number, start: number, end: number, offsetAtStart: number];

/** The spans of each step's segments in a response, in seconds from the start of the response. */
export function stepSpans(segments: readonly Segment[], firstOffset: number): StepSpan[] {
  const spans: StepSpan[] = [];
  let at = 0;
  let current: [number, number, number, number] | undefined;
  for (const segment of segments) {
    const end = at + segment.seconds;
    if (segment.step !== undefined) {
      if (current !== undefined && current[0] === segment.step) current[2] = end;
      else {
        if (current !== undefined) spans.push(current);
        current = [segment.step, at, end, spans.length === 0 ? firstOffset : 0];
      }
    }
    at = end;
  }
  if (current !== undefined) spans.push(current);
  return spans.map((span) => [span[0], round1(span[1]), round1(span[2]), round1(span[3])] as const);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface PlayedPosition extends Position {
  /** True when the response had finished playing before the request came. */
  readonly finished: boolean;
}

/**
 * Maps how long after a response was sent the user spoke onto that response's steps. Before the
 * first step (an opening or an answer) counts as the first step's start; after the end, as finished.
 */
export function positionAt(spans: readonly StepSpan[], elapsedSeconds: number): PlayedPosition | undefined {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (elapsedSeconds < first[1]) return { stepIndex: first[0], offset: first[3], finished: false };
  for (const [stepIndex, start, end, offsetAtStart] of spans) {
    if (elapsedSeconds >= start && elapsedSeconds < end) {
      return { stepIndex, offset: round1(offsetAtStart + elapsedSeconds - start), finished: false };
    }
  }
  return { stepIndex: last[0], offset: round1(last[3] + last[2] - last[1]), finished: true };
}
