/** The renderer depends on the core's types and its own files only: no handler, no content, no SDK runtime. */
import { join, relative, resolve } from 'node:path';
import { importsOf, sourceFiles } from '../support/source-files';

const ROOT = resolve(__dirname, '..', '..');
const SCREEN = join(ROOT, 'lambda', 'screen');
const CORE = join(ROOT, 'lambda', 'core');

describe('lambda/screen', () => {
  it.each(sourceFiles(SCREEN).map((file) => [relative(ROOT, file), file]))(
    '%s imports only lambda/core, lambda/screen and the types of ask-sdk-model',
    (_name, file) => {
      const outside = importsOf(file).filter((specifier) => {
        if (specifier === 'ask-sdk-model') return false;
        const target = resolve(join(file, '..'), specifier);
        return !(specifier.startsWith('.') && (target.startsWith(SCREEN) || target.startsWith(CORE)));
      });
      expect(outside).toEqual([]);
    },
  );
});
