/**
 * The caps on what is read back from a stored item or the session's attributes: each is kept at
 * its cap and cut or dropped past it, and nothing read back can make the profile large or throw.
 */
import { APPLIED_UPDATE_MEMORY, applyUpdate, historyAsOf, newProfile } from '../../lambda/core/profile';
import {
  MAX_DAYS_IN_A_ROW,
  MAX_DAYS_THIS_WEEK,
  MAX_MINUTES_THIS_WEEK,
  MAX_PENDING_PRACTICE,
  MAX_PRACTICE_MINUTES,
  MAX_SESSIONS_FINISHED,
  MAX_STEP_ID_LENGTH,
  MAX_STEP_INDEX,
  MAX_TIME_MS,
  MAX_UPDATE_ID_LENGTH,
  sanitizeProfile,
  sanitizeUpdate,
} from '../../lambda/core/untrusted-profile';

const idOf = (length: number, tag = 'a') => tag.padEnd(length, 'x');

describe('the paused place read back', () => {
  it.each([
    [MAX_STEP_INDEX, MAX_STEP_INDEX],
    [MAX_STEP_INDEX + 1, MAX_STEP_INDEX],
    [1e12, MAX_STEP_INDEX],
    [-4, 0],
  ])('a step index of %p reads as %p, keeping the routine', (stepIndex, read) => {
    expect(sanitizeProfile({ paused: { routineId: 'foot', stepIndex, at: 5 } }).paused).toEqual({
      routineId: 'foot',
      stepIndex: read,
      at: 5,
    });
  });

  it('keeps a step id up to its cap', () => {
    const stepId = idOf(MAX_STEP_ID_LENGTH);
    expect(sanitizeProfile({ paused: { routineId: 'foot', stepIndex: 1, stepId } }).paused?.stepId).toBe(stepId);
  });

  it.each([
    ['longer than its cap', idOf(MAX_STEP_ID_LENGTH + 1)],
    ['empty', ''],
    ['not a string', 7],
  ])('leaves out a step id %s, and keeps the place', (_label, stepId) => {
    expect(sanitizeProfile({ paused: { routineId: 'foot', stepIndex: 1, stepId, at: 5 } }).paused).toEqual({
      routineId: 'foot',
      stepIndex: 1,
      at: 5,
    });
  });
});

describe('the update ids read back', () => {
  it(`keep ids up to ${MAX_UPDATE_ID_LENGTH} characters and drop longer or empty ones, then the last ${APPLIED_UPDATE_MEMORY}`, () => {
    const kept = Array.from({ length: APPLIED_UPDATE_MEMORY }, (_, index) => idOf(MAX_UPDATE_ID_LENGTH, `${index}`));
    const ids = [idOf(5, 'early'), ...kept.slice(0, 10), idOf(MAX_UPDATE_ID_LENGTH + 1), '', ...kept.slice(10)];
    expect(sanitizeProfile({ appliedUpdateIds: ids }).appliedUpdateIds).toEqual(kept);
  });
});

describe('the practice history read back', () => {
  it('keeps real days only, each once, at most the last seven', () => {
    const days = [
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ];
    const history = sanitizeProfile({
      history: { daysThisWeek: [...days, '2026-11-23', '2026-02-30', '2026-11-2', 'x2026-11-24', 20261124] },
    }).history;
    expect(history.daysThisWeek).toEqual(days.slice(-MAX_DAYS_THIS_WEEK));
  });

  it.each([
    ['2026-11-23', '2026-11-23', '2026-11-26', '2026-11-26'],
    ['2026-13-01', '', '2026-11-31', null],
    [`2026-11-23${'x'.repeat(10_000)}`, '', { day: '2026-11-26' }, null],
  ])('reads week %p as %p and last day %p as %p', (weekOf, week, lastPracticeDay, last) => {
    expect(sanitizeProfile({ history: { weekOf, lastPracticeDay } }).history).toMatchObject({
      weekOf: week,
      lastPracticeDay: last,
    });
  });

  it.each([
    ['sessionsFinished', MAX_SESSIONS_FINISHED],
    ['minutesThisWeek', MAX_MINUTES_THIS_WEEK],
    ['daysInARow', MAX_DAYS_IN_A_ROW],
  ] as const)('caps %s at %p and reads a negative one as 0', (field, cap) => {
    expect(sanitizeProfile({ history: { [field]: cap } }).history[field]).toBe(cap);
    expect(sanitizeProfile({ history: { [field]: cap + 1 } }).history[field]).toBe(cap);
    expect(sanitizeProfile({ history: { [field]: -3 } }).history[field]).toBe(0);
  });

  it('counts whole sessions and days, and keeps minutes as they are', () => {
    const history = sanitizeProfile({
      history: { sessionsFinished: 4.7, daysInARow: 2.5, minutesThisWeek: 7.5 },
    }).history;
    expect(history).toMatchObject({ sessionsFinished: 4, daysInARow: 2, minutesThisWeek: 7.5 });
  });
});

describe('times read back', () => {
  it.each([
    [MAX_TIME_MS, MAX_TIME_MS],
    [1e300, MAX_TIME_MS],
    [-5, 0],
  ])('a time of %p reads as %p', (at, read) => {
    const profile = sanitizeProfile({
      preferencesAt: { pressure: at, pace: at, speechRate: at, flow: at, handsFree: at },
      pausedAt: at,
      paused: { routineId: 'foot', stepIndex: 0, at },
    });
    expect(profile.preferencesAt).toEqual({
      pressure: read,
      pace: read,
      speechRate: read,
      flow: read,
      handsFree: read,
    });
    expect(profile.pausedAt).toBe(read);
    expect(profile.paused?.at).toBe(read);
  });

  it('a profile read back from the latest times works out its week without throwing', () => {
    const profile = sanitizeProfile({ history: { weekOf: '2026-11-23', daysThisWeek: ['2026-11-23'] } });
    expect(() => historyAsOf(profile.history, MAX_TIME_MS)).not.toThrow();
  });
});

