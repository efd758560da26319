/**
 * Where on her body the hands work: each step names an area, and each area belongs to one view of
 * the body, the drawing a screen shows with that area marked (one drawing per view, not per step).
 */

/** The views a screen draws: seated from behind, lying on her side, the soles of the feet, the hands. */
export const BODY_VIEWS = ['back', 'side', 'feet', 'hands'] as const;
export type BodyView = (typeof BODY_VIEWS)[number];

/** Every area a step can work, and the view that shows it. */
export const BODY_AREAS = {
  neck: 'back',
  shoulders: 'back',
  upperArms: 'back',
  upperBack: 'back',
  lowerBack: 'back',
  sacrum: 'back',
  hips: 'back',
  sideHip: 'side',
  outerThigh: 'side',
  lowerLeg: 'side',
  wholeFoot: 'feet',
  sole: 'feet',
  arch: 'feet',
  heel: 'feet',
  toes: 'feet',
  topOfFoot: 'feet',
  wholeHand: 'hands',
  palm: 'hands',
  fingers: 'hands',
  backOfHand: 'hands',
  wrist: 'hands',
} as const satisfies Readonly<Record<string, BodyView>>;

export type BodyArea = keyof typeof BODY_AREAS;

export const BODY_AREA_IDS = Object.keys(BODY_AREAS) as readonly BodyArea[];

export function viewOf(area: BodyArea): BodyView {
  return BODY_AREAS[area];
}
