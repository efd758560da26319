/**
 * One step variant's audio, planned from the core's own timeline: its speech in order (the step's
 * introduction, then its cues, check-ins and side switch, then the closing cue), and the silences
 * between them laid so that the whole file meets the step's target length. Pure: the frame counts
 * of the real speech come in, the frames of every silence go out.
 *
 * The closing cue of every step but the last says the commands that work during playback, within
 * the step's time. The last step's says the routine's closing instead, as the spoken flow's closing
 * answer does, because the skill cannot speak after an AudioPlayer event: the routine ends in its own
 * audio. Like that answer it comes after the step's time, not out of it (the step keeps its whole
 * hold, and a closing of ten seconds or more would not fit in the quicker pace's shortest steps), so
 * the last step's file is its target plus the closing and the tail.
 */
import type { SegmentKind, StepVariant } from '../../lambda/audio/manifest';
import { secondsToFrames } from '../../lambda/audio/stream-format';
import type { Routine } from '../../lambda/core/catalogue';
import { type StepWording, stepTargetSeconds, stepTimeline } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, type Preferences, type SpeechRate } from '../../lambda/core/preferences';
import type { Wording } from '../../lambda/core/wording';

/** The lines the render needs: how a step opens, the cue that closes its audio, and how a routine ends. */
export type RenderWording = StepWording & Pick<Wording, 'audioCommandsCue' | 'routineFinished'>;

/** No two spoken segments with a silence between them come closer than this. */
export const MIN_GAP_SECONDS = 0.5;
/** Quiet after the closing cue, before the next step's audio begins. */
export const CLOSING_TAIL_SECONDS = 1;

export type PlanItem =
  | { readonly kind: 'speech'; readonly segment: SegmentKind; readonly text: string }
  /** A silence of the timeline; its planned seconds weigh its share of the quiet time. */
  | { readonly kind: 'silence'; readonly weight: number };

export interface StepPlan {
  readonly routineId: Routine['id'];
  readonly stepIndex: number;
  readonly variant: StepVariant;
  readonly speechRate: SpeechRate;
  /** The step's own length: its speech and silences, and, within it, every closing cue but the routine's. */
  readonly targetSeconds: number;
  readonly items: readonly PlanItem[];
  /** The last item, the routine's closing, is said after the target time, not within it. */
  readonly closingAfterTarget: boolean;
}

export class RenderError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RenderError';
  }
}

/** Preferences for a variant; flow does not change one step's audio. */
export function variantPreferences(variant: StepVariant): Preferences {
  return { ...DEFAULT_PREFERENCES, ...variant };
}

/**
 * What closes a step's audio: the commands cue, or on the routine's last step its closing and that
 * the routine is finished, in the order the spoken flow's closing answer says them.
 */
export function closingText(routine: Routine, stepIndex: number, wording: RenderWording): string {
  if (stepIndex !== routine.steps.length - 1) return wording.audioCommandsCue;
  return `${routine.closing} ${wording.routineFinished(routine.name)}`;
}

/**
 * The step's timeline at the variant's preferences, as the core builds it for speech, with each
 * speech segment named (a cue that is the step's side switch is one) and the closing cue after the
 * last silence ({@link closingText}).
 */
export function planStep(routine: Routine, stepIndex: number, variant: StepVariant, wording: RenderWording): StepPlan {
  const step = routine.steps[stepIndex];
  if (step === undefined) throw new RenderError(`${routine.id} has no step ${stepIndex + 1}`);
  const last = stepIndex === routine.steps.length - 1;
  const prefs = variantPreferences(variant);
  const switchTexts = new Set(step.cues.filter((cue) => cue.kind === 'switchSide').map((cue) => cue.text));
  const items: PlanItem[] = stepTimeline(routine, stepIndex, prefs, wording).map((segment): PlanItem => {
    if (segment.kind === 'silence') return { kind: 'silence', weight: segment.seconds };
    switch (segment.role) {
      case 'stepIntro':
        return { kind: 'speech', segment: 'intro', text: segment.text };
      case 'checkIn':
        return { kind: 'speech', segment: 'checkIn', text: segment.text };
      case 'cue':
        return { kind: 'speech', segment: switchTexts.has(segment.text) ? 'switchSide' : 'cue', text: segment.text };
      default:
        throw new RenderError(`a step's timeline holds a ${segment.role} segment`);
    }
  });
  if (items[items.length - 1]?.kind !== 'silence') items.push({ kind: 'silence', weight: 0 });
  items.push({ kind: 'speech', segment: 'closingCue', text: closingText(routine, stepIndex, wording) });
  return {
    routineId: routine.id,
    stepIndex,
    variant,
    speechRate: variant.speechRate,
    targetSeconds: stepTargetSeconds(routine, stepIndex, prefs),
    items,
    closingAfterTarget: last,
  };
}

