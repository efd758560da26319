/** The core's waits, steps by number and routine switches, cell by cell. */
import { catalogue, lines, ROUTINES } from '../../lambda/content';
import { Catalogue } from '../../lambda/core/catalogue';
import { type Decision, decide } from '../../lambda/core/coach';
import type { MenuQuestion } from '../../lambda/core/coach/state';
import { DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS, MIN_WAIT_SECONDS, waitSeconds } from '../../lambda/core/coach/wait';
import { MAX_RESPONSE_SECONDS } from '../../lambda/core/limits';
import type { Segment } from '../../lambda/core/pacing';
import { newProfile } from '../../lambda/core/profile';
import { CoreWalker, playing, START, spokenText } from '../support/walk';

const lowerBack = catalogue.get('lowerBack');
if (!lowerBack) throw new Error('lowerBack');

function silences(decision: Decision): number[] {
  return decision.plan.segments.filter((s: Segment) => s.kind === 'silence').map((s) => s.seconds);
}

function totalSeconds(decision: Decision): number {
  return decision.plan.segments.reduce((sum, s) => sum + s.seconds, 0);
}

function lastLine(decision: Decision): string {
  const speech = decision.plan.segments.filter((s) => s.kind === 'speech');
  const last = speech[speech.length - 1];
  return last?.kind === 'speech' ? last.text : '';
}

describe('waitSeconds', () => {
  it('gives the default when no length, a non-number or a moment was heard', () => {
    expect(waitSeconds(undefined)).toBe(DEFAULT_WAIT_SECONDS);
    expect(waitSeconds(Number.NaN)).toBe(DEFAULT_WAIT_SECONDS);
    expect(waitSeconds(1)).toBe(DEFAULT_WAIT_SECONDS);
    expect(waitSeconds(MIN_WAIT_SECONDS - 1)).toBe(DEFAULT_WAIT_SECONDS);
  });

  it('keeps a length from the shortest to the longest, rounded to whole seconds', () => {
    expect(waitSeconds(MIN_WAIT_SECONDS)).toBe(MIN_WAIT_SECONDS);
    expect(waitSeconds(45.4)).toBe(45);
    expect(waitSeconds(MAX_WAIT_SECONDS)).toBe(MAX_WAIT_SECONDS);
  });

  it('has no quiet for a length beyond what one answer holds', () => {
    expect(waitSeconds(MAX_WAIT_SECONDS + 1)).toBeUndefined();
  });
});

describe('wait during a routine', () => {
  it('stays quiet as long as asked, then asks to carry on with the step from its start', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'wait', seconds: 120 }, 40);
    expect(silences(result)).toEqual([120]);
    expect(spokenText(result)).toContain(lines.waiting(120));
    expect(lastLine(result)).toBe(lines.shallICarryOn(1));
    expect(result.plan).toMatchObject({ listen: true, endSession: false, reprompt: lines.shallICarryOnReprompt });
    const state = playing(result.state);
    expect(state.resumeAt).toEqual({ stepIndex: 0, offset: 0 });
    expect(state.question).toEqual({ kind: 'continue' });
    expect(result.update).toBeUndefined();
    const yes = walker.send({ type: 'yes' }, totalSeconds(result) + 1);
    expect(spokenText(yes)).toMatch(/^Step 1 of 6/);
  });

  it('the longest wait, with its lines, fits one answer', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'wait', seconds: MAX_WAIT_SECONDS }, 10);
    expect(silences(result)).toEqual([MAX_WAIT_SECONDS]);
    expect(totalSeconds(result)).toBeLessThanOrEqual(MAX_RESPONSE_SECONDS);
  });

  it('a longer wait saves the place and ends the session with how to come back', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'wait', seconds: MAX_WAIT_SECONDS + 1 }, 10);
    expect(silences(result)).toEqual([]);
    expect(result.plan.endSession).toBe(true);
    expect(spokenText(result)).toContain(lines.longWait);
    expect(spokenText(result)).toContain(lines.howToResume);
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 0 });
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('while halted it keeps the halt and its cause, and asks to carry on', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'discomfort' }, 10);
    const result = walker.send({ type: 'wait' }, 5);
    expect(silences(result)).toEqual([DEFAULT_WAIT_SECONDS]);
    expect(result.state).toMatchObject({ mode: 'halted', cause: 'discomfort', question: { kind: 'continue' } });
    expect(lastLine(result)).toBe(lines.shallICarryOn(1));
  });

  it('in labour it only waits for the next contraction', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'labour' });
    walker.send({ type: 'yes' });
    const result = walker.send({ type: 'wait', seconds: 60 });
    expect(result.state).toEqual({ mode: 'labour' });
    expect(silences(result)).not.toContain(60);
  });
});

