/** PCM as engines return it, made ready to encode. */
import type { Pcm } from './engine';

/** Samples quieter than this (of 32,767) count as silence at a piece's ends. */
export const SILENCE_THRESHOLD = 100;
/** Kept on each side of the speech, so a piece starts and ends softly. */
export const EDGE_SECONDS = 0.1;

/**
 * Cuts the quiet an engine leaves before and after the speech, down to EDGE_SECONDS on each side,
 * so that the silences the layout lays are the pauses heard. All-quiet PCM comes back empty.
 */
export function trimSilence(pcm: Pcm): Pcm {
  const { samples, sampleRate } = pcm;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < SILENCE_THRESHOLD) first += 1;
  if (first === samples.length) return { sampleRate, samples: new Int16Array(0) };
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) < SILENCE_THRESHOLD) last -= 1;
  const edge = Math.round(EDGE_SECONDS * sampleRate);
  return { sampleRate, samples: samples.slice(Math.max(0, first - edge), Math.min(samples.length, last + 1 + edge)) };
}
