/**
 * "What helps with…": the everyday complaints the skill can answer. Each has its own screening
 * line (when it stops being everyday) and, where massage helps, a routine to offer. Labour goes to
 * the labour questions. Warning signs are not concerns: they share the CONCERN slot but go to their
 * tier (warning-signs.ts); a headache and itching are signs of tier 3, so they go there too.
 */
import type { RoutineId } from './catalogue';
import { WARNING_SIGN_IDS } from './warning-signs';

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

/** Every value id of the CONCERN slot: the everyday concerns and the warning signs. */
export const CONCERN_SLOT_IDS: readonly string[] = [...CONCERN_IDS, ...WARNING_SIGN_IDS];
