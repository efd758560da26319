/**
 * Practice days, weeks and days in a row counted in her time zone: either side of local midnight in
 * Los Angeles, Kolkata (+5:30) and Sydney, and across days of 23 and 25 hours (Europe/London on
 * 2026-03-29, America/Los_Angeles on 2026-11-01). And what the coach says of it: on opening and
 * after a routine, truthful and never guilt-inducing.
 */
import { catalogue, contentFor, lines } from '../../lambda/content';
import { LOCALES } from '../../lambda/content/locales';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';
import { type Decision, decide } from '../../lambda/core/coach';
import {
  addDays,
  dayNumber,
  dayOfNumber,
  localClock,
  PARTS_OF_DAY,
  type PartOfDay,
  partOfDay,
} from '../../lambda/core/local-time';
import { applyUpdate, dayOf, historyAsOf, mondayOf, newProfile, type UserProfile } from '../../lambda/core/profile';
import { CoreWalker } from '../support/walk';

const LA = 'America/Los_Angeles';
const KOLKATA = 'Asia/Kolkata';
const SYDNEY = 'Australia/Sydney';
const LONDON = 'Europe/London';

/** Words that blame or count a loss: none of the practice lines may hold one. */
const GUILT = /\b(missed|miss|lost|lose|broke|broken|only|failed|fail|behind|should)\b/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant a wall clock in `zone` shows `wall` ("2026-11-27T23:30"); fails for a time the zone skips. */
function atLocal(wall: string, zone: string): number {
  const target = Date.parse(`${wall}:00Z`);
  let at = target;
  for (let i = 0; i < 3; i += 1) {
    const shown = localClock(at, zone);
    at += target - Date.parse(`${shown.day}T${pad(shown.hour)}:${pad(shown.minute)}:00Z`);
  }
  const shown = localClock(at, zone);
  if (`${shown.day}T${pad(shown.hour)}:${pad(shown.minute)}` !== wall)
    throw new Error(`${wall} does not exist in ${zone}`);
  return at;
}

function zoned(zone: string | null, base: UserProfile = newProfile()): UserProfile {
  return { ...base, disclaimerHeard: true, screeningHeard: true, timeZone: zone === null ? null : { id: zone, at: 0 } };
}

/** A profile in `zone` that finished a routine at each local wall time, through the store's merge. */
function practisedAt(zone: string | null, walls: readonly string[]): UserProfile {
  return walls.reduce(
    (profile, wall, index) =>
      applyUpdate(profile, {
        id: `p${index}`,
        practice: [
          { routineId: 'foot', at: zone === null ? Date.parse(`${wall}:00Z`) : atLocal(wall, zone), minutes: 10 },
        ],
      }),
    zoned(zone),
  );
}

describe('the local day of a moment', () => {
  it.each([
    [LA, '2026-11-28T07:29:00Z', '2026-11-27', 'Friday 11:29 pm'],
    [LA, '2026-11-28T08:01:00Z', '2026-11-28', 'Saturday 0:01 am'],
    [KOLKATA, '2026-11-26T18:29:00Z', '2026-11-26', 'Thursday 11:59 pm'],
    [KOLKATA, '2026-11-26T18:31:00Z', '2026-11-27', 'Friday 0:01 am'],
    [SYDNEY, '2026-11-26T12:59:00Z', '2026-11-26', 'Thursday 11:59 pm (+11 in summer)'],
    [SYDNEY, '2026-11-26T13:01:00Z', '2026-11-27', 'Friday 0:01 am'],
    [LONDON, '2026-03-29T00:59:00Z', '2026-03-29', 'just before the clocks go forward'],
    [LONDON, '2026-03-29T23:30:00Z', '2026-03-30', 'Monday 0:30 am in summer time'],
    [LA, '2026-11-01T08:30:00Z', '2026-11-01', 'the repeated hour, 1:30 am PST'],
    [LA, '2026-11-02T07:59:00Z', '2026-11-01', '11:59 pm at the end of the 25-hour day'],
  ])('in %s, %s is %s (%s)', (zone, instant, expected) => {
    expect(dayOf(Date.parse(instant), zone)).toBe(expected);
  });

  it.each([
    ['2026-11-28T07:29:00Z', '2026-11-28'],
    ['2026-11-27T23:59:59Z', '2026-11-27'],
  ])('without a zone, %s counts in UTC as %s', (instant, expected) => {
    expect(dayOf(Date.parse(instant))).toBe(expected);
  });
});

