import { join, relative, resolve } from 'node:path';
import { importsOf, sourceFiles } from '../support/source-files';

const ROOT = resolve(__dirname, '..', '..');
const RENDER_ONLY_PACKAGES = [
  '@echogarden/espeak-ng-emscripten',
  'wasm-media-encoders',
  'codec-parser',
  'mpg123-decoder',
  '@aws-sdk/client-polly',
  // The Now Playing pictures are drawn at render time; the skill only hands out their URLs.
  '@resvg/resvg-js',
];

describe('the skill and the render pipeline', () => {
  it.each(sourceFiles(join(ROOT, 'lambda')).map((file) => [relative(ROOT, file), file]))(
    '%s imports nothing from tools/ and no engine, encoder or drawing renderer',
    (_name, file) => {
      const offending = importsOf(file).filter((specifier) => {
        if (specifier.startsWith('.')) return resolve(join(file, '..'), specifier).startsWith(join(ROOT, 'tools'));
        return RENDER_ONLY_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
      });
      expect(offending).toEqual([]);
    },
  );
});
