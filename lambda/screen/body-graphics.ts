/**
 * The body drawings a card shows, as Alexa Vector Graphics: one per view, each area a shape of its
 * own whose fill is bound to the `highlight` parameter, so one drawing marks whichever area a step
 * works. The drawings are in body-graphics/ (seated from behind, lying on her side, feet, hands).
 */
import type { BodyView } from '../core/body';
import type { AvgGraphic } from './body-graphics/avg';
import { BACK } from './body-graphics/back';
import { FEET, HANDS } from './body-graphics/extremities';
import { SIDE } from './body-graphics/side';

export { type AvgGraphic, type AvgItem, fillFor, MARKED, UNMARKED } from './body-graphics/avg';

export const BODY_GRAPHICS: Readonly<Record<BodyView, AvgGraphic>> = {
  back: BACK,
  side: SIDE,
  feet: FEET,
  hands: HANDS,
};
