/**
 * The remembered profile: a new one, merging updates into it, folding updates together, and
 * reading profiles and pending updates back from untrusted data, field by field.
 */
import {
  APPLIED_UPDATE_MEMORY,
  applyUpdate,
  combineUpdates,
  dayOf,
  mondayOf,
  newProfile,
  type PracticeEntry,
  type ProfileUpdate,
  type UserProfile,
} from '../../lambda/core/profile';
import { sanitizeProfile, sanitizeUpdate } from '../../lambda/core/untrusted-profile';

const day = 86_400_000;
/** Flags a profile keeps once something was said: the disclaimer, and the care-provider screen. */
const heardFlags = ['disclaimerHeard', 'screeningHeard'] as const;
/** Monday 23 November 2026, 20:00 UTC. */
const monday = Date.parse('2026-11-23T20:00:00Z');

function practise(profile: UserProfile, id: string, at: number, minutes = 10): UserProfile {
  return applyUpdate(profile, { id, practice: [{ routineId: 'foot', at, minutes }] });
}

describe('a new profile', () => {
  it('has no history, no pause, nothing heard and no applied updates', () => {
    const profile = newProfile();
    expect(profile.history).toEqual({
      sessionsFinished: 0,
      daysThisWeek: [],
      weekOf: '',
      minutesThisWeek: 0,
      lastPracticeDay: null,
      daysInARow: 0,
      recentRoutines: [],
    });
    expect(profile.preferencesAt).toEqual({ pressure: 0, pace: 0, speechRate: 0, flow: 0, handsFree: 0 });
    expect(profile.paused).toBeNull();
    expect(profile.pausedAt).toBe(0);
    expect(profile.disclaimerHeard).toBe(false);
    expect(profile.screeningHeard).toBe(false);
    expect(profile.appliedUpdateIds).toEqual([]);
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-24', '2026-11-23'],
    ['2026-11-28', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-11-30', '2026-11-30'],
  ])('the week of %s starts on Monday %s', (date, expected) => {
    expect(mondayOf(date)).toBe(expected);
  });

  it('without a time zone, a day is the UTC date of a time', () => {
    expect(dayOf(Date.parse('2026-11-29T23:59:59Z'))).toBe('2026-11-29');
  });
});

describe('applying an update', () => {
  it('sets every preference it carries, speech rate, flow and hands-free mode included', () => {
    const profile = applyUpdate(newProfile(), {
      id: 'all',
      preferences: {
        pressure: { value: 'medium', at: 5 },
        pace: { value: 'quicker', at: 6 },
        speechRate: { value: 'slower', at: 7 },
        flow: { value: 'stepByStep', at: 8 },
        handsFree: { value: 'on', at: 9 },
      },
    });
    expect(profile.preferences).toEqual({
      pressure: 'medium',
      pace: 'quicker',
      speechRate: 'slower',
      flow: 'stepByStep',
      handsFree: 'on',
    });
    expect(profile.preferencesAt).toEqual({ pressure: 5, pace: 6, speechRate: 7, flow: 8, handsFree: 9 });
  });

  it('a change made at the same time as the stored one wins: the later write', () => {
    const first = applyUpdate(newProfile(), { id: 'a', preferences: { pace: { value: 'slower', at: 100 } } });
    const second = applyUpdate(first, { id: 'b', preferences: { pace: { value: 'quicker', at: 100 } } });
    expect(second.preferences.pace).toBe('quicker');
  });

  it('an older change leaves the newer preference and its time alone', () => {
    const first = applyUpdate(newProfile(), { id: 'a', preferences: { pace: { value: 'slower', at: 100 } } });
    const second = applyUpdate(first, { id: 'b', preferences: { pace: { value: 'quicker', at: 99 } } });
    expect(second.preferences.pace).toBe('slower');
    expect(second.preferencesAt.pace).toBe(100);
  });

  describe('the paused place', () => {
    const place = { routineId: 'hand', stepIndex: 3, at: 500 } as const;
    const pausedProfile = () => applyUpdate(newProfile(), { id: 'p', paused: { place, at: 500 } });

    it('is taken from an update with its time', () => {
      expect(pausedProfile().paused).toEqual(place);
      expect(pausedProfile().pausedAt).toBe(500);
    });

    it('is cleared by a later update', () => {
      const cleared = applyUpdate(pausedProfile(), { id: 'c', paused: { place: null, at: 600 } });
      expect(cleared.paused).toBeNull();
      expect(cleared.pausedAt).toBe(600);
    });

    it('is replaced by an update made at the same time', () => {
      const other = { routineId: 'foot', stepIndex: 1, at: 500 } as const;
      expect(applyUpdate(pausedProfile(), { id: 's', paused: { place: other, at: 500 } }).paused).toEqual(other);
    });

    it('is kept against an older update', () => {
      const stale = applyUpdate(pausedProfile(), { id: 'o', paused: { place: null, at: 499 } });
      expect(stale.paused).toEqual(place);
      expect(stale.pausedAt).toBe(500);
    });

    it('is kept by an update that does not mention it', () => {
      expect(applyUpdate(pausedProfile(), { id: 'n' }).paused).toEqual(place);
    });
  });

  describe.each(heardFlags)('%s', (flag) => {
    it('is set once an update says so', () => {
      expect(applyUpdate(newProfile(), { id: 'd', [flag]: true })[flag]).toBe(true);
    });

    it('stays set after an update that does not mention it', () => {
      const heard = applyUpdate(newProfile(), { id: 'd', [flag]: true });
      expect(applyUpdate(heard, { id: 'e' })[flag]).toBe(true);
    });

    it('is not set by an update that does not mention it', () => {
      expect(applyUpdate(newProfile(), { id: 'e' })[flag]).toBe(false);
    });
  });

  it(`remembers the last ${APPLIED_UPDATE_MEMORY} update ids, oldest dropped first`, () => {
    let profile = newProfile();
    const ids = Array.from({ length: APPLIED_UPDATE_MEMORY + 5 }, (_, index) => `u${index}`);
    for (const id of ids) profile = applyUpdate(profile, { id });
    expect(profile.appliedUpdateIds).toEqual(ids.slice(5));
  });

  describe('practice history', () => {
    it('two sessions on one day count two sessions but one day, and keep the run of days', () => {
      let profile = practise(newProfile(), 'a', monday - day);
      profile = practise(profile, 'b', monday);
      profile = practise(profile, 'c', monday + 60_000);
      expect(profile.history).toMatchObject({
        sessionsFinished: 3,
        daysThisWeek: ['2026-11-23'],
        minutesThisWeek: 20,
        lastPracticeDay: '2026-11-23',
        daysInARow: 2,
      });
    });

    it('a gap of more than a day starts the run again', () => {
      let profile = practise(newProfile(), 'a', monday);
      profile = practise(profile, 'b', monday + day);
      profile = practise(profile, 'c', monday + 3 * day);
      expect(profile.history.daysInARow).toBe(1);
      expect(profile.history.lastPracticeDay).toBe('2026-11-26');
    });

    it('an entry older than the last practice day leaves that day and the run alone', () => {
      let profile = practise(newProfile(), 'a', monday + 2 * day);
      profile = practise(profile, 'b', monday + 3 * day);
      profile = practise(profile, 'c', monday);
      expect(profile.history).toMatchObject({ lastPracticeDay: '2026-11-26', daysInARow: 2, sessionsFinished: 3 });
      expect(profile.history.daysThisWeek).toEqual(['2026-11-25', '2026-11-26', '2026-11-23']);
    });
  });
});

describe('combining updates', () => {
  const entry = (at: number): PracticeEntry => ({ routineId: 'foot', at, minutes: 5 });

  it('with nothing earlier is the later update itself', () => {
    const later: ProfileUpdate = { id: 'b', disclaimerHeard: true };
    expect(combineUpdates(undefined, later)).toBe(later);
  });

  it('of two bare updates is a bare update with the later id', () => {
    expect(combineUpdates({ id: 'a' }, { id: 'b' })).toStrictEqual({ id: 'b' });
  });

  it('keeps an earlier paused place the later update does not mention', () => {
    const paused = { place: { routineId: 'hand', stepIndex: 2, at: 1 } as const, at: 1 };
    expect(combineUpdates({ id: 'a', paused }, { id: 'b' })).toStrictEqual({ id: 'b', paused });
  });

  it('takes the later paused place over the earlier one', () => {
    const earlier = { place: { routineId: 'hand', stepIndex: 2, at: 1 } as const, at: 1 };
    const later = { place: null, at: 2 };
    expect(combineUpdates({ id: 'a', paused: earlier }, { id: 'b', paused: later }).paused).toBe(later);
  });

  it.each<[string, ProfileUpdate, ProfileUpdate]>([
    ['earlier', { id: 'a', practice: [entry(1)] }, { id: 'b' }],
    ['later', { id: 'a' }, { id: 'b', practice: [entry(1)] }],
  ])('keeps practice that only the %s update has', (_side, earlier, later) => {
    expect(combineUpdates(earlier, later)).toStrictEqual({ id: 'b', practice: [entry(1)] });
  });

  it.each(heardFlags.flatMap((flag) => [[flag, 'earlier'] as const, [flag, 'later'] as const]))(
    'keeps %s from the %s update',
    (flag, side) => {
      const earlier: ProfileUpdate = side === 'earlier' ? { id: 'a', [flag]: true } : { id: 'a' };
      const later: ProfileUpdate = side === 'later' ? { id: 'b', [flag]: true } : { id: 'b' };
      expect(combineUpdates(earlier, later)).toStrictEqual({ id: 'b', [flag]: true });
    },
  );
});

describe('reading a profile from untrusted data', () => {
  it.each([undefined, null, 'profile', 3, true])('reads %p as a new profile', (value) => {
    expect(sanitizeProfile(value)).toEqual(newProfile());
  });

  function fullProfile(): UserProfile {
    let profile = applyUpdate(newProfile(), {
      id: 'x',
      preferences: { pressure: { value: 'firm', at: 3 }, flow: { value: 'stepByStep', at: 4 } },
      paused: { place: { routineId: 'lowerBack', stepIndex: 1, at: 9 }, at: 9 },
      disclaimerHeard: true,
      screeningHeard: true,
    });
    profile = practise(profile, 'y', monday);
    return practise(profile, 'z', monday + day);
  }

  it('reads a stored profile back unchanged', () => {
    const profile = fullProfile();
    expect(sanitizeProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '7', null])('reads a time or count of %p as 0', (bad) => {
    const profile = sanitizeProfile({
      preferencesAt: { pressure: bad, pace: bad, speechRate: bad, flow: bad },
      pausedAt: bad,
      history: { sessionsFinished: bad, minutesThisWeek: bad, daysInARow: bad },
    });
    expect(profile.preferencesAt).toEqual({ pressure: 0, pace: 0, speechRate: 0, flow: 0, handsFree: 0 });
    expect(profile.pausedAt).toBe(0);
    expect(profile.history).toMatchObject({ sessionsFinished: 0, minutesThisWeek: 0, daysInARow: 0 });
  });

  it('keeps only the days that are strings', () => {
    const profile = sanitizeProfile({ history: { daysThisWeek: ['2026-11-23', 5, null, '2026-11-24'] } });
    expect(profile.history.daysThisWeek).toEqual(['2026-11-23', '2026-11-24']);
  });

  it.each([
    ['not lists', { daysThisWeek: '2026-11-23', weekOf: 7, lastPracticeDay: 7 }],
    ['missing', {}],
  ])('reads days, week and last day that are %s as empty', (_label, history) => {
    expect(sanitizeProfile({ history }).history).toMatchObject({ daysThisWeek: [], weekOf: '', lastPracticeDay: null });
  });

  it.each(
    heardFlags.flatMap((flag) =>
      [
        [true, true],
        ['yes', false],
        [1, false],
        [undefined, false],
      ].map(([value, heard]) => [flag, value, heard] as const),
    ),
  )('reads %s of %p as %p', (flag, value, heard) => {
    expect(sanitizeProfile({ [flag]: value })[flag]).toBe(heard);
  });

  it(`keeps the string update ids, at most the last ${APPLIED_UPDATE_MEMORY}`, () => {
    const ids = Array.from({ length: APPLIED_UPDATE_MEMORY + 3 }, (_, index) => `u${index}`);
    expect(sanitizeProfile({ appliedUpdateIds: [7, ...ids, null] }).appliedUpdateIds).toEqual(ids.slice(3));
    expect(sanitizeProfile({ appliedUpdateIds: 'u1' }).appliedUpdateIds).toEqual([]);
  });

  it('keeps a paused place without a time, at 0', () => {
    expect(sanitizeProfile({ paused: { routineId: 'foot', stepIndex: 2 } }).paused).toEqual({
      routineId: 'foot',
      stepIndex: 2,
      at: 0,
    });
  });

  it.each([{ routineId: 'foot', stepIndex: 1.5 }, { routineId: 'foot' }, null])(
    'drops a paused place of %p',
    (paused) => {
      expect(sanitizeProfile({ paused }).paused).toBeNull();
    },
  );
});

describe('reading a pending update from untrusted data', () => {
  it.each([null, undefined, 'u', 7, { id: 7 }, {}])('%p is no update', (value) => {
    expect(sanitizeUpdate(value)).toBeUndefined();
  });

  it('an update with only an id is just that id', () => {
    expect(sanitizeUpdate({ id: 'u', paused: undefined, practice: [] })).toStrictEqual({ id: 'u' });
  });

  it.each(heardFlags)('keeps %s, and only when true', (flag) => {
    expect(sanitizeUpdate({ id: 'u', [flag]: true })).toStrictEqual({ id: 'u', [flag]: true });
    expect(sanitizeUpdate({ id: 'u', [flag]: 'yes' })).toStrictEqual({ id: 'u' });
  });

  it('drops a preference change whose value is not a string or whose time is not a finite number', () => {
    const update = sanitizeUpdate({
      id: 'u',
      preferences: {
        pressure: { value: 3, at: 1 },
        pace: { value: 'slower', at: '1' },
        speechRate: { value: 'slower', at: Number.NaN },
        flow: { value: 'stepByStep', at: 2 },
      },
    });
    expect(update).toStrictEqual({ id: 'u', preferences: { flow: { value: 'stepByStep', at: 2 } } });
  });

  it('keeps a pause that clears the place', () => {
    expect(sanitizeUpdate({ id: 'u', paused: { place: null, at: 3 } })).toStrictEqual({
      id: 'u',
      paused: { place: null, at: 3 },
    });
  });

  it.each([
    ['a place that does not hold up', { place: { routineId: 'moon', stepIndex: 1 }, at: 3 }],
    ['no time', { place: null }],
    ['a time that is not finite', { place: null, at: Number.POSITIVE_INFINITY }],
  ])('drops a pause with %s', (_label, paused) => {
    expect(sanitizeUpdate({ id: 'u', paused })).toStrictEqual({ id: 'u' });
  });

  it('keeps practice finished at time 0 and lasting 0 minutes', () => {
    const practice = [{ routineId: 'foot', at: 0, minutes: 0 }];
    expect(sanitizeUpdate({ id: 'u', practice })).toStrictEqual({ id: 'u', practice });
  });

  it.each([
    ['no time', { routineId: 'foot', minutes: 5 }],
    ['a time that is not a number', { routineId: 'foot', at: '5', minutes: 5 }],
    ['a negative time', { routineId: 'foot', at: -1, minutes: 5 }],
    ['no minutes', { routineId: 'foot', at: 5 }],
    ['negative minutes', { routineId: 'foot', at: 5, minutes: -1 }],
    ['no routine', { at: 5, minutes: 5 }],
    ['null', null],
  ])('drops practice with %s', (_label, entry) => {
    expect(sanitizeUpdate({ id: 'u', practice: [entry] })).toStrictEqual({ id: 'u' });
  });
});
