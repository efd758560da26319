import { lines, ROUTINES } from '../../lambda/content';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';
import { type CoachState, type Decision, decide, INITIAL_STATE } from '../../lambda/core/coach';
import type { CoachEvent } from '../../lambda/core/events';
import { remainingSeconds } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, lighter } from '../../lambda/core/preferences';
import { newProfile, type UserProfile } from '../../lambda/core/profile';
import { CoreWalker, playing, spokenText } from '../support/walk';

const lowerBack = ROUTINES.find((routine) => routine.id === 'lowerBack');
if (!lowerBack) throw new Error('lowerBack is missing');
const steps = lowerBack.steps;
const stepAt = (index: number) => {
  const step = steps[index];
  if (!step) throw new Error(`lowerBack has no step ${index}`);
  return step;
};

/** The spoken lines of a decision, in order. */
function said(decision: Decision): string[] {
  return decision.plan.segments.flatMap((segment) => (segment.kind === 'speech' ? [segment.text] : []));
}

/** Seconds to wait after the last answer so the request lands `elapsed` seconds into it. */
const at = (elapsed: number) => elapsed + 2;

/** Begins lowerBack and returns the start of step 2 in the first answer. */
function begun(prefs?: ConstructorParameters<typeof CoreWalker>[0]): { walker: CoreWalker; step2Start: number } {
  const walker = new CoreWalker(prefs);
  walker.begin('lowerBack');
  const spans = playing(walker.state).played.spans;
  const step2 = spans.find((span) => span[0] === 1);
  if (!step2) throw new Error('step 2 is not in the first answer');
  return { walker, step2Start: step2[1] };
}

/** Lets the last answer play out, then says yes, until every step has played. */
function playedToTheEnd(walker: CoreWalker): void {
  for (let turn = 0; turn < 20 && playing(walker.state).resumeAt.stepIndex < steps.length; turn += 1) {
    walker.send({ type: 'yes' }, walker.lastSeconds + 5);
  }
  expect(playing(walker.state).resumeAt.stepIndex).toBe(steps.length);
}

/** Halts the routine with "it hurts" (cause discomfort). */
function haltedByDiscomfort(prefs?: ConstructorParameters<typeof CoreWalker>[0]): CoreWalker {
  const { walker } = begun(prefs);
  walker.send({ type: 'discomfort' }, at(20));
  expect(walker.state).toMatchObject({ mode: 'halted', cause: 'discomfort', resumeAt: { stepIndex: 0 } });
  return walker;
}

describe('next, previous and repeat', () => {
  it.each([
    { name: 'mid step 1', elapsed: 20, first: lines.repeatingStep, firstStep: 1 },
    { name: 'just after step 2 starts', elapsed: 'boundary+1', first: lines.repeatingStepNumber(2), firstStep: 2 },
    {
      name: 'exactly the window after step 2 starts',
      elapsed: 'boundary+3',
      first: lines.repeatingStepNumber(2),
      firstStep: 2,
    },
  ])('repeat $name', ({ elapsed, first, firstStep }) => {
    const { walker, step2Start } = begun();
    const when =
      elapsed === 'boundary+1' ? step2Start + 1 : elapsed === 'boundary+3' ? step2Start + 3 : (elapsed as number);
    const result = walker.send({ type: 'repeat' }, at(when));
    expect(said(result)[0]).toBe(first);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(firstStep - 1);
  });

  it('next mid step moves on without a preface; near a boundary it names the steps', () => {
    const quiet = begun().walker;
    const plain = quiet.send({ type: 'next' }, at(20));
    expect(spokenText(plain)).not.toContain(lines.movingOn(1, 2));
    expect(playing(plain.state).played.spans[0]?.[0]).toBe(1);

    const { walker, step2Start } = begun();
    const near = walker.send({ type: 'next' }, at(step2Start + 1));
    expect(said(near)[0]).toBe(lines.movingOn(2, 3));
    expect(playing(near.state).played.spans[0]?.[0]).toBe(2);
  });

  it('next while waiting for ready goes to step 1, with no boundary preface', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'start', routineId: 'lowerBack' });
    const result = walker.send({ type: 'next' }, 30);
    expect(said(result).some((line) => line === lines.movingOn(0, 1) || line === lines.movingOn(1, 2))).toBe(false);
    expect(playing(result.state).played.spans[0]).toEqual([0, expect.any(Number), expect.any(Number), 0]);
  });

  it('next after a played-out answer goes to the step it offered', () => {
    const { walker } = begun();
    const offered = playing(walker.state).resumeAt.stepIndex;
    const result = walker.send({ type: 'next' }, walker.lastSeconds + 10);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(offered);
  });

  it('previous near a boundary names the steps; at step 1 says it is the first', () => {
    const { walker, step2Start } = begun();
    const back = walker.send({ type: 'previous' }, at(step2Start + 1));
    expect(said(back)[0]).toBe(lines.goingBack(2, 1));
    expect(playing(back.state).played.spans[0]?.[0]).toBe(0);

    const first = begun().walker.send({ type: 'previous' }, at(20));
    expect(said(first)[0]).toBe(lines.firstStepAlready);
    expect(playing(first.state).played.spans[0]?.[0]).toBe(0);
  });

  it('previous after an answer played out goes back to the last step it played', () => {
    const { walker } = begun();
    const lastPlayed = playing(walker.state).played.spans.at(-1)?.[0] ?? -1;
    const result = walker.send({ type: 'previous' }, walker.lastSeconds + 10);
    expect(said(result)).not.toContain(lines.firstStepAlready);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(lastPlayed);
  });
});

