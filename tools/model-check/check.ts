/**
 * Checks an interaction model (ASK format) against the platform's rules and against the skill: the
 * intents it handles, the routine catalogue and the concern slot ids. Pure: the caller loads everything.
 */
import { SKILL_INTENTS, SlotType } from '../../lambda/handlers/intents';
import {
  type InteractionModel,
  type LanguageModel,
  type ModelIntent,
  phraseKey,
  slotsInSample,
} from '../simulator/interaction-model';
import { BUILT_IN_PHRASES, createResolver } from '../simulator/resolver';

export type CheckName =
  | 'names'
  | 'sample-characters'
  | 'sample-count'
  | 'sample-variety'
  | 'duplicate-sample'
  | 'bare-slot-overlap'
  | 'slot-values'
  | 'slot-references'
  | 'built-ins'
  | 'skill-intents'
  | 'routine-values'
  | 'concern-values'
  | 'round-trip'
  | 'command-as-routine'
  | 'please';

export interface Problem {
  check: CheckName;
  message: string;
}

export interface RoutineEntry {
  readonly id: string;
  readonly name: string;
  readonly synonyms: readonly string[];
}

export interface CheckOptions {
  /** Every intent the skill handles; the model must declare exactly these. @default the keys of INTENT_EVENTS in lambda/handlers/intents.ts */
  skillIntents?: readonly string[];
  /** The routine catalogue; ROUTINE_NAME must hold exactly its ids, names and synonyms. Skipped when omitted. */
  routines?: readonly RoutineEntry[];
  /**
   * CONCERN must hold exactly these ids: CONCERN_SLOT_IDS in lambda/core/concerns.ts (the everyday
   * concerns and the warning signs). Skipped when omitted.
   */
  concernIds?: readonly string[];
  /** @default REQUIRED_BUILT_INS */
  requiredBuiltIns?: readonly string[];
  /** @default MIN_SAMPLES */
  minSamples?: number;
  /** Round-trip every value and synonym of a slot (true) or only each value's first phrase. @default true */
  allSlotValues?: boolean;
}

/** Required for certification, plus the ones the skill's flow depends on. */
export const REQUIRED_BUILT_INS = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
] as const;

/** Fewer samples than this and a custom intent is recognised only when phrased just so. */
export const MIN_SAMPLES = 10;

/**
 * Variety rule: no single first word may begin more than this share of a custom intent's samples
 * (a slot counts as a first word of its own). Samples that all open the same way teach the model
 * one phrasing, and people open requests in many ways ("start", "let's", "can we", "I want").
 */
export const MAX_SAME_FIRST_WORD_SHARE = 0.6;

const INTENT_NAME = /^(?:[A-Za-z_]+|AMAZON\.[A-Za-z]+)$/;
const SLOT_TYPE_NAME = /^(?:[A-Za-z_]+|AMAZON\.[A-Za-z_]+)$/;
const SLOT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** ASK: words (letters), spaces, apostrophes, periods in abbreviations, hyphens; numbers spelled out. */
const SAMPLE_TEXT = /^[\p{L} '.-]*$/u;
const INVOCATION_NAME = /^[a-z][a-z '.]*[a-z.]$/;

const isBuiltIn = (name: string) => name.startsWith('AMAZON.');

function languageModelOf(model: InteractionModel | LanguageModel): LanguageModel {
  return 'interactionModel' in model ? model.interactionModel.languageModel : model;
}

/** What a model holds, for the one-line summary. */
export function summarise(model: InteractionModel | LanguageModel): {
  intents: number;
  samples: number;
  slotTypes: number;
} {
  const lm = languageModelOf(model);
  return {
    intents: lm.intents.length,
    samples: lm.intents.reduce((sum, intent) => sum + (intent.samples?.length ?? 0), 0),
    slotTypes: lm.types?.length ?? 0,
  };
}

function slotType(intent: ModelIntent, slotName: string): string | undefined {
  return intent.slots?.find((slot) => slot.name === slotName)?.type;
}

/** A sample that is nothing but one slot ("{concern}"). */
function bareSlot(sample: string): string | undefined {
  return /^\s*\{([^}]*)\}\s*$/.exec(sample)?.[1];
}

/**
 * The key under which two samples clash: case, punctuation and apostrophes ignored, every slot the
 * same placeholder. A bare-slot sample keeps its slot type: Alexa tells "{routine}" from "{concern}"
 * by the values, which the bare-slot-overlap check requires to be disjoint. Exported for the model
 * generator, which drops a sample its spelling turn makes the same as another by this key.
 */
export function clashKey(intent: ModelIntent, sample: string): string {
  const bare = bareSlot(sample);
  if (bare !== undefined) return `{${slotType(intent, bare) ?? bare}}`;
  return sample
    .split(/(\{[^}]*\})/)
    .map((piece) => (piece.startsWith('{') ? '{}' : phraseKey(piece)))
    .filter((piece) => piece !== '')
    .join(' ');
}

