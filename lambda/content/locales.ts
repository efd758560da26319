/**
 * The English-speaking markets the skill speaks to, and what differs between them. The lines and
 * routines are written once (lines.ts, safety-lines.ts, routines/) in British spelling, with the
 * care team and emergency numbers as terms; a locale brings its terms, and word lists that turn the
 * British words into its own. Sources for every number and care-team word are in the README
 * ("Locales").
 */

export const LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IN'] as const;
export type LocaleId = (typeof LOCALES)[number];

export function isLocaleId(value: unknown): value is LocaleId {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Who to call and how, as the locale's people say it. Each is written to fit the sentences that
 * use it (safety-lines.ts, lines.ts and the routines' cautions).
 */
export interface CareTerms {
  /** The emergency call as a verb phrase: "call 911 now". */
  readonly callEmergency: string;
  /** Said after a tier-1 answer, when the locale has more to say (en-IN: the 102 ambulance); else empty. */
  readonly emergencyAfter: string;
  /** Who to call for a sign of tier 2 (now): "her OB or midwife". */
  readonly urgentCare: string;
  /** Where to go when they can't be reached: "go to labor and delivery". */
  readonly goIn: string;
  /** Who to tell, or call today: "the midwife or doctor". */
  readonly careTeam: string;
  /** Who to call in labour: "the maternity unit". */
  readonly birthUnit: string;
  /** A non-urgent advice line after the care team, with its leading ", or": ", or NHS 111"; else empty. */
  readonly adviceLine: string;
  /** How each number the terms hold is spoken (the card shows the digits). */
  readonly spokenNumbers: Readonly<Record<string, string>>;
  /** The emergency number as a screen shows it, big: "999", "000 · NZ 111". Empty where none is known. */
  readonly shownNumber: string;
}

/**
 * A word list: whole words or phrases, as written in the British source, and what this locale says
 * instead. Applied in order to every line and routine (lowercase and capitalised), so a longer
 * phrase comes before the word it contains.
 */
export type WordList = readonly (readonly [british: string, local: string])[];

/** North American words (en-US and en-CA) for the source's British ones. */
export const NORTH_AMERICAN_WORDS: WordList = [
  ['tightenings of her bump', 'tightening of her belly'],
  ['tightenings', 'contractions'],
  ['knock to her bump', 'bump to her belly'],
  ['bump', 'belly'],
  ['sofa', 'couch'],
  ['waters break', 'water breaks'],
  ['waters have broken', 'water has broken'],
  ['waters have gone', 'water has gone'],
  ['waters are leaking', 'water is leaking'],
  ['waters', 'water'],
  ['having a fit', 'having a seizure'],
  ['straight away', 'right away'],
  ['round', 'around'],
];

/** American spellings (en-US), after the North American words. */
export const AMERICAN_SPELLING: WordList = [
  ['labour', 'labor'],
  ['practised', 'practiced'],
  ['practising', 'practicing'],
  ['practise', 'practice'],
  ['towards', 'toward'],
  ['cancelled', 'canceled'],
];

/** American spellings no British-spelling locale (en-GB, en-AU, en-IN; en-CA keeps labour) may use. */
export const AMERICAN_ONLY: readonly string[] = [
  'labor',
  'practiced',
  'practicing',
  'toward',
  'canceled',
  'color',
  'center',
];

export interface LocaleSpec {
  readonly id: LocaleId;
  /** The country or countries whose devices use this locale, for logs and the README. */
  readonly market: string;
  readonly care: CareTerms;
  /** Applied in order over the British source. */
  readonly words: readonly WordList[];
}

export const LOCALE_SPECS: Readonly<Record<LocaleId, LocaleSpec>> = {
  'en-US': {
    id: 'en-US',
    market: 'United States',
    care: {
      callEmergency: 'call 911 now',
      emergencyAfter: '',
      urgentCare: 'her OB or midwife',
      goIn: 'go to labor and delivery',
      careTeam: 'her OB or midwife',
      birthUnit: 'labor and delivery',
      adviceLine: '',
      spokenNumbers: { '911': 'nine one one' },
      shownNumber: '911',
    },
    words: [NORTH_AMERICAN_WORDS, AMERICAN_SPELLING],
  },
  'en-GB': {
    id: 'en-GB',
    market: 'United Kingdom and Ireland',
    care: {
      callEmergency: 'call 999 now',
      emergencyAfter: '',
      urgentCare: 'the maternity unit or her midwife',
      goIn: 'go in to the maternity unit',
      careTeam: 'the midwife or GP',
      birthUnit: 'the maternity unit',
      adviceLine: ', or NHS 111',
      spokenNumbers: { '999': 'nine nine nine', '111': 'one one one' },
      shownNumber: '999',
    },
    words: [],
  },
  'en-AU': {
    id: 'en-AU',
    market: 'Australia and New Zealand',
    care: {
      callEmergency: 'call 000 now, or 111 in New Zealand',
      emergencyAfter: '',
      urgentCare: 'her midwife or the maternity unit',
      goIn: 'go to the hospital',
      careTeam: 'the midwife or doctor',
      birthUnit: 'the maternity unit',
      adviceLine: '',
      spokenNumbers: { '000': 'triple zero', '111': 'one one one' },
      shownNumber: '000 · NZ 111',
    },
    words: [],
  },
  'en-CA': {
    id: 'en-CA',
    market: 'Canada',
    care: {
      callEmergency: 'call 911 now',
      emergencyAfter: '',
      urgentCare: 'her doctor or midwife',
      goIn: 'go to the hospital',
      careTeam: 'her doctor or midwife',
      birthUnit: 'labour and delivery',
      adviceLine: ', or 811',
      spokenNumbers: { '911': 'nine one one', '811': 'eight one one' },
      shownNumber: '911',
    },
    words: [NORTH_AMERICAN_WORDS],
  },
  'en-IN': {
    id: 'en-IN',
    market: 'India',
    care: {
      callEmergency: 'call 112 now',
      emergencyAfter: ' In many states, 102 also sends a free ambulance for pregnant women.',
      urgentCare: 'her doctor or the hospital',
      goIn: 'go to the hospital',
      careTeam: 'her doctor',
      birthUnit: 'the hospital',
      adviceLine: '',
      spokenNumbers: { '112': 'one one two', '102': 'one oh two' },
      shownNumber: '112',
    },
    words: [],
  },
};

/** Every emergency or advice number any locale uses; a locale's content may hold only its own. */
export function numbersOf(locale: LocaleId): readonly string[] {
  return Object.keys(LOCALE_SPECS[locale].care.spokenNumbers);
}

/**
 * Care terms that name no number, for an English locale the skill has no market for (en-ZA, en-SG):
 * a wrong emergency number is worse than none.
 */
export const UNKNOWN_MARKET_CARE: CareTerms = {
  callEmergency: 'call your local emergency number now',
  emergencyAfter: '',
  urgentCare: 'her midwife or doctor',
  goIn: 'go to the hospital',
  careTeam: 'her midwife or doctor',
  birthUnit: 'the hospital',
  adviceLine: '',
  spokenNumbers: {},
  shownNumber: '',
};

/** English locales without a market of their own, and the locale whose words are nearest. */
const NEAREST_WORDS: Readonly<Record<string, LocaleId>> = {
  'en-NZ': 'en-AU',
  'en-IE': 'en-GB',
  'en-ZA': 'en-GB',
  'en-SG': 'en-GB',
  'en-MT': 'en-GB',
  'en-HK': 'en-GB',
  'en-PH': 'en-US',
};

/**
 * What a request's locale gets. A locale the skill has: its own. en-NZ: en-AU, whose lines name
 * New Zealand's number too (Alexa serves New Zealand with the en-AU model). Another English locale:
 * the nearest words, with care terms that name no number. Not English: the language, for a short
 * answer in it.
 */
export type LocaleChoice =
  | { readonly kind: 'own'; readonly locale: LocaleId }
  | { readonly kind: 'nearest'; readonly locale: LocaleId; readonly requested: string; readonly numbers: boolean }
  | { readonly kind: 'otherLanguage'; readonly language: string; readonly requested: string };

/** The default when a request names no locale at all (the simulator's and Alexa's first market). */
export const DEFAULT_LOCALE: LocaleId = 'en-US';

export function chooseLocale(requested: unknown): LocaleChoice {
  if (typeof requested !== 'string' || requested.trim() === '') return { kind: 'own', locale: DEFAULT_LOCALE };
  const [language = '', region = ''] = requested.trim().replace('_', '-').split('-');
  const normalised = region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
  if (isLocaleId(normalised)) return { kind: 'own', locale: normalised };
  if (language.toLowerCase() !== 'en') {
    return { kind: 'otherLanguage', language: language.toLowerCase().slice(0, 8), requested: normalised.slice(0, 20) };
  }
  const nearest = NEAREST_WORDS[normalised];
  return {
    kind: 'nearest',
    locale: nearest ?? DEFAULT_LOCALE,
    requested: normalised.slice(0, 20),
    numbers: nearest === 'en-AU',
  };
}
