/**
 * No locale's content borrows another's: every line and every routine of every locale is read, and
 * none may hold another locale's emergency or advice number, a British word its word lists turn, or
 * (in a British-spelling locale) an American spelling. Every warning-sign answer names the locale's
 * own number or care team for its tier.
 */
import { contentFor } from '../../lambda/content';
import {
  AMERICAN_ONLY,
  LOCALE_SPECS,
  LOCALES,
  type LocaleId,
  numbersOf,
  UNKNOWN_MARKET_CARE,
} from '../../lambda/content/locales';
import type { Routine } from '../../lambda/core/catalogue';
import { PARTS_OF_DAY } from '../../lambda/core/local-time';
import { PRESSURE_LEVELS } from '../../lambda/core/preferences';
import { type Tier, tierOf, WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';
import type { Wording } from '../../lambda/core/wording';
import {
  ALL_NUMBERS,
  EXPECTED,
  foreignNumbers,
  numbersIn,
  wholeNumbers,
  wholeWord,
} from '../support/locale-expectations';
import { REMINDER_LINE_CALLS } from '../support/reminder-line-calls';
import { SESSION_LINE_CALLS, type SessionValues } from '../support/session-line-calls';

interface Said {
  /** Where the text comes from: "wording.tierAction.1", "routine foot.steps.0.title". */
  readonly where: string;
  readonly text: string;
}

type LineKey = { [K in keyof Wording]: Wording[K] extends (...args: never[]) => string ? K : never }[keyof Wording];

/** Representative values for the lines that are functions: names and titles from the locale's routines. */
interface Values {
  readonly names: readonly string[];
  readonly titles: readonly string[];
}

const COUNTS = [1, 2, 3, 7];
const SECONDS = [20, 30, 45, 60, 90, 120, 300];

/**
 * Calls each function line with representative values; a line added to Wording does not compile
 * here until it is called.
 */
const CALLS: { readonly [K in LineKey]: (line: Wording[K], values: Values) => readonly string[] } = {
  routineList: (line, { names }) => [line(names)],
  unknownRoutine: (line) => [line('yoga')],
  ambiguousRoutine: (line, { names }) => [line(names.slice(0, 2)), line(names.slice(0, 3))],
  noSuchStep: (line, { names }) => names.flatMap((name) => [line(name, 6), line(name, 6, 9)]),
  fromStep: (line, { names }) => names.map((name) => line(name, 3)),
  waiting: (line) => SECONDS.map((seconds) => line(seconds)),
  routineTitle: (line, { names }) => names.map((name) => line(name)),
  stepIntro: (line, { titles }) => titles.map((title) => line(2, 6, title, 'Slow circles.')),
  goOnQuestion: (line, { titles }) => titles.map((title) => line(2, title)),
  goOnReprompt: (line) => COUNTS.map((step) => line(step)),
  waitForNext: (line, { titles }) => titles.map((title) => line(3, title)),
  waitForNextReprompt: (line) => COUNTS.map((step) => line(step)),
  routineFinished: (line, { names }) => names.map((name) => line(name)),
  practiceDaysThisWeek: (line) => COUNTS.map((count) => line(count)),
  alreadyPractisedToday: (line) => COUNTS.map((count) => line(count)),
  practiceThisWeek: (line) =>
    PARTS_OF_DAY.flatMap((part) => COUNTS.flatMap((nth) => [line(nth, part, 0), line(nth, part, nth + 1)])),
  savedPlace: (line, { names }) => names.map((name) => line(name, 2)),
  pausedAt: (line, { names, titles }) =>
    names.flatMap((name) => titles.slice(0, 3).map((title) => line(name, 2, title))),
  offerResume: (line, { names, titles }) => names.map((name, i) => line(name, 2, titles[i] ?? 'step')),
  resumingAt: (line, { names }) => names.map((name) => line(name, 4)),
  movingOn: (line) => [line(1, 2), line(5, 6)],
  goingBack: (line) => [line(2, 1), line(6, 5)],
  repeatingStepNumber: (line) => COUNTS.map((step) => line(step)),
  tipForStep: (line) => COUNTS.map((step) => line(step)),
  statusStep: (line, { names, titles }) => names.map((name, i) => line(2, 6, titles[i] ?? 'step', name)),
  statusRemaining: (line) => SECONDS.map((seconds) => line(seconds)),
  pressureNow: (line) => PRESSURE_LEVELS.map((level) => line(level)),
  shallICarryOn: (line) => COUNTS.map((step) => line(step)),
  homeFromRoutine: (line, { names }) => names.map((name) => line(name, 3)),
  discomfortLighter: (line) => PRESSURE_LEVELS.map((level) => line(level)),
  safetyRoutine: (line, { names }) => names.map((name) => line(name)),
  helpWithSuggestion: (line, { names }) => names.map((name) => line(name)),
  helpWithQuestion: (line, { names }) => names.map((name) => line(name)),
  helpWithReprompt: (line, { names }) => names.map((name) => line(name)),
  couldNotSave: (line) => COUNTS.map((step) => line(step)),
  offerResumeChanged: (line, { names, titles }) => names.map((name, i) => line(name, 2, titles[i] ?? 'step')),
  resumingChanged: (line, { names }) => names.map((name) => line(name, 2)),
  nowPlayingStep: (line, { titles }) => titles.map((title) => line(3, 6, title)),
  audioPausedAt: (line, { titles }) => titles.map((title) => line(3, 6, title)),
  audioCancelled: (line, { names }) => names.map((name) => line(name, 3)),
};

function isLineKey(key: string): key is LineKey {
  return Object.hasOwn(CALLS, key);
}

/** Every string in a value, with where it is; keys in `skip` are left out. */
function stringsOf(value: unknown, where: string, skip: ReadonlySet<string>): Said[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${where}.${i}`, skip));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      skip.has(key) ? [] : stringsOf(item, `${where}.${key}`, skip),
    );
  }
  return [];
}

/** Every line of a nested group: strings as they are, functions called through the group's table. */
function groupStrings(
  group: object,
  where: string,
  calls: Readonly<Record<string, (line: never, values: SessionValues) => readonly string[]>>,
  values: SessionValues,
): Said[] {
  return Object.entries(group).flatMap(([key, line]): Said[] => {
    if (typeof line !== 'function') return stringsOf(line, `${where}.${key}`, new Set());
    const call = calls[key] as ((line: unknown, values: SessionValues) => readonly string[]) | undefined;
    if (call === undefined) throw new Error(`${where}.${key} is a function the test does not call`);
    return call(line, values).map((text, i) => ({ where: `${where}.${key}(#${i})`, text }));
  });
}

