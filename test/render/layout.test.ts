import { ALL_VARIANTS } from '../../lambda/audio/manifest';
import { secondsToFrames } from '../../lambda/audio/stream-format';
import { catalogue, lines, ROUTINES } from '../../lambda/content';

const found = catalogue.get('foot');
if (found === undefined) throw new Error('the catalogue has no foot massage');
const foot = found;

import type { Routine } from '../../lambda/core/catalogue';
import { stepTargetSeconds } from '../../lambda/core/pacing';
import { SPEECH_RATE_FACTOR } from '../../lambda/core/preferences';
import { estimateSpeechSeconds } from '../../lambda/core/speech-estimate';
import {
  CLOSING_TAIL_SECONDS,
  closingText,
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

/** Frames of each speech item as the core estimates its length, at the plan's speech rate. */
function estimatedFrames(plan: StepPlan): number[] {
  return plan.items.flatMap((item) =>
    item.kind === 'speech'
      ? [secondsToFrames(estimateSpeechSeconds(item.text, SPEECH_RATE_FACTOR[plan.speechRate]))]
      : [],
  );
}

const LAST = foot.steps.length - 1;

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

  it('closes every step but the last with the commands cue, said within the step', () => {
    for (let index = 0; index < LAST; index += 1) {
      const each = planStep(foot, index, MEDIUM, lines);
      expect(each.items[each.items.length - 1]).toEqual({
        kind: 'speech',
        segment: 'closingCue',
        text: lines.audioCommandsCue,
      });
      expect(each.closingAfterTarget).toBe(false);
    }
  });

  it("closes the last step with the routine's closing and that it is finished, said after the step", () => {
    const last = planStep(foot, LAST, MEDIUM, lines);
    const text = `${foot.closing} ${lines.routineFinished(foot.name)}`;
    expect(closingText(foot, LAST, lines)).toBe(text);
    expect(last.items[last.items.length - 1]).toEqual({ kind: 'speech', segment: 'closingCue', text });
    expect(last.items[last.items.length - 2]?.kind).toBe('silence');
    expect(last.closingAfterTarget).toBe(true);
    expect(JSON.stringify(last.items)).not.toContain(lines.audioCommandsCue);
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

  it('refuses frame counts for a closing said after the target when the plan does not end in speech', () => {
    const odd = { ...plan, closingAfterTarget: true, items: [...plan.items, { kind: 'silence' as const, weight: 0 }] };
    expect(() => layOut(odd, speech)).toThrow(RenderError);
  });

  it('puts a gap before the closing cue when the timeline ends in speech, and shares evenly with no planned quiet', () => {
    // A step whose speech is longer than its hold: the core's timeline has no silence in it at all.
    const crowdedStep = { ...(foot.steps[0] as Routine['steps'][number]), holdSeconds: 1, cues: [] };
    const crowded: Routine = { ...foot, steps: [crowdedStep, crowdedStep] };
    const tight = planStep(crowded, 0, MEDIUM, lines);
    expect(tight.items.map((item) => item.kind)).toEqual(['speech', 'silence', 'speech']);
    const roomy = { ...tight, targetSeconds: 10 };
    const result = layOut(roomy, [50, 50]);
    expect(result.silenceFrames).toEqual([secondsToFrames(10) - 100 - result.tailFrames]);
    // As the last step, the closing comes after the ten seconds: the one silence fills them.
    const lastRoomy = { ...planStep(crowded, 1, MEDIUM, lines), targetSeconds: 10 };
    expect(lastRoomy.items.map((item) => item.kind)).toEqual(['speech', 'silence', 'speech']);
    const lastResult = layOut(lastRoomy, [50, 50]);
    expect(lastResult.silenceFrames).toEqual([secondsToFrames(10) - 50]);
    expect(lastResult.totalFrames).toBe(secondsToFrames(10) + 50 + lastResult.tailFrames);
  });
});

describe("laying out a routine's last step", () => {
  const plan = planStep(foot, LAST, MEDIUM, lines);
  const speech = estimatedFrames(plan);
  const layout = layOut(plan, speech);
  const closingFrames = speech[speech.length - 1] ?? 0;

  it('gives the step its whole target, then says the closing, then the tail', () => {
    expect(layout.stepFrames).toBe(secondsToFrames(plan.targetSeconds));
    expect(layout.speechStarts[layout.speechStarts.length - 1]).toBe(layout.stepFrames);
    expect(layout.totalFrames).toBe(layout.stepFrames + closingFrames + layout.tailFrames);
    const sum = [...speech, ...layout.silenceFrames, layout.tailFrames].reduce((a, b) => a + b, 0);
    expect(sum).toBe(layout.totalFrames);
  });

  it('leaves the closing out of the speech the target has to hold', () => {
    const withinTarget = speech.slice(0, -1).reduce((a, b) => a + b, 0);
    const gaps = layout.silenceFrames.length * secondsToFrames(MIN_GAP_SECONDS);
    // A closing as long as the whole step still lays out: it is said after the step's time.
    const longClosing = [...speech.slice(0, -1), layout.stepFrames];
    expect(() => layOut(plan, longClosing)).not.toThrow();
    const tooMuch = [
      ...speech.slice(0, -2),
      layout.stepFrames - withinTarget - gaps + (speech.at(-2) ?? 0) + 1,
      closingFrames,
    ];
    expect(() => layOut(plan, tooMuch)).toThrow(/speech takes/);
  });
});

describe('the whole catalogue', () => {
  // Every step of every routine in every variant, with each line as long as the core estimates it
  // (2.6 words a second at normal rate, slower at the slower rate): layOut throws when the speech a
  // step's target holds does not fit in it.
  const plans = ROUTINES.flatMap((routine) =>
    routine.steps.flatMap((_step, index) => ALL_VARIANTS.map((variant) => planStep(routine, index, variant, lines))),
  );

  it('is 792 step variants', () => {
    expect(plans).toHaveLength(ROUTINES.reduce((sum, routine) => sum + routine.steps.length, 0) * ALL_VARIANTS.length);
  });

  it('lays out in every step variant, each step exactly its target and its cues at least the minimum gap apart', () => {
    const failures: string[] = [];
    for (const plan of plans) {
      const where = `${plan.routineId} ${plan.stepIndex + 1} ${plan.variant.pressure}.${plan.variant.speechRate}.${plan.variant.pace}`;
      try {
        const layout = layOut(plan, estimatedFrames(plan));
        if (layout.stepFrames !== secondsToFrames(plan.targetSeconds)) failures.push(`${where}: step length`);
        if (layout.silenceFrames.some((frames) => frames < secondsToFrames(MIN_GAP_SECONDS)))
          failures.push(`${where}: gap`);
      } catch (error) {
        failures.push(`${where}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("ends each routine's last step, and only that, with the routine's closing", () => {
    for (const plan of plans) {
      const routine = ROUTINES.find((each) => each.id === plan.routineId) as Routine;
      const last = plan.stepIndex === routine.steps.length - 1;
      const closing = plan.items[plan.items.length - 1];
      expect({ step: `${routine.id} ${plan.stepIndex + 1}`, closing, after: plan.closingAfterTarget }).toEqual({
        step: `${routine.id} ${plan.stepIndex + 1}`,
        closing: {
          kind: 'speech',
          segment: 'closingCue',
          text: last ? `${routine.closing} ${lines.routineFinished(routine.name)}` : lines.audioCommandsCue,
        },
        after: last,
      });
    }
  });
});