describe('resume and start over', () => {
  it.each([
    { name: 'mid step 1 replays step 1 from its start', wait: () => at(20), expected: () => 0 },
    {
      name: 'after the answer played out goes on where it stopped',
      wait: (w: CoreWalker) => w.lastSeconds + 10,
      expected: (w: CoreWalker) => playing(w.state).resumeAt.stepIndex,
    },
  ])('resume in a routine $name', ({ wait, expected }) => {
    const { walker } = begun();
    const want = expected(walker);
    const result = walker.send({ type: 'resume' }, wait(walker));
    expect(playing(result.state).played.spans[0]).toEqual([want, expect.any(Number), expect.any(Number), 0]);
  });

  it('resume while halted goes on at the halted step', () => {
    const walker = haltedByDiscomfort();
    const result = walker.send({ type: 'resume' }, 5);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(0);
  });

  it('start over mid routine goes from the top', () => {
    const { walker, step2Start } = begun();
    const result = walker.send({ type: 'startOver' }, at(step2Start + 20));
    expect(said(result)[0]).toBe(lines.fromTheTop);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(0);
  });

  it('start over at the menu opens the paused routine, or says none is going', () => {
    const none = new CoreWalker().send({ type: 'startOver' });
    expect(said(none)).toEqual([lines.noRoutineGoing, lines.whichRoutine]);
    expect(none.state).toEqual({ mode: 'menu' });

    const { walker } = begun();
    walker.send({ type: 'pause' }, at(20));
    walker.state = INITIAL_STATE;
    const again = walker.send({ type: 'startOver' });
    expect(said(again)).toContain(lowerBack.position);
    expect(playing(again.state)).toMatchObject({ resumeAt: { stepIndex: 0, offset: 0 }, played: { spans: [] } });
  });
});