/** Every line of the wording: strings, nested records, and each function called with representative values. */
function wordingStrings(wording: Wording, values: Values): Said[] {
  const sessionValues: SessionValues = { names: values.names, areas: Object.values(wording.screen.areas) };
  return Object.entries(wording).flatMap(([key, line]): Said[] => {
    if (key === 'reminders') return groupStrings(line, 'wording.reminders', REMINDER_LINE_CALLS, sessionValues);
    if (key === 'sessions') return groupStrings(line, 'wording.sessions', SESSION_LINE_CALLS, sessionValues);
    if (typeof line !== 'function') return stringsOf(line, `wording.${key}`, new Set());
    if (!isLineKey(key)) throw new Error(`wording.${key} is a function the test does not call`);
    const call = CALLS[key] as (line: unknown, values: Values) => readonly string[];
    return call(line, values).map((text, i) => ({ where: `wording.${key}(#${i})`, text }));
  });
}

/** Identifiers, and synonyms (which hold every locale's spelling of a name on purpose), are not said. */
const NOT_SAID = new Set(['id', 'kind', 'synonyms']);

function routineStrings(routine: Routine): Said[] {
  return stringsOf(routine, `routine ${routine.id}`, NOT_SAID);
}

function everything(locale: LocaleId, care = LOCALE_SPECS[locale].care): Said[] {
  const content = contentFor(locale, care);
  const routines = content.catalogue.routines;
  const values: Values = {
    names: routines.map((routine) => routine.name),
    titles: routines.flatMap((routine) => routine.steps.map((step) => step.title)),
  };
  return [...wordingStrings(content.wording, values), ...routines.flatMap(routineStrings)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with the locale's own phrases taken out: "a bump to her belly" is American, not British "bump". */
function withoutPhrases(text: string, phrases: readonly string[]): string {
  const longestFirst = [...phrases].sort((a, b) => b.length - a.length);
  return longestFirst.reduce(
    (rest, phrase) =>
      rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'giu'), ' | '),
    text,
  );
}

