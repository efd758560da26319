/**
 * The feet and the hands, each pair side by side: on the left the sole (or palm) as the partner
 * holds it, on the right the other foot from above (or the back of the other hand). The whole foot
 * (or hand) is an outline of its own under the parts, which fade out when it is the one marked.
 * Shapes within a path only touch, never overlap, so any fill rule draws them alike.
 */
import type { BodyArea } from '../../core/body';
import { type AvgGraphic, type AvgItem, area, bothSides, ellipse, graphic, LINE, mirrored, REST, shape } from './avg';

const W = 200;

/** Fine lines that say which side is shown: nails on top of the foot and the back of the hand, creases in the palm. */
function lines(pathData: string): AvgItem {
  return { type: 'path', pathData, stroke: LINE, strokeWidth: 1, strokeOpacity: 0.7 };
}

/** The parts over a whole outline: hidden while the whole foot or hand is the one marked. */
function parts(whole: BodyArea, items: readonly AvgItem[]): AvgItem {
  return { type: 'group', opacity: `\${highlight == '${whole}' ? 0 : 1}`, items };
}

// Feet. The sole as seen from below: ball, the outer edge of the midfoot, the arch, the heel.
const SOLE =
  'M42,62C40,44 58,38 74,40C88,42 92,56 90,74C89,86 88,94 86,100C78,108 70,118 70,130C70,138 74,144 80,146H43C44,118 42,90 42,62Z';
const ARCH = 'M86,100C78,108 70,118 70,130C70,138 74,144 80,146H82C83,132 85,116 86,100Z';
const HEEL = 'M43,146H82C80,174 72,188 62,188C50,188 42,176 43,146Z';
const ANKLE = 'M122,156C124,170 124,186 122,200H154C152,186 152,170 154,156Z';

export function feet(): AvgGraphic {
  // The other foot from above, its ankle at the bottom (mirrored into place).
  const top = mirrored(
    'M42,62C40,44 58,38 74,40C88,42 92,56 90,74C88,96 84,118 82,146C81,160 72,168 62,168C51,168 43,160 43,146C44,118 42,90 42,62Z',
    W,
  );
  const toes = bothSides(
    ellipse(80, 27, 8, 10) +
      ellipse(64, 24, 5.5, 7) +
      ellipse(52, 27, 5, 6.5) +
      ellipse(42, 32, 4.5, 6) +
      ellipse(35, 41, 4, 5),
    W,
  );
  return graphic(
    [W, 200],
    [
      shape(ANKLE, REST),
      area('wholeFoot', SOLE + ARCH + HEEL + top + toes),
      parts('wholeFoot', [
        area('sole', SOLE),
        area('arch', ARCH),
        area('heel', HEEL),
        area('topOfFoot', top),
        area('toes', toes),
        lines(mirrored(ellipse(80, 22, 4, 4.5) + ellipse(64, 20, 2.5, 3) + ellipse(52, 23, 2.2, 2.8), W)),
      ]),
    ],
  );
}

// Hands, fingers up. On the left the palm, on the right the back of the other hand.
const HAND = 'M23,86H80V140C80,154 72,160 64,160H38C28,160 22,152 22,140Z';
const WRIST = 'M38,160H64L68,178H34Z';

export function hands(): AvgGraphic {
  const fingers = bothSides(
    'M64,86V40A6,6 0 0 1 76,40V86ZM50,86V32A6,6 0 0 1 62,32V86ZM36,86V38A6,6 0 0 1 48,38V86ZM23,86V50A5.5,5.5 0 0 1 34,50V86ZM80,106C84,100 86,94 87,88A5,5 0 0 1 97,89C96,106 92,122 80,138Z',
    W,
  );
  return graphic(
    [W, 200],
    [
      shape(bothSides('M34,178H68L70,200H32Z', W), REST),
      area('wholeHand', HAND + mirrored(HAND, W) + fingers + bothSides(WRIST, W)),
      parts('wholeHand', [
        area('palm', HAND),
        area('backOfHand', mirrored(HAND, W)),
        area('fingers', fingers),
        area('wrist', bothSides(WRIST, W)),
        lines('M30,118C44,112 60,110 74,114M32,132C46,126 60,126 70,130M60,150C56,136 58,120 66,104'),
        lines(
          mirrored(
            'M66,44A4,4 0 0 1 74,44V48H66ZM52,36A4,4 0 0 1 60,36V40H52ZM38,42A4,4 0 0 1 46,42V46H38ZM25,54A3.5,3.5 0 0 1 32,54V58H25Z',
            W,
          ),
        ),
      ]),
    ],
  );
}