describe('pause, stop and home', () => {
  it.each([
    {
      event: 'pause' as const,
      expected: (step: number) => [lines.pausedAt(lowerBack.name, step, stepAt(step - 1).title), lines.howToResume],
    },
    { event: 'stop' as const, expected: (step: number) => [lines.savedPlace(lowerBack.name, step), lines.goodbye] },
  ])('$event mid step 2 saves step 2 and ends', ({ event, expected }) => {
    const { walker, step2Start } = begun();
    const result = walker.send({ type: event }, at(step2Start + 20));
    expect(said(result)).toEqual(expected(2));
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.plan).toMatchObject({ listen: false, endSession: true });
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 1 });
  });

  it('home mid step 2 saves step 2 and goes to the menu', () => {
    const { walker, step2Start } = begun();
    const result = walker.send({ type: 'home' }, at(step2Start + 20));
    expect(said(result)).toEqual([lines.homeFromRoutine(lowerBack.name, 2), lines.whichRoutine]);
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 1 });
  });

  it('pause after an answer played out saves the step it offered', () => {
    const { walker } = begun();
    const offered = playing(walker.state).resumeAt.stepIndex;
    const result = walker.send({ type: 'pause' }, walker.lastSeconds + 10);
    expect(result.update?.paused?.place).toMatchObject({ stepIndex: offered });
  });

  it('pause and stop while halted save the halted step', () => {
    for (const event of ['pause', 'stop'] as const) {
      const walker = haltedByDiscomfort();
      const result = walker.send({ type: event }, 60);
      expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 0 });
    }
  });

  it.each(['pause', 'stop'] as const)('%s after the last step gives the closing and records the practice', (event) => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    playedToTheEnd(walker);
    const result = walker.send({ type: event }, walker.lastSeconds + 10);
    expect(said(result)).toEqual([lowerBack.closing, lines.routineFinished(lowerBack.name)]);
    expect(result.plan.endSession).toBe(true);
    expect(result.update?.practice).toEqual([expect.objectContaining({ routineId: 'lowerBack' })]);
    expect(result.update?.paused).toBeUndefined();
  });

  it('home after the last step gives the menu and records the practice', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    playedToTheEnd(walker);
    const result = walker.send({ type: 'home' }, walker.lastSeconds + 10);
    expect(said(result)).toEqual([lines.whichRoutine]);
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.update?.practice).toEqual([expect.objectContaining({ routineId: 'lowerBack' })]);
    expect(result.update?.paused).toBeUndefined();
  });
});

describe('status', () => {
  it('mid step 2 says the step and the time left from where it was', () => {
    const { walker, step2Start } = begun();
    const result = walker.send({ type: 'status' }, at(step2Start + 20));
    const left = remainingSeconds(lowerBack, { stepIndex: 1, offset: 20 }, DEFAULT_PREFERENCES);
    expect(said(result).slice(0, 2)).toEqual([
      lines.statusStep(2, steps.length, stepAt(1).title, lowerBack.name),
      lines.statusRemaining(left),
    ]);
  });

  it('after an answer played out says the step it offered and the time from its start', () => {
    const { walker } = begun();
    const offered = playing(walker.state).resumeAt.stepIndex;
    const result = walker.send({ type: 'status' }, walker.lastSeconds + 10);
    const left = remainingSeconds(lowerBack, { stepIndex: offered, offset: 0 }, DEFAULT_PREFERENCES);
    expect(said(result).slice(0, 2)).toEqual([
      lines.statusStep(offered + 1, steps.length, stepAt(offered).title, lowerBack.name),
      lines.statusRemaining(left),
    ]);
  });
});

describe('pressure during a routine', () => {
  it.each([
    { level: 'gentle', direction: 'more', tip: 'more', now: 'medium' },
    { level: 'medium', direction: 'more', tip: 'more', now: 'firm' },
    { level: 'medium', direction: 'less', tip: 'less', now: 'gentle' },
    { level: 'firm', direction: 'less', tip: 'less', now: 'medium' },
  ] as const)('$direction from $level gives the step tip and $now', ({ level, direction, tip, now }) => {
    const { walker } = begun({ pressure: level });
    const result = walker.send({ type: 'pressure', direction }, at(20));
    const step = stepAt(0);
    expect(said(result).slice(0, 2)).toEqual([
      tip === 'more' ? step.morePressureTip : step.lessPressureTip,
      lines.pressureNow(now),
    ]);
    expect(result.update?.preferences?.pressure?.value).toBe(now);
    expect(result.state.mode).toBe('routine');
  });

  it('more at firm is capped with no update; less at gentle gives the tip and the floor', () => {
    const capped = begun({ pressure: 'firm' }).walker.send({ type: 'pressure', direction: 'more' }, at(20));
    expect(said(capped)[0]).toBe(lines.pressureCapped);
    expect(capped.update).toBeUndefined();
    const floored = begun().walker.send({ type: 'pressure', direction: 'less' }, at(20));
    expect(said(floored).slice(0, 2)).toEqual([stepAt(0).lessPressureTip, lines.pressureFloored]);
    expect(floored.update).toBeUndefined();
  });

  it('near a boundary the answer names the step first', () => {
    const { walker, step2Start } = begun();
    const result = walker.send({ type: 'pressure', direction: 'more' }, at(step2Start + 1));
    expect(said(result).slice(0, 3)).toEqual([
      lines.tipForStep(2),
      stepAt(1).morePressureTip,
      lines.pressureNow('medium'),
    ]);
  });

  it('after an answer played out the tip is for the step it offered', () => {
    const { walker } = begun();
    const offered = playing(walker.state).resumeAt.stepIndex;
    const result = walker.send({ type: 'pressure', direction: 'more' }, walker.lastSeconds + 10);
    expect(said(result).slice(0, 2)).toEqual([stepAt(offered).morePressureTip, lines.pressureNow('medium')]);
  });

  it.each([
    { direction: 'more', expected: [lines.pressureMenuMore, lines.pressureNow('firm')], update: 'firm' },
    { direction: 'less', expected: [lines.pressureMenuLess, lines.pressureNow('gentle')], update: 'gentle' },
  ] as const)('at the menu, $direction from medium', ({ direction, expected, update }) => {
    const result = new CoreWalker({ pressure: 'medium' }).send({ type: 'pressure', direction });
    expect(said(result)).toEqual([...expected, lines.whichRoutine]);
    expect(result.update?.preferences?.pressure?.value).toBe(update);
  });

  it('at the menu, less at gentle is floored with no update', () => {
    const result = new CoreWalker().send({ type: 'pressure', direction: 'less' });
    expect(said(result)).toEqual([lines.pressureFloored, lines.whichRoutine]);
    expect(result.update).toBeUndefined();
  });
});