function sameSet(a: readonly string[], b: readonly string[]): { missing: string[]; extra: string[] } {
  const left = new Set(a);
  const right = new Set(b);
  return { missing: [...right].filter((x) => !left.has(x)), extra: [...left].filter((x) => !right.has(x)) };
}

/** Runs every check; an empty list means the model is fine. */
export function checkModel(model: InteractionModel | LanguageModel, opts: CheckOptions = {}): Problem[] {
  const lm = languageModelOf(model);
  const problems: Problem[] = [];
  const report = (check: CheckName, message: string) => problems.push({ check, message });
  const types = new Map((lm.types ?? []).map((type) => [type.name, type]));
  const minSamples = opts.minSamples ?? MIN_SAMPLES;

  // names
  if (!INVOCATION_NAME.test(lm.invocationName ?? '')) {
    report('names', `invocation name "${lm.invocationName}" must be lower-case words`);
  }
  const intentNames = new Set<string>();
  for (const intent of lm.intents) {
    if (!INTENT_NAME.test(intent.name)) report('names', `intent name "${intent.name}" must be letters and underscores`);
    if (intentNames.has(intent.name)) report('names', `intent ${intent.name} is declared twice`);
    intentNames.add(intent.name);
    for (const slot of intent.slots ?? []) {
      if (!SLOT_NAME.test(slot.name)) report('names', `${intent.name}: slot name "${slot.name}" is not allowed`);
    }
  }
  for (const type of lm.types ?? []) {
    if (!SLOT_TYPE_NAME.test(type.name) || isBuiltIn(type.name)) {
      report('names', `slot type name "${type.name}" must be letters and underscores`);
    }
  }

  // samples: characters, slot references, counts, variety
  for (const intent of lm.intents) {
    const samples = intent.samples ?? [];
    for (const sample of samples) {
      const text = sample.replace(/\{[^}]*\}/g, ' ');
      if (!SAMPLE_TEXT.test(text) || /[{}]/.test(text)) {
        report(
          'sample-characters',
          `${intent.name}: "${sample}" has characters ASK does not allow (digits? punctuation?)`,
        );
      }
      if (sample !== sample.trim() || / {2}/.test(sample) || sample.trim() === '') {
        report('sample-characters', `${intent.name}: "${sample}" has stray spaces or is empty`);
      }
      for (const slotName of slotsInSample(sample)) {
        const type = slotType(intent, slotName);
        if (type === undefined) {
          report(
            'slot-references',
            `${intent.name}: "${sample}" uses {${slotName}}, which the intent does not declare`,
          );
        }
      }
    }
    for (const slot of intent.slots ?? []) {
      if (!isBuiltIn(slot.type) && !types.has(slot.type)) {
        report('slot-references', `${intent.name}: slot ${slot.name} has type ${slot.type}, which is not declared`);
      }
      if (!samples.some((sample) => slotsInSample(sample).includes(slot.name))) {
        report('slot-references', `${intent.name}: slot ${slot.name} is declared but no sample uses it`);
      }
    }
    if (isBuiltIn(intent.name)) continue;
    if (samples.length < minSamples) {
      report('sample-count', `${intent.name} has ${samples.length} samples; at least ${minSamples} are needed`);
    }
    const firstWords = new Map<string, number>();
    for (const sample of samples) {
      const first = sample.trim().toLowerCase().split(/\s+/)[0] ?? '';
      const word = first.startsWith('{') ? '{slot}' : phraseKey(first);
      firstWords.set(word, (firstWords.get(word) ?? 0) + 1);
    }
    for (const [word, count] of firstWords) {
      if (samples.length >= 3 && count / samples.length > MAX_SAME_FIRST_WORD_SHARE) {
        report(
          'sample-variety',
          `${intent.name}: ${count} of ${samples.length} samples start with "${word}" (at most ${Math.round(MAX_SAME_FIRST_WORD_SHARE * 100)}%)`,
        );
      }
    }
  }

  // duplicate samples, within and across intents
  const seen = new Map<string, { intent: string; sample: string }>();
  for (const intent of lm.intents) {
    for (const sample of intent.samples ?? []) {
      const key = clashKey(intent, sample);
      const earlier = seen.get(key);
      if (earlier) {
        const where =
          earlier.intent === intent.name ? `twice in ${intent.name}` : `in ${earlier.intent} and ${intent.name}`;
        report('duplicate-sample', `"${sample}" ("${earlier.sample}") is ${where}`);
      } else {
        seen.set(key, { intent: intent.name, sample });
      }
    }
  }

  // slot values: unique ids, no phrase under two values of one type
  const phraseOwners = new Map<string, Map<string, string>>();
  for (const type of lm.types ?? []) {
    const ids = new Set<string>();
    const owners = new Map<string, string>();
    phraseOwners.set(type.name, owners);
    for (const value of type.values) {
      const id = value.id ?? '';
      if (id === '') report('slot-values', `${type.name}: value "${value.name.value}" has no id`);
      else if (ids.has(id)) report('slot-values', `${type.name}: id ${id} is used twice`);
      ids.add(id);
      const ownPhrases = new Set<string>();
      for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const key = phraseKey(phrase);
        if (key === '') report('slot-values', `${type.name}: ${id} has an empty value or synonym`);
        if (/\d/.test(phrase)) report('slot-values', `${type.name}: "${phrase}" has digits; spell numbers out`);
        const owner = owners.get(key);
        if (owner !== undefined && owner !== id) {
          report('slot-values', `${type.name}: "${phrase}" belongs to both ${owner} and ${id}`);
        } else if (ownPhrases.has(key)) {
          report('slot-values', `${type.name}: "${phrase}" is listed twice under ${id}`);
        }
        ownPhrases.add(key);
        if (owner === undefined) owners.set(key, id);
      }
    }
  }

  // bare-slot samples of different types must not share a phrase, or Alexa cannot tell them apart
  const bareTypes = new Map<string, string>();
  for (const intent of lm.intents) {
    for (const sample of intent.samples ?? []) {
      const bare = bareSlot(sample);
      const type = bare === undefined ? undefined : slotType(intent, bare);
      if (type !== undefined && !bareTypes.has(type)) bareTypes.set(type, intent.name);
    }
  }
  const bareList = [...bareTypes];
  for (const [i, [typeA, intentA]] of bareList.entries()) {
    for (const [typeB, intentB] of bareList.slice(i + 1)) {
      const phrasesA = phraseOwners.get(typeA) ?? new Map<string, string>();
      for (const [key, idB] of phraseOwners.get(typeB) ?? []) {
        const idA = phrasesA.get(key);
        if (idA !== undefined) {
          report(
            'bare-slot-overlap',
            `"${key}" is both ${typeA} ${idA} (${intentA} "{…}") and ${typeB} ${idB} (${intentB} "{…}"): a bare-slot sample cannot tell them apart`,
          );
        }
      }
    }
  }

  // built-ins the skill needs
  for (const name of opts.requiredBuiltIns ?? REQUIRED_BUILT_INS) {
    if (!intentNames.has(name)) report('built-ins', `${name} is missing`);
  }

  // the model and the skill handle the same intents
  const skillIntents = opts.skillIntents ?? SKILL_INTENTS;
  const { missing, extra } = sameSet([...intentNames], skillIntents);
  for (const name of missing) report('skill-intents', `${name} is handled by the skill but missing from the model`);
  for (const name of extra) report('skill-intents', `${name} is in the model but not in lambda/handlers/intents.ts`);

  // slot values match the skill's data
  if (opts.routines) {
    const type = types.get(SlotType.routine);
    if (!type) {
      report('routine-values', `slot type ${SlotType.routine} is missing`);
    } else {
      const byId = new Map(type.values.map((value) => [value.id ?? '', value]));
      const ids = sameSet(
        [...byId.keys()],
        opts.routines.map((routine) => routine.id),
      );
      for (const id of ids.missing) report('routine-values', `${SlotType.routine} lacks routine ${id}`);
      for (const id of ids.extra)
        report('routine-values', `${SlotType.routine} has ${id}, which is not in the catalogue`);
      for (const routine of opts.routines) {
        const value = byId.get(routine.id);
        if (!value) continue;
        if (value.name.value !== routine.name) {
          report('routine-values', `${routine.id}: model says "${value.name.value}", catalogue says "${routine.name}"`);
        }
        const synonyms = sameSet(value.name.synonyms ?? [], routine.synonyms);
        for (const s of synonyms.missing)
          report('routine-values', `${routine.id}: catalogue synonym "${s}" is missing`);
        for (const s of synonyms.extra)
          report('routine-values', `${routine.id}: synonym "${s}" is not in the catalogue`);
      }
    }
  }
  if (opts.concernIds) {
    const type = types.get(SlotType.concern);
    if (!type) {
      report('concern-values', `slot type ${SlotType.concern} is missing`);
    } else {
      const ids = sameSet(
        type.values.map((value) => value.id ?? ''),
        opts.concernIds,
      );
      for (const id of ids.missing) report('concern-values', `${SlotType.concern} lacks concern ${id}`);
      for (const id of ids.extra)
        report('concern-values', `${SlotType.concern} has ${id}, which is not in CONCERN_SLOT_IDS`);
    }
  }

  problems.push(...roundTrip(lm, opts.allSlotValues ?? true));
  problems.push(...commandsStayCommands(lm));
  return problems;
}

