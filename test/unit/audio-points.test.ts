/** Points in a step's audio: offsets to points and back, across variants of different lengths. */
import type { RenderedFile } from '../../lambda/audio/manifest';
import { offsetAt, pointAt, RESUME_REWIND_MS, resumeOffset } from '../../lambda/audio/points';

/** Introduction at 0, cues at 20 s and 50 s, the closing cue at 80 s, 90 s long. */
const gentle: RenderedFile = {
  path: 'foot/2-0123456789abcdef.mp3',
  ms: 90_000,
  segments: [
    [0, 'intro'],
    [20_000, 'cue'],
    [50_000, 'checkIn'],
    [80_000, 'closingCue'],
  ],
};
/** The same step at a slower pace: the same segments, later. */
const slower: RenderedFile = {
  path: 'foot/2-fedcba9876543210.mp3',
  ms: 117_000,
  segments: [
    [0, 'intro'],
    [26_000, 'cue'],
    [65_000, 'checkIn'],
    [104_000, 'closingCue'],
  ],
};

describe('points in a step', () => {
  it.each([
    [0, { segment: 0, fraction: 0 }],
    [10_000, { segment: 0, fraction: 0.5 }],
    [20_000, { segment: 1, fraction: 0 }],
    [35_000, { segment: 1, fraction: 0.5 }],
    [85_000, { segment: 3, fraction: 0.5 }],
    [90_000, { segment: 3, fraction: 1 }],
  ])('an offset of %p ms is the point %p', (offset, point) => {
    expect(pointAt(gentle, offset)).toEqual(point);
    expect(offsetAt(gentle, point)).toBe(offset);
  });

  it.each([
    [-5, { segment: 0, fraction: 0 }],
    [Number.NaN, { segment: 0, fraction: 0 }],
    [10_000_000, { segment: 3, fraction: 1 }],
  ])('an offset of %p from a device is clamped to the file', (offset, point) => {
    expect(pointAt(gentle, offset)).toEqual(point);
  });

  it('the same point in another variant lies in the same segment, the same share of the way through', () => {
    const point = pointAt(gentle, 35_000);
    expect(offsetAt(slower, point)).toBe(26_000 + 0.5 * (65_000 - 26_000));
  });

  it('a segment the file lacks counts as its last, and a fraction out of range is clamped', () => {
    expect(offsetAt(gentle, { segment: 9, fraction: 0.5 })).toBe(85_000);
    expect(offsetAt(gentle, { segment: -1, fraction: -3 })).toBe(0);
    expect(offsetAt(gentle, { segment: 1, fraction: 7 })).toBe(50_000);
  });

  it('a resume starts RESUME_REWIND_MS before the point, never before the file, and at 0 from the start', () => {
    expect(resumeOffset(gentle, pointAt(gentle, 35_000))).toBe(35_000 - RESUME_REWIND_MS);
    expect(resumeOffset(gentle, pointAt(gentle, 1_000))).toBe(0);
    expect(resumeOffset(gentle, { segment: 0, fraction: 0 })).toBe(0);
    expect(RESUME_REWIND_MS).toBeLessThanOrEqual(2_000);
  });
});
