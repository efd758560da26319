/**
 * The preview pictures are real PNGs of the right size, a marked area changes the picture, and
 * preview:screens writes its drawings without Chromium (and its cards with it, where installed).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BODY_AREA_IDS, BODY_VIEWS, viewOf } from '../../lambda/core/body';
import { BODY_GRAPHICS } from '../../lambda/screen/body-graphics';
import { unavailable } from '../../tools/screens/apl-browser';
import { sampleCards } from '../../tools/screens/cards';
import { compositePng, drawingPng } from '../../tools/screens/pictures';
import { writePreviews } from '../../tools/screens/preview';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('drawingPng', () => {
  const unmarked = Object.fromEntries(BODY_VIEWS.map((view) => [view, drawingPng(view, '')]));

  it.each(BODY_AREA_IDS)(
    'draws %s marked as a PNG of the drawing at twice its size, unlike the unmarked one',
    (area) => {
      const view = viewOf(area);
      const png = drawingPng(view, area);
      expect(pngSize(png)).toEqual({ width: BODY_GRAPHICS[view].width * 2, height: BODY_GRAPHICS[view].height * 2 });
      expect(png.equals(unmarked[view] as Buffer)).toBe(false);
    },
  );

  it('puts the four views side by side', () => {
    const { width, height } = pngSize(compositePng({ back: 'neck', side: 'sideHip', feet: 'toes', hands: 'wrist' }, 1));
    expect(width).toBeGreaterThan(800);
    expect(height).toBe(272);
  });
});

describe('writePreviews', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'screens-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes every drawing and says why there are no cards without Chromium', async () => {
    const lines: string[] = [];
    const result = await writePreviews(out, { chromium: '/nonexistent/chromium', log: (line) => lines.push(line) });
    expect(result.cards).toEqual([]);
    expect(result.skipped).toMatch(/no Chromium at \/nonexistent\/chromium/);
    expect(result.drawings).toHaveLength(BODY_VIEWS.length + BODY_AREA_IDS.length + 1);
    for (const name of result.drawings) pngSize(readFileSync(join(out, name)));
    expect(lines.some((line) => line.startsWith('Cards not rendered (drawings only): no Chromium'))).toBe(true);
  });

  it('names a card the browser could not draw as the reason', async () => {
    const result = await writePreviews(out, { chromium: '/bin/false', log: () => undefined });
    expect(result.cards).toEqual([]);
    expect(result.skipped).toBeDefined();
  });
});

describe('the real APL renderer', () => {
  it('samples a step of three routines and a warning', () => {
    const cards = sampleCards();
    expect(cards.map((card) => card.name)).toHaveLength(4);
    expect(JSON.stringify(cards[0]?.datasources)).toContain('"area":"lowerBack"');
  });

  it('says what is missing', () => {
    expect(unavailable('/nonexistent/chromium')).toMatch(/apt-get install chromium/);
    expect(existsSync('/nonexistent/chromium')).toBe(false);
  });
});
