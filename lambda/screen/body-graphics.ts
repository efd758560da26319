/**
 * The body drawings a card shows, as Alexa Vector Graphics: one per view, each area a shape of its
 * own whose fill is bound to the `highlight` parameter, so one drawing marks whichever area a step
 * works. The drawings are in body-graphics/ (seated from behind, lying on her side, feet, hands).
 */
import type { BodyView } from '../core/body';
import type { AvgGraphic } from './body-graphics/avg';
import { back } from './body-graphics/back';
import { feet, hands } from './body-graphics/extremities';
import { side } from './body-graphics/side';

export { type AvgGraphic, type AvgItem, fillFor, MARKED, UNMARKED } from './body-graphics/avg';

/** Each view's drawing, drawn at its first read and kept: a cold start that shows no card draws none. */
function drawnOnRead(draw: Readonly<Record<BodyView, () => AvgGraphic>>): Readonly<Record<BodyView, AvgGraphic>> {
  const drawn = {} as Record<BodyView, AvgGraphic>;
  for (const view of Object.keys(draw) as BodyView[]) {
    let graphic: AvgGraphic | undefined;
    Object.defineProperty(drawn, view, { enumerable: true, get: () => (graphic ??= draw[view]()) });
  }
  return drawn;
}

export const BODY_GRAPHICS: Readonly<Record<BodyView, AvgGraphic>> = drawnOnRead({ back, side, feet, hands });
