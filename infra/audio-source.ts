/**
 * Whether the render pipeline's output is there to deploy. Synthesis must work on a fresh clone
 * (no `npm run render` yet), so a missing folder is a warning and a stack without the upload,
 * never an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUDIO_MANIFEST_FILE } from './audio-upload';

/** What synthesis found where the rendered audio should be. */
export type RenderedAudio =
  | { readonly found: true; readonly dir: string; readonly audioFiles: number; readonly otherFiles: readonly string[] }
  | { readonly found: false; readonly dir: string; readonly reason: string };

/**
 * Looks at `dir`: rendered audio is a folder with the pipeline's manifest.json (written last, so
 * its presence means a whole render) and the MP3 files it names.
 *
 * @returns `found: false` with a sentence saying what is missing and how to make it; otherwise
 *   the number of MP3 files and any other files, which the upload leaves out.
 */
export function findRenderedAudio(dir: string): RenderedAudio {
  const howTo = 'Run `npm run render` (or `npm run deploy`, which renders first) to create it.';
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { found: false, dir, reason: `No rendered audio at ${dir}. ${howTo}` };
  }
  if (!fs.existsSync(path.join(dir, AUDIO_MANIFEST_FILE))) {
    return { found: false, dir, reason: `${dir} has no ${AUDIO_MANIFEST_FILE} (an unfinished render?). ${howTo}` };
  }
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  const audioFiles = files.filter((name) => name.endsWith('.mp3')).length;
  const otherFiles = files.filter((name) => !name.endsWith('.mp3') && name !== AUDIO_MANIFEST_FILE);
  return { found: true, dir, audioFiles, otherFiles };
}