describe('wait at the menu', () => {
  it('asks which routine after the quiet', () => {
    const walker = new CoreWalker();
    const result = walker.send({ type: 'wait', seconds: 60 });
    expect(silences(result)).toEqual([60]);
    expect(spokenText(result)).toContain(lines.readyWhenYouAre);
    expect(lastLine(result)).toBe(lines.whichRoutine);
  });

  it('asks the pending question again: the paused routine, forgetting, her weeks, a suggested routine', () => {
    const resume = new CoreWalker();
    resume.begin('lowerBack');
    resume.send({ type: 'pause' }, 10);
    resume.send({ type: 'launch' });
    expect(lastLine(resume.send({ type: 'wait' }))).toMatch(/^You paused lower back relief at step 1/);
    expect(resume.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });

    const forget = new CoreWalker();
    forget.send({ type: 'forgetMe' });
    expect(lastLine(forget.send({ type: 'wait' }))).toBe(lines.forgetQuestion);
    expect(forget.state).toEqual({ mode: 'menu', question: { kind: 'forget' } });

    const term = new CoreWalker();
    term.send({ type: 'labour' });
    expect(lastLine(term.send({ type: 'wait' }))).toBe(lines.askTerm);
    expect(term.state).toEqual({ mode: 'menu', question: { kind: 'term' } });

    const suggested = new CoreWalker();
    suggested.send({ type: 'helpWith', concern: 'backAche' });
    const question = suggested.state.mode === 'menu' ? suggested.state.question : undefined;
    expect(question?.kind).toBe('start');
    const again = suggested.send({ type: 'wait' });
    expect(lastLine(again)).toMatch(/^Shall I start /);
    expect(suggested.state).toEqual({ mode: 'menu', question });
  });

  it('a wait longer than an answer holds says how to come back and ends', () => {
    const walker = new CoreWalker();
    const result = walker.send({ type: 'wait', seconds: 600 });
    expect(result.plan.endSession).toBe(true);
    expect(spokenText(result)).toContain(lines.comeBackLater);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('the question asked again after the quiet is said as a question', () => {
    const forget = new CoreWalker();
    forget.send({ type: 'forgetMe' });
    const term = new CoreWalker();
    term.send({ type: 'labour' });
    const suggested = new CoreWalker();
    suggested.send({ type: 'helpWith', concern: 'backAche' });
    for (const walker of [forget, term, suggested]) {
      const segments = walker.send({ type: 'wait' }).plan.segments;
      expect(segments[segments.length - 1]).toMatchObject({ kind: 'speech', role: 'prompt' });
    }
  });

  it('a question whose routine or paused place is gone falls back to which routine', () => {
    const withoutFoot = new Catalogue(ROUTINES.filter((routine) => routine.id !== 'foot'));
    const ask = (question: MenuQuestion) =>
      decide({
        state: { mode: 'menu', question },
        profile: newProfile(),
        event: { type: 'wait' },
        now: START,
        updateId: 'wait-1',
        catalogue: withoutFoot,
        wording: lines,
      });
    for (const question of [{ kind: 'start', routineId: 'foot' }, { kind: 'resume' }] as const) {
      const result = ask(question);
      expect(spokenText(result)).toContain(lines.readyWhenYouAre);
      expect(lastLine(result)).toBe(lines.whichRoutine);
      expect(result.state).toEqual({ mode: 'menu' });
    }
  });
});

describe('go to a step by number', () => {
  it('plays the step asked for, from its start', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'goToStep', step: 4 }, 30);
    expect(spokenText(result)).toMatch(/^Step 4 of 6/);
    expect(playing(result.state).played.spans[0]?.[0]).toBe(3);
  });

  it.each([[0], [7], [2.5], [-1], [undefined]])(
    'step %p of a six-step routine is answered, and the routine waits on its step',
    (step) => {
      const walker = new CoreWalker();
      walker.begin('lowerBack');
      const result = walker.send(step === undefined ? { type: 'goToStep' } : { type: 'goToStep', step }, 30);
      const heard = step !== undefined && Number.isInteger(step) && step >= 0 ? step : undefined;
      expect(spokenText(result)).toContain(lines.noSuchStep('lower back relief', 6, heard));
      expect(lastLine(result)).toBe(lines.shallICarryOn(1));
      expect(playing(result.state).resumeAt).toEqual({ stepIndex: 0, offset: 0 });
    },
  );

  it('moves on from a halt when a step is named', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'discomfort' }, 10);
    const result = walker.send({ type: 'goToStep', step: 3 });
    expect(spokenText(result)).toMatch(/^Step 3 of 6/);
    expect(result.state.mode).toBe('routine');
  });

  it('at the menu picks the paused routine up at that step once she is in position', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'pause' }, 10);
    walker.send({ type: 'launch' });
    const result = walker.send({ type: 'goToStep', step: 5 });
    expect(spokenText(result)).toContain(lines.fromStep('lower back relief', 5));
    expect(spokenText(result)).toContain(lowerBack.position);
    expect(playing(result.state).resumeAt).toEqual({ stepIndex: 4, offset: 0 });
    expect(spokenText(walker.send({ type: 'resume' }))).toMatch(/^Step 5 of 6/);
  });

  it('at the menu, a step the paused routine lacks is answered and the routine offered again', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'pause' }, 10);
    const result = walker.send({ type: 'goToStep', step: 12 });
    expect(spokenText(result)).toContain(lines.noSuchStep('lower back relief', 6, 12));
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
  });

  it('at the menu with nothing paused, there is no routine going', () => {
    const result = new CoreWalker().send({ type: 'goToStep', step: 2 });
    expect(spokenText(result)).toContain(lines.noRoutineGoing);
  });
});

describe('another routine during one', () => {
  it('keeps the first routine’s place, then opens the other', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'start', heard: 'feet' }, 90);
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 1 });
    expect(spokenText(result)).toContain(lines.routineTitle('foot massage'));
    expect(playing(result.state).routineId).toBe('foot');
  });

  it('a name that fits several is answered with their names, and the routine waits on its step', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'start', heard: 'legs and feet' }, 10);
    expect(spokenText(result)).toContain(lines.ambiguousRoutine(['foot massage', 'hips and legs']));
    expect(lastLine(result)).toBe(lines.shallICarryOn(1));
    expect(result.update).toBeUndefined();
    expect(playing(result.state).routineId).toBe('lowerBack');
  });

  it('at the menu, several that fit are named and the question is which', () => {
    const result = new CoreWalker().send({ type: 'start', heard: 'legs and feet' });
    expect(spokenText(result)).toContain(lines.ambiguousRoutine(['foot massage', 'hips and legs']));
    expect(spokenText(result)).not.toContain(lines.unknownRoutine('legs and feet'));
    expect(lastLine(result)).toBe(lines.whichRoutine);
  });
});
