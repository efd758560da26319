/**
 * Ten minutes tonight: a short taster for beginners that borrows steps from the hand, shoulders and
 * neck, and foot routines, so each step is written and checked once. Steps are picked by id, not
 * by position, so reordering a source routine cannot silently swap in a different step. Where the
 * body area changes, the borrowed step carries a `moveTo` announcing the move; the source routines'
 * steps are left as they are.
 */
import type { Step } from '../../core/catalogue';
import type { CareTerms } from '../locales';
import { foot } from './foot';
import { hand } from './hand';
import { shouldersNeck } from './shoulders-neck';
import type { RoutineSource } from './source';

function borrowStep(routine: RoutineSource, care: CareTerms, stepId: string): Step {
  const step = routine.details(care).steps.find((candidate) => candidate.id === stepId);
  if (step === undefined) throw new Error(`Routine ${routine.id} has no step ${stepId}`);
  return step;
}

const restingTogether: Step = {
  id: 'tenMinutesTonight.restingTogether',
  area: 'wholeHand',
  title: 'resting together',
  moveTo: 'Now wipe your hands, and come and sit close beside her.',
  instruction: {
    gentle:
      'Rest your hand on hers, and breathe slowly together for a few breaths. Ask her which part she liked best, so you know for next time.',
    medium:
      'Rest your hand on hers, and breathe slowly together for a few breaths. Ask her which part she liked best, so you know for next time.',
    firm: 'Hold her hand warmly, and breathe slowly together for a few breaths. Ask her which part she liked best, so you know for next time.',
  },
  holdSeconds: 45,
  cues: [
    { kind: 'cue', text: 'Slow breath in, and a long breath out.' },
    { kind: 'checkIn', text: 'Ask her how she feels now.' },
  ],
  morePressureTip: 'No pressure needed here; a warm, steady hand is enough.',
  lessPressureTip: 'Just sit close, touching lightly or not at all, whichever she prefers.',
};

export const tenMinutesTonight: RoutineSource = {
  id: 'tenMinutesTonight',
  name: 'ten minutes tonight',
  synonyms: [
    'something quick',
    'quick routine',
    'beginners routine',
    'ten minute routine',
    'ten minute massage',
    'quick massage',
    'short routine',
  ],
  summary: 'A short, easy taster of hands, shoulders and feet for when you have ten minutes.',
  details: (care) => ({
    position:
      'Have her sit on the sofa, propped up on cushions, more sitting than lying and never flat on her back. Ask her to take off any rings. You start beside her for her hands, then move behind her, then to her feet, so keep a cushion and unscented lotion handy. She can change position at any time.',
    cautions: [
      'Keep it slow and comfortable, stop any stroke that hurts, and skip any broken skin or rash.',
      `If her hands, feet or face swell up suddenly, or she has a severe headache, stop and call ${care.urgentCare} now.`,
    ],
    pointsToAvoid: [
      'The web between her thumb and index finger: stroke past it, never press and hold.',
      'The top of the shoulder muscle, midway between her neck and the tip of her shoulder: knead broadly, never hold a thumb on one spot.',
      'The inner ankle, about four fingers above the ankle bone, and the hollows around the ankle bones: light strokes only.',
    ],
    steps: [
      borrowStep(hand, care, 'hand.openingThePalm'),
      borrowStep(hand, care, 'hand.fingerSlides'),
      {
        ...borrowStep(shouldersNeck, care, 'shouldersNeck.broadKneading'),
        moveTo: 'Now move behind her for her shoulders. She can sit forward a little, away from the cushions.',
      },
      borrowStep(shouldersNeck, care, 'shouldersNeck.sweepingFinish'),
      {
        ...borrowStep(foot, care, 'foot.lotionStrokes'),
        moveTo:
          'Now move to her feet. Put a cushion in your lap, rest her feet on it, and have the lotion ready. She can sit back again.',
      },
      borrowStep(foot, care, 'foot.soleThumbStrokes'),
      restingTogether,
    ],
    closing:
      'That was ten minutes well spent. Wipe the lotion off her feet before she stands, so she cannot slip, and have a glass of water together.',
  }),
};