describe('pressure while halted', () => {
  it('more after it hurts asks first; yes raises one level and stays halted', () => {
    const walker = haltedByDiscomfort();
    const asked = walker.send({ type: 'pressure', direction: 'more' }, 5);
    expect(said(asked)).toEqual([lines.confirmMorePressure]);
    expect(asked.plan.reprompt).toBe(lines.confirmMorePressureReprompt);
    expect(asked.state).toMatchObject({ mode: 'halted', question: { kind: 'morePressure' } });
    expect(asked.update).toBeUndefined();

    const yes = walker.send({ type: 'yes' }, 5);
    expect(said(yes)).toEqual([stepAt(0).morePressureTip, lines.pressureNow('medium'), lines.discomfortChoice]);
    expect(yes.update?.preferences?.pressure?.value).toBe('medium');
    expect(yes.state).toEqual({
      mode: 'halted',
      routineId: 'lowerBack',
      resumeAt: { stepIndex: 0, offset: 0 },
      cause: 'discomfort',
      misses: expect.any(Number),
    });
  });

  it('no to more pressure keeps it and stays halted', () => {
    const walker = haltedByDiscomfort();
    walker.send({ type: 'pressure', direction: 'more' }, 5);
    const no = walker.send({ type: 'no' }, 5);
    expect(said(no)).toEqual([lines.pressureKept, lines.discomfortChoice]);
    expect(no.update).toBeUndefined();
    expect(no.state).toMatchObject({ mode: 'halted', cause: 'discomfort' });
    expect(no.state).not.toHaveProperty('question');
  });

  it('less while halted by discomfort changes at once and stays halted', () => {
    const walker = haltedByDiscomfort({ pressure: 'firm' });
    const before = walker.profile.preferences.pressure;
    const after = lighter(before);
    expect(after.floored).toBe(false);
    const result = walker.send({ type: 'pressure', direction: 'less' }, 5);
    expect(said(result)).toEqual([stepAt(0).lessPressureTip, lines.pressureNow(after.level), lines.discomfortChoice]);
    expect(result.state).toMatchObject({ mode: 'halted', cause: 'discomfort' });
  });

  it('more while halted for something not understood changes at once', () => {
    const { walker } = begun();
    walker.send({ type: 'fallback' }, at(20));
    const result = walker.send({ type: 'pressure', direction: 'more' }, 5);
    expect(said(result)).toEqual([stepAt(0).morePressureTip, lines.pressureNow('medium'), lines.notUnderstoodChoice]);
    expect(result.update?.preferences?.pressure?.value).toBe('medium');
  });

  it('yes while halted with no question asks her to say carry on', () => {
    const walker = haltedByDiscomfort();
    const result = walker.send({ type: 'yes' }, 5);
    expect(said(result)).toEqual([lines.sayCarryOnToGoOn]);
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.discomfortReprompt });
    expect(result.state).toMatchObject({ mode: 'halted', cause: 'discomfort' });
  });

  it('no while halted with no question pauses at the halted step', () => {
    const walker = haltedByDiscomfort();
    const result = walker.send({ type: 'no' }, 5);
    expect(said(result)).toEqual([lines.pausedAt(lowerBack.name, 1, stepAt(0).title), lines.howToResume]);
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 0 });
  });

  it('yes to shall I carry on while halted goes on', () => {
    const walker = haltedByDiscomfort();
    walker.send({ type: 'help' }, 5);
    expect(walker.state).toMatchObject({ mode: 'halted', question: { kind: 'continue' } });
    const result = walker.send({ type: 'yes' }, 5);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(0);
  });
});

