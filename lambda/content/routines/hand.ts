/**
 * Hand massage: palm, fingers, back of the hand and wrist. Each step does one hand, then switches at
 * the middle of the hold so both hands get the same time. Quiet enough for anywhere. Rings come off
 * first; the web between thumb and index finger is stroked past, never held (docs/safety.md).
 */
import type { RoutineSource } from './source';

export const hand: RoutineSource = {
  id: 'hand',
  name: 'hand massage',
  synonyms: ['hand rub', 'hands', 'hands massage', 'rub my hands', 'hand routine', 'hand'],
  summary: 'A calm, quiet massage for her palms, fingers and wrists that you can do anywhere.',
  details: (care) => ({
    position:
      'Sit side by side or facing each other, anywhere comfortable: the sofa, the edge of the bed, or a waiting room chair. Ask her to take off any rings, and rest her hand on a cushion or on your lap. She can change position at any time.',
    cautions: [
      'Stroke past the soft web between her thumb and index finger; never press and hold there.',
      `If her hands, feet or face swell up suddenly, stop and call ${care.urgentCare} now.`,
    ],
    pointsToAvoid: ['The web between her thumb and index finger: stroke past it, never press and hold.'],
    steps: [
      {
        id: 'hand.openingThePalm',
        area: 'palm',
        title: 'opening the palm',
        instruction: {
          gentle:
            'Hold her hand palm up in both of yours. With your thumbs, stroke slowly from the middle of her palm out to the edges, like opening a book.',
          medium:
            'Hold her hand palm up in both of yours. With your thumbs, stroke from the middle of her palm out to the edges with steady pressure, like opening a book.',
          firm: 'Hold her hand palm up in both of yours. With the flat pads of your thumbs, stroke from the middle of her palm out to the edges, firm but comfortable.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Middle to edges, slow and even.' },
          { kind: 'checkIn', text: 'Ask her how the pressure feels.' },
          { kind: 'switchSide', text: 'Now the same on her other hand.' },
          { kind: 'cue', text: 'Open this palm out too, middle to edges.' },
        ],
        morePressureTip: 'Support the back of her hand with your fingers and lean in through your thumbs.',
        lessPressureTip: 'Stroke with your fingertips instead of your thumbs, slow and light.',
      },
      {
        id: 'hand.palmCircles',
        area: 'palm',
        title: 'circles in the palm',
        instruction: {
          gentle:
            'Make small, slow circles with your thumb across her palm, starting near the wrist and working up to the base of her fingers.',
          medium:
            'Make slow circles with steady pressure across her palm, starting near the wrist and working up to the base of her fingers.',
          firm: 'With the flat of your thumb, make slow circles across her palm, firm but comfortable, from near the wrist up to the base of her fingers.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Small circles, moving a little each time.' },
          { kind: 'checkIn', text: 'Ask her if that is too light or too firm.' },
          { kind: 'switchSide', text: 'Now the same in the palm of her other hand.' },
          { kind: 'cue', text: 'Wrist up to fingers, small and slow.' },
        ],
        morePressureTip: 'Hold her hand steady from underneath and lean a little weight into your thumb.',
        lessPressureTip: 'Make the circles wider and softer, with the pad of your thumb barely pressing.',
      },
      {
        id: 'hand.fingerSlides',
        area: 'fingers',
        title: 'each finger in turn',
        instruction: {
          gentle:
            'Hold each finger near its base between your thumb and index finger, and stroke slowly to the tip. Go from her thumb to her little finger.',
          medium:
            'Hold each finger near its base between your thumb and index finger, squeeze gently and slide slowly to the tip. Go from her thumb to her little finger.',
          firm: 'Hold each finger near its base between your thumb and index finger, squeeze a little more firmly and slide slowly to the tip. No pulling or cracking.',
        },
        holdSeconds: 105,
        cues: [
          { kind: 'cue', text: 'Base to tip, one finger at a time.' },
          { kind: 'checkIn', text: 'Ask her if she would like it lighter or firmer.' },
          { kind: 'switchSide', text: 'Now the fingers on her other hand.' },
          { kind: 'cue', text: 'Thumb to little finger again, base to tip.' },
        ],
        morePressureTip: 'Squeeze each finger a little more as you slide, but never pull or twist.',
        lessPressureTip: 'Just stroke each finger lightly from base to tip, with no squeeze.',
      },
      {
        id: 'hand.backOfHandStrokes',
        area: 'backOfHand',
        title: 'the back of the hand',
        instruction: {
          gentle:
            'Turn her hand over. With your thumbs, stroke lightly along the grooves between the long bones, from her knuckles to her wrist. Glide past the web by her thumb without stopping.',
          medium:
            'Turn her hand over. With your thumbs, stroke along the grooves between the long bones with steady pressure, from knuckles to wrist. Glide past the web by her thumb.',
          firm: 'Turn her hand over. With the flat pads of your thumbs, stroke along the grooves from knuckles to wrist, firm but comfortable. Glide past the web by her thumb.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Follow each groove from knuckles to wrist.' },
          { kind: 'checkIn', text: 'Ask her how that feels.' },
          { kind: 'switchSide', text: 'Now the same on the back of her other hand.' },
          { kind: 'cue', text: 'Knuckles to wrist, gliding past the web by her thumb.' },
        ],
        morePressureTip: 'Lean in through the flat pads of your thumbs, and keep gliding past the web.',
        lessPressureTip: 'Use one fingertip per groove and stroke very lightly.',
      },
      {
        id: 'hand.wristCircles',
        area: 'wrist',
        title: 'circles around the wrist',
        instruction: {
          gentle:
            'Hold her forearm in one hand. With the thumb of your other hand, make small, slow circles all around her wrist, front and back.',
          medium:
            'Hold her forearm in one hand. With the thumb of your other hand, make slow circles with steady pressure all around her wrist, front and back.',
          firm: 'Hold her forearm in one hand. With the flat of your other thumb, make slow circles all around her wrist, firm but comfortable.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Slow circles, front and back of the wrist.' },
          { kind: 'checkIn', text: 'Ask her if her wrist feels comfortable.' },
          { kind: 'switchSide', text: 'Now the same round her other wrist.' },
          { kind: 'cue', text: 'Slow circles all the way round.' },
        ],
        morePressureTip: 'Steady her forearm well and lean a little more through the flat of your thumb.',
        lessPressureTip: 'Just stroke round her wrist with your fingertips.',
      },
      {
        id: 'hand.handSandwich',
        area: 'wholeHand',
        title: 'hand sandwich',
        instruction: {
          gentle:
            'Hold one of her hands between both of yours, like a sandwich, and keep still for a few slow breaths.',
          medium:
            'Hold one of her hands between both of yours, like a sandwich, and press your palms together gently for a few slow breaths.',
          firm: 'Hold one of her hands between both of yours, like a sandwich, and give a slow, firm hug for a few breaths.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Breathe slowly together for a moment.' },
          { kind: 'checkIn', text: 'Ask her if she would like a softer or firmer hold.' },
          { kind: 'switchSide', text: 'Now hold her other hand the same way.' },
          { kind: 'cue', text: 'Warm and still, a few slow breaths.' },
          { kind: 'checkIn', text: 'Ask her how her hands feel now.' },
        ],
        morePressureTip: 'Press your palms together a little more, like a warm, firm handshake.',
        lessPressureTip: 'Just hold her hand loosely between yours.',
      },
    ],
    closing: 'Hold her hands for a moment longer before you let go. Have a drink of water, and thank each other.',
  }),
};
