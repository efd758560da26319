/**
 * The routine catalogue, in the order the skill offers routines.
 */
import { Catalogue, type Routine } from '../../core/catalogue';
import { NAME_WORDS } from '../name-words';
import { foot } from './foot';
import { hand } from './hand';
import { hipsLegs } from './hips-legs';
import { labourCounterPressure } from './labour-counter-pressure';
import { lowerBack } from './lower-back';
import { shouldersNeck } from './shoulders-neck';
import { tenMinutesTonight } from './ten-minutes-tonight';

export const ROUTINES: readonly Routine[] = [
  lowerBack,
  foot,
  shouldersNeck,
  hand,
  hipsLegs,
  labourCounterPressure,
  tenMinutesTonight,
];

export const catalogue = new Catalogue(ROUTINES, NAME_WORDS);
