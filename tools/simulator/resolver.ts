/**
 * Turns typed text into the intent and slots a device would send, from the interaction model alone,
 * deterministically. Real Alexa NLU is statistical; this is a strict stand-in that is good enough to
 * drive the skill and to check the model for clashes.
 *
 * Matching, after normalising (see `normaliseUtterance`; apostrophes are ignored when comparing):
 * 1. a sample without slots that equals the utterance (custom and built-in intents alike);
 * 2. a custom intent's sample with slots whose every captured slot value resolves to a slot value
 *    or synonym (ER_SUCCESS_MATCH) — custom intents win over built-ins, as on the platform;
 * 3. the usual phrasings of the built-in intents the model declares (`BUILT_IN_PHRASES`);
 * 4. a sample with slots and at least one word of its own, whose slot text does not resolve:
 *    Alexa still fills a custom slot with what it heard (ER_SUCCESS_NO_MATCH).
 * Within a rank, the sample with more words of its own wins, then the earlier intent and sample.
 * A sample that is only a slot ("{concern}") matches only a value that resolves: on a real device
 * such a sample swallows much unrecognised speech, which this resolver sends to
 * AMAZON.FallbackIntent instead. Anything that matches nothing is AMAZON.FallbackIntent.
 * Slot text resolves when it equals a value or synonym, or does so after dropping a leading
 * "a", "an" or "the".
 */
import type { SlotValue } from './envelope';
import {
  type InteractionModel,
  type LanguageModel,
  loadModel,
  type ModelIntent,
  normaliseUtterance,
  phraseKey,
} from './interaction-model';

export { loadModel } from './interaction-model';

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

/**
 * How people usually say the built-in intents; the platform understands these without samples.
 * Only intents the model declares are matched.
 */
export const BUILT_IN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.StopIntent': ['stop', 'stop it', 'off', 'shut up', 'be quiet', 'exit', 'quit', 'enough', 'bye'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it', 'cancel it'],
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can i do', 'what can you do'],
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'alright', 'all right', 'yes please'],
  'AMAZON.NoIntent': ['no', 'nope', 'nah', 'no thanks', 'no thank you', 'not now'],
  'AMAZON.PauseIntent': ['pause', 'pause it', 'pause that', 'hold on', 'hang on', 'wait', 'one moment'],
  'AMAZON.ResumeIntent': ['resume', 'continue', 'unpause', 'carry on', 'keep going', 'go on'],
  'AMAZON.NextIntent': ['next', 'skip', 'next one', 'skip it', 'skip ahead', 'go forward'],
  'AMAZON.PreviousIntent': ['previous', 'go back', 'back', 'previous one', 'last one'],
  'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'say again', 'again', 'what was that', 'pardon'],
  'AMAZON.StartOverIntent': ['start over', 'restart', 'start again', 'begin again', 'from the beginning'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home', 'go to home'],
};

export interface Resolution {
  intent: string;
  /** Every slot the intent declares; undefined when the utterance did not fill it. */
  slots: Record<string, SlotValue | undefined>;
  /** The sample (or built-in phrase) that matched; undefined for the fallback. */
  sample?: string;
}

export type Invocation = { kind: 'launch' } | { kind: 'oneShot'; utterance: string };

export interface Resolver {
  readonly model: LanguageModel;
  resolve(utterance: string): Resolution;
  /** Recognises "open partner massage" and "ask partner massage to …"; null for anything else. */
  parseInvocation(line: string): Invocation | null;
}

interface SlotMatch {
  id: string;
  name: string;
}

interface CompiledSample {
  intent: ModelIntent;
  sample: string;
  /** Matches the utterance's key (words joined by single spaces); group n is slotNames[n-1]. */
  pattern: RegExp;
  slotNames: string[];
  /** Words of its own (not slots): more is more specific. */
  literalWords: number;
  order: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSample(intent: ModelIntent, sample: string, order: number): CompiledSample {
  const slotNames: string[] = [];
  const parts: string[] = [];
  let literalWords = 0;
  for (const piece of sample.split(/(\{[^}]*\})/)) {
    const slot = /^\{([^}]*)\}$/.exec(piece);
    if (slot) {
      slotNames.push(slot[1] ?? '');
      parts.push('(.+?)');
      continue;
    }
    const key = phraseKey(piece);
    if (key === '') continue;
    literalWords += key.split(' ').length;
    parts.push(escapeRegExp(key));
  }
  return { intent, sample, pattern: new RegExp(`^${parts.join(' ')}$`, 'd'), slotNames, literalWords, order };
}

const ARTICLE = /^(?:a|an|the) /;

