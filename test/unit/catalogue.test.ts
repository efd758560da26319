/**
 * Checks over the routine data itself: shape, safety wording, spoken-name uniqueness and pacing.
 * Every routine and step is named in the test title so a failure points at the content to fix.
 */

import { catalogue, ROUTINES } from '../../lambda/content';
import { normalisePhrase, ROUTINE_IDS, type Routine, type Step } from '../../lambda/core/catalogue';
import { PRESSURE_LEVELS } from '../../lambda/core/preferences';
import { countWords, estimateSpeechSeconds } from '../../lambda/core/speech-estimate';

/**
 * The project's pacing rule: a step's own speech (its announcement, longest instruction and cues)
 * must fit inside the step even at the slower voice (0.85 of 2.6 words a second) and the quicker
 * pace (0.75 of the hold), with room to spare: at most 1.35 words per second of hold.
 */
const MAX_WORDS_PER_HOLD_SECOND = 1.35;
/** The longest step announcement the renderer speaks before a title. */
const LONGEST_STEP_PREFIX = 'Step 8 of 8. ';
const MIN_HOLD_SECONDS = 45;
const MAX_HOLD_SECONDS = 120;
/** Each routine opens with its position and cautions, spoken before any step: short enough to listen to. */
const MAX_OPENING_SECONDS = 45;

/** Areas with points conventionally avoided in pregnancy, and how their text must name them. */
const POINT_TO_AVOID_MENTION: Partial<Record<Routine['id'], RegExp>> = {
  hand: /thumb and index finger/i,
  foot: /inner ankle/i,
  shouldersNeck: /top of the shoulder/i,
  lowerBack: /sacrum|base of (?:her|the) spine/i,
  labourCounterPressure: /sacrum|base of (?:her|the) spine/i,
};

