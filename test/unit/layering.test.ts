/**
 * The layering holds: the core imports only the core (content comes in through the interfaces it
 * defines), and no file in the bundle grows past the size one person can hold in mind.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsOf, sourceFiles } from '../support/source-files';

const ROOT = resolve(__dirname, '..', '..');

const core = join(ROOT, 'lambda', 'core');

describe('layering', () => {
  it.each(sourceFiles(core).map((file) => [relative(ROOT, file), file]))(
    '%s imports nothing from outside lambda/core',
    (_name, file) => {
      const outside = importsOf(file).filter((specifier) => {
        if (!specifier.startsWith('.')) return true;
        return !resolve(join(file, '..'), specifier).startsWith(core);
      });
      expect(outside).toEqual([]);
    },
  );

  it.each(sourceFiles(join(ROOT, 'lambda')).map((file) => [relative(ROOT, file), file]))(
    '%s is at most 300 lines',
    (_name, file) => {
      expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(300);
    },
  );
});
