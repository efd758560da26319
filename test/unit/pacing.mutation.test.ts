/**
 * Pacing over made-up steps whose timings come out exact: with an intro that says nothing, a step
 * with no cues is one silence of exactly its hold, so the time budgets can be met to the second.
 */
import type { Cue, Routine, Step } from '../../lambda/core/catalogue';
import { MAX_RESPONSE_SECONDS, MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import {
  estimateCharacters,
  PROMPT_RESERVE_CHARACTERS,
  PROMPT_RESERVE_SECONDS,
  packSteps,
  positionAt,
  remainingSeconds,
  routineSeconds,
  type Segment,
  type StepWording,
  speech,
  stepSpans,
  stepTargetSeconds,
  stepTimeline,
  stepTimelineFrom,
  timelineSeconds,
} from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lambda/core/preferences';
import { WORDS_PER_SECOND } from '../../lambda/core/speech-estimate';

const prefs = DEFAULT_PREFERENCES;
const stepByStep: Preferences = { ...DEFAULT_PREFERENCES, flow: 'stepByStep' };

/** An intro of no words: the step's timeline is then its silences and cues only. */
const silentIntro: StepWording = { stepIntro: () => '' };
const spokenIntro: StepWording = {
  stepIntro: (stepNumber, stepCount, title, instruction) =>
    `Step ${stepNumber} of ${stepCount}. ${title}. ${instruction}`,
};

const cue = (text: string): Cue => ({ kind: 'cue', text });
const checkIn = (text: string): Cue => ({ kind: 'checkIn', text });
const switchSide = (text: string): Cue => ({ kind: 'switchSide', text });

function step(holdSeconds: number, cues: readonly Cue[] = [], extra: Partial<Step> = {}): Step {
  return {
    id: 'lowerBack.test',
    title: 'palm circles',
    area: 'lowerBack',
    instruction: { gentle: 'Circle softly.', medium: 'Circle with some weight.', firm: 'Lean in as you circle.' },
    holdSeconds,
    cues,
    morePressureTip: '',
    lessPressureTip: '',
    ...extra,
  };
}

function routineOf(...steps: Step[]): Routine {
  return {
    id: 'lowerBack',
    name: 'test routine',
    synonyms: [],
    summary: '',
    position: '',
    cautions: [],
    pointsToAvoid: [],
    steps,
    closing: '',
  };
}

const silent = (seconds: number): Segment => ({ kind: 'silence', seconds });
const texts = (segments: readonly Segment[]) => segments.map((s) => (s.kind === 'speech' ? s.text : `~${s.seconds}`));
/** One word of many letters: little time, many SSML characters. */
const longWord = 'a'.repeat(1700);

describe('a spoken segment', () => {
  it('estimates its seconds from its words at the voice rate, with no step unless given one', () => {
    expect(speech('one two', 'answer', prefs)).toStrictEqual({
      kind: 'speech',
      role: 'answer',
      text: 'one two',
      seconds: 2 / WORDS_PER_SECOND,
    });
    expect(speech('one two', 'cue', { ...prefs, speechRate: 'slower' }, 3)).toStrictEqual({
      kind: 'speech',
      role: 'cue',
      text: 'one two',
      seconds: 2 / (WORDS_PER_SECOND * 0.85),
      step: 3,
    });
  });
});

describe('step targets', () => {
  const routine = routineOf(step(100), step(60));

  it.each([
    ['slower', 130],
    ['normal', 100],
    ['quicker', 75],
  ] as const)('a 100 s hold at %s pace lasts %p s', (pace, seconds) => {
    expect(stepTargetSeconds(routine, 0, { ...prefs, pace })).toBe(seconds);
  });

  it('a step past the end has no target and no timeline', () => {
    expect(stepTargetSeconds(routine, 2, prefs)).toBe(0);
    expect(stepTimeline(routine, 2, prefs, spokenIntro)).toEqual([]);
  });

  it('a routine lasts the sum of its targets', () => {
    expect(routineSeconds(routine, prefs)).toBe(160);
    expect(routineSeconds(routine, { ...prefs, pace: 'quicker' })).toBe(120);
  });

  it('time remaining from past the end of a step counts only the later steps', () => {
    expect(remainingSeconds(routine, { stepIndex: 0, offset: 500 }, prefs)).toBe(60);
  });
});

describe('a step timeline', () => {
  it('introduces the step with its number, title and the instruction at the chosen pressure', () => {
    const routine = routineOf(step(60), step(60));
    const [intro] = stepTimeline(routine, 1, { ...prefs, pressure: 'medium' }, spokenIntro);
    expect(intro).toMatchObject({
      kind: 'speech',
      role: 'stepIntro',
      text: 'Step 2 of 2. palm circles. Circle with some weight.',
      step: 1,
    });
  });

  it('speaks cues as cues and check-ins as check-ins, every segment marked with its step', () => {
    const timeline = stepTimeline(
      routineOf(step(60, [cue('Keep going.'), checkIn('How is that?')])),
      0,
      prefs,
      silentIntro,
    );
    expect(timeline.filter((s) => s.kind === 'speech').map((s) => s.kind === 'speech' && s.role)).toEqual([
      'stepIntro',
      'cue',
      'checkIn',
    ]);
    expect(timeline.map((s) => s.step)).toEqual(timeline.map(() => 0));
  });

  it('spreads the quiet evenly: a gap before each cue and the rest at the end', () => {
    const words13 = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    const timeline = stepTimeline(routineOf(step(60, [cue(words13)])), 0, prefs, silentIntro);
    expect(timeline.map((s) => [s.kind, s.seconds])).toEqual([
      ['speech', 0],
      ['silence', 27.5],
      ['speech', 5],
      ['silence', 27.5],
    ]);
  });

  it('has no silences when the speech fills the whole target', () => {
    const timeline = stepTimeline(routineOf(step(1, [cue('Keep going, slowly now.')])), 0, prefs, spokenIntro);
    expect(timeline.map((s) => s.kind)).toEqual(['speech', 'speech']);
  });

  it('opens with the move to a new part of the body when the step has one', () => {
    const timeline = stepTimeline(routineOf(step(60, [], { moveTo: 'Now move to her feet.' })), 0, prefs, spokenIntro);
    expect(timeline.slice(0, 2)).toMatchObject([
      { role: 'stepIntro', text: 'Now move to her feet.' },
      { role: 'stepIntro', text: 'Step 1 of 1. palm circles. Circle softly.' },
    ]);
  });

  it('switches sides half way through the hold, and the second side hears its own cues', () => {
    const routine = routineOf(step(100, [cue('Left.'), switchSide('Other side.'), checkIn('Right?')]));
    const timeline = stepTimeline(routine, 0, prefs, silentIntro);
    expect(texts(timeline).filter((t) => !t.startsWith('~'))).toEqual(['', 'Left.', 'Other side.', 'Right?']);
    const switchIndex = timeline.findIndex((s) => s.kind === 'speech' && s.text === 'Other side.');
    expect(timelineSeconds(timeline.slice(0, switchIndex))).toBeCloseTo(50, 1);
    expect(timeline[switchIndex]).toMatchObject({ role: 'cue', step: 0 });
    expect(timelineSeconds(timeline)).toBeCloseTo(100, 0);
  });

  it('repeats the first side’s plain cues, not its check-ins, when nothing follows the switch', () => {
    const routine = routineOf(step(100, [cue('Left.'), checkIn('Good?'), switchSide('Other side.')]));
    const spoken = texts(stepTimeline(routine, 0, prefs, silentIntro)).filter((t) => !t.startsWith('~'));
    expect(spoken).toEqual(['', 'Left.', 'Good?', 'Other side.', 'Left.']);
  });
});

describe('the rest of a step from an offset', () => {
  const routine = routineOf(step(60, [cue('Keep going.'), cue('Nearly there.')]));
  /** Built inside each test, so the core runs under a test and not while tests are collected. */
  const wholeStep = () => stepTimeline(routine, 0, prefs, spokenIntro);

  it('from the start is the whole step', () => {
    expect(stepTimelineFrom(routine, { stepIndex: 0, offset: 0 }, prefs, spokenIntro)).toEqual(wholeStep());
  });

  it('from inside the intro drops the rest of the intro and starts with the first silence whole', () => {
    const full = wholeStep();
    const introSeconds = full[0]?.seconds ?? 0;
    const rest = stepTimelineFrom(routine, { stepIndex: 0, offset: introSeconds / 2 }, prefs, spokenIntro);
    expect(rest).toEqual(full.slice(1));
  });

  it('from inside a silence keeps what is left of it, to a tenth of a second', () => {
    const full = wholeStep();
    const introSeconds = full[0]?.seconds ?? 0;
    const gap = full[1]?.seconds ?? 0;
    const rest = stepTimelineFrom(routine, { stepIndex: 0, offset: introSeconds + 1 }, prefs, spokenIntro);
    expect(rest).toEqual([{ kind: 'silence', seconds: Math.round((gap - 1) * 10) / 10, step: 0 }, ...full.slice(2)]);
  });

  it('from exactly where a cue starts begins with that cue, not an empty silence', () => {
    const full = wholeStep();
    const offset = timelineSeconds(full.slice(0, 2));
    const rest = stepTimelineFrom(routine, { stepIndex: 0, offset }, prefs, spokenIntro);
    expect(rest).toEqual(full.slice(2));
  });
});

describe('SSML character estimates', () => {
  it.each<[string, Segment[], number]>([
    ['nothing', [], 0],
    ['ten letters of speech', [{ kind: 'speech', role: 'cue', text: 'abcdefghij', seconds: 1 }], 13],
    ['forty letters of speech', [{ kind: 'speech', role: 'cue', text: 'a'.repeat(40), seconds: 1 }], 47],
    ['half a second of silence', [silent(0.5)], 48],
    ['ten seconds of silence', [silent(10)], 48],
    ['25 seconds of silence', [silent(25)], 96],
    ['speech and silence together', [{ kind: 'speech', role: 'cue', text: 'abcdefghij', seconds: 1 }, silent(25)], 109],
  ])('%s comes to %p characters', (_label, segments, characters) => {
    expect(estimateCharacters(segments)).toBe(characters);
  });
});

describe('packing steps against the time budget', () => {
  const budget = MAX_RESPONSE_SECONDS - PROMPT_RESERVE_SECONDS;

  it(`takes steps that together fill exactly ${budget} s`, () => {
    const packed = packSteps(
      routineOf(step(114), step(114), step(50)),
      { stepIndex: 0, offset: 0 },
      [],
      prefs,
      silentIntro,
    );
    expect(packed.next).toEqual({ stepIndex: 2, offset: 0 });
    expect(timelineSeconds(packed.segments)).toBe(budget);
  });

  it(`stops before a step that would pass ${budget} s`, () => {
    const packed = packSteps(
      routineOf(step(115), step(114), step(50)),
      { stepIndex: 0, offset: 0 },
      [],
      prefs,
      silentIntro,
    );
    expect(packed.next).toEqual({ stepIndex: 1, offset: 0 });
  });

  it('counts the preface, which comes first', () => {
    const preface = [speech('Welcome back.', 'answer', prefs), silent(14)];
    const packed = packSteps(
      routineOf(step(114), step(114), step(50)),
      { stepIndex: 0, offset: 0 },
      preface,
      prefs,
      silentIntro,
    );
    expect(packed.segments.slice(0, 2)).toEqual(preface);
    expect(packed.next).toEqual({ stepIndex: 1, offset: 0 });
  });

  it('in step-by-step flow stops after one step even when more fit', () => {
    const packed = packSteps(routineOf(step(50), step(50)), { stepIndex: 0, offset: 0 }, [], stepByStep, silentIntro);
    expect(packed.next).toEqual({ stepIndex: 1, offset: 0 });
  });
});

describe('packing steps against the character budget', () => {
  const budget = MAX_SSML_CHARACTERS - PROMPT_RESERVE_CHARACTERS;
  const wordy = routineOf(...Array.from({ length: 5 }, () => step(30, [cue(longWord)])));
  const stepCharacters = () => estimateCharacters(stepTimeline(wordy, 0, prefs, silentIntro));

  it('the made-up steps are short but wordy: three fit the budget, four do not', () => {
    expect(timelineSeconds(stepTimeline(wordy, 0, prefs, silentIntro))).toBeCloseTo(30, 1);
    expect(3 * stepCharacters()).toBeLessThanOrEqual(budget);
    expect(4 * stepCharacters()).toBeGreaterThan(budget);
  });

  it(`stops before the step that would pass ${budget} characters`, () => {
    const packed = packSteps(wordy, { stepIndex: 0, offset: 0 }, [], prefs, silentIntro);
    expect(packed.next).toEqual({ stepIndex: 3, offset: 0 });
    expect(estimateCharacters(packed.segments)).toBe(3 * stepCharacters());
  });

  it(`takes steps that bring the total to exactly ${budget} characters`, () => {
    const needed = budget - 3 * stepCharacters();
    const length = Array.from({ length: 3000 }, (_, n) => n).find(
      (n) => estimateCharacters([speech('a'.repeat(n), 'answer', prefs)]) === needed,
    );
    expect(length).toBeDefined();
    const preface = [speech('a'.repeat(length ?? 0), 'answer', prefs)];
    const packed = packSteps(wordy, { stepIndex: 0, offset: 0 }, preface, prefs, silentIntro);
    expect(estimateCharacters(packed.segments)).toBe(budget);
    expect(packed.next).toEqual({ stepIndex: 3, offset: 0 });
  });
});

describe('a step too long for one response', () => {
  const partBudget = MAX_RESPONSE_SECONDS - PROMPT_RESERVE_SECONDS;
  const long = routineOf(step(400));

  it(`takes ${partBudget} s of its silence and continues there next time`, () => {
    const first = packSteps(long, { stepIndex: 0, offset: 0 }, [], prefs, silentIntro);
    expect(texts(first.segments)).toEqual(['', `~${partBudget}`]);
    expect(first.next).toEqual({ stepIndex: 0, offset: partBudget });
    const second = packSteps(long, first.next, [], prefs, silentIntro);
    expect(texts(second.segments)).toEqual([`~${400 - partBudget}`]);
    expect(second.next).toEqual({ stepIndex: 1, offset: 0 });
  });

  it('takes one whole second of silence when exactly one is left', () => {
    const packed = packSteps(long, { stepIndex: 0, offset: 0 }, [silent(partBudget - 1)], prefs, silentIntro);
    expect(texts(packed.segments)).toEqual([`~${partBudget - 1}`, '', '~1']);
    expect(packed.next).toEqual({ stepIndex: 0, offset: 1 });
  });

  it('takes no silence when less than a second is left', () => {
    const packed = packSteps(long, { stepIndex: 0, offset: 0 }, [silent(partBudget - 0.5)], prefs, silentIntro);
    expect(texts(packed.segments)).toEqual([`~${partBudget - 0.5}`, '']);
    expect(packed.next).toEqual({ stepIndex: 0, offset: 0 });
  });

  it('takes a silence that exactly fills what is left whole, and goes on to the next segment', () => {
    const packed = packSteps(
      routineOf(step(2 * partBudget, [cue('')])),
      { stepIndex: 0, offset: 0 },
      [],
      prefs,
      silentIntro,
    );
    expect(texts(packed.segments)).toEqual(['', `~${partBudget}`, '']);
    expect(packed.next).toEqual({ stepIndex: 0, offset: partBudget });
  });

  it('when too wordy for one response, takes a cue that brings it to exactly the character budget', () => {
    const wordy = routineOf(
      step(
        200,
        Array.from({ length: 5 }, () => cue(longWord)),
      ),
    );
    const timeline = stepTimeline(wordy, 0, prefs, silentIntro);
    const throughThirdCue = timeline.slice(0, 7);
    expect(throughThirdCue[6]).toMatchObject({ kind: 'speech', text: longWord });
    const needed = MAX_SSML_CHARACTERS - PROMPT_RESERVE_CHARACTERS - estimateCharacters(throughThirdCue);
    const length = Array.from({ length: 3000 }, (_, n) => n).find(
      (n) => estimateCharacters([speech('a'.repeat(n), 'answer', prefs)]) === needed,
    );
    expect(length).toBeDefined();
    const preface = [speech('a'.repeat(length ?? 0), 'answer', prefs)];
    const packed = packSteps(wordy, { stepIndex: 0, offset: 0 }, preface, prefs, silentIntro);
    expect(packed.segments.slice(0, 1 + throughThirdCue.length)).toEqual([...preface, ...throughThirdCue]);
  });

  it('when too wordy for one response, stops before the cue that would pass the character budget', () => {
    const wordy = routineOf(
      step(
        200,
        Array.from({ length: 5 }, () => cue(longWord)),
      ),
    );
    const packed = packSteps(wordy, { stepIndex: 0, offset: 0 }, [], prefs, silentIntro);
    const spokenCues = packed.segments.filter((s) => s.kind === 'speech' && s.text === longWord);
    expect(spokenCues).toHaveLength(3);
    expect(packed.segments[packed.segments.length - 1]?.kind).toBe('silence');
    expect(packed.next.stepIndex).toBe(0);
    // The next part starts where this one ended, rounded down to a tenth so no cue is passed over.
    const played = timelineSeconds(packed.segments);
    expect(packed.next.offset).toBeLessThanOrEqual(played);
    expect(played - packed.next.offset).toBeLessThan(0.1);
  });
});

describe('step spans', () => {
  const at = (stepIndex: number | undefined, seconds: number): Segment =>
    stepIndex === undefined ? silent(seconds) : { kind: 'silence', seconds, step: stepIndex };

  it('are none for no segments, or segments of no step', () => {
    expect(stepSpans([], 0)).toEqual([]);
    expect(stepSpans([at(undefined, 5)], 0)).toEqual([]);
  });

  it('start after a preface, and only the first carries the offset it began at', () => {
    const segments = [at(undefined, 5), at(2, 10), at(2, 20), at(3, 15)];
    expect(stepSpans(segments, 30)).toEqual([
      [2, 5, 35, 30],
      [3, 35, 50, 0],
    ]);
  });

  it('give no position when there are none', () => {
    expect(positionAt([], 5)).toBeUndefined();
  });
});
