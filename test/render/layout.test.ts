import { secondsToFrames } from '../../lambda/audio/stream-format';
import { lines } from '../../lambda/content/lines';
import { foot } from '../../lambda/content/routines/foot';
import type { Routine } from '../../lambda/core/catalogue';
import { stepTargetSeconds } from '../../lambda/core/pacing';
import {
  CLOSING_TAIL_SECONDS,
  layOut,
  MIN_GAP_SECONDS,
  planStep,
  RenderError,
  type StepPlan,
  variantPreferences,
} from '../../tools/render/layout';

const MEDIUM = { pressure: 'medium', speechRate: 'normal', pace: 'normal' } as const;

function speechCount(plan: StepPlan): number {
  return plan.items.filter((item) => item.kind === 'speech').length;
}

describe('planning a step', () => {
  const plan = planStep(foot, 0, MEDIUM, lines);

  it("opens with the step's introduction at the variant's pressure, from the core's timeline", () => {
    expect(plan.items[0]).toEqual({
      kind: 'speech',
      segment: 'intro',
      text: lines.stepIntro(1, foot.steps.length, foot.steps[0]?.title ?? '', foot.steps[0]?.instruction.medium ?? ''),
    });
    expect(plan.targetSeconds).toBe(stepTargetSeconds(foot, 0, variantPreferences(MEDIUM)));
  });

  it('names cues, check-ins and the side switch, and ends with the closing cue', () => {
    const segments = plan.items.flatMap((item) => (item.kind === 'speech' ? [item.segment] : []));
    expect(segments).toEqual(['intro', 'cue', 'checkIn', 'switchSide', 'cue', 'closingCue']);
    expect(plan.items[plan.items.length - 1]).toEqual({
      kind: 'speech',
      segment: 'closingCue',
      text: lines.audioCommandsCue,
    });
    expect(plan.items[plan.items.length - 2]?.kind).toBe('silence');
  });

  it('refuses a step the routine does not have', () => {
    expect(() => planStep(foot, foot.steps.length, MEDIUM, lines)).toThrow(RenderError);
  });
});

describe('laying out a step', () => {
  const plan = planStep(foot, 1, MEDIUM, lines);
  const speech = Array.from({ length: speechCount(plan) }, (_v, index) => 100 + index * 10);
  const layout = layOut(plan, speech);

  it('makes the file exactly the target length, to the frame', () => {
    expect(layout.totalFrames).toBe(secondsToFrames(plan.targetSeconds));
    const sum = [...speech, ...layout.silenceFrames, layout.tailFrames].reduce((a, b) => a + b, 0);
    expect(sum).toBe(layout.totalFrames);
  });

  it('gives every silence at least the minimum gap and ends with the tail', () => {
    for (const frames of layout.silenceFrames) expect(frames).toBeGreaterThanOrEqual(secondsToFrames(MIN_GAP_SECONDS));
    expect(layout.tailFrames).toBe(secondsToFrames(CLOSING_TAIL_SECONDS));
    const lastStart = layout.speechStarts[layout.speechStarts.length - 1] ?? 0;
    expect(lastStart + (speech[speech.length - 1] ?? 0) + layout.tailFrames).toBe(layout.totalFrames);
  });

  it("shares the quiet time in proportion to the timeline's silences", () => {
    const weights = plan.items.flatMap((item) => (item.kind === 'silence' ? [item.weight] : []));
    const gap = secondsToFrames(MIN_GAP_SECONDS);
    const extra = layout.silenceFrames.map((frames) => frames - gap);
    const totalExtra = extra.reduce((a, b) => a + b, 0);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    extra.forEach((frames, index) => {
      expect(Math.abs(frames - (totalExtra * (weights[index] ?? 0)) / totalWeight)).toBeLessThan(1);
    });
  });

  it('starts each speech item where the one before it and the silence after it end', () => {
    expect(layout.speechStarts[0]).toBe(0);
    expect(layout.speechStarts[1]).toBe((speech[0] ?? 0) + (layout.silenceFrames[0] ?? 0));
  });

  it('refuses speech longer than the step leaves room for', () => {
    const tooLong = speech.map(() => secondsToFrames(plan.targetSeconds));
    expect(() => layOut(plan, tooLong)).toThrow(/speech takes/);
  });

  it('refuses frame counts that do not match the speech items', () => {
    expect(() => layOut(plan, [1])).toThrow(RenderError);
  });

  it('puts a gap before the closing cue when the timeline ends in speech, and shares evenly with no planned quiet', () => {
    // A step whose speech is longer than its hold: the core's timeline has no silence in it at all.
    const crowded: Routine = {
      ...foot,
      steps: [{ ...(foot.steps[0] as Routine['steps'][number]), holdSeconds: 1, cues: [] }],
    };
    const tight = planStep(crowded, 0, MEDIUM, lines);
    expect(tight.items.map((item) => item.kind)).toEqual(['speech', 'silence', 'speech']);
    const roomy = { ...tight, targetSeconds: 10 };
    const result = layOut(roomy, [50, 50]);
    expect(result.silenceFrames).toEqual([secondsToFrames(10) - 100 - result.tailFrames]);
  });
});
