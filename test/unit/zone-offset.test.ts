/**
 * A zone's offset kept over a span (lambda/core/local-time.ts): worked out with Intl once, then
 * read by arithmetic. The span ends at the zone's real changes, the arithmetic agrees with Intl at
 * every moment inside it, and a returning user's launch does not touch Intl at all.
 */
import fc from 'fast-check';
import { catalogue, lines } from '../../lambda/content';
import { decide } from '../../lambda/core/coach';
import { INITIAL_STATE } from '../../lambda/core/coach/state';
import {
  isZoneOffset,
  localClock,
  OFFSET_LOOK_AHEAD_MS,
  OFFSET_LOOK_BACK_MS,
  offsetHolds,
  offsetSpan,
  withOffsetAt,
  type Zone,
} from '../../lambda/core/local-time';
import { type KnownTimeZone, newProfile, type UserProfile } from '../../lambda/core/profile';
import { sanitizeProfile as readProfile } from '../../lambda/core/untrusted-profile';

const MINUTE = 60_000;

/** The clock by Intl alone, whatever the zone keeps. */
const byIntl = (at: number, id: string) => localClock(at, id);

describe("a zone's offset over a span", () => {
  it('starts where British Summer Time started, and ends where it ends', () => {
    const april = offsetSpan(Date.UTC(2026, 3, 10, 12), 'Europe/London');
    expect(april?.minutes).toBe(60);
    expect(april?.from).toBe(Date.UTC(2026, 2, 29, 1)); // clocks went forward at 01:00 UTC on 29 March
    const september = offsetSpan(Date.UTC(2026, 8, 21), 'Europe/London');
    expect(september?.minutes).toBe(60);
    expect(september?.until).toBe(Date.UTC(2026, 9, 25, 1)); // and go back at 01:00 UTC on 25 October
  });

  it('ends when Los Angeles springs forward', () => {
    const at = Date.UTC(2026, 11, 1, 20);
    const span = offsetSpan(at, 'America/Los_Angeles');
    expect(span?.minutes).toBe(-480);
    expect(span?.until).toBe(Date.UTC(2027, 2, 14, 10)); // 2 am PST on 14 March 2027
  });

  it('follows a half-hour change (Lord Howe Island)', () => {
    const at = Date.UTC(2026, 11, 1);
    const span = offsetSpan(at, 'Australia/Lord_Howe');
    expect(span?.minutes).toBe(660);
    const after = offsetSpan(span?.until ?? 0, 'Australia/Lord_Howe');
    expect(after?.minutes).toBe(630);
    expect(after?.from).toBe(span?.until);
  });

  it('reaches as far as it looks in a zone that does not change (Kolkata, +5:30)', () => {
    const at = Date.UTC(2026, 5, 1, 8, 30, 15);
    const start = Math.floor(at / MINUTE) * MINUTE;
    const span = offsetSpan(at, 'Asia/Kolkata');
    expect(span).toEqual({ minutes: 330, from: start - OFFSET_LOOK_BACK_MS, until: start + OFFSET_LOOK_AHEAD_MS });
    // The widest span there can be is still one the store's reader keeps.
    expect(isZoneOffset(span)).toBe(true);
  });

  it('is undefined for a zone Intl does not know, and such a zone reads as UTC', () => {
    expect(offsetSpan(Date.UTC(2026, 0, 1), 'Mars/Olympus_Mons')).toBeUndefined();
    const zone = { id: 'Mars/Olympus_Mons' };
    expect(withOffsetAt(zone, 0)).toBe(zone);
    expect(localClock(Date.UTC(2026, 0, 1, 23, 30), zone)).toEqual(localClock(Date.UTC(2026, 0, 1, 23, 30), undefined));
  });

  it('agrees with Intl at every moment inside the span, in any zone and season', () => {
    const zones = [
      'Europe/London',
      'America/Los_Angeles',
      'America/St_Johns',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Australia/Sydney',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
      'America/Santiago',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (id, base, fraction) => {
          const zone = withOffsetAt<Zone>({ id }, base);
          const offset = zone.offset;
          if (offset === undefined) return false;
          const at = Math.floor(offset.from + fraction * (offset.until - 1 - offset.from));
          expect(offsetHolds(zone, at)).toBe(true);
          expect(localClock(at, zone)).toEqual(byIntl(at, id));
          // Either edge of the span, and the minute after it ends.
          expect(localClock(offset.from, zone)).toEqual(byIntl(offset.from, id));
          expect(localClock(offset.until - 1, zone)).toEqual(byIntl(offset.until - 1, id));
          expect(offsetHolds(zone, offset.until)).toBe(false);
          expect(localClock(offset.until, zone)).toEqual(byIntl(offset.until, id));
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads UTC without a zone by arithmetic, as Intl reads it', () => {
    for (const at of [0, Date.UTC(2026, 10, 28, 23, 59, 59), Date.UTC(2028, 1, 29, 0, 0, 1)]) {
      expect(localClock(at, undefined)).toEqual(byIntl(at, 'UTC'));
    }
  });

  it('is worked out anew once the kept span has run out, and kept as it is while it holds', () => {
    const zone = withOffsetAt<Zone>({ id: 'Europe/London' }, Date.UTC(2026, 3, 10));
    expect(withOffsetAt(zone, Date.UTC(2026, 8, 1))).toBe(zone);
    const winter = withOffsetAt(zone, Date.UTC(2026, 10, 1));
    expect(winter).not.toBe(zone);
    expect(winter.offset?.minutes).toBe(0);
  });
});

describe('a kept offset read back from the store', () => {
  const good = { minutes: 60, from: Date.UTC(2026, 2, 29, 1), until: Date.UTC(2026, 9, 25, 1) };

  it.each([
    ['a fraction of a minute', { ...good, minutes: 60.5 }],
    ['more than 18 hours', { ...good, minutes: 19 * 60 }],
    ['a span that ends before it starts', { ...good, until: good.from }],
    ['a span longer than was ever looked over', { ...good, until: good.from + OFFSET_LOOK_AHEAD_MS * 2 }],
    ['a time that is not a number', { ...good, from: '2026-03-29' }],
    ['nothing', null],
  ])('is dropped for %s, keeping the zone', (_name, offset) => {
    expect(isZoneOffset(offset)).toBe(false);
    const profile = readProfile({ timeZone: { id: 'Europe/London', at: 5, offset } });
    expect(profile.timeZone).toEqual({ id: 'Europe/London', at: 5 });
  });

  it('is kept when well formed, without other fields', () => {
    const profile = readProfile({ timeZone: { id: 'Europe/London', at: 5, offset: { ...good, extra: 'x' } } });
    expect(profile.timeZone).toEqual({ id: 'Europe/London', at: 5, offset: good });
  });

  it("keeps a zone name of the right shape without asking Intl, and drops one that isn't", () => {
    expect(readProfile({ timeZone: { id: 'Europe/London', at: 5 } }).timeZone?.id).toBe('Europe/London');
    expect(readProfile({ timeZone: { id: 'Europe/London; drop table', at: 5 } }).timeZone).toBeNull();
  });
});

describe("a returning user's launch", () => {
  const now = Date.UTC(2026, 10, 28, 19, 30);

  function launch(timeZone: KnownTimeZone) {
    const profile: UserProfile = { ...newProfile(), disclaimerHeard: true, screeningHeard: true, timeZone };
    return decide({
      state: INITIAL_STATE,
      profile,
      event: { type: 'launch' },
      now,
      updateId: 'u1',
      catalogue,
      wording: lines,
      newSession: true,
    });
  }

  function intlUses(run: () => void): number {
    const format = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const construct = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      run();
      return format.mock.calls.length + construct.mock.calls.length;
    } finally {
      format.mockRestore();
      construct.mockRestore();
    }
  }

  it('does not use Intl when the kept offset holds, and saves nothing about the zone', () => {
    const zone: Zone = withOffsetAt({ id: 'America/Los_Angeles' }, now);
    const timeZone = { ...zone, at: now - 1000 };
    let update: unknown;
    expect(intlUses(() => ({ update } = launch(timeZone)))).toBe(0);
    expect((update as { timeZone?: unknown } | undefined)?.timeZone).toBeUndefined();
  });

  it('works the offset out and keeps it when the profile has none (stored before offsets were kept)', () => {
    let decision: ReturnType<typeof launch> | undefined;
    expect(intlUses(() => (decision = launch({ id: 'America/Los_Angeles', at: now - 1000 })))).toBeGreaterThan(0);
    expect(decision?.update?.timeZone).toEqual({
      id: 'America/Los_Angeles',
      at: now - 1000,
      offset: expect.objectContaining({ minutes: -480, until: Date.UTC(2027, 2, 14, 10) }),
    });
  });

  it('works it out again once it has run out (the clocks changed since)', () => {
    const summer = withOffsetAt<Zone>({ id: 'America/Los_Angeles' }, Date.UTC(2026, 6, 1));
    const decision = launch({ ...summer, at: now - 1000 });
    expect(summer.offset?.minutes).toBe(-420);
    expect(decision.update?.timeZone?.offset?.minutes).toBe(-480);
  });
});
