/**
 * Hips and legs: side-lying, the upper side only (she turns over and starts again for the other).
 * Work on the hip may be firm but comfortable; on the legs it stays light to medium, strokes press
 * up towards her heart and come back lightly, and the calf is only ever stroked lightly. A sharp or
 * shooting pain near the hip stops the step (docs/safety.md: no deep pressure or tapping on the
 * legs, light over varicose veins, blood clot warning).
 */
import type { RoutineSource } from './source';

export const hipsLegs: RoutineSource = {
  id: 'hipsLegs',
  name: 'hips and legs',
  synonyms: [
    'sciatica routine',
    'sciatica massage',
    'hip massage',
    'hips',
    'legs',
    'leg massage',
    'hip and leg massage',
    'hip',
    'leg',
  ],
  summary: 'Gentle work on the outer hip and leg for achy hips and sciatic pain.',
  details: (care) => ({
    position:
      'Have her lie on her side, with a pillow between her knees, another under her bump, and her head well supported. Sit or kneel behind her; you work on the hip and leg on top. She can change position at any time, but not flat on her back.',
    cautions: [
      `Never massage a calf or leg that is swollen, hot, red or painful; stop and call ${care.urgentCare} now.`,
      'On her legs: no deep pressure, no tapping, nothing on her inner thighs, and only a light touch over any varicose veins.',
    ],
    pointsToAvoid: [
      'The inner thigh: leave it out.',
      'The inner ankle, about four fingers above the ankle bone: light strokes only.',
      'Any varicose veins: stroke very lightly over them, or go round them.',
    ],
    steps: [
      {
        id: 'hipsLegs.hipStrokes',
        area: 'sideHip',
        title: 'long strokes over the hip',
        instruction: {
          gentle:
            'Rest your palm on the side of her thigh. Stroke slowly up over her hip to her waist, towards her heart, then glide back lightly. One hand after the other.',
          medium:
            'Rest your palm on the side of her thigh. Stroke up over her hip to her waist with steady pressure, towards her heart, then glide back lightly. One hand after the other.',
          firm: 'Rest your palm on the side of her thigh. Lean in gently as you stroke up over her hip to her waist, towards her heart, firm but comfortable. Glide back lightly.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'If she feels a sharp or shooting pain, stop this step.' },
          { kind: 'checkIn', text: 'Ask her if she is comfortable on her side.' },
          { kind: 'cue', text: 'Press going up, and come back lightly.' },
          { kind: 'cue', text: 'Keep a pillow snug under her bump.' },
        ],
        morePressureTip: 'Lean a little body weight in through your flat palm over the hip, not the thigh.',
        lessPressureTip: 'Let your palms glide with just their own weight.',
      },
      {
        id: 'hipsLegs.hipCircles',
        area: 'sideHip',
        title: 'circles behind the hip bone',
        instruction: {
          gentle:
            'Find the fleshy muscle at the back and side of her hip, just behind the bony point. With a flat palm, make slow, wide circles there.',
          medium:
            'Find the fleshy muscle at the back and side of her hip, just behind the bony point. With the heel of your hand, make slow circles with steady pressure.',
          firm: 'Find the fleshy muscle at the back and side of her hip, just behind the bony point. Lean in gently through the heel of your hand and make slow circles. Never dig in with thumbs or elbows.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'If she feels a sharp or shooting pain, stop this step.' },
          { kind: 'cue', text: 'Slow, wide circles behind the hip bone.' },
          { kind: 'checkIn', text: 'Ask her how the pressure feels.' },
        ],
        morePressureTip: 'Lean your body weight in through the heel of your hand rather than pushing with your arm.',
        lessPressureTip: 'Use a flat, soft palm and make the circles slower.',
      },
      {
        id: 'hipsLegs.outerThighStrokes',
        area: 'outerThigh',
        title: 'strokes up the outer thigh',
        instruction: {
          gentle:
            'With a flat, relaxed palm, stroke lightly up the outside of her thigh from knee to hip, towards her heart, then glide back without pressing.',
          medium:
            'With a flat palm, stroke up the outside of her thigh from knee to hip, towards her heart, with steady, even pressure. Glide back lightly.',
          firm: 'With a flat palm, stroke up the outside of her thigh from knee to hip, towards her heart, with steady, even pressure, and glide back lightly. On the legs, this is as firm as it goes.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Knee up to hip, slow and smooth.' },
          { kind: 'checkIn', text: 'Ask her if she would like it lighter.' },
          { kind: 'cue', text: 'Stay on the outside of her thigh.' },
        ],
        morePressureTip: 'On the legs, keep the pressure as it is; spend longer on her hip if she wants more.',
        lessPressureTip: 'Let your palm just skim her thigh, slow and light.',
      },
      {
        id: 'hipsLegs.outerThighSqueezes',
        area: 'outerThigh',
        title: 'soft squeezes on the outer thigh',
        instruction: {
          gentle:
            'Gently scoop the muscle on the outside of her thigh into your whole hand and let it go. Work slowly up from her knee to her hip, towards her heart.',
          medium:
            'Scoop the muscle on the outside of her thigh into your whole hand, squeeze softly and let it go. Work slowly up from her knee to her hip, towards her heart.',
          firm: 'Scoop the muscle on the outside of her thigh into your whole hand, squeeze softly and let it go, working up from knee to hip, towards her heart. On the legs, keep it soft even at firm.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Scoop, squeeze softly, and let go.' },
          { kind: 'checkIn', text: 'Ask her how that feels.' },
          { kind: 'cue', text: 'Stay on the outside of her leg.' },
        ],
        morePressureTip: 'Keep the squeeze soft on her legs; give her hip more time instead.',
        lessPressureTip: 'Just stroke lightly up her outer thigh with a flat palm, no squeezing.',
      },
      {
        id: 'hipsLegs.lowerLegStrokes',
        area: 'lowerLeg',
        title: 'light strokes up the lower leg',
        instruction: {
          gentle:
            'With a flat, relaxed hand, stroke lightly up the outside of her lower leg, from her ankle to just below the knee, towards her heart. No squeezing on the calf.',
          medium:
            'With a flat, relaxed hand, stroke lightly up the outside of her lower leg, from her ankle to just below the knee, towards her heart. Keep it light; no squeezing on the calf.',
          firm: 'Even at firm, keep this stroke light: a flat hand gliding up the outside of her lower leg, from ankle to knee, towards her heart. No squeezing or kneading on the calf.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Light, slow strokes, ankle to knee.' },
          { kind: 'checkIn', text: 'Ask her if her calf feels normal and comfortable.' },
          { kind: 'cue', text: 'Skim over any bulging veins, or go round them.' },
        ],
        morePressureTip: 'The lower leg stays light; go back to her hip if she wants firmer.',
        lessPressureTip: 'Use just your fingertips, barely touching.',
      },
      {
        id: 'hipsLegs.restingHands',
        area: 'sideHip',
        title: 'resting hands',
        instruction: {
          gentle:
            'Rest one hand on her hip and the other on her outer thigh, and keep still for a few slow breaths. Then stroke once, lightly, from her ankle up to her hip, towards her heart, and let go.',
          medium:
            'Rest one hand on her hip and the other on her outer thigh, and keep still for a few slow breaths. Then stroke once, lightly, from her ankle up to her hip, towards her heart, and let go.',
          firm: 'Rest one hand on her hip and the other on her outer thigh, pressing gently for a few slow breaths. Then stroke once, lightly, from her ankle up to her hip, towards her heart, and let go.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Breathe slowly together for a moment.' },
          { kind: 'checkIn', text: 'Ask her how her hip feels now.' },
        ],
        morePressureTip: 'Let a little more weight settle into the hand on her hip only.',
        lessPressureTip: 'Just let your hands rest there with no pressure.',
      },
    ],
    closing:
      'Let her rest on her side a moment and have a drink of water. If she would like the other side, help her turn over slowly and ask for hips and legs again.',
  }),
};
