/**
 * Lying on her left side, seen from above (head on a pillow at the left, her back at the top, her
 * front and the bump towards the bottom, hips and knees bent): the upper hip, the outer thigh and
 * the lower leg are the areas; the leg beneath shows a little, a shade darker.
 */
import { type AvgGraphic, area, ellipse, graphic, HAIR, PROP, REST, shape } from './avg';

const THIGH = 'M170,60C184,70 210,92 230,110C238,118 232,134 218,134C200,126 170,110 148,100Z';
const SHIN = 'M212,126L258,94C264,90 272,96 270,104L228,138C220,142 210,134 212,126Z';
const FOOT = 'M260,96C266,92 274,94 275,102L279,124C280,130 271,132 270,126Z';

export function side(): AvgGraphic {
  return graphic(
    [284, 160],
    [
      shape(ellipse(30, 74, 24, 38), PROP),
      {
        type: 'group',
        translateX: 6,
        translateY: 10,
        items: [shape(THIGH + SHIN + FOOT, '#8F8780')],
      },
      shape('M46,64H60V84H46Z', REST),
      shape('M52,62C70,50 110,50 140,56V96C140,116 126,129 110,128C94,126 86,112 82,100C72,98 60,94 52,88Z', REST),
      shape('M62,66C78,68 92,80 102,94C106,100 103,108 96,105C88,96 76,88 62,84C54,82 54,67 62,66Z', REST),
      area('lowerLeg', SHIN),
      shape(FOOT, REST),
      area('outerThigh', THIGH),
      area('sideHip', 'M136,55C152,51 168,54 178,63C184,74 181,88 172,96C160,102 148,101 140,96Z'),
      shape(ellipse(33, 72, 19), REST),
      shape('M14,72A19,19 0 0 1 52,72C44,63 26,61 14,72Z', HAIR),
    ],
  );
}
