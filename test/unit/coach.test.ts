import { lines, ROUTINES } from '../../lambda/content';
import { BOUNDARY_WINDOW_SECONDS, INITIAL_STATE, SPEECH_TO_REQUEST_LAG_SECONDS } from '../../lambda/core/coach';
import { CoreWalker, playing, spokenText } from '../support/walk';

const lowerBack = ROUTINES[0];
if (!lowerBack) throw new Error('catalogue is empty');

describe('the coach table', () => {
  it('start speaks the position and the cautions, then waits for her to be ready before step 1', () => {
    const walker = new CoreWalker();
    const result = walker.send({ type: 'start', routineId: 'lowerBack' });
    const text = spokenText(result);
    expect(text).toContain(lowerBack.position);
    for (const caution of lowerBack.cautions) expect(text).toContain(caution);
    expect(text).not.toMatch(/Step 1 of/);
    expect(text).toContain(lines.whenReady);
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.whenReadyReprompt });
    const ready = walker.send({ type: 'resume' }, 20);
    expect(spokenText(ready).trimStart()).toMatch(/^Step 1 of 6\./);
  });

  it('the first start says once when to check with the care provider first', () => {
    const walker = new CoreWalker();
    const first = walker.send({ type: 'start', routineId: 'hand' });
    expect(spokenText(first)).toContain(lines.safetyBeforeStarting);
    expect(first.update?.screeningHeard).toBe(true);
    const again = walker.send({ type: 'start', routineId: 'foot' });
    expect(spokenText(again)).not.toContain(lines.safetyBeforeStarting);
  });

  it('next acts on the step that was playing when the user spoke', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'next' }, 1);
    expect(spokenText(result).trimStart()).toMatch(/^Step 2 of/);
    const spans = playing(result.state).played.spans;
    const wellIntoStep3 = (spans[1]?.[1] ?? 0) + SPEECH_TO_REQUEST_LAG_SECONDS + BOUNDARY_WINDOW_SECONDS + 5;
    const third = walker.send({ type: 'next' }, wellIntoStep3);
    expect(spokenText(third).trimStart()).toMatch(/^Step 4 of/);
  });

  it('previous goes back one step, and at step 1 says so', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    expect(spokenText(walker.send({ type: 'previous' }, 1))).toContain(lines.firstStepAlready);
    walker.send({ type: 'next' }, 1);
    walker.send({ type: 'next' }, 1);
    expect(
      spokenText(walker.send({ type: 'previous' }, 1))
        .trimStart()
        .startsWith('Step 2 of'),
    ).toBe(true);
  });

  it('pause saves the step playing, ends the session, and resume later starts that step', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'next' }, 1);
    const paused = walker.send({ type: 'pause' }, 10);
    expect(paused.plan.endSession).toBe(true);
    expect(spokenText(paused)).toContain(lines.howToResume);
    expect(paused.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 1 });
    walker.state = { mode: 'menu' };
    const launch = walker.send({ type: 'launch' }, 86_400 * 2);
    expect(launch.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
    const resumed = walker.send({ type: 'yes' });
    expect(spokenText(resumed)).toContain(lines.resumingAt('lower back relief', 2));
    expect(spokenText(resumed)).toContain(lines.whenReady);
    expect(spokenText(walker.send({ type: 'resume' }, 30)).trimStart()).toMatch(/^Step 2 of/);
  });

  it('a response that finished playing makes next go to the step it offered', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const offered = playing(walker.state).resumeAt.stepIndex;
    const result = walker.send({ type: 'next' }, walker.lastSeconds + 3);
    expect(
      spokenText(result)
        .trimStart()
        .startsWith(`Step ${offered + 1} of`),
    ).toBe(true);
  });

  it('more pressure changes the remembered level, gives the step tip, and is capped at firm', () => {
    const walker = new CoreWalker({ pressure: 'medium' });
    walker.begin('lowerBack');
    const firmer = walker.send({ type: 'pressure', direction: 'more' }, 5);
    expect(spokenText(firmer)).toContain(lowerBack.steps[0]?.morePressureTip);
    expect(walker.profile.preferences.pressure).toBe('firm');
    expect(firmer.update?.preferences?.pressure?.value).toBe('firm');
    const capped = walker.send({ type: 'pressure', direction: 'more' }, 2);
    expect(spokenText(capped)).toContain(lines.pressureCapped);
    expect(walker.profile.preferences.pressure).toBe('firm');
    expect(capped.update).toBeUndefined();
  });

  it('less pressure at gentle offers the lightest options', () => {
    const walker = new CoreWalker({ pressure: 'gentle' });
    walker.begin('foot');
    const result = walker.send({ type: 'pressure', direction: 'less' }, 5);
    expect(spokenText(result)).toContain(lines.pressureFloored);
  });

  it('"it hurts" stops, lightens, and waits; nothing continues until asked', () => {
    const walker = new CoreWalker({ pressure: 'firm' });
    walker.begin('lowerBack');
    const hurt = walker.send({ type: 'discomfort' }, 30);
    expect(spokenText(hurt)).toContain(lines.discomfort);
    expect(hurt.plan.segments.some((s) => s.step !== undefined)).toBe(false);
    expect(hurt.state.mode).toBe('halted');
    expect(walker.profile.preferences.pressure).toBe('medium');
    const status = walker.send({ type: 'status' }, 60);
    expect(status.plan.segments.some((s) => s.step !== undefined)).toBe(false);
    const resumed = walker.send({ type: 'resume' }, 2);
    expect(spokenText(resumed).trimStart()).toMatch(/^Step 1 of/);
  });

  it('a warning sign stops the routine with its tier, ends the session and keeps the place, not the reason', () => {
    const walker = new CoreWalker();
    walker.begin('hipsLegs');
    const result = walker.send({ type: 'warningSign', sign: 'legClot' }, 20);
    expect(spokenText(result)).toContain(lines.tierAction[2]);
    expect(spokenText(result)).toContain(lines.signClause.legClot);
    expect(result.plan.segments.some((s) => s.step !== undefined)).toBe(false);
    expect(result.plan.endSession).toBe(true);
    expect(result.state.mode).toBe('menu');
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'hipsLegs', stepIndex: 0 });
    // What is saved is where the routine was, never why it stopped.
    expect(Object.keys(result.update ?? {}).sort()).toEqual(['id', 'paused']);
    expect(Object.keys(result.update?.paused?.place ?? {}).sort()).toEqual(['at', 'routineId', 'stepId', 'stepIndex']);
  });

  it('slower and faster change the pace within bounds', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'pace', direction: 'slower' });
    expect(walker.profile.preferences.pace).toBe('slower');
    const again = walker.send({ type: 'pace', direction: 'slower' });
    expect(spokenText(again)).toContain(lines.slowestPace);
    walker.send({ type: 'pace', direction: 'faster' });
    walker.send({ type: 'pace', direction: 'faster' });
    expect(walker.profile.preferences.pace).toBe('quicker');
  });

  it('step-by-step flow speaks one step and waits for next', () => {
    const walker = new CoreWalker({ flow: 'stepByStep' });
    const result = walker.begin('hand');
    const steps = new Set(result.plan.segments.flatMap((s) => (s.step === undefined ? [] : [s.step])));
    expect([...steps]).toEqual([0]);
    expect(spokenText(result)).toContain('say next for step 2');
  });

  it('finishing a routine records practice once, offers a reminder the first time, and ends the session', () => {
    const walker = new CoreWalker();
    const turns = walker.walk('hand');
    const practice = turns.flatMap((t) => t.update?.practice ?? []);
    expect(practice).toHaveLength(1);
    expect(walker.profile.history.sessionsFinished).toBe(1);
    // The walk says no to the reminder offered after the first closing.
    expect(turns[turns.length - 2]?.state).toMatchObject({ mode: 'menu', question: { kind: 'reminder' } });
    expect(turns[turns.length - 1]?.plan.endSession).toBe(true);
    const again = new CoreWalker();
    again.profile = { ...walker.profile };
    const second = again.walk('hand');
    expect(second[second.length - 1]?.plan.endSession).toBe(true);
  });

  it('"what helps with" screens first, suggests the routine and offers to start it', () => {
    const walker = new CoreWalker();
    const feet = walker.send({ type: 'helpWith', concern: 'swollenFeet' });
    expect(spokenText(feet)).toContain(lines.concernScreening.swollenFeet);
    expect(feet.state).toEqual({ mode: 'menu', question: { kind: 'start', routineId: 'foot' } });
    const started = walker.send({ type: 'yes' });
    expect(started.state).toMatchObject({ mode: 'routine', routineId: 'foot' });
  });

  it('forget me asks first, and deletes only on yes', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'forgetMe' });
    expect(walker.send({ type: 'no' }).effects).toEqual([]);
    walker.send({ type: 'forgetMe' });
    const yes = walker.send({ type: 'yes' });
    expect(yes.effects.map((effect) => effect.type)).toEqual(['deleteProfile']);
    expect(yes.plan.endSession).toBe(true);
  });

  it('the disclaimer is said once, on first use', () => {
    const walker = new CoreWalker();
    walker.profile = { ...walker.profile, disclaimerHeard: false };
    const first = walker.send({ type: 'launch' });
    expect(spokenText(first)).toContain(lines.disclaimer);
    expect(first.update?.disclaimerHeard).toBe(true);
    const second = walker.send({ type: 'launch' });
    expect(spokenText(second)).not.toContain(lines.disclaimer);
  });

  it('session end mid-routine saves the place without speaking', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const ended = walker.send({ type: 'sessionEnded' }, walker.lastSeconds + 16);
    expect(ended.plan.segments).toHaveLength(0);
    expect(ended.update?.paused?.place?.stepIndex).toBe(
      playing(walker.turns[1]?.state ?? INITIAL_STATE).resumeAt.stepIndex,
    );
  });
});

