/**
 * "What helps with…": the everyday complaints the skill can suggest a routine for, and the ones
 * that are not for massage at all. Ids double as CONCERN slot value ids.
 */
import type { RoutineId } from './catalogue';

export const CONCERN_IDS = [
  'swollenFeet',
  'backAche',
  'sciatica',
  'hipAche',
  'tightShoulders',
  'cantSleep',
  'soreHands',
  'earlyLabour',
  'stress',
  'suddenSwelling',
] as const;
export type ConcernId = (typeof CONCERN_IDS)[number];

/** Each concern either suggests a routine or is a red flag that needs a midwife or doctor. */
export const CONCERN_ROUTINE: Readonly<Record<ConcernId, RoutineId | 'redFlag'>> = {
  swollenFeet: 'foot',
  backAche: 'lowerBack',
  sciatica: 'hipsLegs',
  hipAche: 'hipsLegs',
  tightShoulders: 'shouldersNeck',
  cantSleep: 'foot',
  soreHands: 'hand',
  earlyLabour: 'labourCounterPressure',
  stress: 'tenMinutesTonight',
  suddenSwelling: 'redFlag',
};
