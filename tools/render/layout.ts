/**
 * One step variant's audio, planned from the core's own timeline: its speech in order (the step's
 * introduction, then its cues, check-ins and side switch, then the closing cue), and the silences
 * between them laid so that the whole file meets the step's target length. Pure: the frame counts
 * of the real speech come in, the frames of every silence go out.
 */
import type { SegmentKind, StepVariant } from '../../lambda/audio/manifest';
import { secondsToFrames } from '../../lambda/audio/stream-format';
import type { Routine } from '../../lambda/core/catalogue';
import { type StepWording, stepTargetSeconds, stepTimeline } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, type Preferences, type SpeechRate } from '../../lambda/core/preferences';
import type { Wording } from '../../lambda/core/wording';

/** The lines the render needs: how a step opens, and the cue that closes its audio. */
export type RenderWording = StepWording & Pick<Wording, 'audioCommandsCue'>;

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
  readonly targetSeconds: number;
  readonly items: readonly PlanItem[];
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
 * The step's timeline at the variant's preferences, as the core builds it for speech, with each
 * speech segment named (a cue that is the step's side switch is one) and the closing cue after the
 * last silence.
 */
export function planStep(routine: Routine, stepIndex: number, variant: StepVariant, wording: RenderWording): StepPlan {
  const step = routine.steps[stepIndex];
  if (step === undefined) throw new RenderError(`${routine.id} has no step ${stepIndex + 1}`);
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
  items.push({ kind: 'speech', segment: 'closingCue', text: wording.audioCommandsCue });
  return {
    routineId: routine.id,
    stepIndex,
    variant,
    speechRate: variant.speechRate,
    targetSeconds: stepTargetSeconds(routine, stepIndex, prefs),
    items,
  };
}

export interface Layout {
  /** Frames of each silence item, in plan order. */
  readonly silenceFrames: readonly number[];
  /** The frame each speech item starts at, in plan order. */
  readonly speechStarts: readonly number[];
  readonly tailFrames: number;
  readonly totalFrames: number;
}

/**
 * Lays the silences: every one gets at least MIN_GAP_SECONDS, and the quiet time left over is
 * shared in proportion to the timeline's own silences (largest remainder), so the cues stay where
 * the core spread them and the file is exactly the target, to the nearest frame.
 *
 * @param speechFrames frames of each speech item as encoded, in plan order
 * @throws RenderError when the speech leaves less quiet time than the gaps need
 */
export function layOut(plan: StepPlan, speechFrames: readonly number[]): Layout {
  const speechItems = plan.items.filter((item) => item.kind === 'speech').length;
  if (speechFrames.length !== speechItems) {
    throw new RenderError(`${speechItems} speech items but ${speechFrames.length} frame counts`);
  }
  const weights = plan.items.flatMap((item) => (item.kind === 'silence' ? [item.weight] : []));
  const totalFrames = secondsToFrames(plan.targetSeconds);
  const tailFrames = secondsToFrames(CLOSING_TAIL_SECONDS);
  const gapFrames = secondsToFrames(MIN_GAP_SECONDS);
  const speech = speechFrames.reduce((sum, frames) => sum + frames, 0);
  const spare = totalFrames - speech - tailFrames - gapFrames * weights.length;
  if (spare < 0) {
    const where = `${plan.routineId} step ${plan.stepIndex + 1}`;
    throw new RenderError(`${where}: the speech takes ${speech} frames of a ${totalFrames}-frame target`);
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
  return { silenceFrames, speechStarts, tailFrames, totalFrames: at + tailFrames };
}