describe('calendar arithmetic on local days', () => {
  it.each([
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-11-01', -1, '2026-10-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2100-03-01', -1, '2100-02-28'],
    ['2000-03-01', -1, '2000-02-29'],
  ])('%s plus %i day is %s', (day, count, expected) => {
    expect(addDays(day, count)).toBe(expected);
  });

  it.each(['1970-01-01', '1969-12-31', '2026-03-29', '2400-02-29', '275760-09-13'])(
    '%s survives the round trip through its day number',
    (day) => {
      expect(dayOfNumber(dayNumber(day))).toBe(day);
    },
  );

  it.each([
    ['2026-03-29', '2026-03-23'],
    ['2026-03-30', '2026-03-30'],
    ['2026-11-01', '2026-10-26'],
    ['2026-11-02', '2026-11-02'],
    ['2027-01-03', '2026-12-28'],
    ['1970-01-01', '1969-12-29'],
  ])('the week of %s starts on Monday %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  it.each([
    [4, 'night'],
    [5, 'morning'],
    [11, 'morning'],
    [12, 'afternoon'],
    [16, 'afternoon'],
    [17, 'evening'],
    [21, 'evening'],
    [22, 'night'],
    [0, 'night'],
  ] as const)('%i o’clock is %s', (hour, part) => {
    expect(partOfDay(hour)).toBe(part);
  });
});

