/**
 * The body drawings as PNG: each view unmarked and with each of its areas marked, through the SVG
 * converter and resvg, on the card's dark ground; and the four views side by side in one picture.
 */
import { Resvg } from '@resvg/resvg-js';
import { BODY_AREA_IDS, BODY_VIEWS, type BodyArea, type BodyView, viewOf } from '../../lambda/core/body';
import { BODY_GRAPHICS } from '../../lambda/screen/body-graphics';
import { avgToSvg } from './avg-svg';

/** The card's background (lambda/screen/parts.ts COLOURS.ground). */
export const GROUND = '#101418';

export interface Picture {
  readonly name: string;
  readonly png: Buffer;
}

/** One view with `highlight` set (empty for none), as PNG at `scale` pixels per unit. */
export function drawingPng(view: BodyView, highlight: BodyArea | '', scale = 2): Buffer {
  const svg = avgToSvg(BODY_GRAPHICS[view], { parameters: { highlight }, scale, background: GROUND });
  return new Resvg(svg).render().asPng();
}

/** Every view unmarked (`back.png`) and with each of its areas marked (`back-lowerBack.png`). */
export function drawingPictures(): Picture[] {
  return BODY_VIEWS.flatMap((view) => [
    { name: `${view}.png`, png: drawingPng(view, '') },
    ...BODY_AREA_IDS.filter((area) => viewOf(area) === view).map((area) => ({
      name: `${view}-${area}.png`,
      png: drawingPng(view, area),
    })),
  ]);
}

/** The four views in a row, each with one area marked (the README's picture when no card renders). */
export function compositePng(marked: Readonly<Record<BodyView, BodyArea>>, scale = 1.5): Buffer {
  const gap = 16;
  let x = gap;
  const parts: string[] = [];
  let height = 0;
  for (const view of BODY_VIEWS) {
    const graphic = BODY_GRAPHICS[view];
    const svg = avgToSvg(graphic, { parameters: { highlight: marked[view] } });
    const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
    const top = gap + (240 - graphic.height) / 2;
    parts.push(`<g transform="translate(${x} ${top})">${inner}</g>`);
    x += graphic.width + gap;
    height = Math.max(height, graphic.height);
  }
  const width = x;
  const total = 240 + 2 * gap;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width * scale)}" height="${Math.round(
    total * scale,
  )}" viewBox="0 0 ${width} ${total}"><rect width="${width}" height="${total}" fill="${GROUND}"/>${parts.join('')}</svg>`;
  return new Resvg(svg).render().asPng();
}
