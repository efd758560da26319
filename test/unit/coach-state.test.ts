/** Reading the coach state back from untrusted session attributes. */
import { parseCoachState } from '../../lambda/core/coach';
import { MAX_STEP_OFFSET_SECONDS, MAX_TIMELINE_SECONDS } from '../../lambda/core/coach/state';
import { MAX_STEP_INDEX, MAX_TIME_MS } from '../../lambda/core/untrusted-profile';

const routine = { mode: 'routine', routineId: 'foot', resumeAt: { stepIndex: 2, offset: 4.5 } };

describe('parseCoachState', () => {
  it.each([
    ['not an object', 'x'],
    ['null', null],
    ['an array', [1, 2]],
    ['an unknown mode', { mode: 'dancing' }],
    ['a routine mode with an unknown routine', { mode: 'routine', routineId: 'moon' }],
    ['a halted mode with no routine', { mode: 'halted' }],
  ])('%s reads as the menu', (_case, value) => {
    expect(parseCoachState(value)).toEqual({ mode: 'menu' });
  });

  it('keeps a playing routine whole', () => {
    const value = { ...routine, played: { sentAt: 1000, spans: [[2, 0, 30, 4.5]] }, question: { kind: 'continue' } };
    expect(parseCoachState(value)).toEqual(value);
  });

  it('drops malformed spans, keeps at most 50, and clamps a negative position to the start', () => {
    const spans = [[1, 0, 10, 0], [1, 2], ['a', 0, 1, 0], ...Array.from({ length: 60 }, () => [3, 0, 1, 0])];
    const parsed = parseCoachState({
      mode: 'routine',
      routineId: 'hand',
      resumeAt: { stepIndex: -3, offset: -1 },
      played: { sentAt: 5, spans },
    });
    expect(parsed).toMatchObject({ resumeAt: { stepIndex: 0, offset: 0 }, played: { sentAt: 5 } });
    const kept = parsed.mode === 'routine' ? parsed.played.spans : [];
    expect(kept[0]).toEqual([1, 0, 10, 0]);
    expect(kept.length).toBe(48);
  });

  it('reads a halted state with its cause and misses, capping the misses', () => {
    expect(parseCoachState({ ...routine, mode: 'halted', cause: 'unwell', misses: 400 })).toEqual({
      mode: 'halted',
      routineId: 'foot',
      resumeAt: { stepIndex: 2, offset: 4.5 },
      cause: 'unwell',
      misses: 9,
    });
  });

  it.each([
    ['an unknown cause', { cause: 'boredom' }, { cause: 'unclear' }],
    ['negative misses', { misses: -2 }, { misses: 0 }],
    ['fractional misses', { misses: 1.5 }, { misses: 0 }],
  ])('a halted state with %s is read safely', (_case, fields, expected) => {
    expect(parseCoachState({ ...routine, mode: 'halted', cause: 'discomfort', misses: 1, ...fields })).toMatchObject(
      expected,
    );
  });

  it.each([
    ['menu', { mode: 'menu', question: { kind: 'continue' } }, { mode: 'menu' }],
    ['menu', { mode: 'menu', question: { kind: 'morePressure' } }, { mode: 'menu' }],
    ['menu', { mode: 'menu', question: { kind: 'term' } }, { mode: 'menu', question: { kind: 'term' } }],
    ['routine', { ...routine, question: { kind: 'resume' } }, { mode: 'routine' }],
    ['routine', { ...routine, question: { kind: 'morePressure' } }, { mode: 'routine' }],
    ['routine', { ...routine, question: { kind: 'term' } }, { mode: 'routine' }],
  ])('a question that means nothing in %s mode is dropped', (_mode, value, expected) => {
    const parsed = parseCoachState(value) as { question?: unknown };
    expect(parsed).toMatchObject(expected);
    if (!('question' in expected)) expect(parsed.question).toBeUndefined();
  });

  it('keeps a halted question that waits for a yes to more pressure', () => {
    const parsed = parseCoachState({
      ...routine,
      mode: 'halted',
      cause: 'discomfort',
      question: { kind: 'morePressure' },
    });
    expect(parsed).toMatchObject({ mode: 'halted', question: { kind: 'morePressure' } });
  });

  it('keeps a start question only with a known routine', () => {
    expect(parseCoachState({ mode: 'menu', question: { kind: 'start', routineId: 'hand' } })).toEqual({
      mode: 'menu',
      question: { kind: 'start', routineId: 'hand' },
    });
    expect(parseCoachState({ mode: 'menu', question: { kind: 'start', routineId: 'moon' } })).toEqual({ mode: 'menu' });
  });

  it('keeps the misses at the menu and labour mode as it is', () => {
    expect(parseCoachState({ mode: 'menu', misses: 2 })).toEqual({ mode: 'menu', misses: 2 });
    expect(parseCoachState({ mode: 'labour', routineId: 'foot' })).toEqual({ mode: 'labour' });
  });

  it('reads a routine with no timeline as one that has played out', () => {
    expect(parseCoachState(routine)).toMatchObject({ played: { sentAt: 0, spans: [] } });
  });
});

describe('parseCoachState caps', () => {
  it.each([
    [MAX_STEP_INDEX + 1, MAX_STEP_INDEX + 1],
    [1e12, MAX_STEP_INDEX + 1],
  ])('reads a position at step %p as step %p', (stepIndex, read) => {
    expect(parseCoachState({ ...routine, resumeAt: { stepIndex, offset: 0 } })).toMatchObject({
      resumeAt: { stepIndex: read, offset: 0 },
    });
  });

  it('caps how far into a step a position is', () => {
    const offset = (value: number) => parseCoachState({ ...routine, resumeAt: { stepIndex: 1, offset: value } });
    expect(offset(MAX_STEP_OFFSET_SECONDS)).toMatchObject({ resumeAt: { offset: MAX_STEP_OFFSET_SECONDS } });
    expect(offset(1e300)).toMatchObject({ resumeAt: { offset: MAX_STEP_OFFSET_SECONDS } });
  });

  it('drops spans naming a step that is not a whole number within the cap, and caps their times', () => {
    const spans = [
      [MAX_STEP_INDEX, 1e9, 1e12, 1e300],
      [MAX_STEP_INDEX + 1, 0, 1, 0],
      [1.5, 0, 1, 0],
      [-1, 0, 1, 0],
      [0, -5, 1, 0],
    ];
    const parsed = parseCoachState({ ...routine, played: { sentAt: 1e300, spans } });
    expect(parsed).toMatchObject({
      played: {
        sentAt: MAX_TIME_MS,
        spans: [
          [MAX_STEP_INDEX, MAX_TIMELINE_SECONDS, MAX_TIMELINE_SECONDS, MAX_STEP_OFFSET_SECONDS],
          [0, 0, 1, 0],
        ],
      },
    });
  });
});