describe('practice days and days in a row, counted where she is', () => {
  it.each([
    [
      'LA: 3 pm and 11:30 pm on one evening are one day (two UTC days)',
      LA,
      ['2026-11-24T15:00', '2026-11-24T23:30'],
      { daysThisWeek: ['2026-11-24'], daysInARow: 1, lastPracticeDay: '2026-11-24' },
    ],
    [
      'LA: 11:30 pm and 7 am the next morning are two days in a row (one UTC day)',
      LA,
      ['2026-11-24T23:30', '2026-11-25T07:00'],
      { daysThisWeek: ['2026-11-24', '2026-11-25'], daysInARow: 2, lastPracticeDay: '2026-11-25' },
    ],
    [
      'Kolkata: 0:15 am Monday counts for this week, not Sunday of the last',
      KOLKATA,
      ['2026-11-23T00:15', '2026-11-24T23:45'],
      { weekOf: '2026-11-23', daysThisWeek: ['2026-11-23', '2026-11-24'], daysInARow: 2 },
    ],
    [
      'Sydney: Sunday 11:30 pm and Monday 6:30 am are two weeks, and two days in a row',
      SYDNEY,
      ['2026-11-29T23:30', '2026-11-30T06:30'],
      { weekOf: '2026-11-30', daysThisWeek: ['2026-11-30'], daysInARow: 2, minutesThisWeek: 10 },
    ],
    [
      'London: the 23-hour day between two 11:30 pm sessions does not break the run',
      LONDON,
      ['2026-03-28T23:30', '2026-03-29T23:30', '2026-03-30T23:30'],
      { daysThisWeek: ['2026-03-30'], daysInARow: 3, lastPracticeDay: '2026-03-30' },
    ],
    [
      'London: 0:30 am on both sides of the change are two days, not one',
      LONDON,
      ['2026-03-29T00:30', '2026-03-30T00:30'],
      { daysInARow: 2, lastPracticeDay: '2026-03-30' },
    ],
    [
      'LA: 0:30 am and 11:45 pm of the 25-hour day are one day, not two',
      LA,
      ['2026-11-01T00:30', '2026-11-01T23:45'],
      { daysThisWeek: ['2026-11-01'], daysInARow: 1, lastPracticeDay: '2026-11-01' },
    ],
    [
      'LA: 11:30 pm either side of the 25-hour day are two days in a row',
      LA,
      ['2026-10-31T23:30', '2026-11-01T23:30'],
      { daysThisWeek: ['2026-10-31', '2026-11-01'], daysInARow: 2 },
    ],
    [
      'no zone: UTC days, as before zones were read',
      null,
      ['2026-11-24T23:30', '2026-11-25T00:30'],
      { daysThisWeek: ['2026-11-24', '2026-11-25'], daysInARow: 2 },
    ],
  ])('%s', (_claim, zone, walls, expected) => {
    expect(practisedAt(zone, walls).history).toMatchObject(expected);
  });

  it.each([
    [LONDON, '2026-03-20'],
    [LA, '2026-10-24'],
    [SYDNEY, '2026-09-28'],
    [SYDNEY, '2026-03-30'],
    [KOLKATA, '2026-11-20'],
  ])('in %s, a session every day at 11:30 pm and at 0:30 am from %s adds exactly one day a day', (zone, first) => {
    let profile = zoned(zone);
    for (let index = 0; index < 14; index += 1) {
      const day = addDays(first, index);
      for (const time of ['00:30', '23:30']) {
        profile = applyUpdate(profile, {
          id: `${day}-${time}`,
          practice: [{ routineId: 'hand', at: atLocal(`${day}T${time}`, zone), minutes: 5 }],
        });
      }
      expect(profile.history).toMatchObject({ daysInARow: index + 1, lastPracticeDay: day });
      expect(profile.history.daysThisWeek.at(-1)).toBe(day);
    }
  });

  it('a new local week starts from zero at her Monday midnight, not UTC’s', () => {
    const profile = practisedAt(LA, ['2026-11-29T20:00']);
    const sundayNight = atLocal('2026-11-29T23:59', LA);
    const mondayMorning = atLocal('2026-11-30T00:01', LA);
    expect(historyAsOf(profile.history, sundayNight, LA).daysThisWeek).toEqual(['2026-11-29']);
    expect(historyAsOf(profile.history, mondayMorning, LA)).toMatchObject({ weekOf: '2026-11-30', daysThisWeek: [] });
  });
});

/** The practice line on opening, or undefined: what is said between "welcome back" and the question. */
function launchLine(profile: UserProfile, now: number): string | undefined {
  const result = decide({
    state: { mode: 'menu' },
    profile,
    event: { type: 'launch' },
    now,
    updateId: 'launch',
    catalogue,
    wording: lines,
  });
  const said = result.plan.segments.flatMap((s) => (s.kind === 'speech' ? [s.text] : []));
  expect(said[0]).toBe(lines.welcomeBack);
  expect(said.at(-1)).toBe(lines.whichRoutine);
  return said.length === 3 ? said[1] : undefined;
}

type LaunchCase = readonly [
  claim: string,
  zone: string | null,
  walls: readonly string[],
  now: string,
  said: string | undefined,
];

