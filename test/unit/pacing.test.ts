import { lines, ROUTINES } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import { MAX_RESPONSE_SECONDS } from '../../lambda/core/limits';
import {
  packSteps,
  positionAt,
  remainingSeconds,
  stepSpans,
  stepTargetSeconds,
  stepTimeline,
  stepTimelineFrom,
  timelineSeconds,
} from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, PACES, type Preferences, SPEECH_RATES } from '../../lambda/core/preferences';
import { countWords, estimateSpeechSeconds, WORDS_PER_SECOND } from '../../lambda/core/speech-estimate';

const everyPrefs: Preferences[] = PACES.flatMap((pace) =>
  SPEECH_RATES.map((speechRate) => ({ ...DEFAULT_PREFERENCES, pace, speechRate })),
);

const everyStep = ROUTINES.flatMap((routine) => routine.steps.map((step, index) => ({ routine, step, index })));

describe('speech estimate', () => {
  it('counts words and divides by the named rate', () => {
    expect(countWords("Rest your palms on her back, don't press.")).toBe(8);
    expect(estimateSpeechSeconds('one two three four', 1)).toBeCloseTo(4 / WORDS_PER_SECOND);
    expect(estimateSpeechSeconds('one two three four', 0.5)).toBeCloseTo(8 / WORDS_PER_SECOND);
  });
});

describe('step timelines meet their targets', () => {
  it.each(everyPrefs.map((prefs) => [`${prefs.pace} pace, ${prefs.speechRate} speech`, prefs] as const))(
    'every step within 10%% at %s',
    (_label, prefs) => {
      for (const { routine, index } of everyStep) {
        const target = stepTargetSeconds(routine, index, prefs);
        const actual = timelineSeconds(stepTimeline(routine, index, prefs, lines));
        expect({ step: routine.steps[index]?.id, error: Math.abs(actual - target) / target < 0.1 }).toEqual({
          step: routine.steps[index]?.id,
          error: true,
        });
      }
    },
  );

  it('opens with "Step n of m", then cues in order, with quiet between them', () => {
    const routine = ROUTINES[0] as Routine;
    const timeline = stepTimeline(routine, 1, DEFAULT_PREFERENCES, lines);
    const first = timeline[0];
    expect(first?.kind === 'speech' && first.text.startsWith(`Step 2 of ${routine.steps.length}.`)).toBe(true);
    const cues = timeline.filter((segment) => segment.kind === 'speech').slice(1);
    expect(cues.map((cue) => (cue.kind === 'speech' ? cue.text : ''))).toEqual(
      routine.steps[1]?.cues.map((c) => c.text),
    );
    for (let i = 1; i < timeline.length; i += 1) {
      if (timeline[i]?.kind === 'speech') expect(timeline[i - 1]?.kind).toBe('silence');
    }
  });

  it('a slower pace lengthens the holds and a quicker one shortens them', () => {
    const routine = ROUTINES[1] as Routine;
    const at = (pace: Preferences['pace']) =>
      timelineSeconds(stepTimeline(routine, 0, { ...DEFAULT_PREFERENCES, pace }, lines));
    expect(at('slower')).toBeGreaterThan(at('normal'));
    expect(at('quicker')).toBeLessThan(at('normal'));
  });

  it('the rest of a step from an offset drops speech already begun and trims the silence', () => {
    const routine = ROUTINES[0] as Routine;
    const full = stepTimeline(routine, 0, DEFAULT_PREFERENCES, lines);
    const introSeconds = full[0]?.seconds ?? 0;
    const rest = stepTimelineFrom(routine, { stepIndex: 0, offset: introSeconds + 1 }, DEFAULT_PREFERENCES, lines);
    expect(rest[0]?.kind).toBe('silence');
    expect(timelineSeconds(rest)).toBeCloseTo(timelineSeconds(full) - introSeconds - 1, 0);
  });
});

