/**
 * How long speech takes. One named constant drives every estimate, so pacing, the renderer's
 * limits, the simulator and the benchmark agree.
 */

/** Alexa's default voice speaks about 155 words a minute at 100% rate. */
export const WORDS_PER_SECOND = 2.6;

/**
 * A word, in text whose letters and digits are all ASCII, as the skill's English is. The Unicode
 * pattern below says the same for any text, but its classes cost about a millisecond to compile.
 */
const ASCII_WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;
/** Anything but printable ASCII, white space and the curly apostrophe: it may be a letter or digit. */
const MAYBE_BEYOND_ASCII = /[^ -~\s’]/;

let anyWord: RegExp | undefined;

/**
 * A word in any script: a run of letters or digits (apostrophes and hyphens join a word). Made from
 * a string at its first use: as a literal, its Unicode classes would be checked, for about another
 * millisecond, as the bundle loads.
 */
function unicodeWord(): RegExp {
  // biome-ignore lint/complexity/useRegexLiterals: a literal is checked as the bundle loads, used or not.
  anyWord ??= new RegExp("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*", 'gu');
  return anyWord;
}

/** Counts spoken words: runs of letters or digits (apostrophes and hyphens join a word). */
export function countWords(text: string): number {
  return text.match(MAYBE_BEYOND_ASCII.test(text) ? unicodeWord() : ASCII_WORD)?.length ?? 0;
}

/** Estimated seconds to speak `text` at a prosody rate given as a fraction of normal (1 = 100%). */
export function estimateSpeechSeconds(text: string, rateFactor = 1): number {
  return countWords(text) / (WORDS_PER_SECOND * rateFactor);
}
