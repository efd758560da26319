/**
 * `npm run preview:screens`: pictures of the screens into build/screens/. Always the body drawings
 * (each view, each area marked) through the SVG converter; and, where Chromium is installed, sample
 * step and warning cards drawn by the real APL renderer (apl-viewhost-web), else a line saying why not.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCards, unavailable } from './apl-browser';
import { sampleCards } from './cards';
import { compositePng, drawingPictures } from './pictures';

const OUT = join(__dirname, '..', '..', 'build', 'screens');

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const pictures = drawingPictures();
  pictures.push({
    name: 'body-views.png',
    png: compositePng({ back: 'lowerBack', side: 'sideHip', feet: 'arch', hands: 'palm' }),
  });
  for (const { name, png } of pictures) writeFileSync(join(OUT, name), png);
  console.log(`${pictures.length} drawings written to build/screens/`);
  const reason = unavailable();
  if (reason) {
    console.log(`Cards not rendered (drawings only): ${reason}.`);
  } else {
    try {
      const cards = await renderCards(sampleCards());
      for (const { name, png } of cards) writeFileSync(join(OUT, name), png);
      console.log(
        `${cards.length} cards rendered by apl-viewhost-web in Chromium: ${cards.map((c) => c.name).join(', ')}`,
      );
    } catch (error) {
      console.log(`Cards not rendered (drawings only): ${(error as Error).message.split('\n')[0]}`);
    }
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

void main();
