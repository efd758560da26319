/**
 * Which content a request's locale gets, and how a locale's word lists turn the British source:
 * one pass per list, whole words only, a capital kept, identifiers never touched.
 */
import { contentFor, contentForRequest, localiseWith } from '../../lambda/content';
import {
  AMERICAN_SPELLING,
  chooseLocale,
  LOCALE_SPECS,
  LOCALES,
  type LocaleId,
  NORTH_AMERICAN_WORDS,
  numbersOf,
  UNKNOWN_MARKET_CARE,
} from '../../lambda/content/locales';
import { WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';
import { ALL_NUMBERS, EXPECTED, numbersIn } from '../support/locale-expectations';

describe('chooseLocale', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s is its own locale', (locale) => {
    expect(chooseLocale(locale)).toEqual({ kind: 'own', locale });
  });

  it.each([
    ['en_gb', 'en-GB'],
    ['EN-gb', 'en-GB'],
    ['en_US', 'en-US'],
    [' en-au ', 'en-AU'],
    ['en-in', 'en-IN'],
    ['En_Ca', 'en-CA'],
  ])('%p is %s, whatever its case or separator', (requested, locale) => {
    expect(chooseLocale(requested)).toEqual({ kind: 'own', locale });
  });

  it('en-NZ gets en-AU with its numbers (Alexa serves New Zealand with en-AU)', () => {
    expect(chooseLocale('en-NZ')).toEqual({ kind: 'nearest', locale: 'en-AU', requested: 'en-NZ', numbers: true });
    expect(chooseLocale('en_nz')).toMatchObject({ kind: 'nearest', locale: 'en-AU', numbers: true });
  });

  it.each([['en-ZA'], ['en-IE'], ['en-SG']])('%s gets en-GB words and no number', (requested) => {
    expect(chooseLocale(requested)).toEqual({ kind: 'nearest', locale: 'en-GB', requested, numbers: false });
  });

  it('an English locale with no nearest one gets en-US words and no number', () => {
    expect(chooseLocale('en-ZZ')).toEqual({ kind: 'nearest', locale: 'en-US', requested: 'en-ZZ', numbers: false });
  });

  it.each([
    ['de-DE', 'de'],
    ['hi-IN', 'hi'],
    ['es-US', 'es'],
    ['fr_CA', 'fr'],
  ])('%s is another language: %s', (requested, language) => {
    expect(chooseLocale(requested)).toMatchObject({ kind: 'otherLanguage', language });
  });

  it.each([[undefined], [''], ['   '], [null], [42]])('%p is en-US', (requested) => {
    expect(chooseLocale(requested)).toEqual({ kind: 'own', locale: 'en-US' });
  });
});

describe('the content a request gets', () => {
  it('en-ZA: en-GB words, and tier answers that name no number at all', () => {
    const content = contentForRequest('en-ZA');
    expect(content.locale).toBe('en-GB');
    expect(content.spokenNumbers).toEqual({});
    expect(content.wording.tierAction[1]).toContain('your local emergency number');
    expect(content.wording.tierAction[1]).toContain(UNKNOWN_MARKET_CARE.callEmergency);
    const answers = WARNING_SIGN_IDS.flatMap((sign) => [content.wording.signClause[sign]]).concat(
      Object.values(content.wording.tierAction),
      Object.values(content.wording.tierClose),
      content.wording.unknownConcernSafety,
      content.wording.disclaimer,
    );
    for (const answer of answers) expect(numbersIn(answer, ALL_NUMBERS)).toEqual([]);
  });

  it("en-NZ: en-AU's content, with triple zero and New Zealand's 111", () => {
    const content = contentForRequest('en-NZ');
    expect(content.locale).toBe('en-AU');
    expect(content.wording.tierAction[1]).toContain('000');
    expect(content.wording.tierAction[1]).toContain('111 in New Zealand');
    expect(content.spokenNumbers).toEqual(LOCALE_SPECS['en-AU'].care.spokenNumbers);
  });

  it('a language the skill does not speak gets en-US content and the one line in that language', () => {
    const content = contentForRequest('de-DE');
    expect(content.locale).toBe('en-US');
    expect(content.otherLanguage).toBe('Entschuldigung, Partner Massage Coach gibt es nur auf Englisch.');
    expect(contentForRequest('sv-SE').otherLanguage).toBe('Sorry, Partner Massage Coach speaks English only.');
  });

  it.each(LOCALES.map((locale) => [locale]))('%s names exactly the numbers it is expected to', (locale) => {
    expect([...numbersOf(locale)].sort()).toEqual([...EXPECTED[locale].numbers].sort());
  });
});