describe('packing steps into responses', () => {
  const routine = ROUTINES[0] as Routine;

  it('continuous flow carries several whole steps within 240 s', () => {
    const packed = packSteps(routine, { stepIndex: 0, offset: 0 }, [], DEFAULT_PREFERENCES, lines);
    expect(packed.next.stepIndex).toBeGreaterThan(1);
    expect(packed.next.offset).toBe(0);
    expect(timelineSeconds(packed.segments)).toBeLessThanOrEqual(MAX_RESPONSE_SECONDS);
  });

  it('step-by-step flow carries exactly one step', () => {
    const packed = packSteps(
      routine,
      { stepIndex: 2, offset: 0 },
      [],
      { ...DEFAULT_PREFERENCES, flow: 'stepByStep' },
      lines,
    );
    expect(packed.next).toEqual({ stepIndex: 3, offset: 0 });
    expect(new Set(packed.segments.map((s) => s.step))).toEqual(new Set([2]));
  });

  it('splits a step longer than one response into parts that continue inside it', () => {
    const base = routine.steps[0];
    if (!base) throw new Error('no step');
    const long: Routine = { ...routine, steps: [{ ...base, holdSeconds: 400 }, ...routine.steps.slice(1)] };
    const first = packSteps(long, { stepIndex: 0, offset: 0 }, [], DEFAULT_PREFERENCES, lines);
    expect(first.next.stepIndex).toBe(0);
    expect(first.next.offset).toBeGreaterThan(0);
    expect(timelineSeconds(first.segments)).toBeLessThanOrEqual(MAX_RESPONSE_SECONDS);
    const second = packSteps(long, first.next, [], DEFAULT_PREFERENCES, lines);
    const covered = timelineSeconds(first.segments) + timelineSeconds(second.segments.filter((s) => s.step === 0));
    expect(covered).toBeCloseTo(400, 0);
    expect(second.next.stepIndex).toBeGreaterThanOrEqual(1);
  });
});

describe('mapping an interruption onto what was playing', () => {
  const spans = [
    [2, 10, 70, 0],
    [3, 70, 130, 0],
  ] as const;

  it('during the opening it is the first step, from where it began', () => {
    expect(positionAt(spans, 4)).toEqual({ stepIndex: 2, offset: 0, finished: false });
  });

  it('inside a step it is that step, and how far into it', () => {
    expect(positionAt(spans, 25)).toEqual({ stepIndex: 2, offset: 15, finished: false });
    expect(positionAt(spans, 70)).toEqual({ stepIndex: 3, offset: 0, finished: false });
    expect(positionAt(spans, 129)).toEqual({ stepIndex: 3, offset: 59, finished: false });
  });

  it('after the end it is the last step, finished', () => {
    expect(positionAt(spans, 500)).toEqual({ stepIndex: 3, offset: 60, finished: true });
  });

  it('a response that began inside a step carries that offset', () => {
    expect(positionAt([[1, 5, 45, 30]], 15)).toEqual({ stepIndex: 1, offset: 40, finished: false });
  });

  it('spans follow the packed segments', () => {
    const routine = ROUTINES[0] as Routine;
    const packed = packSteps(routine, { stepIndex: 0, offset: 0 }, [], DEFAULT_PREFERENCES, lines);
    const computed = stepSpans(packed.segments, 0);
    expect(computed[0]?.[0]).toBe(0);
    expect(computed[0]?.[1]).toBe(0);
    expect(computed[1]?.[1]).toBeCloseTo(stepTargetSeconds(routine, 0, DEFAULT_PREFERENCES), 0);
  });

  it('time remaining counts the rest of this step and all later ones', () => {
    const routine = ROUTINES[0] as Routine;
    const all = remainingSeconds(routine, { stepIndex: 0, offset: 0 }, DEFAULT_PREFERENCES);
    const later = remainingSeconds(routine, { stepIndex: 0, offset: 20 }, DEFAULT_PREFERENCES);
    expect(all - later).toBeCloseTo(20);
    expect(all).toBeCloseTo(routine.steps.reduce((sum, step) => sum + step.holdSeconds, 0));
  });
});