/** Builds the resolver for one model. Pure: no I/O. */
export function createResolver(source: InteractionModel | LanguageModel): Resolver {
  const model = 'interactionModel' in source ? source.interactionModel.languageModel : source;
  const typeValues = new Map<string, Map<string, SlotMatch>>();
  for (const type of model.types ?? []) {
    const values = new Map<string, SlotMatch>();
    for (const value of type.values) {
      const match = { id: value.id ?? value.name.value, name: value.name.value };
      for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const key = phraseKey(phrase);
        if (!values.has(key)) values.set(key, match);
      }
    }
    typeValues.set(type.name, values);
  }

  const literal = new Map<string, { intent: ModelIntent; sample: string }>();
  const slotted: CompiledSample[] = [];
  let order = 0;
  for (const intent of model.intents) {
    for (const sample of intent.samples ?? []) {
      order += 1;
      if (sample.includes('{')) {
        slotted.push(compileSample(intent, sample, order));
      } else {
        const key = phraseKey(sample);
        if (!literal.has(key)) literal.set(key, { intent, sample });
      }
    }
  }
  slotted.sort((a, b) => b.literalWords - a.literalWords || a.order - b.order);

  const builtIns = new Map<string, { intent: ModelIntent; sample: string }>();
  for (const intent of model.intents) {
    for (const phrase of BUILT_IN_PHRASES[intent.name] ?? []) {
      const key = phraseKey(phrase);
      if (!builtIns.has(key)) builtIns.set(key, { intent, sample: phrase });
    }
  }

  const slotTypeOf = (intent: ModelIntent, slotName: string) => intent.slots?.find((s) => s.name === slotName)?.type;

  function resolveSlotText(type: string | undefined, heard: string): SlotMatch | undefined {
    const values = type === undefined ? undefined : typeValues.get(type);
    if (!values) return undefined;
    const key = phraseKey(heard);
    return values.get(key) ?? values.get(key.replace(ARTICLE, ''));
  }

  function emptySlots(intent: ModelIntent): Record<string, SlotValue | undefined> {
    const slots: Record<string, SlotValue | undefined> = {};
    for (const slot of intent.slots ?? []) slots[slot.name] = undefined;
    return slots;
  }

  function resolve(utterance: string): Resolution {
    const words = normaliseUtterance(utterance).split(' ');
    const key = words.map((word) => word.replace(/'/g, '')).join(' ');
    const exact = literal.get(key);
    if (exact) return { intent: exact.intent.name, slots: emptySlots(exact.intent), sample: exact.sample };

    let unresolved: Resolution | undefined;
    for (const compiled of slotted) {
      const match = compiled.pattern.exec(key);
      if (!match?.indices) continue;
      const slots = emptySlots(compiled.intent);
      let allResolved = true;
      compiled.slotNames.forEach((slotName, index) => {
        const span = match.indices?.[index + 1];
        if (!span) return;
        // Word positions in the key are word positions in `words`: report what was heard.
        const first = key.slice(0, span[0]).split(' ').length - 1;
        const count = key.slice(span[0], span[1]).split(' ').length;
        const heard = words.slice(first, first + count).join(' ');
        const resolved = resolveSlotText(slotTypeOf(compiled.intent, slotName), heard);
        if (!resolved) allResolved = false;
        slots[slotName] = resolved ? { value: heard, id: resolved.id, name: resolved.name } : { value: heard };
      });
      const resolution = { intent: compiled.intent.name, slots, sample: compiled.sample };
      if (allResolved) return resolution;
      if (unresolved === undefined && compiled.literalWords > 0) unresolved = resolution;
    }

    const builtIn = builtIns.get(key);
    if (builtIn) return { intent: builtIn.intent.name, slots: emptySlots(builtIn.intent), sample: builtIn.sample };
    return unresolved ?? { intent: FALLBACK_INTENT, slots: {} };
  }

  return {
    model,
    resolve,
    parseInvocation: (line) => parseInvocation(line, model.invocationName),
  };
}

/** Loads interaction-models/<locale>.json and builds its resolver. */
export function loadResolver(locale = 'en-US'): Resolver {
  return createResolver(loadModel(locale));
}

/**
 * How people open a skill by voice: "open partner massage" (launch), "ask partner massage to X",
 * "tell partner massage X" or "X using partner massage" (one-shot with utterance X).
 */
export function parseInvocation(line: string, invocationName = 'partner massage'): Invocation | null {
  const text = normaliseUtterance(line);
  const name = escapeRegExp(normaliseUtterance(invocationName));
  if (new RegExp(`^(?:(?:open|launch|start|begin|load|run|use|talk to|play) )?${name}(?: skill)?$`).test(text)) {
    return { kind: 'launch' };
  }
  const asked = new RegExp(`^(?:ask|tell) ${name}(?: (?:to|for|about|if|whether|that))? (.+)$`).exec(text);
  if (asked?.[1]) return { kind: 'oneShot', utterance: asked[1] };
  const using = new RegExp(`^(.+) (?:using|with|on|from) ${name}$`).exec(text);
  if (using?.[1]) return { kind: 'oneShot', utterance: using[1] };
  return null;
}
