/**
 * Whether the render pipeline's output is there to deploy. Synthesis must work on a fresh clone
 * (no `npm run render` yet), so a missing folder is a warning and a stack without the upload,
 * never an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUDIO_MANIFEST_FILE } from './audio-upload';

/**
 * A Now Playing picture (the render writes `art/<area>-<hash>.png`): what the upload's `art/*.png`
 * filter takes, in which `*` spans folders as well.
 */
const ART_FILE = /^art\/.+\.png$/;

/** What synthesis found where the rendered audio should be. */
export type RenderedAudio =
  | {
      readonly found: true;
      readonly dir: string;
      readonly audioFiles: number;
      /** MP3 files the manifest does not name: earlier renders' files, uploaded too. */
      readonly unnamedAudioFiles: number;
      /** Now Playing pictures (`art/*.png`). */
      readonly artFiles: number;
      readonly otherFiles: readonly string[];
    }
  | { readonly found: false; readonly dir: string; readonly reason: string };

/** The paths the manifest names (`files.<hash>.path`), read loosely: the skill checks the rest. */
function namedPaths(manifestText: string): Set<string> | undefined {
  try {
    const files = (JSON.parse(manifestText) as { files?: unknown }).files;
    if (typeof files !== 'object' || files === null) return undefined;
    const paths = Object.values(files).map((file) => (file as { path?: unknown } | null)?.path);
    return new Set(paths.filter((p): p is string => typeof p === 'string'));
  } catch {
    return undefined;
  }
}

/**
 * Looks at `dir`: rendered audio is a folder with the pipeline's manifest.json (written last, so
 * its presence means a whole render) and the MP3 files it names.
 *
 * @returns `found: false` with a sentence saying what is missing and how to make it; otherwise
 *   the number of MP3 files, how many of them the manifest does not name, the number of pictures,
 *   and any other files, which the upload leaves out.
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
  const audio = files.filter((name) => name.endsWith('.mp3'));
  const named = namedPaths(fs.readFileSync(path.join(dir, AUDIO_MANIFEST_FILE), 'utf8'));
  const unnamedAudioFiles = named === undefined ? 0 : audio.filter((name) => !named.has(name)).length;
  const art = files.filter((name) => ART_FILE.test(name));
  const otherFiles = files.filter(
    (name) => !name.endsWith('.mp3') && !ART_FILE.test(name) && name !== AUDIO_MANIFEST_FILE,
  );
  return { found: true, dir, audioFiles: audio.length, unnamedAudioFiles, artFiles: art.length, otherFiles };
}