export interface Layout {
  /** Frames of each silence item, in plan order. */
  readonly silenceFrames: readonly number[];
  /** The frame each speech item starts at, in plan order. */
  readonly speechStarts: readonly number[];
  readonly tailFrames: number;
  /** The step's own frames: the target, to the nearest frame. */
  readonly stepFrames: number;
  /** The whole file: the step's frames, then, on a routine's last step, the closing and the tail. */
  readonly totalFrames: number;
}

/**
 * Lays the silences: every one gets at least MIN_GAP_SECONDS, and the quiet time left over is
 * shared in proportion to the timeline's own silences (largest remainder), so the cues stay where
 * the core spread them and the step is exactly the target, to the nearest frame. A closing said
 * after the target (the routine's last step) starts where the target ends.
 *
 * @param speechFrames frames of each speech item as encoded, in plan order
 * @throws RenderError when the speech leaves less quiet time than the gaps need
 */
export function layOut(plan: StepPlan, speechFrames: readonly number[]): Layout {
  const speechItems = plan.items.filter((item) => item.kind === 'speech').length;
  if (speechFrames.length !== speechItems) {
    throw new RenderError(`${speechItems} speech items but ${speechFrames.length} frame counts`);
  }
  if (plan.closingAfterTarget && plan.items[plan.items.length - 1]?.kind !== 'speech') {
    throw new RenderError('a closing said after the target is the last item, and speech');
  }
  const weights = plan.items.flatMap((item) => (item.kind === 'silence' ? [item.weight] : []));
  const stepFrames = secondsToFrames(plan.targetSeconds);
  const tailFrames = secondsToFrames(CLOSING_TAIL_SECONDS);
  const gapFrames = secondsToFrames(MIN_GAP_SECONDS);
  const afterTarget = plan.closingAfterTarget ? (speechFrames[speechFrames.length - 1] ?? 0) : 0;
  // Within the target: every speech item but a closing said after it, the gaps, and the tail unless
  // the closing and the tail both come after it.
  const speech = speechFrames.reduce((sum, frames) => sum + frames, 0) - afterTarget;
  const tailInTarget = plan.closingAfterTarget ? 0 : tailFrames;
  const spare = stepFrames - speech - tailInTarget - gapFrames * weights.length;
  if (spare < 0) {
    const where = `${plan.routineId} step ${plan.stepIndex + 1}`;
    throw new RenderError(`${where}: the speech takes ${speech} frames of a ${stepFrames}-frame target`);
  }
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (totalWeight > 0 ? (spare * weight) / totalWeight : spare / weights.length));
  const silenceFrames = shares.map((share) => gapFrames + Math.floor(share));
  let left = spare - shares.reduce((sum, share) => sum + Math.floor(share), 0);
  const byRemainder = shares.map((share, index) => ({ index, rest: share - Math.floor(share) }));
  byRemainder.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    silenceFrames[index] = (silenceFrames[index] ?? 0) + 1;
    left -= 1;
  }
  const speechStarts: number[] = [];
  let at = 0;
  let speechIndex = 0;
  let silenceIndex = 0;
  for (const item of plan.items) {
    if (item.kind === 'speech') {
      speechStarts.push(at);
      at += speechFrames[speechIndex] ?? 0;
      speechIndex += 1;
    } else {
      at += silenceFrames[silenceIndex] ?? 0;
      silenceIndex += 1;
    }
  }
  return { silenceFrames, speechStarts, tailFrames, stepFrames, totalFrames: at + tailFrames };
}
