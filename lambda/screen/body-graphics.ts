/**
 * The body drawings a card shows, as Alexa Vector Graphics: one per view, each area a shape of its
 * own whose fill is bound to the `highlight` parameter, so one drawing marks whichever area a step
 * works. (Placeholder shapes; the outlines are drawn in this file.)
 */
import { BODY_AREA_IDS, BODY_VIEWS, type BodyArea, type BodyView, viewOf } from '../core/body';

/** An AVG item: a path, group or text (the subset the drawings use). */
export type AvgItem = Readonly<Record<string, unknown>>;

/** An AVG graphic as an APL document's `graphics` holds it. */
export interface AvgGraphic {
  readonly type: 'AVG';
  readonly version: '1.2';
  readonly width: number;
  readonly height: number;
  readonly parameters: readonly { readonly name: string; readonly type: string; readonly default: string }[];
  readonly items: readonly AvgItem[];
}

/** The colour of the marked area and of the rest. */
export const MARKED = '#E8804F';
export const UNMARKED = '#D9D4CE';

/** A fill that is MARKED when `highlight` names this area. */
export function fillFor(area: BodyArea): string {
  return `\${highlight == '${area}' ? '${MARKED}' : '${UNMARKED}'}`;
}

function placeholder(view: BodyView): AvgGraphic {
  const areas = BODY_AREA_IDS.filter((area) => viewOf(area) === view);
  return {
    type: 'AVG',
    version: '1.2',
    width: 200,
    height: 200,
    parameters: [{ name: 'highlight', type: 'string', default: '' }],
    items: areas.map((area, index) => ({
      type: 'path',
      fill: fillFor(area),
      pathData: `M10,${10 + index * 25} h180 v20 h-180 z`,
    })),
  };
}

export const BODY_GRAPHICS: Readonly<Record<BodyView, AvgGraphic>> = Object.fromEntries(
  BODY_VIEWS.map((view) => [view, placeholder(view)]),
) as Record<BodyView, AvgGraphic>;
