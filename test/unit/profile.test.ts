import { parseCoachState } from '../../lambda/core/coach';
import { applyUpdate, combineUpdates, newProfile, type ProfileUpdate } from '../../lambda/core/profile';
import { sanitizeProfile, sanitizeUpdate } from '../../lambda/core/untrusted-profile';
import { parseSessionData, toSessionAttributes } from '../../lambda/handlers/session-data';

const monday = Date.parse('2026-11-23T20:00:00Z');
const day = 86_400_000;

describe('profile merge', () => {
  it('preferences merge per field, the later change by time wins', () => {
    const kitchen: ProfileUpdate = { id: 'a', preferences: { pressure: { value: 'firm', at: 2000 } } };
    const bedroom: ProfileUpdate = {
      id: 'b',
      preferences: { pressure: { value: 'medium', at: 1000 }, pace: { value: 'slower', at: 1000 } },
    };
    const merged = applyUpdate(applyUpdate(newProfile(), kitchen), bedroom);
    expect(merged.preferences).toMatchObject({ pressure: 'firm', pace: 'slower' });
  });

  it('an update applied twice counts once', () => {
    const finished: ProfileUpdate = { id: 'x', practice: [{ routineId: 'foot', at: monday, minutes: 10 }] };
    const once = applyUpdate(newProfile(), finished);
    expect(applyUpdate(once, finished).history.sessionsFinished).toBe(1);
  });

  it('practice builds days this week and days in a row, and a new week starts from zero', () => {
    let profile = newProfile();
    for (const [index, at] of [monday, monday + day, monday + 2 * day].entries()) {
      profile = applyUpdate(profile, { id: `p${index}`, practice: [{ routineId: 'hand', at, minutes: 8 }] });
    }
    expect(profile.history).toMatchObject({ sessionsFinished: 3, daysInARow: 3, minutesThisWeek: 24 });
    expect(profile.history.daysThisWeek).toHaveLength(3);
    const nextWeek = applyUpdate(profile, {
      id: 'p9',
      practice: [{ routineId: 'hand', at: monday + 9 * day, minutes: 8 }],
    });
    expect(nextWeek.history).toMatchObject({ daysInARow: 1, minutesThisWeek: 8, sessionsFinished: 4 });
    expect(nextWeek.history.daysThisWeek).toHaveLength(1);
  });

  it('combining updates keeps every practice entry and the latest of each field', () => {
    const combined = combineUpdates(
      {
        id: '1',
        preferences: { pace: { value: 'slower', at: 1 } },
        practice: [{ routineId: 'foot', at: 1, minutes: 1 }],
      },
      {
        id: '2',
        preferences: { pace: { value: 'quicker', at: 2 } },
        practice: [{ routineId: 'hand', at: 2, minutes: 1 }],
      },
    );
    expect(combined.preferences?.pace?.value).toBe('quicker');
    expect(combined.practice).toHaveLength(2);
    expect(combined.id).toBe('2');
  });
});

describe('reading untrusted data', () => {
  it.each([
    null,
    'x',
    3,
    [],
    { preferences: { pressure: 'crushing' } },
    { paused: { routineId: 'nope', stepIndex: 1 } },
  ])('a malformed profile %p reads as safe defaults', (value) => {
    const profile = sanitizeProfile(value);
    expect(profile.preferences.pressure).toBe('gentle');
    expect(profile.paused).toBeNull();
  });

  it('a malformed pending update keeps only what holds up', () => {
    const update = sanitizeUpdate({
      id: 'u',
      preferences: { pressure: { value: 'firm', at: 5 }, pace: 'fast' },
      paused: { place: { routineId: 'foot', stepIndex: 2, at: 5 }, at: 5 },
      practice: [{ routineId: 'foot', at: 5, minutes: 10 }, { routineId: 'moon', at: 5, minutes: 1 }, 'junk'],
    });
    expect(update).toEqual({
      id: 'u',
      preferences: { pressure: { value: 'firm', at: 5 } },
      paused: { place: { routineId: 'foot', stepIndex: 2, at: 5 }, at: 5 },
      practice: [{ routineId: 'foot', at: 5, minutes: 10 }],
    });
    expect(sanitizeUpdate({ practice: 'x' })).toBeUndefined();
    expect(() => applyUpdate(newProfile(), sanitizeUpdate({ id: 'v', practice: 7 }) as ProfileUpdate)).not.toThrow();
  });

  it('malformed coach state falls back to the menu', () => {
    expect(parseCoachState({ mode: 'routine', routineId: 'moon' })).toEqual({ mode: 'menu' });
    expect(parseCoachState({ mode: 'routine', routineId: 'foot', resumeAt: { stepIndex: 'x' } })).toEqual({
      mode: 'routine',
      routineId: 'foot',
      resumeAt: { stepIndex: 0, offset: 0 },
      played: { sentAt: 0, spans: [] },
    });
  });

  it('session data round-trips through attributes', () => {
    const data = {
      state: {
        mode: 'routine' as const,
        routineId: 'hand' as const,
        resumeAt: { stepIndex: 2, offset: 0 },
        played: { sentAt: 5, spans: [[2, 0, 30, 0] as const] },
      },
      profile: newProfile(),
      version: 3,
      stored: newProfile(),
    };
    const read = parseSessionData(JSON.parse(JSON.stringify(toSessionAttributes(data))));
    expect(read?.state).toEqual(data.state);
    expect(read?.version).toBe(3);
  });
});

describe('the item version read back from the session', () => {
  it.each([
    [3, 3],
    [0, 0],
    [-1, undefined],
    [2.5, undefined],
    ['3', undefined],
    [Number.MAX_SAFE_INTEGER + 2, undefined],
  ])('a version of %p reads as %p, and the stored profile goes with it', (version, read) => {
    const data = parseSessionData({ profile: newProfile(), version, stored: newProfile() });
    expect(data?.version).toBe(read);
    expect(data?.stored).toEqual(read === undefined ? undefined : newProfile());
  });
});
