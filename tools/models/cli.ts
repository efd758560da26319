/**
 * npm run models — writes interaction-models/<locale>.json for every locale from
 * interaction-models/source/model.json and the content (routines, concern words, word lists).
 * Prints one line per file; a file already current is left alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCALES } from '../../lambda/content/locales';
import { MODELS_DIR } from '../simulator/interaction-model';
import { generateModels, ModelSourceError, SOURCE_FILE } from './generate';

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function main(): number {
  let models: ReturnType<typeof generateModels>;
  try {
    models = generateModels(readFileSync(SOURCE_FILE, 'utf8'));
  } catch (error) {
    if (!(error instanceof ModelSourceError || error instanceof SyntaxError)) throw error;
    console.error(`${relative(process.cwd(), SOURCE_FILE)}: ${error.message}`);
    return 1;
  }
  for (const locale of LOCALES) {
    const file = join(MODELS_DIR, `${locale}.json`);
    const shown = relative(process.cwd(), file);
    if (readIfExists(file) === models[locale]) {
      console.log(`${shown}: current`);
      continue;
    }
    writeFileSync(file, models[locale]);
    console.log(`${shown}: written`);
  }
  return 0;
}

process.exitCode = main();