describe('a pending update read back', () => {
  it(`keeps an id of ${MAX_UPDATE_ID_LENGTH} characters and drops the update with a longer one`, () => {
    expect(sanitizeUpdate({ id: idOf(MAX_UPDATE_ID_LENGTH) })).toEqual({ id: idOf(MAX_UPDATE_ID_LENGTH) });
    expect(sanitizeUpdate({ id: idOf(MAX_UPDATE_ID_LENGTH + 1) })).toBeUndefined();
    expect(sanitizeUpdate({ id: '' })).toBeUndefined();
  });

  it('keeps only preference values the skill knows, each for its own preference', () => {
    const update = sanitizeUpdate({
      id: 'u',
      preferences: {
        pressure: { value: 'crushing', at: 1 },
        pace: { value: 'slower', at: 2 },
        speechRate: { value: 'quicker', at: 3 },
        flow: { value: 'stepByStep', at: 4 },
      },
    });
    expect(update?.preferences).toEqual({ pace: { value: 'slower', at: 2 }, flow: { value: 'stepByStep', at: 4 } });
  });

  it.each([
    ['pressure', 'firm'],
    ['speechRate', 'slower'],
  ] as const)('keeps %s %p', (key, value) => {
    expect(sanitizeUpdate({ id: 'u', preferences: { [key]: { value, at: 1 } } })?.preferences).toEqual({
      [key]: { value, at: 1 },
    });
  });

  it.each([
    ['a preference change', { preferences: { pace: { value: 'slower', at: MAX_TIME_MS + 1 } } }],
    ['a pause', { paused: { place: null, at: MAX_TIME_MS * 2 } }],
    ['practice', { practice: [{ routineId: 'foot', at: 1e300, minutes: 5 }] }],
  ])('drops %s timed past the latest time', (_label, fields) => {
    expect(sanitizeUpdate({ id: 'u', ...fields })).toStrictEqual({ id: 'u' });
  });

  it('keeps a change made at the latest time', () => {
    expect(sanitizeUpdate({ id: 'u', paused: { place: null, at: MAX_TIME_MS } })?.paused?.at).toBe(MAX_TIME_MS);
  });

  it(`keeps the last ${MAX_PENDING_PRACTICE} practice entries, each counted at most ${MAX_PRACTICE_MINUTES} minutes`, () => {
    const practice = Array.from({ length: MAX_PENDING_PRACTICE + 5 }, (_, index) => ({
      routineId: 'foot',
      at: index,
      minutes: index === MAX_PENDING_PRACTICE + 4 ? 10_000 : MAX_PRACTICE_MINUTES,
    }));
    const kept = sanitizeUpdate({ id: 'u', practice })?.practice ?? [];
    expect(kept).toHaveLength(MAX_PENDING_PRACTICE);
    expect(kept[0]?.at).toBe(5);
    expect(kept.map((entry) => entry.minutes)).toEqual(Array(MAX_PENDING_PRACTICE).fill(MAX_PRACTICE_MINUTES));
  });

  it('reads its paused place with the same caps as a profile', () => {
    const place = { routineId: 'hand', stepIndex: 1e6, stepId: idOf(MAX_STEP_ID_LENGTH + 1), at: 9 };
    expect(sanitizeUpdate({ id: 'u', paused: { place, at: 9 } })?.paused).toEqual({
      place: { routineId: 'hand', stepIndex: MAX_STEP_INDEX, at: 9 },
      at: 9,
    });
  });

  it('an update read back from extreme values applies without throwing', () => {
    const update = sanitizeUpdate({
      id: 'u',
      practice: [{ routineId: 'foot', at: MAX_TIME_MS, minutes: 1e300 }],
      paused: { place: { routineId: 'foot', stepIndex: 2, at: MAX_TIME_MS }, at: MAX_TIME_MS },
    });
    expect(update).toBeDefined();
    expect(() => applyUpdate(newProfile(), update ?? { id: 'none' })).not.toThrow();
  });
});

describe('the size of what is read back', () => {
  it('a profile read from anything at all serialises to a few kilobytes', () => {
    // Prepare: every field at or far past its cap, and fields the profile does not have.
    const long = (length: number) => 'q'.repeat(length);
    const huge = {
      preferences: { pressure: long(10_000), pace: 'slower', extra: long(10_000) },
      preferencesAt: { pressure: MAX_TIME_MS, pace: 1e300, speechRate: long(100), flow: [1, 2] },
      paused: { routineId: 'foot', stepIndex: 1e9, stepId: idOf(MAX_STEP_ID_LENGTH), at: MAX_TIME_MS, x: long(9) },
      pausedAt: MAX_TIME_MS,
      history: {
        sessionsFinished: 1e300,
        daysThisWeek: [...Array.from({ length: 5_000 }, () => long(40)), '2026-11-23'],
        weekOf: long(50_000),
        minutesThisWeek: 1e300,
        lastPracticeDay: long(50_000),
        daysInARow: 1e300,
      },
      disclaimerHeard: true,
      screeningHeard: true,
      appliedUpdateIds: Array.from({ length: 5_000 }, (_, index) => idOf(MAX_UPDATE_ID_LENGTH, `${index}`)),
      notes: long(100_000),
    };

    // Act
    const bytes = JSON.stringify(sanitizeProfile(huge)).length;

    // Assess: 20 ids of 128 characters are most of it.
    expect(bytes).toBeLessThan(4 * 1024);
  });
});