/**
 * Words a locale must never say, written out here so that a pair dropped from a word list, or a
 * line that skips the lists, still fails.
 */
const NEVER_SAID: Readonly<Record<LocaleId, readonly string[]>> = {
  'en-US': ['sofa', 'labour', 'towards', 'practised', 'straight away', 'tightenings', 'cancelled'],
  'en-CA': ['sofa', 'straight away', 'tightenings', 'labor', 'color', 'center'],
  'en-GB': ['labor', 'color', 'center', 'toward', 'practiced'],
  'en-AU': ['labor', 'color', 'center', 'toward', 'practiced'],
  'en-IN': ['labor', 'color', 'center', 'toward', 'practiced'],
};

/** The British-spelling locales: none of them uses an American spelling. */
const BRITISH_SPELLING: readonly LocaleId[] = ['en-GB', 'en-AU', 'en-IN'];

function found(said: readonly Said[], test: (text: string) => readonly string[]): string[] {
  return said.flatMap(({ where, text }) => test(text).map((hit) => `${where}: "${hit}" in "${text}"`));
}

describe('the numbers every locale may name', () => {
  it('are the ones the locales declare, no more and no fewer', () => {
    const declared = new Set(LOCALES.flatMap((locale) => numbersOf(locale)));
    expect([...declared].sort()).toEqual([...ALL_NUMBERS].sort());
  });

  it('a number is whole: 1,000 is not 000, and 1112 is not 111', () => {
    expect(wholeNumbers('about 1,000 steps, code 1112, call 000 now.')).toEqual(['1,000', '1112', '000']);
    expect(numbersIn('call 1112 or 9110', ALL_NUMBERS)).toEqual([]);
  });
});

