/**
 * `npm run preview:screens`: pictures of the screens into build/screens/. Always the body drawings
 * (each view, each area marked) through the SVG converter; and, where Chromium is installed, sample
 * step and warning cards drawn by the real APL renderer (apl-viewhost-web), else a line saying why not.
 * CI installs Debian's Chromium and runs it with `--cards`, so the document is drawn by a real APL
 * engine on every run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, renderCards, unavailable } from './apl-browser';
import { sampleCards } from './cards';
import { compositePng, drawingPictures } from './pictures';

const OUT = join(__dirname, '..', '..', 'build', 'screens');

/** What was written: the drawings, the cards (none when the real renderer could not run) and why not. */
export interface PreviewResult {
  readonly drawings: readonly string[];
  readonly cards: readonly string[];
  readonly skipped?: string;
}

export interface PreviewOptions {
  /** Where to say what was done (the console). */
  readonly log?: (line: string) => void;
  /** The Chromium to draw the cards with (apl-browser's CHROMIUM). */
  readonly chromium?: string;
}

/** Writes the pictures into `out` (emptied first). */
export async function writePreviews(out: string, options: PreviewOptions = {}): Promise<PreviewResult> {
  const { log = console.log, chromium = CHROMIUM } = options;
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const pictures = drawingPictures();
  pictures.push({
    name: 'body-views.png',
    png: compositePng({ back: 'lowerBack', side: 'sideHip', feet: 'arch', hands: 'palm' }),
  });
  for (const { name, png } of pictures) writeFileSync(join(out, name), png);
  log(`${pictures.length} drawings written to ${out}`);
  let cards: string[] = [];
  let skipped = unavailable(chromium);
  if (skipped === undefined) {
    try {
      const rendered = await renderCards(sampleCards(), chromium);
      for (const { name, png } of rendered) writeFileSync(join(out, name), png);
      cards = rendered.map((card) => card.name);
      log(`${cards.length} cards rendered by apl-viewhost-web in Chromium: ${cards.join(', ')}`);
    } catch (error) {
      skipped = (error as Error).message.split('\n')[0];
    }
  }
  if (skipped !== undefined) log(`Cards not rendered (drawings only): ${skipped}.`);
  log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { drawings: pictures.map((picture) => picture.name), cards, ...(skipped === undefined ? {} : { skipped }) };
}

/**
 * `-- --cards`: the real renderer must draw the cards (CI, where Chromium is installed); without it
 * the command fails instead of falling back to the drawings.
 */
async function main(): Promise<number> {
  const result = await writePreviews(OUT);
  if (process.argv.includes('--cards') && result.skipped !== undefined) {
    console.error(`--cards: the real APL renderer drew no cards: ${result.skipped}`);
    return 1;
  }
  return 0;
}

if (require.main === module) void main().then((code) => (process.exitCode = code));
