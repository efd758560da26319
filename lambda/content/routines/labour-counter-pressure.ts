/**
 * Labour counter-pressure practice: rehearsing, before labour, the two holds partners use during
 * contractions (heel of the hand on the sacrum, and the double hip squeeze), from about 36 weeks.
 * Holds are the length of a contraction, each ending with a release cue. Practice stays at about
 * half the pressure she would want in labour, broad and steady, never a point pressed and held on
 * the sacrum; a sharp or shooting pain stops it. Bleeding or leaking fluid is urgent at any stage
 * (docs/safety.md).
 */
import type { RoutineSource } from './source';

export const labourCounterPressure: RoutineSource = {
  id: 'labourCounterPressure',
  name: 'labour counter pressure practice',
  synonyms: [
    'back rub for labour',
    'counter pressure',
    'labour practice',
    'labor practice',
    'labour counter pressure',
    'labor counter pressure',
    'back rub for labor',
    'labor counter pressure practice',
    'hip squeeze',
    'double hip squeeze',
  ],
  summary: 'A practice run of the steady pressure holds that can help during contractions.',
  details: (care) => ({
    position:
      'Have her lean forward over a birth ball, the bed, or the back of a chair, or kneel on hands and knees on something soft. Kneel or stand behind her. She can change position at any time, and she leads.',
    cautions: [
      'Practise from about thirty-six weeks at half strength, about half the pressure she would want in labour, broad and steady through the heel of your hand, never a thumb or knuckle.',
      `Bleeding or leaking fluid at any stage means stop and call ${care.urgentCare} now; so do regular tightenings before thirty-seven weeks.`,
    ],
    pointsToAvoid: [
      'The sacrum, the flat bone at the base of her spine: broad palm work and counter pressure only, never press and hold one small point before labour.',
    ],
    steps: [
      {
        id: 'labourCounterPressure.findingTheSpot',
        area: 'sacrum',
        title: 'finding the spot',
        instruction: {
          gentle:
            'Find the broad, flat bone at the base of her spine, just above her bottom. Rest the heel of one hand there, fingers pointing up her back, and your other hand on her hip. A sharp or shooting pain here means stop.',
          medium:
            'Find the broad, flat bone at the base of her spine, just above her bottom. Rest the heel of one hand there, fingers pointing up her back, and your other hand on her hip. A sharp or shooting pain here means stop.',
          firm: 'Find the broad, flat bone at the base of her spine, just above her bottom. Rest the heel of one hand there, fingers pointing up her back, and your other hand on her hip. A sharp or shooting pain here means stop.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Just rest your hand there for now, no pressure yet.' },
          { kind: 'checkIn', text: 'Ask her if your hand is in the right place.' },
          { kind: 'cue', text: 'Let her move your hand until it feels right.' },
        ],
        morePressureTip: 'No pressure yet in this step; just find the place together.',
        lessPressureTip: 'Let your hand rest there with only its own weight.',
      },
      {
        id: 'labourCounterPressure.heelOfHandHold',
        area: 'sacrum',
        title: 'a practice contraction with the heel of your hand',
        instruction: {
          gentle:
            'When she says start, lean in just a little through the heel of your hand, arm straight, well under half strength. Hold it steady and still until the practice contraction is over.',
          medium:
            'When she says start, lean in slowly through the heel of your hand, arm straight, building up to about half strength. Hold it steady until the practice contraction is over.',
          firm: 'When she says start, lean in slowly through the heel of your hand, arm straight, to about half strength and no more. Hold it broad and steady until the practice contraction is over.',
        },
        holdSeconds: 75,
        cues: [
          { kind: 'cue', text: 'Keep breathing slowly; hold it steady.' },
          { kind: 'checkIn', text: 'Ask her: more, less, or just right?' },
          { kind: 'cue', text: 'Stay steady; the practice contraction is nearly over.' },
          { kind: 'cue', text: 'Now ease off slowly and let go.' },
        ],
        morePressureTip:
          'Keep your arm straight and lean a little more body weight in through the whole heel of your hand, up to about half strength; save the rest for labour.',
        lessPressureTip: 'Bend your elbow a little and lean back; keep the contact but lighten it.',
      },
      {
        id: 'labourCounterPressure.restBetween',
        area: 'sacrum',
        title: 'resting between contractions',
        instruction: {
          gentle:
            'Ease right off and let her rest. Stroke lightly down her back with a flat palm, or just keep a still hand on her, whichever she prefers.',
          medium:
            'Ease right off and let her rest. Stroke down her back with a flat palm, or just keep a still hand on her, whichever she prefers.',
          firm: 'Ease right off and let her rest. Stroke down her back with a flat palm, or just keep a still hand on her, whichever she prefers.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Breathe slowly together while she rests.' },
          { kind: 'checkIn', text: 'Ask her if she wants touch or a break.' },
        ],
        morePressureTip: 'This is the rest; save the pressure for the next practice contraction.',
        lessPressureTip: 'Take your hands away completely if she would rather not be touched.',
      },
      {
        id: 'labourCounterPressure.doubleHipSqueeze',
        area: 'hips',
        title: 'a practice contraction with the double hip squeeze',
        instruction: {
          gentle:
            'Place your palms on the fleshy part at the back and sides of her hips, one each side. When she says start, press both palms gently in towards the middle, well under half strength, and hold steady.',
          medium:
            'Place your palms on the fleshy part at the back and sides of her hips, one each side. When she says start, press both palms in towards the middle, building up to about half strength, and hold.',
          firm: 'Place your palms on the fleshy part at the back and sides of her hips, one each side. When she says start, press both palms in towards the middle, to about half strength and no more, and hold steady.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Both palms pressing in evenly, hold it steady.' },
          { kind: 'checkIn', text: 'Ask her: more, less, or just right?' },
          { kind: 'cue', text: 'Keep breathing; the practice contraction is nearly over.' },
          { kind: 'cue', text: 'Now ease off slowly and let go.' },
        ],
        morePressureTip:
          'Lean your chest towards her and press with your whole palms, not your fingers, up to about half strength; save the rest for labour.',
        lessPressureTip: 'Keep your palms in place and just hold, with only a light squeeze.',
      },
      {
        id: 'labourCounterPressure.herChoice',
        area: 'sacrum',
        title: 'her choice',
        instruction: {
          gentle:
            'Ask her which felt better, the hand at the base of her spine or the hip squeeze. Do that one again for one more practice contraction, well under half strength, and let her guide your hands.',
          medium:
            'Ask her which felt better, the hand at the base of her spine or the hip squeeze. Do that one again for one more practice contraction, up to about half strength, and let her guide where.',
          firm: 'Ask her which felt better, the hand at the base of her spine or the hip squeeze. Do that one again for one more practice contraction, as firm as she asks up to about half strength, no more.',
        },
        holdSeconds: 90,
        cues: [
          { kind: 'cue', text: 'Let her guide your hands to the right spot.' },
          { kind: 'checkIn', text: 'Ask her: more, less, or just right?' },
          { kind: 'cue', text: 'Hold it steady; nearly there.' },
          { kind: 'cue', text: 'Now ease off slowly and let go.' },
        ],
        morePressureTip:
          'Lean in with your body weight, broad through your whole palm, up to about half strength; save the rest for labour.',
        lessPressureTip: 'Keep your hands where they are and simply lean back a little.',
      },
      {
        id: 'labourCounterPressure.calmStrokes',
        area: 'lowerBack',
        title: 'calm strokes to finish',
        instruction: {
          gentle:
            'Sweep both palms lightly and slowly down her back, from her shoulder blades to her hips, a few times. Then rest your hands still for a moment.',
          medium:
            'Sweep both palms slowly down her back with steady pressure, from her shoulder blades to her hips, a few times. Then rest your hands still for a moment.',
          firm: 'Sweep both palms slowly down her back, leaning in gently, from her shoulder blades to her hips, a few times. Then rest your hands still for a moment.',
        },
        holdSeconds: 60,
        cues: [
          { kind: 'cue', text: 'Long, slow sweeps down her back.' },
          { kind: 'checkIn', text: 'Ask her what she would like you to remember for labour.' },
        ],
        morePressureTip: 'Lean in a little at the top of each sweep, then let it lighten.',
        lessPressureTip: 'Let your palms barely skim her back.',
      },
    ],
    closing:
      'Help her up slowly and get her a glass of water. Practising together now means your hands will already know what to do.',
  }),
};
