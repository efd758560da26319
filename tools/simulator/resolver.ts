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
  'AMAZON.PauseIntent': ['pause', 'pause it', 'pause that'],
  'AMAZON.ResumeIntent': ['resume', 'continue', 'unpause', 'carry on', 'keep going', 'go on'],
  'AMAZON.NextIntent': ['next', 'skip', 'next one', 'skip it', 'skip ahead', 'go forward'],
  'AMAZON.PreviousIntent': ['previous', 'go back', 'back', 'previous one', 'last one'],
  'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'say again', 'again', 'what was that', 'pardon'],
  'AMAZON.StartOverIntent': ['start over', 'restart', 'start again', 'begin again', 'from the beginning'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home', 'go to home'],
  'AMAZON.LoopOnIntent': ['loop', 'loop on', 'turn on loop', 'turn loop on'],
  'AMAZON.LoopOffIntent': ['loop off', 'turn off loop', 'turn loop off', 'stop looping'],
  'AMAZON.ShuffleOnIntent': ['shuffle', 'shuffle on', 'turn on shuffle', 'turn shuffle on'],
  'AMAZON.ShuffleOffIntent': ['shuffle off', 'turn off shuffle', 'turn shuffle off', 'stop shuffling'],
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
  /** A built-in slot type's value: sent as the slot's value, without resolutions. */
  builtIn?: boolean;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  a: 1,
  an: 1,
};

/** "three", "3", "twenty five", "a" (as in "a minute"): the number, else undefined. */
export function spokenNumber(key: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(key)) return Number(key);
  const words = key.split(' ').filter((word) => word !== 'and');
  if (words.length === 0 || words.length > 2) return undefined;
  const values = words.map((word) => NUMBER_WORDS[word]);
  if (values.some((value) => value === undefined)) return undefined;
  const [first = 0, second] = values as number[];
  if (second === undefined) return first;
  return first >= 20 && first % 10 === 0 && second < 10 ? first + second : undefined;
}

const DURATION_UNITS: Readonly<Record<string, 'S' | 'M' | 'H'>> = {
  second: 'S',
  seconds: 'S',
  sec: 'S',
  secs: 'S',
  minute: 'M',
  minutes: 'M',
  min: 'M',
  mins: 'M',
  hour: 'H',
  hours: 'H',
};

/** "two minutes", "a minute", "thirty seconds", "a couple of minutes", "half a minute": ISO 8601. */
export function spokenDuration(key: string): string | undefined {
  const words = key.split(' ');
  const unit = DURATION_UNITS[words[words.length - 1] ?? ''];
  if (unit === undefined) return undefined;
  const amount = words.slice(0, -1).join(' ');
  if (amount === 'half a' || amount === 'half an') return unit === 'M' ? 'PT30S' : unit === 'H' ? 'PT30M' : undefined;
  const count = amount === 'a couple of' || amount === 'a couple' ? 2 : amount === 'a few' ? 3 : spokenNumber(amount);
  return count === undefined || count <= 0 ? undefined : `PT${count}${unit}`;
}

/** What the built-in slot types the model uses send, for the words heard; undefined when they do not fit. */
const BUILT_IN_SLOT_TYPES: Readonly<Record<string, (key: string) => string | undefined>> = {
  'AMAZON.NUMBER': (key) => {
    const number = spokenNumber(key);
    return number === undefined || key === 'a' || key === 'an' ? undefined : String(number);
  },
  'AMAZON.DURATION': spokenDuration,
};

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
    const builtIn = type === undefined ? undefined : BUILT_IN_SLOT_TYPES[type];
    if (builtIn) {
      const value = builtIn(phraseKey(heard));
      return value === undefined ? undefined : { id: '', name: value, builtIn: true };
    }
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
        // A built-in type sends its normalised value ("3", "PT2M") and no entity resolution.
        if (resolved?.builtIn) slots[slotName] = { value: resolved.name, builtIn: true };
        else slots[slotName] = resolved ? { value: heard, id: resolved.id, name: resolved.name } : { value: heard };
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
