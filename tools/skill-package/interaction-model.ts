/**
 * Just enough of the ASK interaction model format to check a skill package: the invocation name,
 * the intents, and whether the store's example phrases would be understood by the model.
 */

interface ModelSlot {
  readonly name: string;
  readonly type: string;
}
interface ModelIntent {
  readonly name: string;
  readonly slots?: readonly ModelSlot[];
  readonly samples?: readonly string[];
}
interface ModelTypeValue {
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}
interface ModelType {
  readonly name: string;
  readonly values?: readonly ModelTypeValue[];
}
export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly ModelIntent[];
  readonly types?: readonly ModelType[];
}

/** Thrown when a file does not have the shape of an interaction model. */
export class InteractionModelError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InteractionModelError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The languageModel of an interaction model document, checked for the fields used here. */
export function languageModelOf(document: unknown, source: string): LanguageModel {
  const interactionModel = isRecord(document) ? document.interactionModel : undefined;
  const languageModel = isRecord(interactionModel) ? interactionModel.languageModel : undefined;
  if (!isRecord(languageModel)) {
    throw new InteractionModelError(`${source}: no interactionModel.languageModel`);
  }
  if (typeof languageModel.invocationName !== 'string') {
    throw new InteractionModelError(`${source}: languageModel.invocationName is not a string`);
  }
  if (
    !Array.isArray(languageModel.intents) ||
    !languageModel.intents.every((i) => isRecord(i) && typeof i.name === 'string')
  ) {
    throw new InteractionModelError(`${source}: languageModel.intents is not a list of named intents`);
  }
  return languageModel as unknown as LanguageModel;
}

/** Intent names of a model, sorted. */
export function intentNames(model: LanguageModel): string[] {
  return model.intents.map((intent) => intent.name).sort();
}

/** How Alexa recognises built-in intents that a model lists without samples. */
const BUILT_IN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.ResumeIntent': ['resume', 'continue', 'keep going'],
  'AMAZON.PauseIntent': ['pause', 'hold on'],
  'AMAZON.NextIntent': ['next', 'skip'],
  'AMAZON.HelpIntent': ['help'],
};

/** Words that join "ask <invocation name>" to the utterance ("to", "for", "about", …). */
const CONNECTING_WORD = /^(to|for|about|if|whether|that)\s+/;
/** Phrases that open the skill without an intent. */
const LAUNCH_VERBS = ['open', 'launch', 'start', 'begin', 'play', 'load', 'run', 'use', 'talk to'];

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9' {}]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function slotPattern(slot: ModelSlot | undefined, types: readonly ModelType[]): string {
  const type = types.find((t) => t.name === slot?.type);
  if (type === undefined) return '.+';
  const phrases = (type.values ?? []).flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map(normalise);
  return phrases.length === 0 ? '.+' : `(?:${phrases.map(escapeRegExp).join('|')})`;
}

/** The intent an utterance (without wake word and invocation) would match, if any. */
export function matchUtterance(model: LanguageModel, utterance: string): string | undefined {
  const spoken = normalise(utterance);
  const types = model.types ?? [];
  for (const intent of model.intents) {
    for (const sample of intent.samples ?? []) {
      const pattern = normalise(sample)
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const slotName = /^\{([^}]+)\}$/.exec(part)?.[1];
          return slotName === undefined
            ? escapeRegExp(part)
            : slotPattern(
                intent.slots?.find((s) => s.name === slotName),
                types,
              );
        })
        .join('');
      if (new RegExp(`^${pattern}$`).test(spoken)) return intent.name;
    }
    if ((BUILT_IN_PHRASES[intent.name] ?? []).includes(spoken)) return intent.name;
  }
  return undefined;
}

/**
 * Problems with the example phrases against a locale's model: each must start with "Alexa,",
 * name the invocation name, and (after the first, which may only open the skill) reach an intent.
 * Returns an empty list when every phrase works.
 */
export function examplePhraseProblems(model: LanguageModel, phrases: readonly string[]): string[] {
  const problems: string[] = [];
  const invocation = normalise(model.invocationName);
  phrases.forEach((phrase, index) => {
    const spoken = normalise(phrase);
    if (!spoken.startsWith('alexa ')) {
      problems.push(`"${phrase}" does not start with the wake word "Alexa,"`);
      return;
    }
    const rest = spoken.slice('alexa '.length);
    const launch = LAUNCH_VERBS.find((verb) => rest === `${verb} ${invocation}`);
    if (launch !== undefined) {
      if (index !== 0) problems.push(`"${phrase}" only opens the skill; only the first example may do that`);
      return;
    }
    const askPrefix = `ask ${invocation} `;
    if (!rest.startsWith(askPrefix)) {
      problems.push(`"${phrase}" does not use the invocation name "${model.invocationName}"`);
      return;
    }
    const utterance = rest.slice(askPrefix.length).replace(CONNECTING_WORD, '');
    if (matchUtterance(model, utterance) === undefined) {
      problems.push(`"${phrase}": no intent in the model matches "${utterance}"`);
    }
  });
  return problems;
}
