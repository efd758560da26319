/**
 * The content for each locale: the British source (lines, safety lines, routines) with the locale's
 * care terms, its words turned by its word lists, and every other spelling of a routine's name kept
 * as a synonym. Each locale's is built at its first request and kept, a field at its first read.
 */
import { Catalogue, normalisePhrase, type Routine } from '../core/catalogue';
import { CONCERN_SLOT_IDS, type ConcernPhraseTable, type ConcernSlotId, ConcernWords } from '../core/concerns';
import type { Wording } from '../core/wording';
import { CONCERN_WORDS, type ConcernPhrases } from './concern-words';
import { sourceLines } from './lines';
import {
  type CareTerms,
  chooseLocale,
  DEFAULT_LOCALE,
  LOCALE_SPECS,
  LOCALES,
  type LocaleChoice,
  type LocaleId,
  UNKNOWN_MARKET_CARE,
  type WordList,
} from './locales';
import { NAME_WORDS } from './name-words';
import { onlyInEnglish } from './other-languages';
import { ROUTINE_SOURCES } from './routines';
import { DETAIL_FIELDS, type RoutineDetails, type RoutineSource } from './routines/source';

export interface LocaleContent {
  readonly locale: LocaleId;
  readonly catalogue: Catalogue;
  readonly wording: Wording;
  /** How the numbers in the lines are spoken: "999" as "nine nine nine". */
  readonly spokenNumbers: Readonly<Record<string, string>>;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pass of a word list: longest phrases first, each place replaced once, case kept for a capital. */
function wordListPass(list: WordList): (text: string) => string {
  if (list.length === 0) return (text) => text;
  const local = new Map<string, string>();
  for (const [british, own] of list) {
    local.set(british, own);
    local.set(capitalised(british), capitalised(own));
  }
  const phrases = [...local.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`\\b(?:${phrases.join('|')})\\b`, 'g');
  return (text) => text.replace(pattern, (found) => local.get(found) ?? found);
}

/** Turns British source text into a locale's words, list by list. */
export function localiseWith(lists: readonly WordList[]): (text: string) => string {
  const passes = lists.map(wordListPass);
  return (text) => passes.reduce((turned, pass) => pass(turned), text);
}

/** Keys whose strings are identifiers, not words: never turned. */
const IDENTIFIER_KEYS = new Set(['id', 'kind']);

/**
 * An object with the fields of `fields`, each made from the field's value at its first read, then
 * kept. A turn reads a few lines and one routine's steps, so a cold start turns those, not the
 * whole source; a proxy costs nothing to make, where a getter for each of the many lines would.
 */
function madeOnRead<T extends object>(fields: object, make: (key: string, value: unknown) => unknown): T {
  const made = new Map<string, unknown>();
  const read = (target: object, key: string): unknown => {
    if (!made.has(key)) made.set(key, make(key, target[key as keyof typeof target]));
    return made.get(key);
  };
  return new Proxy(fields as T, {
    get: (target, key, receiver) =>
      typeof key === 'string' && Object.hasOwn(target, key) ? read(target, key) : Reflect.get(target, key, receiver),
    getOwnPropertyDescriptor: (target, key) => {
      const own = Reflect.getOwnPropertyDescriptor(target, key);
      return own && typeof key === 'string' ? { ...own, value: read(target, key) } : own;
    },
  });
}

/**
 * Every string in a value, turned: strings, arrays, plain objects (a field at its first read), and
 * functions that return a string (wrapped, so a line built from values is turned as it is built).
 */
function turnAll<T>(value: T, turn: (text: string) => string): T {
  if (typeof value === 'string') return turn(value) as T;
  if (typeof value === 'function') {
    const line = value as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => {
      const said = line(...args);
      return typeof said === 'string' ? turn(said) : said;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((item) => turnAll(item, turn)) as T;
  if (value !== null && typeof value === 'object') {
    return madeOnRead<T & object>(value, (key, item) => (IDENTIFIER_KEYS.has(key) ? item : turnAll(item, turn)));
  }
  return value;
}

let turners: readonly ((text: string) => string)[] | undefined;

/** Each locale's word turn, made once. */
function everyLocalesWords(): readonly ((text: string) => string)[] {
  turners ??= LOCALES.map((locale) => localiseWith(LOCALE_SPECS[locale].words));
  return turners;
}

/**
 * A routine's synonyms with its name and synonyms in every locale's spelling: the ones its own
 * name and synonyms do not already say become synonyms too.
 */
function withOtherSpellings(name: string, synonyms: readonly string[], british: RoutineSource): string[] {
  const seen = new Set([normalisePhrase(name)]);
  const all: string[] = [];
  const spellings = everyLocalesWords().flatMap((turn) => [british.name, ...british.synonyms].map(turn));
  for (const phrase of [...synonyms, ...spellings]) {
    const key = normalisePhrase(phrase);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(phrase);
  }
  return all;
}

let everySpelling: ConcernPhraseTable | undefined;

/**
 * The concern and warning-sign words with every locale's spelling of each phrase added ("her bump
 * hurts" is also "her belly hurts"), so a sign is heard however it is spelled in any locale: what
 * the core looks for, and every model's CONCERN values. A turned phrase that another concern already
 * answers to is left with that one.
 */
export function concernWordsInEverySpelling(): ConcernPhraseTable {
  if (everySpelling) return everySpelling;
  const written = new Set(
    CONCERN_SLOT_IDS.flatMap((id) => [CONCERN_WORDS[id].value, ...CONCERN_WORDS[id].synonyms]).map(normalisePhrase),
  );
  const table = {} as Record<ConcernSlotId, ConcernPhrases>;
  for (const id of CONCERN_SLOT_IDS) {
    const { value, synonyms } = CONCERN_WORDS[id];
    const seen = new Set([normalisePhrase(value), ...synonyms.map(normalisePhrase)]);
    const added: string[] = [];
    for (const phrase of everyLocalesWords().flatMap((turn) => [value, ...synonyms].map(turn))) {
      const key = normalisePhrase(phrase);
      if (seen.has(key) || written.has(key)) continue;
      seen.add(key);
      added.push(phrase);
    }
    table[id] = { value, synonyms: [...synonyms, ...added] };
  }
  everySpelling = table;
  return table;
}

/** One search for every locale (the words are the same in all), indexed at its first use. */
const CONCERNS = new ConcernWords(concernWordsInEverySpelling, NAME_WORDS.fillers);

/**
 * A routine in a locale's words: each field turned at its first read, its synonyms in every
 * spelling; its details (steps and all) are made from the source only when one of them is read.
 */
function routineIn(source: RoutineSource, care: CareTerms, turned: <T>(value: T) => T): Routine {
  let details: RoutineDetails | undefined;
  const { id, name, synonyms, summary } = source;
  const fields = { id, name, synonyms, summary, ...DETAIL_FIELDS };
  const routine: Routine = madeOnRead(fields, (key, value): unknown => {
    if (key === 'id') return value;
    if (key === 'name' || key === 'summary') return turned(value);
    if (key === 'synonyms') return withOtherSpellings(routine.name, turned(synonyms), source);
    details ??= source.details(care);
    return turned(details[key as keyof RoutineDetails]);
  });
  return routine;
}

function build(locale: LocaleId, care: CareTerms): LocaleContent {
  const { words } = LOCALE_SPECS[locale];
  const turn = localiseWith(words);
  // A locale that keeps the British words takes the source as it is.
  const turned = <T>(value: T): T => (words.length === 0 ? value : turnAll(value, turn));
  const routines = ROUTINE_SOURCES.map((source) => routineIn(source, care, turned));
  return {
    locale,
    catalogue: new Catalogue(routines, NAME_WORDS, CONCERNS),
    wording: turned(sourceLines(care)),
    spokenNumbers: care.spokenNumbers,
  };
}

const built = new Map<string, LocaleContent>();

/**
 * A locale's content, with its own care terms unless others are given (an English locale with no
 * market of its own gets terms that name no number).
 */
export function contentFor(locale: LocaleId, care: CareTerms = LOCALE_SPECS[locale].care): LocaleContent {
  const key = care === LOCALE_SPECS[locale].care ? locale : `${locale}|${JSON.stringify(care)}`;
  let content = built.get(key);
  if (content === undefined) {
    content = build(locale, care);
    built.set(key, content);
  }
  return content;
}

/** The content a request's locale gets, and what was chosen (for the log line of a fallback). */
export interface RequestContent extends LocaleContent {
  readonly choice: LocaleChoice;
  /** Set when the request is in a language the skill does not speak: the one thing to say. */
  readonly otherLanguage?: string;
}

/**
 * The content for a request's locale: its own; the nearest for another English locale (with care
 * terms that name no number unless the nearest locale's numbers are right there); the default
 * locale's, with the short answer in that language, for a language the skill does not speak.
 */
export function contentForRequest(requestLocale: unknown): RequestContent {
  const choice = chooseLocale(requestLocale);
  if (choice.kind === 'own') return { ...contentFor(choice.locale), choice };
  if (choice.kind === 'nearest') {
    const care = choice.numbers ? LOCALE_SPECS[choice.locale].care : UNKNOWN_MARKET_CARE;
    return { ...contentFor(choice.locale, care), choice };
  }
  return { ...contentFor(DEFAULT_LOCALE), choice, otherLanguage: onlyInEnglish(choice.language) };
}
