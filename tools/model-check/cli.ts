/**
 * npm run check:model — checks every locale's interaction-models/<locale>.json: that it is what
 * the source generates (npm run models), and against ASK's rules and the skill, with the locale's
 * own routine catalogue. A JSON file there that is no locale of the skill is a problem too: the
 * simulator and the skill package would take it for one. Prints each problem and exits 1 if there
 * are any; otherwise one summary line per locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { contentFor } from '../../lambda/content';
import { isLocaleId, LOCALES, type LocaleId } from '../../lambda/content/locales';
import { CONCERN_SLOT_IDS } from '../../lambda/core/concerns';
import { generateModels, REGENERATE, SOURCE_FILE, staleModelProblem } from '../models/generate';
import { type InteractionModel, MODELS_DIR } from '../simulator/interaction-model';
import { checkModel, summarise } from './check';

const shown = (file: string) => relative(process.cwd(), file);

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The locale's problems, or its summary line when it has none. */
function checkLocale(locale: LocaleId, generated: string): { problems: string[]; summary?: string } {
  const file = join(MODELS_DIR, `${locale}.json`);
  const committed = readIfExists(file);
  if (committed === undefined) return { problems: [`${shown(file)} is missing: ${REGENERATE}`] };
  const stale = staleModelProblem(shown(file), committed, generated);
  let model: InteractionModel;
  try {
    model = JSON.parse(committed) as InteractionModel;
  } catch (error) {
    return { problems: [`cannot read the model: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const routines = contentFor(locale).catalogue.routines;
  const problems = [
    ...(stale === undefined ? [] : [stale]),
    ...checkModel(model, { routines, concernIds: CONCERN_SLOT_IDS }).map(
      (problem) => `[${problem.check}] ${problem.message}`,
    ),
  ];
  const { intents, samples, slotTypes } = summarise(model);
  return { problems, summary: `${intents} intents, ${samples} samples, ${slotTypes} slot types` };
}

function main(): number {
  let generated: ReturnType<typeof generateModels>;
  try {
    generated = generateModels(readFileSync(SOURCE_FILE, 'utf8'));
  } catch (error) {
    console.error(`${shown(SOURCE_FILE)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let failed = false;
  const strays = readdirSync(MODELS_DIR)
    .filter((file) => file.endsWith('.json') && !isLocaleId(basename(file, '.json')))
    .sort();
  for (const file of strays) {
    failed = true;
    console.error(`${shown(join(MODELS_DIR, file))}: not a locale of the skill (LOCALES in lambda/content/locales.ts)`);
  }
  for (const locale of LOCALES) {
    const { problems, summary } = checkLocale(locale, generated[locale]);
    const head = summary === undefined ? locale : `${locale}: ${summary}`;
    if (problems.length === 0) {
      console.log(`${head}: ok`);
      continue;
    }
    failed = true;
    console.error(`${head}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.error(`  ${problem}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
