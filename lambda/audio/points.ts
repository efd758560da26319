/**
 * Offsets in a step's audio file and the points that hold across its variants. A file's segment
 * marks (the manifest) split it into stretches: each from a spoken segment's start to the next one's
 * (the last to the file's end). The same step has the same segments in every variant, so the same
 * stretch and fraction is the equivalent place in another variant.
 */
import type { AudioPoint } from '../core/player';
import type { RenderedFile } from './manifest';

/**
 * How far back a resume starts from where the audio stopped: the words cut off by "Alexa, pause"
 * are heard again, and a resume lands within two seconds of the stop.
 */
export const RESUME_REWIND_MS = 2_000;

/** The start and end of stretch `segment`, in ms. */
function stretch(file: RenderedFile, segment: number): { start: number; end: number } {
  const start = file.segments[segment]?.[0] ?? 0;
  const end = file.segments[segment + 1]?.[0] ?? file.ms;
  return { start, end };
}

/** The point an offset (ms, untrusted) lies at: clamped to the file. */
export function pointAt(file: RenderedFile, offsetMs: number): AudioPoint {
  const ms = Number.isFinite(offsetMs) ? Math.min(Math.max(offsetMs, 0), file.ms) : 0;
  let segment = 0;
  for (let index = 0; index < file.segments.length; index += 1) {
    if ((file.segments[index]?.[0] ?? 0) <= ms) segment = index;
  }
  const { start, end } = stretch(file, segment);
  const fraction = end > start ? Math.min((ms - start) / (end - start), 1) : 0;
  return { segment, fraction };
}

/** The offset (whole ms) of a point in a file; a segment the file lacks is its last. */
export function offsetAt(file: RenderedFile, point: AudioPoint): number {
  const segment = Math.min(Math.max(point.segment, 0), file.segments.length - 1);
  const { start, end } = stretch(file, segment);
  const fraction = Math.min(Math.max(point.fraction, 0), 1);
  return Math.round(start + fraction * (end - start));
}

/** Where a resume at a point starts: a little before it, never before the file's start. */
export function resumeOffset(file: RenderedFile, point: AudioPoint): number {
  if (point.segment <= 0 && point.fraction <= 0) return 0;
  return Math.max(0, offsetAt(file, point) - RESUME_REWIND_MS);
}