/** Intents people say as a request of their own, so "please" may follow; yes and no answer a question. */
const SAID_AS_COMMANDS = (name: string) =>
  ![START_INTENT, 'AMAZON.FallbackIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent'].includes(name);

/** The intent whose slot names a routine: what any words after "start", "do her" or before "please" can land in. */
const START_INTENT = 'StartRoutineIntent';

/**
 * Commands are never routine names: no routine value or synonym is also a command's sample or
 * usual built-in phrasing ("back" would make "back" start lower back relief), and every command
 * said without slots is still that command with "please" after it ("next please", "slower please"),
 * not a routine called "next". So is a command whose only slots name a routine ("start foot massage
 * hands free please"), with each routine's name in them: not a plain start of a routine called "foot
 * massage hands free please".
 */
function commandsStayCommands(lm: LanguageModel): Problem[] {
  const problems: Problem[] = [];
  const commandOwner = new Map<string, string>();
  for (const intent of lm.intents) {
    if (intent.name === START_INTENT) continue;
    const phrases = [
      ...(intent.samples ?? []).filter((sample) => slotsInSample(sample).length === 0),
      ...(BUILT_IN_PHRASES[intent.name] ?? []),
    ];
    for (const phrase of phrases)
      if (!commandOwner.has(phraseKey(phrase))) commandOwner.set(phraseKey(phrase), intent.name);
  }
  const routineType = lm.types?.find((type) => type.name === SlotType.routine);
  for (const value of routineType?.values ?? []) {
    for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
      const owner = commandOwner.get(phraseKey(phrase));
      if (owner !== undefined) {
        problems.push({
          check: 'command-as-routine',
          message: `routine ${value.id ?? value.name.value} answers to "${phrase}", which is also ${owner}`,
        });
      }
    }
  }
  const resolver = createResolver(lm);
  const routineNames = (routineType?.values ?? []).map((value) => value.name.value);
  for (const intent of lm.intents) {
    if (!SAID_AS_COMMANDS(intent.name)) continue;
    for (const sample of intent.samples ?? []) {
      if (/^please\b|\bplease$/.test(phraseKey(sample))) continue;
      if (!SAMPLE_TEXT.test(sample.replace(/\{[^}]*\}/g, ' ')) || / {2}/.test(sample)) continue; // sample-characters
      const slotNames = slotsInSample(sample);
      if (slotNames.some((slotName) => slotType(intent, slotName) !== SlotType.routine)) continue;
      const said = slotNames.length === 0 ? [sample] : routineNames.map((name) => sample.replace(/\{[^}]*\}/g, name));
      for (const words of said) {
        const polite = `${words} please`;
        const got = resolver.resolve(polite);
        if (got.intent === intent.name) continue;
        const heard = Object.values(got.slots)[0]?.value ?? words;
        const why = got.intent === START_INTENT ? ` (heard as a routine called "${heard}")` : '';
        problems.push({ check: 'please', message: `"${polite}" resolves to ${got.intent}, not ${intent.name}${why}` });
      }
    }
  }
  return problems;
}

