/**
 * Builds each locale's interaction model from one source: interaction-models/source/model.json
 * (the invocation name, intents and samples, written in British words like the rest of the
 * content) with each sample's turn by the locale's word lists added, and the slot values the content
 * owns: ROUTINE_NAME from the locale's catalogue and CONCERN from the concern words in every spelling. Pure: the CLI and the model check
 * read and write the files.
 */
import { join } from 'node:path';
import { concernWordsInEverySpelling, contentFor, localiseWith } from '../../lambda/content';
import type { ConcernPhrases } from '../../lambda/content/concern-words';
import { AMERICAN_ONLY, LOCALE_SPECS, LOCALES, type LocaleId } from '../../lambda/content/locales';
import type { Routine } from '../../lambda/core/catalogue';
import { SlotType } from '../../lambda/handlers/intents';
import { clashKey } from '../model-check/check';
import {
  type InteractionModel,
  type LanguageModel,
  MODELS_DIR,
  type ModelIntent,
  type ModelSlotType,
  type ModelSlotValue,
  phraseKey,
} from '../simulator/interaction-model';

/** The one file people edit; every interaction-models/<locale>.json is generated from it. */
export const SOURCE_FILE = join(MODELS_DIR, 'source', 'model.json');

/** What the CLI says to do when a model is missing or out of date. */
export const REGENERATE = 'run npm run models';

/** The source, or its generator, is unusable. */
export class ModelSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelSourceError';
  }
}

/** What a locale's model is built from, so tests can build one from other content. */
export interface LocaleInputs {
  /** Turns British source text into the locale's words. */
  readonly turn: (text: string) => string;
  /** The locale's routines: ids, names and synonyms in its spelling. */
  readonly routines: readonly Pick<Routine, 'id' | 'name' | 'synonyms'>[];
  /** Every concern's words in every locale's spelling, the same in every locale. */
  readonly concerns: Readonly<Record<string, ConcernPhrases>>;
}

/** The content a locale's model takes its words and slot values from. */
export function inputsFor(locale: LocaleId): LocaleInputs {
  return {
    turn: localiseWith(LOCALE_SPECS[locale].words),
    routines: contentFor(locale).catalogue.routines,
    concerns: concernWordsInEverySpelling(),
  };
}

/** Slot types the content owns: the source must not declare them, or two places would hold one list. */
const CONTENT_TYPES: readonly string[] = [SlotType.routine, SlotType.concern];

const AMERICAN_WORD = new RegExp(`\\b(?:${AMERICAN_ONLY.join('|')})\\b`, 'i');

/**
 * Refuses a source that is not the British source: an American spelling in a sample would reach the
 * British-spelling locales unturned, and a content-owned slot type would be silently replaced.
 */
export function sourceProblems(source: InteractionModel): string[] {
  const lm = source.interactionModel.languageModel;
  const problems: string[] = [];
  for (const type of lm.types ?? []) {
    if (CONTENT_TYPES.includes(type.name)) {
      problems.push(`the source declares slot type ${type.name}, which is built from lambda/content`);
    }
  }
  for (const intent of lm.intents) {
    for (const sample of intent.samples ?? []) {
      const american = AMERICAN_WORD.exec(sample)?.[0];
      if (american !== undefined) {
        problems.push(`${intent.name}: "${sample}" says "${american}"; the source is British (the word lists turn it)`);
      }
    }
  }
  return problems;
}

/**
 * The intents with the locale's turn of each sample added after it: "she's in labour" and "she's in
 * labor" in en-US. The source's own samples are all kept, in every locale, so no way of saying a
 * warning sign is lost to a turn ("tightenings" is still heard in en-US, where the lines say
 * "contractions"). A turned sample that is the same as another sample (both "tightenings" and
 * "contractions" become "contractions") is left out; the source's samples all stay, so a clash
 * written into the source still reaches the model check.
 */
export function localIntents(intents: readonly ModelIntent[], turn: (text: string) => string): ModelIntent[] {
  const taken = new Set<string>();
  for (const intent of intents) {
    for (const sample of intent.samples ?? []) taken.add(clashKey(intent, sample));
  }
  return intents.map((intent) => {
    if (intent.samples === undefined) return { ...intent };
    const samples: string[] = [];
    for (const sample of intent.samples) {
      samples.push(sample);
      const local = turn(sample);
      const key = clashKey(intent, local);
      if (local === sample || taken.has(key)) continue;
      taken.add(key);
      samples.push(local);
    }
    return { ...intent, samples };
  });
}

