/**
 * Preferences: stepping pressure and pace up and down, and reading them back from untrusted data.
 */
import {
  DEFAULT_PREFERENCES,
  firmer,
  lighter,
  type Pace,
  type PressureLevel,
  quickerPace,
  sanitizePreferences,
  slowerPace,
} from '../../lambda/core/preferences';

describe('pressure steps', () => {
  it.each<[PressureLevel, PressureLevel, boolean]>([
    ['gentle', 'medium', false],
    ['medium', 'firm', false],
    ['firm', 'firm', true],
  ])('firmer from %s is %s (capped: %s)', (from, level, capped) => {
    expect(firmer(from)).toEqual({ level, capped });
  });

  it.each<[PressureLevel, PressureLevel, boolean]>([
    ['firm', 'medium', false],
    ['medium', 'gentle', false],
    ['gentle', 'gentle', true],
  ])('lighter from %s is %s (floored: %s)', (from, level, floored) => {
    expect(lighter(from)).toEqual({ level, floored });
  });
});

describe('pace steps', () => {
  it.each<[Pace, Pace]>([
    ['quicker', 'normal'],
    ['normal', 'slower'],
    ['slower', 'slower'],
  ])('slower from %s is %s', (from, to) => {
    expect(slowerPace(from)).toBe(to);
  });

  it.each<[Pace, Pace]>([
    ['slower', 'normal'],
    ['normal', 'quicker'],
    ['quicker', 'quicker'],
  ])('quicker from %s is %s', (from, to) => {
    expect(quickerPace(from)).toBe(to);
  });
});

describe('reading preferences from untrusted data', () => {
  it('the defaults are gentle pressure, normal pace and voice, continuous flow, and hands-free mode off', () => {
    expect(sanitizePreferences(undefined)).toEqual({
      pressure: 'gentle',
      pace: 'normal',
      speechRate: 'normal',
      flow: 'continuous',
      handsFree: 'off',
    });
    expect(DEFAULT_PREFERENCES).toEqual(sanitizePreferences({}));
  });

  it('keeps every valid field', () => {
    const stored = { pressure: 'firm', pace: 'quicker', speechRate: 'slower', flow: 'stepByStep', handsFree: 'on' };
    expect(sanitizePreferences(stored)).toEqual(stored);
  });

  it.each([
    ['an unknown word', { pressure: 'crushing', pace: 'fast', speechRate: 'fast', flow: 'jumpy', handsFree: 'yes' }],
    ['numbers', { pressure: 2, pace: 1, speechRate: 0, flow: 1, handsFree: 1 }],
    ['null fields', { pressure: null, pace: null, speechRate: null, flow: null, handsFree: null }],
  ])('replaces %s field by field with the default', (_label, stored) => {
    expect(sanitizePreferences(stored)).toEqual(DEFAULT_PREFERENCES);
    expect(sanitizePreferences({ ...stored, flow: 'stepByStep' })).toEqual({
      ...DEFAULT_PREFERENCES,
      flow: 'stepByStep',
    });
  });

  it.each([null, 'firm', 3, true])('reads %p as the defaults', (value) => {
    expect(sanitizePreferences(value)).toEqual(DEFAULT_PREFERENCES);
  });
});
