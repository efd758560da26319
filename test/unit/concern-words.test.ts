/**
 * Warning signs and concerns found in words heard as something else (a routine's name): a sign
 * wherever it is said, the most urgent first, unless a longer everyday phrase holds it; an everyday
 * concern only when it is all that was said.
 */
import { catalogue, contentFor } from '../../lambda/content';
import { CONCERN_WORDS } from '../../lambda/content/concern-words';
import { LOCALES } from '../../lambda/content/locales';
import { NAME_WORDS } from '../../lambda/content/name-words';
import { type ConcernPhraseTable, ConcernWords } from '../../lambda/core/concerns';
import { WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';

const words = new ConcernWords(CONCERN_WORDS, NAME_WORDS.fillers);

describe('ConcernWords.find', () => {
  it.each([
    ['bad headache', 'severeHeadache'],
    ['a bad headache please', 'severeHeadache'],
    ['her back is bleeding', 'bleeding'],
    ['lower back relief for chest pain', 'chestPain'],
    ['she had a fall', 'fallOrKnock'],
    ['Her waters broke!', 'waters'],
  ] as const)('"%s" names the warning sign %s', (heard, sign) => {
    expect(words.find(heard)).toEqual({ kind: 'sign', sign });
  });

  it('the most urgent sign wins when several are said', () => {
    // Bleeding is tier 2, heavy bleeding tier 1, a headache tier 3.
    expect(words.find('a headache and some bleeding')).toEqual({ kind: 'sign', sign: 'bleeding' });
    expect(words.find('a headache and bleeding heavily')).toEqual({ kind: 'sign', sign: 'heavyBleeding' });
  });

  it('a sign inside a longer everyday phrase is that phrase, not the sign', () => {
    // "cramps" alone is belly pain; "leg cramps" is a cramp, stretched and never rubbed.
    expect(words.find('cramps')).toEqual({ kind: 'sign', sign: 'bellyPain' });
    expect(words.find('leg cramps')).toEqual({ kind: 'concern', concern: 'legCramp' });
    expect(words.find('foot cramps')).toEqual({ kind: 'concern', concern: 'legCramp' });
    // "fall" alone is a fall; falling asleep is sleep.
    expect(words.find('help her fall asleep')).toEqual({ kind: 'concern', concern: 'cantSleep' });
  });

  it.each([
    ['swollen feet', 'swollenFeet'],
    ['swollen feet please', 'swollenFeet'],
    ['her back hurts', 'backAche'],
    ['my feet are swollen', 'swollenFeet'],
  ] as const)('"%s", said alone, is the concern %s', (heard, concern) => {
    expect(words.find(heard)).toEqual({ kind: 'concern', concern });
  });

  it.each([
    ['a massage for swollen feet and sore shoulders'],
    ['labour practice routine'],
    ['foot massage'],
    [''],
    ['   '],
  ])('"%s" names neither a sign nor a whole concern', (heard) => {
    expect(words.find(heard)).toBeUndefined();
  });

  it('finds every sign by its own value', () => {
    for (const sign of WARNING_SIGN_IDS) {
      expect(words.find(CONCERN_WORDS[sign].value)).toEqual({ kind: 'sign', sign });
    }
  });

  it('with no fillers, an everyday concern must be said word for word', () => {
    const strict = new ConcernWords(CONCERN_WORDS);
    expect(strict.find('swollen feet please')).toBeUndefined();
    expect(strict.find('swollen feet')).toEqual({ kind: 'concern', concern: 'swollenFeet' });
  });

  it('the longest phrase at a place wins, whichever id lists it first', () => {
    // Everyday concerns come before the signs in the table; "tight" must not hide "tight chest".
    const empty = Object.fromEntries(Object.keys(CONCERN_WORDS).map((id) => [id, { value: '', synonyms: [] }]));
    const table = {
      ...empty,
      stress: { value: 'tight', synonyms: [] },
      chestPain: { value: 'tight chest', synonyms: [] },
    } as unknown as ConcernPhraseTable;
    expect(new ConcernWords(table).find('a tight chest')).toEqual({ kind: 'sign', sign: 'chestPain' });
  });

  it('reads its words only at the first search, and once', () => {
    let reads = 0;
    const lazy = new ConcernWords(() => {
      reads += 1;
      return CONCERN_WORDS;
    }, NAME_WORDS.fillers);
    expect(reads).toBe(0);
    expect(lazy.find('chest pain')).toEqual({ kind: 'sign', sign: 'chestPain' });
    expect(lazy.find('a fever')).toEqual({ kind: 'sign', sign: 'fever' });
    expect(reads).toBe(1);
  });

  it('a table with empty phrases finds nothing in them', () => {
    const table = Object.fromEntries(
      Object.keys(CONCERN_WORDS).map((id) => [id, { value: '', synonyms: ['  '] }]),
    ) as unknown as ConcernPhraseTable;
    expect(new ConcernWords(table).find('bleeding')).toBeUndefined();
  });
});

describe('Catalogue.heardConcern', () => {
  it('a routine name or synonym said exactly is the routine, never a concern', () => {
    for (const routine of catalogue.routines) {
      for (const phrase of [routine.name, ...routine.synonyms]) expect(catalogue.heardConcern(phrase)).toBeUndefined();
    }
  });

  it.each(LOCALES.map((locale) => [locale]))('%s looks for signs in names it does not have', (locale) => {
    expect(contentFor(locale).catalogue.heardConcern('a bad headache')).toEqual({
      kind: 'sign',
      sign: 'severeHeadache',
    });
  });
});