const LAUNCH_CASES: readonly LaunchCase[] = [
  [
    'LA, Thursday 7 pm after Monday 11:30 pm and Tuesday: the third day of practice this week, this evening',
    LA,
    ['2026-11-23T23:30', '2026-11-24T20:00'],
    '2026-11-26T19:00',
    lines.practiceThisWeek(3, 'evening', 0),
  ],
  [
    'LA, Thursday 6 pm after Tuesday and Wednesday at 11:30 pm: two days in a row, third day this week',
    LA,
    ['2026-11-24T23:30', '2026-11-25T23:30'],
    '2026-11-26T18:00',
    lines.practiceThisWeek(3, 'evening', 2),
  ],
  [
    'LA, Thursday 11:30 pm after Thursday 7 am: already practised today',
    LA,
    ['2026-11-26T07:00'],
    '2026-11-26T23:30',
    lines.alreadyPractisedToday(1),
  ],
  [
    'LA, Thursday 9 am after Wednesday and Thursday 7 am: already today, two days in a row',
    LA,
    ['2026-11-25T21:00', '2026-11-26T07:00'],
    '2026-11-26T09:00',
    lines.alreadyPractisedToday(2),
  ],
  [
    'Kolkata, Tuesday 9 pm after Monday 0:15 am: the second day this week',
    KOLKATA,
    ['2026-11-23T00:15'],
    '2026-11-24T21:00',
    lines.practiceThisWeek(2, 'evening', 0),
  ],
  [
    'Sydney, Monday 7 am after Saturday and Sunday 11:30 pm: two days in a row',
    SYDNEY,
    ['2026-11-28T23:30', '2026-11-29T23:30'],
    '2026-11-30T07:00',
    lines.practiceThisWeek(1, 'morning', 2),
  ],
  [
    'London, Monday 0:20 am after the 23-hour Sunday: two days in a row, tonight',
    LONDON,
    ['2026-03-28T23:30', '2026-03-29T23:30'],
    '2026-03-30T00:20',
    lines.practiceThisWeek(1, 'night', 2),
  ],
  [
    'LA, Monday 6 pm after the 25-hour Sunday: two days in a row',
    LA,
    ['2026-10-31T23:30', '2026-11-01T23:30'],
    '2026-11-02T18:00',
    lines.practiceThisWeek(1, 'evening', 2),
  ],
  [
    'LA, Thursday afternoon after Monday and Tuesday: the run that ended is not mentioned',
    LA,
    ['2026-11-23T20:00', '2026-11-24T20:00'],
    '2026-11-26T14:00',
    lines.practiceThisWeek(3, 'afternoon', 0),
  ],
  [
    'LA, Wednesday after a run of four days last week that ended: nothing',
    LA,
    ['2026-11-17T20:00', '2026-11-18T20:00', '2026-11-19T20:00', '2026-11-20T20:00'],
    '2026-11-25T20:00',
    undefined,
  ],
  [
    'LA, Tuesday after nothing this week or yesterday: nothing',
    LA,
    ['2026-11-22T10:00'],
    '2026-11-24T20:00',
    undefined,
  ],
  [
    'no zone: UTC, Friday 19:00 after Thursday 23:30 UTC',
    null,
    ['2026-11-26T23:30'],
    '2026-11-27T19:00',
    lines.practiceThisWeek(2, 'evening', 0),
  ],
];

/** What a zone's wall time is as an instant; UTC without a zone. */
function instant(wall: string, zone: string | null): number {
  return zone === null ? Date.parse(`${wall}:00Z`) : atLocal(wall, zone);
}

describe('the practice line on opening', () => {
  it.each(LAUNCH_CASES)('%s', (_claim, zone, walls, now, said) => {
    expect(launchLine(practisedAt(zone, walls), instant(now, zone))).toBe(said);
  });

  it('reads "third day of practice this week" for the first Los Angeles case, in plain words', () => {
    const profile = practisedAt(LA, ['2026-11-23T23:30', '2026-11-24T20:00']);
    expect(launchLine(profile, atLocal('2026-11-26T19:00', LA))).toMatch(
      /^This evening would be your third day of practice this week\.$/,
    );
  });

  it('the same practice read without her zone would be counted differently (the zone is what decides)', () => {
    const inLA = practisedAt(LA, ['2026-11-26T07:00']);
    const now = atLocal('2026-11-26T23:30', LA);
    expect(launchLine(inLA, now)).toBe(lines.alreadyPractisedToday(1));
    expect(launchLine({ ...inLA, timeZone: null }, now)).not.toBe(lines.alreadyPractisedToday(1));
  });
});

/** Short steps, so a routine is over within a few minutes of its start. */
const hand = catalogue.get('hand') as Routine;
const shortHand: Routine = {
  ...hand,
  steps: hand.steps.slice(0, 2).map((step) => ({ ...step, holdSeconds: 10, cues: [] })),
};

