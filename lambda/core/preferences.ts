/**
 * The listener's preferences: how firm, how long the holds, how fast the voice, and whether the
 * coach carries on by itself or waits after each step. Pure values with defaults and bounds.
 */

/** Pressure levels the skill guides. "firm" is still never deep-tissue work (docs/safety.md). */
export const PRESSURE_LEVELS = ['gentle', 'medium', 'firm'] as const;
export type PressureLevel = (typeof PRESSURE_LEVELS)[number];

/** Pace scales hold lengths. */
export const PACES = ['slower', 'normal', 'quicker'] as const;
export type Pace = (typeof PACES)[number];

/** Speech rate sets the prosody of everything the coach says. */
export const SPEECH_RATES = ['slower', 'normal'] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];

/** continuous: as many whole steps per response as fit; stepByStep: wait after each step. */
export const FLOWS = ['continuous', 'stepByStep'] as const;
export type Flow = (typeof FLOWS)[number];

/**
 * on: on a device with an audio player, routines play as rendered audio (AudioPlayer), and "Alexa,
 * pause", "Alexa, next" and "Alexa, resume" work without the skill's name; off: spoken answers.
 */
export const HANDS_FREE = ['off', 'on'] as const;
export type HandsFree = (typeof HANDS_FREE)[number];

export interface Preferences {
  readonly pressure: PressureLevel;
  readonly pace: Pace;
  readonly speechRate: SpeechRate;
  readonly flow: Flow;
  readonly handsFree: HandsFree;
}

/** The preferences that change a step's rendered audio: one audio file per variant and step. */
export type StepVariant = Pick<Preferences, 'pressure' | 'speechRate' | 'pace'>;

export const DEFAULT_PREFERENCES: Preferences = {
  pressure: 'gentle',
  pace: 'normal',
  speechRate: 'normal',
  flow: 'continuous',
  handsFree: 'off',
};

/** How much a pace stretches or shrinks every hold. */
export const PACE_FACTOR: Record<Pace, number> = { slower: 1.3, normal: 1, quicker: 0.75 };

/** Prosody rate, as a fraction of the voice's normal speed (SSML allows 20% and up). */
export const SPEECH_RATE_FACTOR: Record<SpeechRate, number> = { slower: 0.85, normal: 1 };

/** One level firmer, capped at firm; `capped` says the request went past the cap. */
export function firmer(level: PressureLevel): { level: PressureLevel; capped: boolean } {
  const index = PRESSURE_LEVELS.indexOf(level);
  const next = PRESSURE_LEVELS[index + 1];
  return next === undefined ? { level, capped: true } : { level: next, capped: false };
}

/** One level lighter, floored at gentle; `floored` says it was already as light as it goes. */
export function lighter(level: PressureLevel): { level: PressureLevel; floored: boolean } {
  const index = PRESSURE_LEVELS.indexOf(level);
  const previous = index > 0 ? PRESSURE_LEVELS[index - 1] : undefined;
  return previous === undefined ? { level, floored: true } : { level: previous, floored: false };
}

export function slowerPace(pace: Pace): Pace {
  return pace === 'quicker' ? 'normal' : 'slower';
}

export function quickerPace(pace: Pace): Pace {
  return pace === 'slower' ? 'normal' : 'quicker';
}

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads preferences from untrusted data (session attributes, a stored item), field by field. */
export function sanitizePreferences(value: unknown): Preferences {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    pressure: oneOf(PRESSURE_LEVELS, raw.pressure, DEFAULT_PREFERENCES.pressure),
    pace: oneOf(PACES, raw.pace, DEFAULT_PREFERENCES.pace),
    speechRate: oneOf(SPEECH_RATES, raw.speechRate, DEFAULT_PREFERENCES.speechRate),
    flow: oneOf(FLOWS, raw.flow, DEFAULT_PREFERENCES.flow),
    handsFree: oneOf(HANDS_FREE, raw.handsFree, DEFAULT_PREFERENCES.handsFree),
  };
}
