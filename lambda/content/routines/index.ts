/**
 * The routines in the British source, in the order the skill offers them; each takes a locale's
 * care terms, and content/locale-content.ts turns the words.
 */
import { foot } from './foot';
import { hand } from './hand';
import { hipsLegs } from './hips-legs';
import { labourCounterPressure } from './labour-counter-pressure';
import { lowerBack } from './lower-back';
import { shouldersNeck } from './shoulders-neck';
import type { RoutineSource } from './source';
import { tenMinutesTonight } from './ten-minutes-tonight';

export const ROUTINE_SOURCES: readonly RoutineSource[] = [
  lowerBack,
  foot,
  shouldersNeck,
  hand,
  hipsLegs,
  labourCounterPressure,
  tenMinutesTonight,
];