/**
 * Every sample, with its slots filled, must resolve back to its own intent (and the filled value
 * to its own id); every usual built-in phrasing must reach its built-in intent. This is what finds
 * a sample of one intent that another intent's sample plus a synonym also produces.
 */
function roundTrip(lm: LanguageModel, allSlotValues: boolean): Problem[] {
  const problems: Problem[] = [];
  const resolver = createResolver(lm);
  const phrasesOf = (typeName: string | undefined): { phrase: string; id: string }[] => {
    const type = lm.types?.find((t) => t.name === typeName);
    if (!type) return [];
    return type.values.flatMap((value) => {
      const phrases = allSlotValues ? [value.name.value, ...(value.name.synonyms ?? [])] : [value.name.value];
      return phrases.map((phrase) => ({ phrase, id: value.id ?? value.name.value }));
    });
  };
  const reported = new Set<string>();
  const fail = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    problems.push({ check: 'round-trip', message });
  };

  for (const intent of lm.intents) {
    for (const sample of intent.samples ?? []) {
      const slotNames = slotsInSample(sample);
      if (slotNames.length === 0) {
        const got = resolver.resolve(sample).intent;
        if (got !== intent.name) fail(`"${sample}" (${intent.name}) resolves to ${got}`);
        continue;
      }
      const choices = slotNames.map((slotName) => phrasesOf(slotType(intent, slotName)));
      if (choices.some((list) => list.length === 0)) continue; // built-in slot types: nothing to fill with
      slotNames.forEach((varied, variedIndex) => {
        for (const choice of choices[variedIndex] ?? []) {
          let utterance = sample;
          slotNames.forEach((slotName, index) => {
            const fill = index === variedIndex ? choice : choices[index]?.[0];
            utterance = utterance.replace(`{${slotName}}`, fill?.phrase ?? '');
          });
          const got = resolver.resolve(utterance);
          if (got.intent !== intent.name) {
            fail(`"${utterance}" (${intent.name} "${sample}") resolves to ${got.intent} via "${got.sample ?? '?'}"`);
          } else if (got.slots[varied]?.id !== choice.id) {
            fail(
              `"${utterance}" (${intent.name}) fills {${varied}} with ${got.slots[varied]?.id ?? 'no id'}, not ${choice.id}`,
            );
          }
        }
      });
    }
  }
  for (const intent of lm.intents) {
    for (const phrase of BUILT_IN_PHRASES[intent.name] ?? []) {
      const got = resolver.resolve(phrase);
      if (got.intent !== intent.name) {
        fail(`built-in phrase "${phrase}" (${intent.name}) resolves to ${got.intent} via "${got.sample ?? '?'}"`);
      }
    }
  }
  return problems;
}