/** Phrases without repeats (by the key the model check compares), first kept. */
function distinct(phrases: readonly string[], except: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set(except);
  return phrases.filter((phrase) => {
    const key = phraseKey(phrase);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function slotValue(id: string, value: string, synonyms: readonly string[]): ModelSlotValue {
  return { id, name: { value, synonyms: distinct(synonyms, new Set([phraseKey(value)])) } };
}

/** ROUTINE_NAME: the locale's routines as its catalogue has them (the model check wants exactly these). */
export function routineType(routines: LocaleInputs['routines']): ModelSlotType {
  return {
    name: SlotType.routine,
    values: routines.map((routine) => slotValue(routine.id, routine.name, routine.synonyms)),
  };
}

/**
 * CONCERN: every concern's words in every locale's spelling (content/index.ts), the same in every
 * model, so a warning sign is heard however it is spelled.
 */
export function concernType(concerns: LocaleInputs['concerns']): ModelSlotType {
  return {
    name: SlotType.concern,
    values: Object.entries(concerns).map(([id, words]) => slotValue(id, words.value, words.synonyms)),
  };
}

/** Another slot type of the source, its values turned (none today; kept so one can be added to the source). */
function localType(type: ModelSlotType, turn: (text: string) => string): ModelSlotType {
  return {
    ...type,
    values: type.values.map((value) => {
      const synonyms = (value.name.synonyms ?? []).map(turn);
      const local = turn(value.name.value);
      return value.id === undefined ? { name: { value: local, synonyms } } : slotValue(value.id, local, synonyms);
    }),
  };
}

/** A locale's interaction model, built from the source and the locale's content. */
export function generateModel(source: InteractionModel, inputs: LocaleInputs): InteractionModel {
  const problems = sourceProblems(source);
  if (problems.length > 0) throw new ModelSourceError(`the model source is not usable:\n  ${problems.join('\n  ')}`);
  const lm = source.interactionModel.languageModel;
  const languageModel: LanguageModel = {
    invocationName: inputs.turn(lm.invocationName),
    intents: localIntents(lm.intents, inputs.turn),
    types: [
      ...(lm.types ?? []).map((type) => localType(type, inputs.turn)),
      routineType(inputs.routines),
      concernType(inputs.concerns),
    ],
  };
  return { interactionModel: { languageModel } };
}

/** Biome's line width (biome.json), so a generated file is already formatted as `npm run lint` wants. */
const LINE_WIDTH = 120;

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/**
 * JSON as the repository's formatter writes it: two-space indents, objects one key a line, and an
 * array of plain values on one line when that line fits the line width. Generated files then pass
 * `biome check` unchanged, and formatting one never makes it differ from what the source generates.
 */
function formatJson(value: unknown, indent: number, prefix: string, suffix: string): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}${prefix}[]${suffix}`;
    if (value.every(isPlain)) {
      const line = `${pad}${prefix}[${value.map((item) => JSON.stringify(item)).join(', ')}]${suffix}`;
      if (line.length <= LINE_WIDTH) return line;
    }
    const items = value.map((item, index) => formatJson(item, indent + 2, '', index < value.length - 1 ? ',' : ''));
    return [`${pad}${prefix}[`, ...items, `${pad}]${suffix}`].join('\n');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return `${pad}${prefix}{}${suffix}`;
    const items = entries.map(([key, item], index) =>
      formatJson(item, indent + 2, `${JSON.stringify(key)}: `, index < entries.length - 1 ? ',' : ''),
    );
    return [`${pad}${prefix}{`, ...items, `${pad}}${suffix}`].join('\n');
  }
  return `${pad}${prefix}${JSON.stringify(value)}${suffix}`;
}

/** The text of a model file: formatted as the repository's formatter does, with a trailing newline. */
export function modelText(model: InteractionModel): string {
  return `${formatJson(model, 0, '', '')}\n`;
}

/** Every locale's model file text, from the source text; the same source always gives the same files. */
export function generateModels(sourceText: string): Record<LocaleId, string> {
  const source = JSON.parse(sourceText) as InteractionModel;
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, modelText(generateModel(source, inputsFor(locale)))]),
  ) as Record<LocaleId, string>;
}

/**
 * Why a committed model is not the one the source generates, if it is not: changed by hand, or
 * left behind by a change to the source or the content.
 */
export function staleModelProblem(file: string, committed: string, generated: string): string | undefined {
  return committed === generated ? undefined : `${file} is not what the source generates: ${REGENERATE}`;
}
