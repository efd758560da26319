/**
 * Seated, seen from behind (the partner's view when she sits astride a chair or on a stool): head
 * and hair, neck, shoulders, upper arms hanging by her sides, upper and lower back, the sacrum as a
 * triangle at the base of the spine, and the hips either side of it. No bump shows from behind.
 */
import { type AvgGraphic, area, bothSides, ellipse, graphic, HAIR, LINE, PROP, REST, shape } from './avg';

const W = 200;

/** Forearm and hand, left side; mirrored for the right. */
const FOREARM = 'M35,148C34,164 37,178 43,190H57C55,176 53,162 53,148Z';
const UPPER_ARM = 'M44,92C36,100 34,122 35,150H53C53,130 55,114 59,102Z';
const HIP = 'M63,172H84L100,200V216H58C47,203 51,184 63,172Z';

export function back(): AvgGraphic {
  const hand = ellipse(50, 197, 8, 10);
  return graphic(
    [W, 240],
    [
      shape('M46,214H154A4,4 0 0 1 154,226H46A4,4 0 0 1 46,214ZM60,226L56,240M140,226L144,240', PROP),
      shape(bothSides(FOREARM, W) + bothSides(hand, W), REST),
      area('upperArms', bothSides(UPPER_ARM, W)),
      area('hips', bothSides(HIP, W)),
      area('sacrum', 'M84,172H116L100,200Z'),
      area('lowerBack', 'M64,142H136C133,152 133,162 137,172H63C67,162 67,152 64,142Z'),
      area('upperBack', 'M59,102H141C139,118 137,130 136,142H64C63,130 61,118 59,102Z'),
      area('shoulders', 'M88,70C70,76 52,78 46,90L44,102H156L154,90C148,78 130,76 112,70Z'),
      area('neck', 'M90,46H110L113,72H87Z'),
      shape(ellipse(100, 34, 19, 23) + ellipse(100, 12, 9), HAIR),
      { type: 'path', pathData: 'M100,78V168', stroke: LINE, strokeWidth: 1, strokeOpacity: 0.5 },
    ],
  );
}
