/**
 * "What helps with…": the everyday complaints the skill can answer. Each has its own screening
 * line (when it stops being everyday) and, where massage helps, a routine to offer. Labour goes to
 * the labour questions. Warning signs are not concerns: they share the CONCERN slot but go to their
 * tier (warning-signs.ts); a headache and itching are signs of tier 3, so they go there too.
 */
import type { RoutineId } from './catalogue';
import { normalisePhrase } from './catalogue';
import { isWarningSignId, tierOf, WARNING_SIGN_IDS, type WarningSignId } from './warning-signs';

export const CONCERN_IDS = [
  'swollenFeet',
  'backAche',
  'sciatica',
  'hipAche',
  'tightShoulders',
  'cantSleep',
  'soreHands',
  'carpalTunnel',
  'earlyLabour',
  'stress',
  'heartburn',
  'legCramp',
] as const;
export type ConcernId = (typeof CONCERN_IDS)[number];

/** What a concern leads to: a routine to offer (or none), or the labour questions. */
export type ConcernRoute = { readonly routine: RoutineId | null } | 'labour';

export const CONCERN_ROUTES: Readonly<Record<ConcernId, ConcernRoute>> = {
  swollenFeet: { routine: 'foot' },
  backAche: { routine: 'lowerBack' },
  sciatica: { routine: 'hipsLegs' },
  hipAche: { routine: 'hipsLegs' },
  tightShoulders: { routine: 'shouldersNeck' },
  cantSleep: { routine: 'foot' },
  soreHands: { routine: 'hand' },
  carpalTunnel: { routine: 'hand' },
  earlyLabour: 'labour',
  stress: { routine: 'tenMinutesTonight' },
  heartburn: { routine: null },
  // A cramp is stretched, never rubbed: a painful calf can be a clot.
  legCramp: { routine: null },
};

export function isConcernId(value: unknown): value is ConcernId {
  return typeof value === 'string' && (CONCERN_IDS as readonly string[]).includes(value);
}

/** A value id of the CONCERN slot: an everyday concern or a warning sign. */
export type ConcernSlotId = ConcernId | WarningSignId;

/** Every value id of the CONCERN slot: the everyday concerns and the warning signs. */
export const CONCERN_SLOT_IDS: readonly ConcernSlotId[] = [...CONCERN_IDS, ...WARNING_SIGN_IDS];

/** What words heard as something else turn out to name. */
export type HeardConcern =
  | { readonly kind: 'sign'; readonly sign: WarningSignId }
  | { readonly kind: 'concern'; readonly concern: ConcernId };

/** A concern's or sign's words: its value and synonyms (lambda/content/concern-words.ts). */
export type ConcernPhraseTable = Readonly<
  Record<ConcernSlotId, { readonly value: string; readonly synonyms: readonly string[] }>
>;

/**
 * Finds warning signs and concerns in words heard for something else, such as a routine's name
 * ("a bad headache please", "swollen feet please"). A warning sign counts wherever it is said, unless
 * it is part of a longer concern's words ("leg cramps" is a cramp, not belly cramps); an everyday
 * concern counts only when it is all that was said, filler words aside.
 */
export class ConcernWords {
  private index:
    | {
        /** Each phrase's words, longest first, with what it names. */
        readonly phrases: readonly { readonly words: readonly string[]; readonly id: ConcernSlotId }[];
        readonly wholes: ReadonlyMap<string, ConcernSlotId>;
        readonly fillers: ReadonlySet<string>;
      }
    | undefined;

  /**
   * @param table the words, or how to get them: they are read, and the phrases indexed, at the first
   * `find`, which few turns need (a cold start pays nothing for them).
   */
  constructor(
    private readonly table: ConcernPhraseTable | (() => ConcernPhraseTable),
    private readonly fillerWords: readonly string[] = [],
  ) {}

  private indexed(): NonNullable<ConcernWords['index']> {
    if (this.index) return this.index;
    const table = typeof this.table === 'function' ? this.table() : this.table;
    const fillers = new Set(this.fillerWords.map(normalisePhrase));
    const phrases: { words: string[]; id: ConcernSlotId }[] = [];
    const wholes = new Map<string, ConcernSlotId>();
    for (const id of CONCERN_SLOT_IDS) {
      for (const phrase of [table[id].value, ...table[id].synonyms]) {
        const words = normalisePhrase(phrase).split(' ').filter(Boolean);
        if (words.length === 0) continue;
        phrases.push({ words, id });
        wholes.set(withoutFillers(words, fillers), id);
      }
    }
    this.index = { phrases: phrases.sort((a, b) => b.words.length - a.words.length), wholes, fillers };
    return this.index;
  }

  find(heard: string): HeardConcern | undefined {
    const words = normalisePhrase(heard).split(' ').filter(Boolean);
    if (words.length === 0) return undefined;
    const { phrases, wholes, fillers } = this.indexed();
    let sign: WarningSignId | undefined;
    for (let at = 0; at < words.length; ) {
      const found = phrases.find((phrase) => phrase.words.every((word, i) => words[at + i] === word));
      if (!found) {
        at += 1;
        continue;
      }
      if (isWarningSignId(found.id) && (sign === undefined || tierOf(found.id) < tierOf(sign))) sign = found.id;
      at += found.words.length;
    }
    if (sign) return { kind: 'sign', sign };
    const whole = wholes.get(withoutFillers(words, fillers));
    return whole !== undefined && isConcernId(whole) ? { kind: 'concern', concern: whole } : undefined;
  }
}

function withoutFillers(words: readonly string[], fillers: ReadonlySet<string>): string {
  return words.filter((word) => !fillers.has(word)).join(' ');
}