describe('yes and no to questions during a routine', () => {
  it('yes in a routine with no pending question goes on where it stopped', () => {
    const { walker } = begun();
    const resumeAt = playing(walker.state).resumeAt;
    const { question: _pending, ...withoutQuestion } = playing(walker.state);
    walker.state = withoutQuestion;
    const result = walker.send({ type: 'yes' }, walker.lastSeconds + 10);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(resumeAt.stepIndex);
  });

  it('no in a routine pauses at the step playing', () => {
    const { walker } = begun();
    const result = walker.send({ type: 'no' }, at(20));
    expect(said(result)).toEqual([lines.pausedAt(lowerBack.name, 1, stepAt(0).title), lines.howToResume]);
  });

  it("yes to a suggested routine keeps this one's place and opens the new one", () => {
    const { walker, step2Start } = begun();
    walker.send({ type: 'helpWith', concern: 'swollenFeet' }, at(step2Start + 20));
    expect(walker.state).toMatchObject({ mode: 'routine', question: { kind: 'start', routineId: 'foot' } });
    const result = walker.send({ type: 'yes' }, 5);
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 1 });
    expect(result.state).toMatchObject({ mode: 'routine', routineId: 'foot', resumeAt: { stepIndex: 0, offset: 0 } });
  });

  it('no to a suggested routine asks to carry on with the step', () => {
    const { walker, step2Start } = begun();
    walker.send({ type: 'helpWith', concern: 'swollenFeet' }, at(step2Start + 20));
    const result = walker.send({ type: 'no' }, 5);
    expect(said(result)).toEqual([lines.noProblem, lines.shallICarryOn(2)]);
    expect(result.plan.reprompt).toBe(lines.shallICarryOnReprompt);
    expect(result.state).toMatchObject({ mode: 'routine', routineId: 'lowerBack', question: { kind: 'continue' } });
  });

  it.each([
    { name: 'playing', halt: false, mode: 'routine' },
    { name: 'halted', halt: true, mode: 'halted' },
  ])('forget me while $name keeps the mode and asks', ({ halt, mode }) => {
    const walker = halt ? haltedByDiscomfort() : begun().walker;
    const result = walker.send({ type: 'forgetMe' }, at(20));
    expect(said(result)).toEqual([lines.forgetQuestion]);
    expect(result.plan.reprompt).toBe(lines.forgetReprompt);
    expect(result.state).toMatchObject({ mode, routineId: 'lowerBack', question: { kind: 'forget' } });
  });

  it('forget me at the menu and in labour asks from the menu', () => {
    expect(new CoreWalker().send({ type: 'forgetMe' }).state).toEqual({ mode: 'menu', question: { kind: 'forget' } });
    const labour = new CoreWalker();
    labour.state = { mode: 'labour' } as CoachState;
    expect(labour.send({ type: 'forgetMe' }).state).toEqual({ mode: 'menu', question: { kind: 'forget' } });
  });

  it('yes to forget me mid routine deletes the profile, saying so if it fails', () => {
    const { walker } = begun();
    walker.send({ type: 'forgetMe' }, at(20));
    const result = walker.send({ type: 'yes' }, 5);
    expect(said(result)).toEqual([lines.forgotten]);
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.plan).toMatchObject({ listen: false, endSession: true });
    expect(result.effects).toEqual([
      {
        type: 'deleteProfile',
        planIfFailed: {
          segments: [expect.objectContaining({ kind: 'speech', text: lines.couldNotDelete })],
          listen: false,
          endSession: true,
        },
      },
    ]);
  });

  it('no to forget me mid routine keeps everything and asks to carry on', () => {
    const { walker } = begun();
    walker.send({ type: 'forgetMe' }, at(20));
    const result = walker.send({ type: 'no' }, 5);
    expect(said(result)).toEqual([lines.notForgotten, lines.shallICarryOn(1)]);
    expect(result.effects).toEqual([]);
    expect(result.state).toMatchObject({ mode: 'routine', question: { kind: 'continue' } });
  });
});

