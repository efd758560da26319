/**
 * The interaction model as ASK writes it (interaction-models/<locale>.json), and the text
 * normalisation the resolver and the model check share, so they agree on what counts as "the same".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModelSlot {
  name: string;
  type: string;
  samples?: string[];
}

export interface ModelIntent {
  name: string;
  slots?: ModelSlot[];
  samples?: string[];
}

export interface ModelSlotValue {
  id?: string;
  name: { value: string; synonyms?: string[] };
}

export interface ModelSlotType {
  name: string;
  values: ModelSlotValue[];
}

export interface LanguageModel {
  invocationName: string;
  intents: ModelIntent[];
  types?: ModelSlotType[];
}

export interface InteractionModel {
  interactionModel: { languageModel: LanguageModel };
}

/** interaction-models/ at the repository root. */
export const MODELS_DIR = join(__dirname, '..', '..', 'interaction-models');

/** Reads interaction-models/<locale>.json. */
export function loadModel(locale = 'en-US', dir = MODELS_DIR): InteractionModel {
  const text = readFileSync(join(dir, `${locale}.json`), 'utf8');
  return JSON.parse(text) as InteractionModel;
}

/**
 * What a device transcribes: lower case, curly apostrophes made straight, hyphens as spaces, other
 * punctuation dropped (apostrophes kept), single spaces, and a leading "alexa" wake word dropped.
 */
export function normaliseUtterance(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[-–—_]/g, ' ')
    .replace(/[^a-z0-9'\s]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
  if (words[0] === 'alexa') words.shift();
  return words.join(' ');
}

/**
 * The key two phrases are compared by: the normalised text without apostrophes, so "lets" and
 * "let's" (typed either way) are the same phrase.
 */
export function phraseKey(text: string): string {
  return normaliseUtterance(text).replace(/'/g, '');
}

/** `{slot}` references in a sample, in order. */
export function slotsInSample(sample: string): string[] {
  return [...sample.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? '');
}
