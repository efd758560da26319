/**
 * The practical care a midwife asked for, checked over the routine data and its pacing: never flat
 * on her back, equal time for each side, announced moves between body areas, leg strokes towards
 * the heart, a sharp or shooting pain means stop, and the labour practice's cautions. Every case
 * names the routine or step it checks, so a failure points at the content to fix.
 */

import { lines, ROUTINES } from '../../lambda/content';
import type { Cue, Routine, Step } from '../../lambda/core/catalogue';
import { type Segment, stepTimeline } from '../../lambda/core/pacing';
import {
  DEFAULT_PREFERENCES,
  PACES,
  type Pace,
  PRESSURE_LEVELS,
  type Preferences,
  SPEECH_RATES,
} from '../../lambda/core/preferences';

const routineCases = ROUTINES.map((routine) => [routine.id, routine] as const);

function routineById(id: string): Routine {
  const routine = ROUTINES.find((candidate) => candidate.id === id);
  if (routine === undefined) throw new Error(`No routine ${id}`);
  return routine;
}

function instructions(step: Step): string[] {
  return PRESSURE_LEVELS.map((level) => step.instruction[level]);
}

/** Sentences and semicolon clauses: the unit within which a warning and its action belong together. */
function clauses(text: string): string[] {
  return text
    .split(/[.;!?](?:\s|$)/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

describe('position: never flat on her back', () => {
  /** "on her back" is allowed only when one of the four words before it negates it. */
  function unnegatedOnHerBack(text: string): string[] {
    const found: string[] = [];
    for (const match of text.matchAll(/((?:\S+\s+){0,4})on her back\b/gi)) {
      if (!/\b(?:never|not|no)\b/i.test(match[1] ?? '')) found.push(match[0]);
    }
    return found;
  }

  /** Words that mean she is lying or leaning back rather than sitting upright or leaning forward. */
  const RECLINED = /\b(?:reclin\w*|propped|sits? back|sitting back|lie|lies|lying|lean(?:s|ing)? back)\b/i;
  const reclinedCases = routineCases.filter(([, routine]) => RECLINED.test(routine.position));

  it.each(routineCases)('%s: position and cautions never put her on her back', (_id, routine) => {
    expect(unnegatedOnHerBack([routine.position, ...routine.cautions].join(' '))).toEqual([]);
  });

  it('recognises the positions known to be reclined or lying (foot, hips and legs, ten minutes tonight)', () => {
    const reclined = reclinedCases.map(([id]) => id);
    expect(reclined).toEqual(expect.arrayContaining(['foot', 'hipsLegs', 'tenMinutesTonight']));
  });

  it.each(reclinedCases)('%s: a reclined or lying position says she is never flat on her back', (_id, routine) => {
    expect(routine.position).toMatch(/\b(?:never|not) flat on her back\b/i);
  });

  it.each(
    reclinedCases.filter(([, routine]) => /\b(?:reclin\w*|propped|sits? back|sitting back)\b/i.test(routine.position)),
  )('%s: a reclined position says she is more sitting than lying', (_id, routine) => {
    expect(routine.position).toMatch(/more sitting than lying/i);
  });
});

describe('two-sided steps give each side the same time', () => {
  /** A mention of her other foot, hand, heel, wrist, arm, leg or side (not "your other hand"). */
  const OTHER_SIDE = /\b(?:her|the) other (?:foot|feet|hand|heel|wrist|arm|leg|side)\b/i;

  function mentionsOtherSide(step: Step): boolean {
    return [...instructions(step), ...step.cues.map((cue) => cue.text)].some((text) => OTHER_SIDE.test(text));
  }

  const isSwitch = (cue: Cue) => cue.kind === 'switchSide';

  const twoSided = ROUTINES.flatMap((routine) =>
    routine.steps
      .map((step, index) => [`${step.id} (in ${routine.id})`, routine, index, step] as const)
      .filter(([, , , step]) => mentionsOtherSide(step) || step.cues.some(isSwitch)),
  );

  it('finds the paired steps of the foot and hand routines', () => {
    const ids = new Set(twoSided.map(([, , , step]) => step.id));
    for (const routineId of ['foot', 'hand']) {
      expect([...ids].filter((id) => id.startsWith(`${routineId}.`)).length).toBeGreaterThanOrEqual(6);
    }
  });

  it.each(twoSided)('%s has exactly one switchSide cue', (_name, _routine, _index, step) => {
    expect(step.cues.filter(isSwitch)).toHaveLength(1);
  });

  it.each(twoSided)(
    '%s moves to the other side only in its switchSide cue, never in the instruction or another cue',
    (_name, _routine, _index, step) => {
      const elsewhere = [...instructions(step), ...step.cues.filter((cue) => !isSwitch(cue)).map((cue) => cue.text)];
      expect(elsewhere.filter((text) => OTHER_SIDE.test(text))).toEqual([]);
      expect(step.cues.find(isSwitch)?.text).toMatch(OTHER_SIDE);
    },
  );

  it.each(twoSided)(
    '%s guides both sides: a check-in and a stroke reminder before the switch, a stroke reminder after',
    (_name, _routine, _index, step) => {
      const at = step.cues.findIndex(isSwitch);
      const first = step.cues.slice(0, at);
      const after = step.cues.slice(at + 1);
      const second = after.length > 0 ? after : first.filter((cue) => cue.kind === 'cue');
      expect(first.map((cue) => cue.kind)).toEqual(expect.arrayContaining(['checkIn', 'cue']));
      expect(second.map((cue) => cue.kind)).toContain('cue');
    },
  );

  /** Seconds from the end of the step's introduction to the switch, and from the switch to the end. */
  function sides(timeline: readonly Segment[], switchText: string): { first: number; second: number } | undefined {
    let at = 0;
    let introEnd = 0;
    let switchStart: number | undefined;
    for (const segment of timeline) {
      if (segment.kind === 'speech' && segment.role === 'stepIntro') introEnd = at + segment.seconds;
      else if (switchStart === undefined && segment.kind === 'speech' && segment.text === switchText) switchStart = at;
      at += segment.seconds;
    }
    return switchStart === undefined ? undefined : { first: switchStart - introEnd, second: at - switchStart };
  }

  it.each(twoSided.flatMap((entry) => PACES.map((pace) => [entry[0], pace, entry[1], entry[2], entry[3]] as const)))(
    '%s at %s pace: intro end to switch equals switch to step end, within 1 s, at every pressure and voice',
    (_name, pace: Pace, routine, index, step) => {
      const switchText = step.cues.find(isSwitch)?.text ?? '';
      const uneven: string[] = [];
      for (const pressure of PRESSURE_LEVELS) {
        for (const speechRate of SPEECH_RATES) {
          const prefs: Preferences = { ...DEFAULT_PREFERENCES, pace, pressure, speechRate };
          const measured = sides(stepTimeline(routine, index, prefs, lines), switchText);
          if (measured === undefined) uneven.push(`${pressure}/${speechRate}: no switch in the timeline`);
          else if (Math.abs(measured.first - measured.second) > 1) {
            uneven.push(
              `${pressure}/${speechRate}: ${measured.first.toFixed(1)} s then ${measured.second.toFixed(1)} s`,
            );
          }
        }
      }
      expect(uneven).toEqual([]);
    },
  );
});

describe('ten minutes tonight announces each change of body area', () => {
  const tenMinutes = routineById('tenMinutesTonight');
  /** The body area of a step is the routine that owns it; the words its announcement must use. */
  const AREA_WORDS: Record<string, RegExp> = {
    hand: /\bhands?\b/i,
    shouldersNeck: /\bshoulders?\b/i,
    foot: /\b(?:feet|foot)\b/i,
    tenMinutesTonight: /\bbeside her\b/i,
  };
  const area = (step: Step) => step.id.split('.')[0] ?? '';

  it.each(tenMinutes.steps.map((step, index) => [step.id, index, step] as const))(
    '%s carries a move announcement exactly when the body area changes, naming where to go',
    (_id, index, step) => {
      const previous = tenMinutes.steps[index - 1];
      const changes = previous !== undefined && area(previous) !== area(step);
      expect({ changes, announced: step.moveTo !== undefined }).toEqual({ changes, announced: changes });
      if (step.moveTo !== undefined) expect(step.moveTo).toMatch(AREA_WORDS[area(step)] ?? /^$/);
    },
  );

  it.each(
    tenMinutes.steps.flatMap((step, index) =>
      step.moveTo === undefined ? [] : PACES.map((pace) => [step.id, pace, index, step.moveTo] as const),
    ),
  )('%s at %s pace speaks its move announcement first in its timeline', (_id, pace, index, moveTo) => {
    const [first] = stepTimeline(tenMinutes, index, { ...DEFAULT_PREFERENCES, pace }, lines);
    expect(first?.kind === 'speech' ? first.text : undefined).toBe(moveTo);
  });
});

describe('legs', () => {
  const hipsLegs = routineById('hipsLegs');
  /** Words for the leg above the ankle; a step whose instruction names one works the leg. */
  const LEG = /\b(?:thighs?|knees?|calf|calves|legs?)\b/i;
  const legSteps = ROUTINES.flatMap((routine) =>
    routine.steps
      .filter((step) => instructions(step).some((text) => LEG.test(text)))
      .map((step) => [step.id, routine.id, step] as const),
  );

  it('finds the leg work in hips and legs', () => {
    expect(legSteps.filter(([, routineId]) => routineId === 'hipsLegs').length).toBeGreaterThanOrEqual(5);
  });

  it.each(legSteps)(
    '%s (in %s) works up toward her heart at every pressure level: says "toward her heart", and never "down" or "hip to knee"',
    (_id, _routineId, step) => {
      for (const text of instructions(step)) {
        expect(text).toMatch(/\btoward her heart\b/i);
        expect(text).not.toMatch(/\bdown\b|\b(?:hip|waist) to (?:her |the )?(?:knee|ankle)\b/i);
      }
    },
  );

  it.each(hipsLegs.steps.map((step) => [step.id, step] as const))('%s never taps, pounds or chops', (_id, step) => {
    const texts = [...instructions(step), ...step.cues.map((cue) => cue.text), step.morePressureTip];
    for (const text of texts) expect(text).not.toMatch(/\b(?:tap|pound|chop|drum|hack|pummel)\w*/i);
  });

  it('hips and legs cautions, spoken at the start, rule out deep pressure and tapping and keep light over varicose veins', () => {
    const cautions = hipsLegs.cautions.join(' ');
    expect(cautions).toMatch(/no deep pressure/i);
    expect(cautions).toMatch(/no tapping/i);
    expect(cautions).toMatch(/light[^.]*varicose veins/i);
  });
});

describe('a sharp or shooting pain means stop', () => {
  /** Steps that work near the sciatic nerve: the back and side of the hip, and the sacrum. */
  const SCIATIC_AREA_STEPS = [
    'hipsLegs.hipStrokes',
    'hipsLegs.hipCircles',
    'lowerBack.sacrumPalmCircles',
    'labourCounterPressure.findingTheSpot',
  ];
  const SHARP = /\bsharp or shooting pain\b/i;
  const saysStop = (text: string) => clauses(text).some((clause) => SHARP.test(clause) && /\bstop\b/i.test(clause));

  it.each(SCIATIC_AREA_STEPS)(
    '%s says, in a cue or in every instruction, to stop at a sharp or shooting pain',
    (id) => {
      const step = ROUTINES.flatMap((routine) => routine.steps).find((candidate) => candidate.id === id);
      expect(step).toBeDefined();
      if (step === undefined) return;
      const inCue = step.cues.some((cue) => saysStop(cue.text));
      const inEveryInstruction = instructions(step).every(saysStop);
      expect({ inCue, inEveryInstruction }).not.toEqual({ inCue: false, inEveryInstruction: false });
    },
  );

  it.each(routineCases)(
    '%s: wherever a sharp or shooting pain is named, it means stop, never go lighter',
    (_id, routine) => {
      const texts = [
        routine.position,
        ...routine.cautions,
        ...routine.steps.flatMap((step) => [
          ...instructions(step),
          ...step.cues.map((cue) => cue.text),
          step.morePressureTip,
          step.lessPressureTip,
        ]),
      ];
      for (const clause of texts.flatMap(clauses).filter((text) => SHARP.test(text))) {
        expect(clause).toMatch(/\bstop\b/i);
        expect(clause).not.toMatch(/\blighter\b|\blighten\b/i);
      }
    },
  );
});

describe('labour counter-pressure practice', () => {
  const labour = routineById('labourCounterPressure');

  it('cautions say bleeding or leaking fluid means call now at any stage, not only before thirty-seven weeks', () => {
    const fluid = labour.cautions.flatMap(clauses).filter((clause) => /\bbleed|\bfluid\b/i.test(clause));
    expect(fluid.length).toBeGreaterThanOrEqual(1);
    for (const clause of fluid) {
      expect(clause).not.toMatch(/thirty-seven|\b37\b|\bbefore\b/i);
      expect(clause).toMatch(/\bany stage\b/i);
      expect(clause).toMatch(/\bcall\b[^.]*\bnow\b/i);
    }
  });

  it('cautions say practice is at about half strength, from about thirty-six weeks', () => {
    const cautions = labour.cautions.join(' ');
    expect(cautions).toMatch(/\bhalf\b/i);
    expect(cautions).toMatch(/thirty-six|\b36\b/i);
  });

  /** The steps that hold counter-pressure through a practice contraction, named so in title or instruction. */
  const holds = labour.steps.filter((step) =>
    [step.title, ...instructions(step)].some((text) => /practice contraction/i.test(text)),
  );

  it('finds the three practice holds', () => {
    expect(holds.length).toBeGreaterThanOrEqual(3);
  });

  it.each(holds.map((step) => [step.id, step] as const))(
    '%s says half strength at every pressure level and in its more-pressure tip',
    (_id, step) => {
      for (const text of [...instructions(step), step.morePressureTip]) expect(text).toMatch(/\bhalf strength\b/i);
    },
  );
});

describe('practical care in the routines', () => {
  const footRoutines = routineCases.filter(([, routine]) => routine.steps.some((step) => step.id.startsWith('foot.')));
  const handRoutines = routineCases.filter(([, routine]) => routine.steps.some((step) => step.id.startsWith('hand.')));
  const lotionRoutines = routineCases.filter(([, routine]) =>
    [routine.position, ...routine.steps.flatMap((step) => [...instructions(step), step.moveTo ?? ''])].some((text) =>
      /\b(?:lotion|oil)\b/i.test(text),
    ),
  );

  it.each(footRoutines)('%s works her feet, so it closes by wiping them before she stands', (_id, routine) => {
    expect(routine.closing).toMatch(/\bwipe\b[^.]*\bfeet\b[^.]*\bbefore she stands\b/i);
  });

  it.each(handRoutines)('%s works her fingers, so its position or first step takes her rings off', (_id, routine) => {
    const first = routine.steps[0];
    const texts = [routine.position, ...(first === undefined ? [] : instructions(first))];
    expect(texts.some((text) => /\b(?:take|slip)s? off (?:any |her )?rings?\b|\brings? off\b/i.test(text))).toBe(true);
  });

  it.each(lotionRoutines)('%s uses lotion or oil, so a caution says skip broken skin or a rash', (_id, routine) => {
    const cautions = routine.cautions.join(' ');
    expect(cautions).toMatch(/\bbroken skin\b/i);
    expect(cautions).toMatch(/\brash(?:es)?\b/i);
  });
});