describe('localiseWith', () => {
  const northAmerican = localiseWith([NORTH_AMERICAN_WORDS]);
  const american = localiseWith([NORTH_AMERICAN_WORDS, AMERICAN_SPELLING]);

  it('turns a phrase once: what it turned into is not turned again by the same list', () => {
    expect(northAmerican('After a knock to her bump, call.')).toBe('After a bump to her belly, call.');
    expect(northAmerican('a knock to her bump')).not.toContain('belly to her belly');
    expect(northAmerican('her bump')).toBe('her belly');
  });

  it('is one pass per list, the lists in order', () => {
    const oneList = localiseWith([
      [
        ['cat', 'dog'],
        ['dog', 'fox'],
      ],
    ]);
    const twoLists = localiseWith([[['cat', 'dog']], [['dog', 'fox']]]);
    expect(oneList('the cat and the dog')).toBe('the dog and the fox');
    expect(twoLists('the cat and the dog')).toBe('the fox and the fox');
  });

  it('prefers the longer phrase over a word inside it', () => {
    expect(northAmerican('regular tightenings of her bump')).toBe('regular tightening of her belly');
    expect(northAmerican('her waters have broken')).toBe('her water has broken');
    expect(northAmerican('if her waters break')).toBe('if her water breaks');
  });

  it('keeps a capital at the start of a sentence', () => {
    expect(american('Labour is expected.')).toBe('Labor is expected.');
    expect(american('labour is expected.')).toBe('labor is expected.');
    expect(northAmerican('Straight away, sit her up.')).toBe('Right away, sit her up.');
    expect(northAmerican('Sofa or bed.')).toBe('Couch or bed.');
  });

  it('turns whole words only', () => {
    expect(northAmerican('go around the roundabout, surrounded by rounds')).toBe(
      'go around the roundabout, surrounded by rounds',
    );
    expect(northAmerican('turned round')).toBe('turned around');
    expect(northAmerican('a bumpy road, sofas')).toBe('a bumpy road, sofas');
    expect(american('labours, labouring')).toBe('labours, labouring');
  });

  it('leaves text with no listed word as it is, and an empty list changes nothing', () => {
    expect(american('Slow circles, about one every two seconds.')).toBe('Slow circles, about one every two seconds.');
    expect(localiseWith([])('her bump, the sofa')).toBe('her bump, the sofa');
  });
});

describe('identifiers in every locale', () => {
  const british = contentFor('en-GB').catalogue.routines;
  const shape = (locale: LocaleId) =>
    contentFor(locale).catalogue.routines.map((routine) => ({
      id: routine.id,
      steps: routine.steps.map((step) => ({ id: step.id, cues: step.cues.map((cue) => cue.kind) })),
    }));

  it.each(LOCALES.map((locale) => [locale]))(
    '%s has the same routine, step ids and cue kinds as the source',
    (locale) => {
      expect(shape(locale)).toEqual(shape('en-GB'));
    },
  );

  it('en-US keeps the labour routine id although it spells the name "labor"', () => {
    const routine = contentFor('en-US').catalogue.get('labourCounterPressure');
    expect(routine?.id).toBe('labourCounterPressure');
    expect(routine?.name).toMatch(/\blabor\b/);
    expect(british.find((source) => source.id === 'labourCounterPressure')?.name).toMatch(/\blabour\b/);
  });
});
