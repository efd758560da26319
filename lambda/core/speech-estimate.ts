/**
 * How long speech takes. One named constant drives every estimate, so pacing, the renderer's
 * limits, the simulator and the benchmark agree.
 */

/** Alexa's default voice speaks about 155 words a minute at 100% rate. */
export const WORDS_PER_SECOND = 2.6;

/** Counts spoken words: runs of letters or digits (apostrophes and hyphens join a word). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Estimated seconds to speak `text` at a prosody rate given as a fraction of normal (1 = 100%). */
export function estimateSpeechSeconds(text: string, rateFactor = 1): number {
  return countWords(text) / (WORDS_PER_SECOND * rateFactor);
}
