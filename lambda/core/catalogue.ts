/**
 * Routine and step types, and lookups over the catalogue by id and by spoken name.
 * The routines themselves are data in lambda/content/routines/.
 */
import type { BodyArea } from './body';
import type { ConcernWords, HeardConcern } from './concerns';
import type { PressureLevel } from './preferences';

/** Ids double as slot value ids in the interaction model (ROUTINE_NAME). */
export const ROUTINE_IDS = [
  'lowerBack',
  'foot',
  'shouldersNeck',
  'hand',
  'hipsLegs',
  'labourCounterPressure',
  'tenMinutesTonight',
] as const;
export type RoutineId = (typeof ROUTINE_IDS)[number];

/** True for a value that names a routine in ROUTINE_IDS (slot ids, session attributes, stored items). */
export function isRoutineId(value: unknown): value is RoutineId {
  return typeof value === 'string' && (ROUTINE_IDS as readonly string[]).includes(value);
}

/**
 * A line spoken during a step's hold. A check-in asks the receiver how it feels. A switch moves to
 * the other side (foot, hand, leg): it is spoken at the middle of the hold, so both sides get the
 * same time; cues after it belong to the second side (none: the first side's plain cues again).
 */
export interface Cue {
  readonly kind: 'cue' | 'checkIn' | 'switchSide';
  readonly text: string;
}

export interface Step {
  /** Stable id, unique within the catalogue (e.g. "lowerBack.palmCircles"). */
  readonly id: string;
  /** Short spoken title: "palm circles on the lower back". */
  readonly title: string;
  /** Where on her body the hands work: the area a screen marks on its drawing. */
  readonly area: BodyArea;
  /** Spoken before the step when it moves to another part of the body ("Now move to her feet."). */
  readonly moveTo?: string;
  /** The instruction as spoken at each pressure level. */
  readonly instruction: Readonly<Record<PressureLevel, string>>;
  /** Target length of the whole step at normal pace, in seconds: instruction, cues and quiet time. */
  readonly holdSeconds: number;
  /** Lines spoken during the hold, spread evenly through it, in order. */
  readonly cues: readonly Cue[];
  /** What to do for more pressure on this step. */
  readonly morePressureTip: string;
  /** What to do for less pressure on this step. */
  readonly lessPressureTip: string;
}

export interface Routine {
  readonly id: RoutineId;
  /** Spoken name: "lower back relief". */
  readonly name: string;
  /** Other ways people ask for it; also the slot synonyms. */
  readonly synonyms: readonly string[];
  /** One short sentence: what it is for. */
  readonly summary: string;
  /** Where the receiver sits or lies, and what to set up, spoken at the start. */
  readonly position: string;
  /** One or two short spoken cautions, spoken at the start. */
  readonly cautions: readonly string[];
  /** Points on this area that are avoided in pregnancy, spoken with the cautions; empty if none. */
  readonly pointsToAvoid: readonly string[];
  readonly steps: readonly Step[];
  /** Spoken at the end. */
  readonly closing: string;
}

/** Normalises a spoken phrase for matching: lower case, letters, digits and single spaces. */
export function normalisePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * How routine names are matched by their words. The words are the language's, so content supplies
 * them (lambda/content/name-words.ts); the core only counts.
 */
export interface NameWords {
  /** Words that never tell routines apart: articles, pronouns, "massage", "please", "one", … */
  readonly fillers: readonly string[];
  /** Word forms read as another: plurals and spellings ("feet" is "foot", "labor" is "labour"). */
  readonly sameAs: Readonly<Record<string, string>>;
}

/** What a heard name picks: one routine, several that fit equally well, or none. */
export type NameMatch =
  | { readonly kind: 'one'; readonly routine: Routine }
  | { readonly kind: 'several'; readonly routines: readonly Routine[] }
  | { readonly kind: 'none' };

/** A word of a routine's own name weighs more than a word only its synonyms use ("back": lower back). */
const NAME_WORD_WEIGHT = 2;
const SYNONYM_WORD_WEIGHT = 1;

