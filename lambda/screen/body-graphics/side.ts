/**
 * Lying on her left side, seen from above (head on a pillow at the left, her back at the top, her
 * front and the bump towards the bottom, hips and knees bent): the upper hip, the outer thigh and
 * the lower leg are the areas; the leg beneath shows a little, a shade darker.
 */
import { type AvgGraphic, area, ellipse, graphic, HAIR, PROP, REST, shape } from './avg';

const THIGH = 'M170,60C184,70 210,92 230,110C238,118 232,134 218,134C200,126 170,110 148,100Z';
const SHIN = 'M214,130L238,66C240,58 254,58 254,66L236,132C232,140 218,138 214,130Z';
const FOOT = 'M240,62C244,54 254,54 256,62L260,86C261,92 252,93 251,87Z';

export const SIDE: AvgGraphic = graphic(
  [264, 160],
  [
    shape(ellipse(30, 74, 24, 38), PROP),
    {
      type: 'group',
      translateX: 6,
      translateY: 10,
      items: [shape(THIGH + SHIN + FOOT, '#8F8780')],
    },
    shape('M46,62H60V82H46Z', REST),
    shape('M52,62C70,50 110,50 140,56V96C140,116 126,129 110,128C94,126 86,112 82,100C72,98 60,94 52,88Z', REST),
    shape('M56,64C70,66 84,74 94,84L106,100C108,107 99,109 96,103L86,91C76,83 64,79 54,77Z', REST),
    area('lowerLeg', SHIN),
    shape(FOOT, REST),
    area('outerThigh', THIGH),
    area('sideHip', 'M136,55C152,51 168,54 178,63C184,74 181,88 172,96C160,102 148,101 140,96Z'),
    shape(ellipse(34, 70, 17), REST),
    shape('M17,70A17,17 0 0 1 51,70C44,62 28,60 17,70Z', HAIR),
  ],
);
