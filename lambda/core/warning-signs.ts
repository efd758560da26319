/**
 * Warning signs, by urgency (shared docs/safety.md, "Warning signs: the symptom decides the
 * urgency"). The sign decides the tier; the tier decides the action. Ids double as CONCERN slot
 * value ids, so a sign said inside any carrier phrase reaches its tier.
 */

/** 1: call the emergency number now. 2: call the maternity unit, midwife or doctor now. 3: call today. */
export type Tier = 1 | 2 | 3;

export const WARNING_SIGN_TIERS = {
  heavyBleeding: 1,
  severeBellyPain: 1,
  chestPain: 1,
  cantBreathe: 1,
  fainted: 1,
  seizure: 1,
  bleeding: 2,
  waters: 2,
  babyMovements: 2,
  severeHeadache: 2,
  visionChanges: 2,
  suddenSwelling: 2,
  bellyPain: 2,
  upperBellyPain: 2,
  legClot: 2,
  fever: 2,
  pretermContractions: 2,
  fallOrKnock: 2,
  itching: 3,
  mildHeadache: 3,
} as const satisfies Readonly<Record<string, Tier>>;

export type WarningSignId = keyof typeof WARNING_SIGN_TIERS;

export const WARNING_SIGN_IDS = Object.keys(WARNING_SIGN_TIERS) as readonly WarningSignId[];

export function isWarningSignId(value: unknown): value is WarningSignId {
  return typeof value === 'string' && Object.hasOwn(WARNING_SIGN_TIERS, value);
}

export function tierOf(sign: WarningSignId): Tier {
  return WARNING_SIGN_TIERS[sign];
}