describe('launch in the middle of a routine', () => {
  it('keeps the place and offers it', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'next' }, 1);
    const launch = walker.send({ type: 'launch' }, 5);
    expect(launch.update?.paused?.place).toMatchObject({ routineId: 'foot', stepIndex: 1 });
    expect(launch.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
  });
});

describe('timing honesty near a step boundary', () => {
  /** Starts lower back relief, asks for next at once (steps 2 onward play), and returns when step 3 starts. */
  function playingFromStep2(): { walker: CoreWalker; step3Starts: number } {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'next' }, 1);
    const spans = playing(walker.state).played.spans;
    const step3 = spans.find((span) => span[0] === 2);
    if (step3 === undefined) throw new Error('step 3 is not in the answer');
    return { walker, step3Starts: step3[1] };
  }

  it('a request sent just after step 3 began acts on step 2, allowing for the lag', () => {
    const { walker, step3Starts } = playingFromStep2();
    const result = walker.send({ type: 'next' }, step3Starts + SPEECH_TO_REQUEST_LAG_SECONDS - 1);
    expect(spokenText(result).trimStart()).toMatch(/^Moving on from step 2 to step 3\. Step 3 of/);
  });

  it.each([
    ['next', { type: 'next' } as const, /^Moving on from step 3 to step 4\. Step 4 of/],
    ['previous', { type: 'previous' } as const, /^Going back from step 3 to step 2\. Step 2 of/],
    ['repeat', { type: 'repeat' } as const, /^Step 3 once more\. Step 3 of/],
    ['more pressure', { type: 'pressure', direction: 'more' } as const, /^For step 3:/],
  ])('%s close after a boundary says which step it acts on', (_name, event, expected) => {
    const { walker, step3Starts } = playingFromStep2();
    const result = walker.send(event, step3Starts + SPEECH_TO_REQUEST_LAG_SECONDS + 1);
    expect(spokenText(result).trimStart()).toMatch(expected);
  });

  it.each([
    ['next', { type: 'next' } as const, /^Step 4 of/],
    ['previous', { type: 'previous' } as const, /^Step 2 of/],
    ['repeat', { type: 'repeat' } as const, /^Once more\. Step 3 of/],
  ])('%s well inside a step says nothing extra', (_name, event, expected) => {
    const { walker, step3Starts } = playingFromStep2();
    const result = walker.send(event, step3Starts + SPEECH_TO_REQUEST_LAG_SECONDS + BOUNDARY_WINDOW_SECONDS + 4);
    expect(spokenText(result).trimStart()).toMatch(expected);
  });

  it('going back after a boundary announcement is a cheap correction', () => {
    const { walker, step3Starts } = playingFromStep2();
    walker.send({ type: 'next' }, step3Starts + SPEECH_TO_REQUEST_LAG_SECONDS + 1);
    const back = walker.send({ type: 'previous' }, 1);
    expect(spokenText(back).trimStart()).toMatch(/^Step 3 of/);
  });
});
