/**
 * Foot massage: lotion strokes, the sole, arch, heel and toes. Each paired step does one foot, then
 * switches at the middle of the hold so both feet get the same time. She sits propped up, never
 * flat on her back. The inner ankle and the hollows around the ankle bones get light strokes only,
 * and the oil comes off her feet before she stands (docs/safety.md).
 */
import type { RoutineSource } from './source';

export const foot: RoutineSource = {
  id: 'foot',
  name: 'foot massage',
  synonyms: ['foot rub', 'feet', 'feet massage', 'feet rub', 'rub my feet', 'foot routine', 'foot'],
  summary: 'Slow strokes on the soles, arches, heels and toes to help tired feet relax.',
  details: (care) => ({
    position:
      'Have her sit back on the sofa or the bed, propped up on pillows so she is more sitting than lying, never flat on her back, with her feet on a cushion. Sit facing her feet with unscented lotion or oil. She can change position at any time.',
    cautions: [
      'Keep to light strokes around her ankles, above all the inner ankle, and skip any broken skin or rash.',
      `If her feet, hands or face swell up suddenly, stop and call ${care.urgentCare} now.`,
    ],
    pointsToAvoid: [
      'The inner ankle, about four fingers above the ankle bone: light strokes only.',
      'The hollows around the ankle bones: light strokes only.',
    ],
    steps: [
      {
        id: 'foot.lotionStrokes',
        area: 'wholeFoot',
        title: 'warming strokes with lotion',
        instruction: {
          gentle:
            'Warm a little lotion between your palms. Hold one foot between your hands, one on top and one underneath, and stroke slowly from her toes towards her ankle and back.',
          medium:
            'Warm a little lotion between your palms. Hold one foot between your hands and stroke from her toes towards her ankle with steady, even pressure.',
          firm: 'Warm a little lotion between your palms. Hold one foot between your hands and stroke from her toes towards her ankle with firm, even pressure, going light as you reach the ankle.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Long, slow strokes, from toes to ankle.' },
          { kind: 'checkIn', text: 'Ask her if the lotion feels too cool.' },
          { kind: 'switchSide', text: 'Now the same on her other foot, with a little more lotion.' },
          { kind: 'cue', text: 'Toes to ankle again, slow and even.' },
        ],
        morePressureTip: 'Wrap your hands right round her foot and squeeze a little more as you glide.',
        lessPressureTip: 'Let your hands glide with just their own weight, and slow down.',
      },
      {
        id: 'foot.soleThumbStrokes',
        area: 'sole',
        title: 'thumb strokes along the sole',
        instruction: {
          gentle:
            'Support her foot with your fingers on top. With both thumbs, stroke slowly up her sole from the heel towards the toes, one thumb after the other.',
          medium:
            'Support her foot with your fingers on top. With the pads of both thumbs, stroke up her sole from the heel towards the toes with steady pressure, one thumb after the other.',
          firm: 'Support her foot with your fingers on top. Press in firmly but comfortably with the flat pads of your thumbs, not the tips, and stroke up her sole from heel to toes.',
        },
        holdSeconds: 120,
        cues: [
          { kind: 'cue', text: 'One thumb after the other, heel to toes.' },
          { kind: 'checkIn', text: 'Ask her how the pressure feels on her sole.' },
          { kind: 'switchSide', text: 'Now the same along the sole of her other foot.' },
          { kind: 'cue', text: 'Slow, sure strokes help if she is ticklish.' },
          { kind: 'checkIn', text: 'Ask her if this foot wants the same pressure.' },
        ],
        morePressureTip: 'Lean your body weight into your thumbs rather than squeezing harder with your hands.',
        lessPressureTip: 'Use your whole flat palm instead of your thumbs, and slow down.',
      },
      {
        id: 'foot.archCircles',
        area: 'arch',
        title: 'circles in the arch',
        instruction: {
          gentle:
            'Find her arch, the curved middle of the sole. With the pad of your thumb, make small, slow circles along it, from the heel end to the toe end.',
          medium:
            'Find her arch, the curved middle of the sole. With the pad of your thumb, make slow circles along it with steady pressure, from the heel end to the toe end.',
          firm: 'Find her arch, the curved middle of the sole. With the flat of your thumb, make slow circles along it, firm but comfortable, from the heel end to the toe end.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Small circles, moving a little each time.' },
          { kind: 'checkIn', text: 'Ask her if any spot wants a little more time.' },
          { kind: 'switchSide', text: 'Now the same in the arch of her other foot.' },
          { kind: 'cue', text: 'Small, slow circles, heel end to toe end.' },
        ],
        morePressureTip: 'Hold her foot steady with your other hand and lean in through the flat of your thumb.',
        lessPressureTip: 'Use two or three fingertips together and make the circles softer.',
      },
      {
        id: 'foot.heelSqueeze',
        area: 'heel',
        title: 'cupping the heel',
        instruction: {
          gentle:
            'Cup her heel in your palm and squeeze gently, then release, working slowly round the heel. Keep your fingers out of the hollows beside the ankle bones.',
          medium:
            'Cup her heel in your palm and squeeze with steady pressure, then release, working slowly round the heel. Keep your fingers out of the hollows beside the ankle bones.',
          firm: 'Cup her heel in your palm and squeeze firmly but comfortably, then release, working slowly round the heel. Keep your fingers out of the hollows beside the ankle bones.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Squeeze, and let go, nice and slow.' },
          { kind: 'checkIn', text: 'Ask her how that feels.' },
          { kind: 'switchSide', text: 'Now cup the heel of her other foot.' },
          { kind: 'cue', text: 'Squeeze and release, clear of the ankle bones.' },
        ],
        morePressureTip: 'Squeeze with your whole hand, palm and fingers together, not just your fingertips.',
        lessPressureTip: 'Just hold her heel warmly in your palm with a very light squeeze.',
      },
      {
        id: 'foot.toeStrokes',
        area: 'toes',
        title: 'each toe in turn',
        instruction: {
          gentle:
            'Hold each toe in turn between your thumb and finger and stroke gently from the base to the tip. Go slowly along all five.',
          medium:
            'Hold each toe in turn between your thumb and finger, squeeze gently and slide from the base to the tip. Go slowly along all five.',
          firm: 'Hold each toe in turn between your thumb and finger, squeeze a little more firmly and slide from the base to the tip. No pulling or cracking.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Base to tip, one toe at a time.' },
          { kind: 'checkIn', text: 'Ask her if she would like it lighter or firmer.' },
          { kind: 'switchSide', text: 'Now the toes on her other foot.' },
          { kind: 'cue', text: 'Base to tip again, with no pulling.' },
        ],
        morePressureTip: 'Squeeze each toe a little more as you slide, but never pull or twist.',
        lessPressureTip: 'Just stroke each toe with a fingertip, no squeezing.',
      },
      {
        id: 'foot.topOfFootStrokes',
        area: 'topOfFoot',
        title: 'strokes on the top of the foot',
        instruction: {
          gentle:
            'With your fingers under her sole, use your thumbs to stroke lightly along the top of her foot, between the long bones, from the toes towards the ankle. Stop before the ankle.',
          medium:
            'With your fingers under her sole, use your thumbs to stroke along the top of her foot with steady pressure, between the long bones, from the toes towards the ankle.',
          firm: 'With your fingers under her sole, use your thumbs to stroke along the top of her foot, firm but comfortable, between the long bones. Go light as you near the ankle.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Follow the grooves from toes to ankle.' },
          { kind: 'checkIn', text: 'Ask her if the pressure is still comfortable.' },
          { kind: 'switchSide', text: 'Now the same on the top of her other foot.' },
          { kind: 'cue', text: 'Toes towards ankle, going light near the ankle.' },
        ],
        morePressureTip: 'Use the flat pads of your thumbs and lean in a little, staying light near the ankle.',
        lessPressureTip: 'Stroke with your fingertips instead of your thumbs, barely pressing.',
      },
      {
        id: 'foot.holdingBothFeet',
        area: 'wholeFoot',
        title: 'holding both feet',
        instruction: {
          gentle:
            'Wrap one hand round each of her feet and hold still for a few slow breaths. Then stroke lightly from her toes to her ankles once more, and let go.',
          medium:
            'Wrap one hand round each of her feet and hold still for a few slow breaths. Then stroke from her toes to her ankles once more with steady pressure, and let go.',
          firm: 'Wrap one hand round each of her feet and give a slow, firm hug for a few breaths. Then stroke from her toes to her ankles once more, and let go.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Breathe slowly together for a moment.' },
          { kind: 'checkIn', text: 'Ask her how her feet feel now.' },
        ],
        morePressureTip: 'Give a slightly firmer hug with your whole hands, nothing more.',
        lessPressureTip: 'Just let your hands rest round her feet without squeezing.',
      },
    ],
    closing:
      'Wipe the lotion or oil off her feet with a towel before she stands, so she cannot slip. Then put socks or a blanket over her feet and get her a glass of water.',
  }),
};
