/**
 * What each locale must say, written out here rather than read from lambda/content/locales.ts, so a
 * wrong number or care term there fails the tests instead of being mirrored by them. Sources for
 * the numbers are in the README ("Locales").
 */
import type { LocaleId } from '../../lambda/content/locales';

export interface LocaleExpectation {
  /** The emergency number, as written (the card and the <sub> element's text). */
  readonly emergency: string;
  /** How the emergency number is spoken: the <sub> element's alias. */
  readonly spokenEmergency: string;
  /** Every number the locale's content may hold. */
  readonly numbers: readonly string[];
  /** Who a tier-2 answer says to call now. */
  readonly urgentCare: string;
  /** Who a tier-3 answer and the first-use disclaimer name. */
  readonly careTeam: string;
  /** How the locale spells the word for giving birth. */
  readonly labour: 'labour' | 'labor';
}

export const EXPECTED: Readonly<Record<LocaleId, LocaleExpectation>> = {
  'en-US': {
    emergency: '911',
    spokenEmergency: 'nine one one',
    numbers: ['911'],
    urgentCare: 'her OB or midwife',
    careTeam: 'her OB or midwife',
    labour: 'labor',
  },
  'en-GB': {
    emergency: '999',
    spokenEmergency: 'nine nine nine',
    numbers: ['999', '111'],
    urgentCare: 'the maternity unit or her midwife',
    careTeam: 'the midwife or GP',
    labour: 'labour',
  },
  'en-AU': {
    emergency: '000',
    spokenEmergency: 'triple zero',
    numbers: ['000', '111'],
    urgentCare: 'her midwife or the maternity unit',
    careTeam: 'the midwife or doctor',
    labour: 'labour',
  },
  'en-CA': {
    emergency: '911',
    spokenEmergency: 'nine one one',
    numbers: ['911', '811'],
    urgentCare: 'her doctor or midwife',
    careTeam: 'her doctor or midwife',
    labour: 'labour',
  },
  'en-IN': {
    emergency: '112',
    spokenEmergency: 'one one two',
    numbers: ['112', '102'],
    urgentCare: 'her doctor or the hospital',
    careTeam: 'her doctor',
    labour: 'labour',
  },
};

/** Every emergency or advice number any locale uses. */
export const ALL_NUMBERS: readonly string[] = [
  ...new Set(Object.values(EXPECTED).flatMap((expected) => expected.numbers)),
];

/** The numbers a locale's content must never hold: other locales' numbers it does not use itself. */
export function foreignNumbers(own: readonly string[]): readonly string[] {
  return ALL_NUMBERS.filter((number) => !own.includes(number));
}

/** Every whole number written in a text ("1,000" is one number, not "000"). */
export function wholeNumbers(text: string): readonly string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => match[0]);
}

/** The numbers of `numbers` that appear in the text as whole numbers. */
export function numbersIn(text: string, numbers: readonly string[]): readonly string[] {
  const found = new Set(wholeNumbers(text));
  return numbers.filter((number) => found.has(number));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole word or phrase, any case. */
export function wholeWord(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The written text of an SSML document: tags dropped, so a <sub> element leaves its digits. */
export function writtenText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
