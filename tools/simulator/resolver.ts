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

/** AMAZON.TIME's time period indicators, for a part of the day said without a time. */
const TIME_PERIODS: Readonly<Record<string, string>> = {
  morning: 'MO',
  'the morning': 'MO',
  'in the morning': 'MO',
  afternoon: 'AF',
  'the afternoon': 'AF',
  'in the afternoon': 'AF',
  evening: 'EV',
  'the evening': 'EV',
  'in the evening': 'EV',
  night: 'NI',
  'the night': 'NI',
  'at night': 'NI',
};

/** Times of day with names of their own. */
const NAMED_TIMES: Readonly<Record<string, string>> = {
  noon: '12:00',
  midday: '12:00',
  'twelve noon': '12:00',
  midnight: '00:00',
  'twelve midnight': '00:00',
};

/** Words after a clock time that say which half of the day it is in. */
const DAY_HALVES: readonly (readonly [string, 'am' | 'pm' | 'night'])[] = [
  ['a m', 'am'],
  ['am', 'am'],
  ['in the morning', 'am'],
  ['p m', 'pm'],
  ['pm', 'pm'],
  ['in the afternoon', 'pm'],
  ['in the evening', 'pm'],
  ['at night', 'night'],
  ['tonight', 'pm'],
];

/** Minutes said after the hour: "thirty", "oh five", "forty five", "30". */
function spokenMinutes(words: string): number | undefined {
  const oh = /^(?:oh|o) (\w+)$/.exec(words);
  const minutes = oh ? spokenNumber(oh[1] ?? '') : spokenNumber(words);
  if (minutes === undefined || !Number.isInteger(minutes) || minutes > 59) return undefined;
  if (oh && minutes > 9) return undefined;
  return /^\d+$/.test(words) || oh || minutes >= 10 ? minutes : undefined;
}

/** A clock time without its half of the day: "eight", "seven thirty", "half past seven", "8 30". */
function clockTime(words: string): { hour: number; minute: number } | undefined {
  const plain = words.replace(/ oclock$/, '');
  const relative = /^(half|quarter|a quarter|\w+(?: \w+)?(?: minutes?)?) (past|after|to|till|before) (\w+)$/.exec(
    plain,
  );
  if (relative) {
    const [, amountWords = '', direction = '', hourWords = ''] = relative;
    const toHour = direction !== 'past' && direction !== 'after';
    const amount =
      amountWords === 'half'
        ? toHour
          ? undefined
          : 30
        : amountWords === 'quarter' || amountWords === 'a quarter'
          ? 15
          : spokenNumber(amountWords.replace(/ minutes?$/, ''));
    const hour = spokenNumber(hourWords);
    if (amount === undefined || hour === undefined || hourWords === 'a' || hourWords === 'an') return undefined;
    if (!Number.isInteger(amount) || amount < 1 || amount > 59 || !Number.isInteger(hour) || hour > 23) {
      return undefined;
    }
    return toHour ? { hour: (hour + 23) % 24, minute: 60 - amount } : { hour, minute: amount };
  }
  const numeric = /^(\d{1,2})(?: (\d{2}))?$/.exec(plain);
  if (numeric) {
    const hour = Number(numeric[1]);
    const minute = numeric[2] === undefined ? 0 : Number(numeric[2]);
    return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
  }
  const said = plain.split(' ');
  if (said.includes('a') || said.includes('an')) return undefined;
  for (const split of [1, 2]) {
    if (said.length < split) continue;
    const hour = spokenNumber(said.slice(0, split).join(' '));
    if (hour === undefined || !Number.isInteger(hour) || hour > 23) continue;
    const rest = said.slice(split).join(' ');
    if (rest === '') return { hour, minute: 0 };
    const minute = spokenMinutes(rest);
    if (minute !== undefined) return { hour, minute };
  }
  return undefined;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * What AMAZON.TIME sends for the words heard, as Alexa fills it: "HH:MM" for a time of day, with
 * "pm", "in the evening" or "at night" moving an hour from 1 to 12 into the afternoon ("eight pm" →
 * "20:00"); an hour said alone stays as said, with no guess at the half of the day ("eight" →
 * "08:00"); "noon" and "midnight"; and a part of the day said alone as a time period indicator
 * ("morning" → "MO", "afternoon" → "AF", "evening" → "EV", "night" → "NI"). Undefined when the
 * words are not a time.
 */
export function spokenTime(key: string): string | undefined {
  const period = TIME_PERIODS[key];
  if (period !== undefined) return period;
  const named = NAMED_TIMES[key];
  if (named !== undefined) return named;
  let clock = key;
  let half: 'am' | 'pm' | 'night' | undefined;
  for (const [words, which] of DAY_HALVES) {
    if (key.endsWith(` ${words}`)) {
      clock = key.slice(0, -words.length - 1);
      half = which;
      break;
    }
    // "8pm", "7am": written with the half of the day joined on.
    const joined = new RegExp(`^(\\d{1,2})${words.replace(' ', '')}$`).exec(key);
    if (joined && (which === 'am' || which === 'pm') && !words.includes(' ')) {
      clock = joined[1] ?? '';
      half = which;
      break;
    }
  }
  const time = clockTime(clock);
  if (time === undefined) return undefined;
  let { hour } = time;
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    if (half === 'am') hour = hour === 12 ? 0 : hour;
    // "twelve at night" is midnight; "four at night", like "four in the morning", is before dawn.
    else if (half === 'night') hour = hour === 12 ? 0 : hour < 5 ? hour : hour + 12;
    else hour = hour === 12 ? 12 : hour + 12;
  }
  return `${twoDigits(hour)}:${twoDigits(time.minute)}`;
}

const DAY_NAMES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;

/**
 * What AMAZON.DayOfWeek sends: the day's name as heard, in lower case ("monday", "mondays"), with
 * no entity resolution. Undefined for anything that is not a day's name.
 */
export function spokenDay(key: string): string | undefined {
  return DAY_NAMES.test(key) ? key : undefined;
}

/** What the built-in slot types the model uses send, for the words heard; undefined when they do not fit. */
const BUILT_IN_SLOT_TYPES: Readonly<Record<string, (key: string) => string | undefined>> = {
  'AMAZON.NUMBER': (key) => {
    const number = spokenNumber(key);
    return number === undefined || key === 'a' || key === 'an' ? undefined : String(number);
  },
  'AMAZON.DURATION': spokenDuration,
  'AMAZON.TIME': spokenTime,
  'AMAZON.DayOfWeek': spokenDay,
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