/** Characters that are safe in SSML without escaping: no <, >, &, double quotes or emoji. */
const PLAIN_SPOKEN_TEXT = /^[A-Za-z0-9 ,.;:'?!-]+$/;

const routineCases = ROUTINES.map((routine) => [routine.id, routine] as const);
const stepCases = ROUTINES.flatMap((routine) => routine.steps.map((step) => [step.id, routine.id, step] as const));

function longestInstruction(step: Step): string {
  return PRESSURE_LEVELS.map((level) => step.instruction[level]).reduce((longest, wording) =>
    countWords(wording) > countWords(longest) ? wording : longest,
  );
}

function spokenWords(step: Step): number {
  const moveTo = step.moveTo === undefined ? 0 : countWords(step.moveTo);
  const announcement = moveTo + countWords(`${LONGEST_STEP_PREFIX}${step.title}. ${longestInstruction(step)}`);
  const cues = step.cues.reduce((total, cue) => total + countWords(cue.text), 0);
  return announcement + cues;
}

function spokenTexts(routine: Routine): string[] {
  return [
    routine.summary,
    routine.position,
    routine.closing,
    ...routine.cautions,
    ...routine.pointsToAvoid,
    ...routine.steps.flatMap((step) => [
      ...(step.moveTo === undefined ? [] : [step.moveTo]),
      step.title,
      ...PRESSURE_LEVELS.map((level) => step.instruction[level]),
      ...step.cues.map((cue) => cue.text),
      step.morePressureTip,
      step.lessPressureTip,
    ]),
  ];
}

/** A step without its announcement of a move, which a borrowing routine may add. */
function withoutMove(step: Step): Omit<Step, 'moveTo'> {
  const { moveTo: _moveTo, ...rest } = step;
  return rest;
}

function sentenceCount(text: string): number {
  return text.split(/[.?!](?:\s|$)/).filter((part) => part.trim() !== '').length;
}

describe('the catalogue as a whole', () => {
  it('has one routine per id, in ROUTINE_IDS order', () => {
    // Assess
    expect(ROUTINES.map((routine) => routine.id)).toEqual([...ROUTINE_IDS]);
    expect(new Set(ROUTINES.map((routine) => routine.id)).size).toBe(7);
  });

  it('uses every spoken name and synonym once only, after normalising', () => {
    // Prepare
    const owners = new Map<string, string[]>();
    for (const routine of ROUTINES) {
      for (const phrase of [routine.name, ...routine.synonyms]) {
        const key = normalisePhrase(phrase);
        owners.set(key, [...(owners.get(key) ?? []), routine.id]);
      }
    }

    // Assess
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });

  it('finds each routine by id through the catalogue', () => {
    for (const routine of ROUTINES) expect(catalogue.get(routine.id)).toBe(routine);
  });
});

describe.each(routineCases)('routine %s', (_id, routine) => {
  it('has a spoken name, summary, position, cautions and closing', () => {
    expect(routine.name.trim()).not.toBe('');
    expect(routine.summary.trim()).not.toBe('');
    expect(sentenceCount(routine.summary)).toBe(1);
    expect(routine.position.trim()).not.toBe('');
    expect(routine.cautions.length).toBeGreaterThanOrEqual(1);
    expect(routine.cautions.length).toBeLessThanOrEqual(2);
    for (const caution of routine.cautions) expect(caution.trim()).not.toBe('');
    expect(routine.closing.trim()).not.toBe('');
    expect(sentenceCount(routine.closing)).toBeLessThanOrEqual(2);
  });

  it(`speaks its position and cautions in at most ${MAX_OPENING_SECONDS} s at the normal voice`, () => {
    const opening = [routine.position, ...routine.cautions].join(' ');
    expect(estimateSpeechSeconds(opening)).toBeLessThanOrEqual(MAX_OPENING_SECONDS);
  });

  it('invites her to change position, and never lays her flat on her back', () => {
    expect(routine.position).toMatch(/change position/i);
    expect(routine.position).not.toMatch(/(?:lie|lying|lies) (?:flat )?on her back/i);
  });

  it('has four to ten synonyms, spoken names in lower case letters, spaces and apostrophes', () => {
    expect(routine.synonyms.length).toBeGreaterThanOrEqual(4);
    expect(routine.synonyms.length).toBeLessThanOrEqual(10);
    for (const phrase of [routine.name, ...routine.synonyms]) expect(phrase).toMatch(/^[a-z' ]+$/);
  });

  it('is found by its name and by every synonym', () => {
    for (const phrase of [routine.name, ...routine.synonyms]) {
      expect(catalogue.findByName(phrase)?.id).toBe(routine.id);
    }
  });

  it('has five to eight steps with ids unique within the routine', () => {
    expect(routine.steps.length).toBeGreaterThanOrEqual(5);
    expect(routine.steps.length).toBeLessThanOrEqual(8);
    const ids = routine.steps.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least one check-in', () => {
    const checkIns = routine.steps.flatMap((step) => step.cues).filter((cue) => cue.kind === 'checkIn');
    expect(checkIns.length).toBeGreaterThanOrEqual(1);
  });

  it('owns each step id, or borrows the step unchanged (bar an announced move) from the routine the id names', () => {
    for (const step of routine.steps) {
      const [owner, name] = step.id.split('.');
      expect(name).toMatch(/^[a-z][A-Za-z]*$/);
      if (owner === routine.id) continue;
      const source = ROUTINES.find((candidate) => candidate.id === owner);
      const original = source?.steps.find((candidate) => candidate.id === step.id);
      expect(original).toBeDefined();
      if (original === undefined) continue;
      expect(withoutMove(step)).toEqual(withoutMove(original));
      if (step.moveTo === undefined) expect(step).toStrictEqual(original);
    }
  });

  it('speaks only plain text: no SSML, markup characters or emoji', () => {
    for (const text of spokenTexts(routine)) expect(text).toMatch(PLAIN_SPOKEN_TEXT);
  });

  const mention = POINT_TO_AVOID_MENTION[routine.id];
  if (mention !== undefined) {
    it('lists its points to avoid and names them in the cautions or points', () => {
      expect(routine.pointsToAvoid.length).toBeGreaterThanOrEqual(1);
      expect([...routine.cautions, ...routine.pointsToAvoid].join(' ')).toMatch(mention);
    });
  }
});

describe.each(stepCases)('step %s (in %s)', (_id, _routineId, step) => {
  it('has a title and all three pressure wordings, each one to three sentences', () => {
    expect(step.title.trim()).not.toBe('');
    for (const level of PRESSURE_LEVELS) {
      expect(step.instruction[level].trim()).not.toBe('');
      expect(sentenceCount(step.instruction[level])).toBeLessThanOrEqual(3);
    }
  });

  it('never calls for deep pressure', () => {
    for (const level of PRESSURE_LEVELS) expect(step.instruction[level]).not.toMatch(/\bdeep/i);
  });

  it('has both pressure tips', () => {
    expect(step.morePressureTip.trim()).not.toBe('');
    expect(step.lessPressureTip.trim()).not.toBe('');
  });

  it('has two to five short cues', () => {
    expect(step.cues.length).toBeGreaterThanOrEqual(2);
    expect(step.cues.length).toBeLessThanOrEqual(5);
    for (const cue of step.cues) {
      expect(countWords(cue.text)).toBeGreaterThanOrEqual(4);
      expect(countWords(cue.text)).toBeLessThanOrEqual(15);
    }
  });

  it(`holds for ${MIN_HOLD_SECONDS} to ${MAX_HOLD_SECONDS} seconds`, () => {
    expect(step.holdSeconds).toBeGreaterThanOrEqual(MIN_HOLD_SECONDS);
    expect(step.holdSeconds).toBeLessThanOrEqual(MAX_HOLD_SECONDS);
  });

  it('fits its speech inside the hold at the slower voice and quicker pace', () => {
    expect(spokenWords(step)).toBeLessThanOrEqual(MAX_WORDS_PER_HOLD_SECOND * step.holdSeconds);
  });
});

describe('legs', () => {
  it('hips and legs warns about a swollen, hot, red or painful calf', () => {
    const hipsLegs = catalogue.get('hipsLegs');
    expect(hipsLegs?.cautions.join(' ')).toMatch(/calf/i);
  });
});

describe('ten minutes tonight', () => {
  const tenMinutes = catalogue.get('tenMinutesTonight');

  it('lasts eight to twelve minutes at normal pace', () => {
    const seconds = tenMinutes?.steps.reduce((total, step) => total + step.holdSeconds, 0) ?? 0;
    expect(seconds).toBeGreaterThanOrEqual(8 * 60);
    expect(seconds).toBeLessThanOrEqual(12 * 60);
  });

  it('reuses steps from at least three other routines', () => {
    // Prepare
    const others = ROUTINES.filter((routine) => routine.id !== 'tenMinutesTonight');

    // Act
    const lenders = others.filter((routine) =>
      tenMinutes?.steps.some((step) => routine.steps.some((own) => own.id === step.id)),
    );

    // Assess
    expect(lenders.length).toBeGreaterThanOrEqual(3);
  });
});
