/**
 * The render pipeline stays out of the skill: nothing under lambda/ imports tools/ or any package
 * only the pipeline uses, so the Lambda bundle never carries an engine or an encoder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const RENDER_ONLY_PACKAGES = [
  '@echogarden/espeak-ng-emscripten',
  'wasm-media-encoders',
  'codec-parser',
  'mpg123-decoder',
  '@aws-sdk/client-polly',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('the skill and the render pipeline', () => {
  it.each(sourceFiles(join(ROOT, 'lambda')).map((file) => [relative(ROOT, file), file]))(
    '%s imports nothing from tools/ and no engine or encoder',
    (_name, file) => {
      const offending = importsOf(file).filter((specifier) => {
        if (specifier.startsWith('.')) return resolve(join(file, '..'), specifier).startsWith(join(ROOT, 'tools'));
        return RENDER_ONLY_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
      });
      expect(offending).toEqual([]);
    },
  );
});