const NO_WORDS: NameWords = { fillers: [], sameAs: {} };

/** The phrase and word indexes of a catalogue's names. */
interface NameIndex {
  readonly byPhrase: ReadonlyMap<string, Routine>;
  /** Each routine's content words and their weights, in catalogue order. */
  readonly vocabulary: readonly { readonly routine: Routine; readonly weights: ReadonlyMap<string, number> }[];
  readonly fillers: ReadonlySet<string>;
}

export class Catalogue {
  private readonly byId: ReadonlyMap<RoutineId, Routine>;
  /** Made at the first name looked up: a launch names no routine, so a cold start reads no synonyms. */
  private names: NameIndex | undefined;

  constructor(
    readonly routines: readonly Routine[],
    private readonly words: NameWords = NO_WORDS,
    /** The concern and warning-sign words, to find in what was heard as a routine's name. */
    private readonly concerns?: ConcernWords,
  ) {
    this.byId = new Map(routines.map((routine) => [routine.id, routine]));
  }

  private nameIndex(): NameIndex {
    if (this.names) return this.names;
    const fillers = new Set(this.words.fillers.map(normalisePhrase));
    const byPhrase = new Map<string, Routine>();
    for (const routine of this.routines) {
      for (const phrase of [routine.name, ...routine.synonyms]) byPhrase.set(normalisePhrase(phrase), routine);
    }
    const vocabulary = this.routines.map((routine) => {
      const weights = new Map<string, number>();
      for (const word of routine.synonyms.flatMap((synonym) => this.contentWords(synonym, fillers))) {
        weights.set(word, SYNONYM_WORD_WEIGHT);
      }
      for (const word of this.contentWords(routine.name, fillers)) weights.set(word, NAME_WORD_WEIGHT);
      return { routine, weights };
    });
    this.names = { byPhrase, vocabulary, fillers };
    return this.names;
  }

  get(id: string): Routine | undefined {
    return this.byId.get(id as RoutineId);
  }

  /** Looks a routine up by its spoken name or a synonym (exact after normalising). */
  findByName(phrase: string): Routine | undefined {
    return this.nameIndex().byPhrase.get(normalisePhrase(phrase));
  }

  /**
   * The routine a heard name means, the way people say it: a name or synonym exactly ("hip
   * squeeze"); else by its words, filler words dropped, where the routines whose words weigh most
   * win ("the feet one please": foot massage; "do her back": lower back relief; "legs and feet":
   * two routines).
   */
  match(phrase: string): NameMatch {
    const exact = this.findByName(phrase);
    if (exact) return { kind: 'one', routine: exact };
    const { vocabulary, fillers } = this.nameIndex();
    const content = this.contentWords(phrase, fillers);
    let best = 0;
    let winners: Routine[] = [];
    for (const { routine, weights } of vocabulary) {
      const score = content.reduce((sum, word) => sum + (weights.get(word) ?? 0), 0);
      if (score > best) {
        best = score;
        winners = [routine];
      } else if (score === best && score > 0) {
        winners.push(routine);
      }
    }
    const [first] = winners;
    if (first === undefined) return { kind: 'none' };
    return winners.length === 1 ? { kind: 'one', routine: first } : { kind: 'several', routines: winners };
  }

  /**
   * A warning sign or concern in words heard as a routine's name ("a bad headache please"), unless
   * they are exactly a routine's name or synonym.
   */
  heardConcern(phrase: string): HeardConcern | undefined {
    if (this.concerns === undefined || this.findByName(phrase)) return undefined;
    return this.concerns.find(phrase);
  }

  /** A phrase's words that can tell routines apart, each in its one form. */
  private contentWords(phrase: string, fillers: ReadonlySet<string>): string[] {
    return normalisePhrase(phrase)
      .split(' ')
      .map((word) => this.words.sameAs[word] ?? word)
      .filter((word) => word !== '' && !fillers.has(word));
  }
}
