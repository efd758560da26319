/**
 * Shoulders and neck: broad kneading across the tops of the shoulders, circles by the shoulder
 * blades, the back of the neck and the upper arms. The top of the shoulder muscle is kneaded
 * broadly, never held with a thumb (docs/safety.md).
 */
import type { RoutineSource } from './source';

export const shouldersNeck: RoutineSource = {
  id: 'shouldersNeck',
  name: 'shoulders and neck',
  synonyms: [
    'neck and shoulders',
    'shoulder rub',
    'shoulder massage',
    'neck massage',
    'neck rub',
    'shoulders',
    'neck',
    'shoulder',
  ],
  summary: 'Broad kneading and slow strokes to let tight shoulders and neck let go.',
  details: (care) => ({
    position:
      'Have her sit on a chair, the edge of the bed, or a birth ball, with her feet flat and her arms resting in her lap. Stand or sit behind her. She can change position at any time.',
    cautions: [
      'Knead the tops of her shoulders with your whole hand, and keep away from the front of her neck.',
      `If she has a severe headache or changes in her vision, stop and call ${care.urgentCare} now.`,
    ],
    pointsToAvoid: [
      'The top of the shoulder muscle, midway between her neck and the tip of her shoulder: knead broadly, never hold a thumb on one spot.',
    ],
    steps: [
      {
        id: 'shouldersNeck.settlingStrokes',
        area: 'shoulders',
        title: 'settling your hands',
        instruction: {
          gentle:
            'Rest your palms on the tops of her shoulders and take two slow breaths together. Then stroke lightly from the base of her neck out to her shoulder tips.',
          medium:
            'Rest your palms on the tops of her shoulders and take two slow breaths together. Then stroke from the base of her neck out to her shoulder tips with steady pressure.',
          firm: 'Rest your palms on the tops of her shoulders and take two slow breaths together. Then stroke from the base of her neck out to her shoulder tips, leaning in gently.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Breathe in together, and slowly out.' },
          { kind: 'checkIn', text: 'Ask her if she is comfortable sitting like this.' },
        ],
        morePressureTip: 'Let a little of your body weight sink down through your palms.',
        lessPressureTip: 'Let your palms rest and glide with no weight behind them.',
      },
      {
        id: 'shouldersNeck.broadKneading',
        area: 'shoulders',
        title: 'kneading the tops of the shoulders',
        instruction: {
          gentle:
            'Scoop the muscle on top of each shoulder between your palm and fingers, and gently squeeze and release, like kneading soft dough. Work slowly from her neck out to her shoulder tips.',
          medium:
            'Scoop the muscle on top of each shoulder between your palm and fingers, and squeeze and release with steady pressure. Work slowly from her neck out to her shoulder tips.',
          firm: 'Scoop the muscle on top of each shoulder into your whole hand and squeeze firmly but comfortably, then release. Keep the hand moving; never hold a thumb on one spot.',
        },
        holdSeconds: 105,
        cues: [
          { kind: 'cue', text: 'Squeeze, release, and move along a little.' },
          { kind: 'checkIn', text: 'Ask her how the pressure feels.' },
          { kind: 'cue', text: 'Use your whole hand, not your thumbs.' },
          { kind: 'cue', text: 'Keep your own shoulders soft and low.' },
        ],
        morePressureTip: 'Squeeze with your whole hand and a little more grip, keeping it broad and moving.',
        lessPressureTip: 'Use a soft, slow squeeze with flat fingers, or just stroke instead.',
      },
      {
        id: 'shouldersNeck.shoulderBladeCircles',
        area: 'upperBack',
        title: 'circles by the shoulder blades',
        instruction: {
          gentle:
            'Use the heels of your hands to make slow, gentle circles on the muscles between her shoulder blades and her spine. Stay off the spine itself.',
          medium:
            'Use the heels of your hands to make slow circles with steady pressure on the muscles between her shoulder blades and her spine. Stay off the spine itself.',
          firm: 'Lean in gently through the heels of your hands and make slow circles on the muscles between her shoulder blades and her spine, firm but comfortable. Stay off the spine itself.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Slow circles, working up and down the shoulder blades.' },
          { kind: 'checkIn', text: 'Ask her if there is a spot that needs more time.' },
          { kind: 'cue', text: 'Keep both hands moving together.' },
        ],
        morePressureTip: 'Step closer and lean your body weight in through the heels of your hands.',
        lessPressureTip: 'Switch to flat palms and make the circles slower and softer.',
      },
      {
        id: 'shouldersNeck.neckSqueezes',
        area: 'neck',
        title: 'the back of the neck',
        instruction: {
          gentle:
            'Rest one hand lightly on her forehead if she likes. With the other, softly squeeze the back of her neck between your thumb and fingers, and glide down to where it meets the shoulders.',
          medium:
            'Rest one hand lightly on her forehead if she likes. With the other, squeeze the muscles at the back of her neck between your thumb and fingers, gliding down to the shoulders.',
          firm: 'Rest one hand on her forehead if she likes. With the other, squeeze the back of her neck a little more, still comfortable, with the flat of your fingers and thumb. Stay off the bones.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Slow squeezes, from the hairline down.' },
          { kind: 'checkIn', text: 'Ask her if this is comfortable for her neck.' },
          { kind: 'cue', text: 'Let her head rest heavy in your hand.' },
        ],
        morePressureTip: 'Squeeze a little more with the flat of your fingers; the neck never needs more than that.',
        lessPressureTip: 'Just stroke down the back of her neck with your fingertips.',
      },
      {
        id: 'shouldersNeck.upperArmSqueezes',
        area: 'upperArms',
        title: 'squeezes down the upper arms',
        instruction: {
          gentle:
            'Wrap your hands round the tops of her arms and squeeze gently, then release. Move slowly down towards her elbows and back up again.',
          medium:
            'Wrap your hands round the tops of her arms and squeeze with steady pressure, then release. Move slowly down towards her elbows and back up again.',
          firm: 'Wrap your hands round the tops of her arms and squeeze firmly but comfortably, then release. Move slowly down towards her elbows and back up again.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Squeeze and release, all the way down.' },
          { kind: 'checkIn', text: 'Ask her how that feels.' },
          { kind: 'cue', text: 'Now slowly back up to her shoulders.' },
        ],
        morePressureTip: 'Use your whole hand, palm and fingers, and hold each squeeze a moment longer.',
        lessPressureTip: 'Just hold and release softly, or glide your hands down her arms instead.',
      },
      {
        id: 'shouldersNeck.sweepingFinish',
        area: 'shoulders',
        title: 'long sweeps to finish',
        instruction: {
          gentle:
            'Sweep your palms lightly from the base of her neck out across her shoulders and down her arms to the elbows. Repeat slowly a few times.',
          medium:
            'Sweep your palms from the base of her neck out across her shoulders and down her arms to the elbows, with steady pressure. Repeat slowly, a little lighter each time.',
          firm: 'Sweep your palms from the base of her neck out across her shoulders and down her arms to the elbows, leaning in gently. Repeat slowly, a little lighter each time.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Slower and lighter with each sweep.' },
          { kind: 'checkIn', text: 'Ask her how her shoulders feel now.' },
        ],
        morePressureTip: 'Lean in a little at the start of each sweep, across the tops of her shoulders.',
        lessPressureTip: 'Let your palms barely skim her shoulders and arms.',
      },
    ],
    closing:
      'Rest your hands on her shoulders for a moment, then lift them away slowly. Have a drink of water, and thank each other.',
  }),
};
