/**
 * Lower back relief: palms and the heels of the hands either side of the spine, then out over the
 * hips. Seated, so it suits any stage of pregnancy. The sacrum gets broad palm work only, and a
 * sharp or shooting pain there stops the step.
 */
import type { RoutineSource } from './source';

export const lowerBack: RoutineSource = {
  id: 'lowerBack',
  name: 'lower back relief',
  synonyms: ['lower back', 'back rub', 'lower back massage', 'back massage', 'back relief', 'lower back routine'],
  summary: 'Slow, steady work either side of the spine to ease an aching lower back.',
  details: (care) => ({
    position:
      'Have her sit astride a chair turned round, leaning on a pillow over the chair back, or sit on a birth ball. Sit or kneel behind her. She can change position at any time.',
    cautions: [
      'Work on the muscles either side of the spine, never on the spine itself.',
      `If the ache comes in waves with tightenings of her bump before thirty-seven weeks, stop and call ${care.urgentCare} now.`,
    ],
    pointsToAvoid: [
      'The sacrum, the flat bone at the base of her spine: broad palm work only, never press and hold one spot.',
    ],
    steps: [
      {
        id: 'lowerBack.warmingStrokes',
        area: 'lowerBack',
        title: 'long warming strokes',
        instruction: {
          gentle:
            'Rest both palms flat on her lower back, one each side of the spine. Glide them slowly up towards her shoulder blades, out to her sides, and back down. Keep the touch light and even.',
          medium:
            'Rest both palms flat on her lower back, one each side of the spine. Glide them slowly up towards her shoulder blades, out to her sides, and back down, with steady, even pressure.',
          firm: 'Rest both palms flat on her lower back, one each side of the spine. Lean in a little with your body weight as you glide up towards her shoulder blades, then sweep out and back down. Firm but comfortable.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Slow and steady, like smoothing out a sheet.' },
          { kind: 'checkIn', text: 'Ask her if your hands feel warm and comfortable.' },
          { kind: 'cue', text: 'Keep one hand touching her as you go round.' },
        ],
        morePressureTip: 'Lean forward from your hips so your body weight does the work, not your arms.',
        lessPressureTip: 'Soften your hands and let them just glide; slow down a little.',
      },
      {
        id: 'lowerBack.heelOfHandCircles',
        area: 'lowerBack',
        title: 'circles beside the spine',
        instruction: {
          gentle:
            'Place the heels of your hands on the muscles either side of her spine, just above her waist. Make slow, small circles, close to the spine but never on it.',
          medium:
            'Place the heels of your hands on the muscles either side of her spine, just above her waist. Make slow circles with steady pressure, moving down a little every few circles.',
          firm: 'Place the heels of your hands on the muscles either side of her spine, just above her waist. Lean your weight in gently as you make slow circles, firm but comfortable. Stay on the muscle, off the bone.',
        },
        holdSeconds: 105,
        cues: [
          { kind: 'cue', text: 'Slow circles, about one every two seconds.' },
          { kind: 'checkIn', text: 'Ask her how the pressure feels.' },
          { kind: 'cue', text: 'Move down a hand width, then circle again.' },
          { kind: 'cue', text: 'Breathe out slowly together.' },
        ],
        morePressureTip:
          'Lean your body weight in through the heels of your hands rather than pushing with your thumbs.',
        lessPressureTip: 'Use flat palms and slow down; keep the contact but lighten it.',
      },
      {
        id: 'lowerBack.sweepToTheHips',
        area: 'hips',
        title: 'sweeping out to the hips',
        instruction: {
          gentle:
            'Start with your palms beside her spine at the waist. Slide them slowly outwards along the top of her hips, as if following a belt, then lift off and start again in the middle.',
          medium:
            'Start with your palms beside her spine at the waist. Slide them slowly outwards along the top of her hips with steady pressure, then lift off and start again in the middle.',
          firm: 'Start with your palms beside her spine at the waist. Lean in gently as you slide them outwards along the top of her hips. Your palms do the work, not your fingertips.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Out along the belt line, then back to the middle.' },
          { kind: 'checkIn', text: 'Ask her if she would like it slower or lighter.' },
          { kind: 'cue', text: 'Let your breathing slow down with the strokes.' },
        ],
        morePressureTip: 'Keep your arms fairly straight and lean in from your body as your hands travel outwards.',
        lessPressureTip: 'Let your hands glide with no lean at all, just the weight of your palms.',
      },
      {
        id: 'lowerBack.hipCircles',
        area: 'hips',
        title: 'wide circles on the sides of the hips',
        instruction: {
          gentle:
            'Move your hands to the fleshy part at the sides of her hips, just below the waist. With flat palms, make slow, wide circles on both sides at once.',
          medium:
            'Move your hands to the fleshy part at the sides of her hips, just below the waist. With the heels of your hands, make slow, wide circles with steady pressure.',
          firm: 'Move your hands to the fleshy part at the sides of her hips, just below the waist. Lean in gently through the heels of your hands and make slow, wide circles, never digging in with your thumbs.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Wide, slow circles, both hands together.' },
          { kind: 'checkIn', text: 'Ask her if that spot wants more time or less pressure.' },
          { kind: 'cue', text: 'Keep your shoulders relaxed as you lean in.' },
        ],
        morePressureTip: 'Bend your knees a little and lean your weight in through the heels of your hands.',
        lessPressureTip: 'Switch to flat, soft palms and make the circles smaller and slower.',
      },
      {
        id: 'lowerBack.sacrumPalmCircles',
        area: 'sacrum',
        title: 'broad palm at the base of the spine',
        instruction: {
          gentle:
            'Rest one palm flat on the broad, flat bone at the base of her spine, with your other hand on top. Keep still and let the warmth of your hands sink in.',
          medium:
            'Rest one palm flat on the broad, flat bone at the base of her spine, with your other hand on top. Make slow, broad circles with the whole palm, soft and even.',
          firm: 'Rest one palm flat on the broad, flat bone at the base of her spine, with your other hand on top. Lean in gently and make slow, broad circles. Keep moving; never press and hold one spot.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'If she feels a sharp or shooting pain, stop this step.' },
          { kind: 'cue', text: 'Whole palm, nice and broad.' },
          { kind: 'checkIn', text: 'Ask her if this feels good, or if she would like you to move on.' },
        ],
        morePressureTip:
          'Keep your whole palm flat and lean in a little more; never switch to fingertips or thumbs here.',
        lessPressureTip: 'Just rest your palm there and let the warmth do the work.',
      },
      {
        id: 'lowerBack.finishingStrokes',
        area: 'lowerBack',
        title: 'long strokes to finish',
        instruction: {
          gentle:
            'Go back to long, light strokes with both palms, from her lower back up to her shoulder blades and down again. Slow down a little each time.',
          medium:
            'Go back to long strokes with both palms and steady pressure, from her lower back up to her shoulder blades and down again. Slow down a little each time.',
          firm: 'Go back to long strokes with both palms, leaning in gently on the way up and lighter on the way down. Slow down a little each time.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'A little slower with every stroke.' },
          { kind: 'checkIn', text: 'Ask her which part she liked best today.' },
          { kind: 'cue', text: 'Finish with your hands resting still on her back.' },
        ],
        morePressureTip: 'Lean in a little on the upward stroke only, and keep the way down light.',
        lessPressureTip: 'Let your palms barely skim her back, slow and even.',
      },
    ],
    closing:
      'Rest your hands still on her back for a breath or two, then lift them away slowly. Get her a glass of water, and take a moment together.',
  }),
};
