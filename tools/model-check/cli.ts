/**
 * npm run check:model — checks every interaction-models/*.json against ASK's rules and the skill.
 * Prints each problem and exits 1 if there are any; otherwise one summary line per locale.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { ROUTINES } from '../../lambda/content';
import { CONCERN_SLOT_IDS } from '../../lambda/core/concerns';
import { loadModel, MODELS_DIR } from '../simulator/interaction-model';
import { checkModel, summarise } from './check';

function main(): number {
  const locales = readdirSync(MODELS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => basename(file, '.json'))
    .sort();
  if (locales.length === 0) {
    console.error(`no models in ${MODELS_DIR}`);
    return 1;
  }
  let failed = false;
  for (const locale of locales) {
    let problems: ReturnType<typeof checkModel>;
    let summary: ReturnType<typeof summarise>;
    try {
      const model = loadModel(locale);
      summary = summarise(model);
      problems = checkModel(model, { routines: ROUTINES, concernIds: CONCERN_SLOT_IDS });
    } catch (error) {
      console.error(`${locale}: cannot read the model: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
      continue;
    }
    const counts = `${summary.intents} intents, ${summary.samples} samples, ${summary.slotTypes} slot types`;
    if (problems.length === 0) {
      console.log(`${locale}: ${counts}: ok`);
      continue;
    }
    failed = true;
    console.error(`${locale}: ${counts}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.error(`  [${problem.check}] ${problem.message}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