/** Starts at a local time, walks to the closing; the practice line said at the end, if any. */
function afterRoutine(zone: string, walls: readonly string[], start: string): string | undefined {
  const walker = new CoreWalker(undefined, { catalogue: new Catalogue([shortHand]), wording: lines });
  walker.profile = practisedAt(zone, walls);
  walker.now = atLocal(start, zone);
  const turns: Decision[] = walker.walk('hand');
  // The closing's own turn (a first closing's reminder offer is declined after it).
  const finished = lines.routineFinished(shortHand.name);
  const closing = [...turns]
    .reverse()
    .find((turn) => turn.plan.segments.some((s) => s.kind === 'speech' && s.text === finished)) as Decision;
  expect(walker.state.mode).toBe('menu');
  expect(dayOf(walker.now, zone)).toBe(start.slice(0, 10));
  const said = closing.plan.segments.flatMap((s) => (s.kind === 'speech' ? [s.text] : []));
  const afterFinished = said.slice(said.indexOf(lines.routineFinished(shortHand.name)) + 1);
  return afterFinished.find((text) => /practi[cs]e/.test(text) && !/remind/i.test(text));
}

describe('the practice line after a finished routine', () => {
  it.each([
    [
      'LA, at 11 pm after 7 am the same day: one day, nothing said',
      LA,
      ['2026-11-25T07:00'],
      '2026-11-25T23:00',
      undefined,
    ],
    [
      'LA, at 11 pm after Monday and Tuesday 11:30 pm: three days this week',
      LA,
      ['2026-11-23T23:30', '2026-11-24T23:30'],
      '2026-11-25T23:00',
      lines.practiceDaysThisWeek(3),
    ],
    [
      'Kolkata, Tuesday 9 pm after Monday 0:15 am: two days this week',
      KOLKATA,
      ['2026-11-23T00:15'],
      '2026-11-24T21:00',
      lines.practiceDaysThisWeek(2),
    ],
    [
      'Sydney, Monday 6:30 am after Sunday 11:30 pm: a new week, nothing said',
      SYDNEY,
      ['2026-11-29T23:30'],
      '2026-11-30T06:30',
      undefined,
    ],
    [
      'London, Sunday 11 pm of the 23-hour day after Saturday: two days, not three',
      LONDON,
      ['2026-03-28T23:30'],
      '2026-03-29T23:00',
      lines.practiceDaysThisWeek(2),
    ],
  ])('%s', (_claim, zone, walls, start, said) => {
    expect(afterRoutine(zone, walls, start)).toBe(said);
  });

  it('says "That\'s three days of practice this week." in plain words', () => {
    expect(lines.practiceDaysThisWeek(3)).toBe("That's three days of practice this week.");
  });
});

describe('no practice line blames', () => {
  const counts = [0, 1, 2, 3, 4, 6, 7, 12, 40];
  const every = (wording: typeof lines): string[] => [
    ...counts.map((n) => wording.practiceDaysThisWeek(n)),
    ...counts.map((n) => wording.alreadyPractisedToday(n)),
    ...PARTS_OF_DAY.flatMap((part: PartOfDay) =>
      [1, 2, 3, 7].flatMap((nth) => counts.map((run) => wording.practiceThisWeek(nth, part, run))),
    ),
  ];

  it.each(LOCALES)('in %s, no line for any count holds a guilt word', (locale) => {
    const said = every(contentFor(locale).wording);
    expect(said.filter((text) => GUILT.test(text))).toEqual([]);
  });

  it.each(LAUNCH_CASES)('on opening (%s), nothing said holds a guilt word', (_claim, zone, walls, now) => {
    const said = launchLine(practisedAt(zone, walls), instant(now, zone)) ?? '';
    expect(said).not.toMatch(GUILT);
  });

  it('en-US says "practiced", the British source "practised"', () => {
    expect(contentFor('en-US').wording.alreadyPractisedToday(1)).toMatch(/practiced/);
    expect(contentFor('en-GB').wording.alreadyPractisedToday(1)).toMatch(/practised/);
  });
});