describe.each(LOCALES.map((locale) => [locale]))('%s content', (locale) => {
  const said = everything(locale);
  const spec = LOCALE_SPECS[locale];
  const expected = EXPECTED[locale];
  const wording = contentFor(locale).wording;

  it('is read in full: every line, every routine and every step', () => {
    const routines = contentFor(locale).catalogue.routines;
    expect(routines.length).toBeGreaterThanOrEqual(7);
    for (const routine of routines) {
      expect(said.some(({ where }) => where === `routine ${routine.id}.closing`)).toBe(true);
      routine.steps.forEach((_step, i) => {
        expect(said.some(({ where }) => where === `routine ${routine.id}.steps.${i}.instruction.firm`)).toBe(true);
      });
    }
    expect(said.some(({ where }) => where.startsWith('wording.audioCancelled('))).toBe(true);
    expect(said.length).toBeGreaterThan(500);
  });

  it("names no other locale's number", () => {
    const foreign = foreignNumbers(expected.numbers);
    expect(foreign.length).toBeGreaterThan(0);
    expect(found(said, (text) => numbersIn(text, foreign))).toEqual([]);
  });

  it('names each of its own numbers somewhere', () => {
    const all = said.map(({ text }) => text).join('\n');
    expect(numbersIn(all, expected.numbers)).toEqual(expected.numbers);
  });

  it('says no British word its word lists turn', () => {
    const lists = spec.words;
    const own = lists.flatMap((list) => list.map(([, local]) => local));
    const british = lists.flatMap((list) => list.map(([source]) => source)).filter((word) => !own.includes(word));
    expect(found(said, (text) => british.filter((word) => wholeWord(word).test(withoutPhrases(text, own))))).toEqual(
      [],
    );
  });

  it(`never says ${NEVER_SAID[locale].join(', ')}`, () => {
    const own = spec.words.flatMap((list) => list.map(([, local]) => local));
    const never = NEVER_SAID[locale];
    expect(found(said, (text) => never.filter((word) => wholeWord(word).test(withoutPhrases(text, own))))).toEqual([]);
  });

  if (BRITISH_SPELLING.includes(locale)) {
    it('uses no American spelling', () => {
      expect(found(said, (text) => AMERICAN_ONLY.filter((word) => wholeWord(word).test(text)))).toEqual([]);
    });
  }

  const answers = WARNING_SIGN_IDS.map((sign) => {
    const tier = tierOf(sign);
    const answer = `${wording.tierAction[tier]} ${wording.signClause[sign]} ${wording.tierClose[tier]}`;
    return [sign, tier, answer] as const;
  });
  const ofTier = (tier: Tier) => answers.filter(([, signTier]) => signTier === tier);

  it.each(ofTier(1))(`tier-1 %s: calls ${expected.emergency}`, (_sign, _tier, answer) => {
    expect(answer).toContain(spec.care.callEmergency);
    expect(answer).toContain(`call ${expected.emergency} now`);
    expect(numbersIn(answer, foreignNumbers(expected.numbers))).toEqual([]);
  });

  it.each(ofTier(2))(`tier-2 %s: calls ${expected.urgentCare} now`, (_sign, _tier, answer) => {
    expect(answer).toContain(spec.care.urgentCare);
    expect(answer).toContain(`call ${expected.urgentCare} now`);
    expect(answer).toContain(expected.emergency);
    expect(numbersIn(answer, foreignNumbers(expected.numbers))).toEqual([]);
  });

  it.each(ofTier(3))(`tier-3 %s: calls ${expected.careTeam} today`, (_sign, _tier, answer) => {
    expect(answer).toContain(spec.care.careTeam);
    expect(answer).toContain(`call ${expected.careTeam} today`);
    expect(numbersIn(answer, foreignNumbers(expected.numbers))).toEqual([]);
  });

  it(`the first-use disclaimer names ${expected.careTeam}`, () => {
    expect(wording.disclaimer).toContain(spec.care.careTeam);
    expect(wording.disclaimer).toContain(expected.careTeam);
  });

  it(`spells labour "${expected.labour}"`, () => {
    expect(wording.atTerm).toMatch(wholeWord(expected.labour));
    expect(wording.atTerm).not.toMatch(wholeWord(expected.labour === 'labor' ? 'labour' : 'labor'));
  });
});

describe('special numbers', () => {
  it('en-AU tier 1 names New Zealand 111 after triple zero', () => {
    expect(contentFor('en-AU').wording.tierAction[1]).toContain('call 000 now, or 111 in New Zealand');
  });

  it('en-GB tier 3 offers NHS 111; en-CA 811; en-IN tier 1 adds the 102 ambulance', () => {
    expect(contentFor('en-GB').wording.tierAction[3]).toContain('NHS 111');
    expect(contentFor('en-CA').wording.tierAction[3]).toContain('811');
    expect(contentFor('en-IN').wording.tierClose[1]).toContain('102');
  });

  it.each(LOCALES.map((locale) => [locale]))(
    '%s words with care terms for a market it has no number for name no number at all',
    (locale) => {
      const said = everything(locale, UNKNOWN_MARKET_CARE);
      expect(found(said, (text) => numbersIn(text, ALL_NUMBERS))).toEqual([]);
      expect(contentFor(locale, UNKNOWN_MARKET_CARE).wording.tierAction[1]).toContain(
        'call your local emergency number now',
      );
    },
  );
});