describe('not understood during a routine', () => {
  it('halts, and from the second miss in a row adds when to call', () => {
    const { walker } = begun();
    const expected = [
      [lines.notUnderstoodStopped, lines.notUnderstoodChoice],
      [lines.notUnderstoodStopped, lines.ifWorried, lines.notUnderstoodChoice],
      [lines.notUnderstoodStopped, lines.ifWorried, lines.notUnderstoodChoice],
    ];
    expected.forEach((lineList, index) => {
      const result = walker.send({ type: 'fallback' }, index === 0 ? at(20) : 5);
      expect(said(result)).toEqual(lineList);
      expect(result.state).toEqual({
        mode: 'halted',
        routineId: 'lowerBack',
        resumeAt: { stepIndex: 0, offset: 0 },
        cause: 'unclear',
        misses: index + 1,
      });
    });
  });
});

describe('pace, speech rate and flow', () => {
  it.each([
    { pace: 'slower', direction: 'slower', line: lines.slowestPace, update: undefined },
    { pace: 'quicker', direction: 'faster', line: lines.fastestPace, update: undefined },
    { pace: 'normal', direction: 'slower', line: lines.slowerPace, update: 'slower' },
    { pace: 'normal', direction: 'faster', line: lines.fasterPace, update: 'quicker' },
  ] as const)('pace $direction from $pace', ({ pace, direction, line, update }) => {
    const result = new CoreWalker({ pace }).send({ type: 'pace', direction });
    expect(said(result)).toEqual([line, lines.whichRoutine]);
    expect(result.update?.preferences?.pace?.value).toBe(update);
  });

  it.each([
    { rate: 'slower', line: lines.speakSlower },
    { rate: 'normal', line: lines.speakNormally },
  ] as const)('speech rate $rate', ({ rate, line }) => {
    const result = new CoreWalker().send({ type: 'speechRate', rate });
    expect(said(result)).toEqual([line, lines.whichRoutine]);
    expect(result.update?.preferences?.speechRate?.value).toBe(rate);
  });

  it.each([
    { flow: 'stepByStep', line: lines.stepByStepOn },
    { flow: 'continuous', line: lines.continuousOn },
  ] as const)('flow $flow', ({ flow, line }) => {
    const result = new CoreWalker().send({ type: 'flow', flow });
    expect(said(result)).toEqual([line, lines.whichRoutine]);
    expect(result.update?.preferences?.flow?.value).toBe(flow);
  });
});

describe('a step too long for one answer', () => {
  const longStep = { ...stepAt(0), holdSeconds: 600 };
  const long: Routine = { ...lowerBack, steps: [longStep, ...steps.slice(1)] };
  const longCatalogue = new Catalogue([long]);

  it('next after the first part played out goes to the step after it', () => {
    let state: CoachState = INITIAL_STATE;
    const base = newProfile();
    let profile: UserProfile = { ...base, disclaimerHeard: true, screeningHeard: true };
    let now = Date.parse('2026-11-27T19:00:00Z');
    let counter = 0;
    const send = (event: CoachEvent, afterSeconds: number): Decision => {
      now += afterSeconds * 1000;
      counter += 1;
      const result = decide({
        state,
        profile,
        event,
        now,
        updateId: `t${counter}`,
        catalogue: longCatalogue,
        wording: lines,
      });
      state = result.state;
      profile = result.profile;
      return result;
    };
    send({ type: 'start', routineId: 'lowerBack' }, 0);
    const first = send({ type: 'resume' }, 20);
    const split = playing(first.state).resumeAt;
    expect(split.stepIndex).toBe(0);
    expect(split.offset).toBeGreaterThan(0);
    const seconds = first.plan.segments.reduce((sum, segment) => sum + segment.seconds, 0);
    const result = send({ type: 'next' }, seconds + 10);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(1);
  });
});
