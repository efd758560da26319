/**
 * Now Playing art: for a body area, the drawing of its view with the area marked, centred on a
 * square of the card's dark ground (Alexa shows the art square and asks for no particular size;
 * 512 × 512 is sharp on an Echo Show). Made at render time; the skill sees only the paths.
 */
import { Resvg } from '@resvg/resvg-js';
import { type BodyArea, viewOf } from '../../lambda/core/body';
import { BODY_GRAPHICS } from '../../lambda/screen/body-graphics';
import { avgToSvg } from '../screens/avg-svg';
import { GROUND } from '../screens/pictures';

/** The side of the square, in pixels. */
export const ART_SIZE_PX = 512;
/** Room left around the drawing, as a share of the side. */
const MARGIN = 0.06;

/** The area's picture as PNG: its view, the area marked, fitted into a square on the dark ground. */
export function areaArtPng(area: BodyArea): Buffer {
  const graphic = BODY_GRAPHICS[viewOf(area)];
  const inner = avgToSvg(graphic, { parameters: { highlight: area } })
    .replace(/^<svg[^>]*>/, '')
    .replace(/<\/svg>$/, '');
  const width = graphic.viewportWidth ?? graphic.width;
  const height = graphic.viewportHeight ?? graphic.height;
  const room = ART_SIZE_PX * (1 - 2 * MARGIN);
  const scale = room / Math.max(width, height);
  const x = (ART_SIZE_PX - width * scale) / 2;
  const y = (ART_SIZE_PX - height * scale) / 2;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ART_SIZE_PX}" height="${ART_SIZE_PX}" viewBox="0 0 ${ART_SIZE_PX} ${ART_SIZE_PX}">` +
    `<rect width="${ART_SIZE_PX}" height="${ART_SIZE_PX}" fill="${GROUND}"/>` +
    `<g transform="translate(${x} ${y}) scale(${scale})">${inner}</g></svg>`;
  return new Resvg(svg).render().asPng();
}
