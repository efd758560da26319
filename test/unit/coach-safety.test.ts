/**
 * The safety net in the core: warning signs by tier, nothing understood is no reason to carry on,
 * explicit words only after "it hurts", "what helps" keeps the routine, the last step still
 * listens, and labour follows her contractions.
 */
import { lines, ROUTINES } from '../../lambda/content';
import type { Decision } from '../../lambda/core/coach';
import { MAX_RESPONSE_SECONDS } from '../../lambda/core/limits';
import { tierOf, WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';
import { CoreWalker, playing, spokenText } from '../support/walk';

/** True when the answer speaks any part of a routine step. */
function speaksAStep(result: Decision): boolean {
  return result.plan.segments.some((segment) => segment.step !== undefined);
}

describe('warning signs', () => {
  const signs = WARNING_SIGN_IDS.map((sign) => [sign, tierOf(sign)] as const);

  it.each(signs)('%s (tier %i) mid-routine: its action and clause only, no step, the place kept', (sign, tier) => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    const result = walker.send({ type: 'warningSign', sign }, 30);
    const text = spokenText(result);
    expect(text).toContain(lines.tierAction[tier]);
    expect(text).toContain(lines.signClause[sign]);
    expect(text).toContain(lines.tierClose[tier]);
    for (const other of WARNING_SIGN_IDS.filter((id) => id !== sign))
      expect(text).not.toContain(lines.signClause[other]);
    expect(text).not.toMatch(/carry on/i);
    expect(speaksAStep(result)).toBe(false);
    expect(result.plan).toMatchObject({ listen: false, endSession: true });
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 0 });
  });

  it.each(signs)('%s (tier %i) at the menu: the same answer, nothing saved', (sign, tier) => {
    const result = new CoreWalker().send({ type: 'warningSign', sign });
    expect(spokenText(result)).toContain(lines.tierAction[tier]);
    expect(spokenText(result)).toContain(lines.signClause[sign]);
    expect(result.plan.endSession).toBe(true);
    expect(result.update).toBeUndefined();
  });

  it('tier 1 names the emergency number; tiers 2 and 3 name her OB or midwife', () => {
    expect(lines.tierAction[1]).toMatch(/call 911 now/);
    expect(lines.tierAction[2]).toMatch(/call her OB or midwife now/);
    expect(lines.tierAction[3]).toMatch(/call her OB or midwife today/);
  });

  it('resume after a warning sign picks up the kept place', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'warningSign', sign: 'itching' }, 20);
    walker.state = { mode: 'menu' };
    const resumed = walker.send({ type: 'resume' }, 3600);
    expect(spokenText(resumed)).toContain(lines.resumingAt('foot massage', 1));
  });
});

describe('nothing understood is no reason to carry on', () => {
  it('mid-routine it stops and asks; a second miss adds when to call; only carry on goes on', () => {
    const walker = new CoreWalker();
    walker.begin('hand');
    const first = walker.send({ type: 'fallback' }, 30);
    expect(speaksAStep(first)).toBe(false);
    expect(spokenText(first)).toContain(lines.notUnderstoodStopped);
    expect(spokenText(first)).not.toContain(lines.ifWorried);
    expect(first.state).toMatchObject({ mode: 'halted', cause: 'unclear', misses: 1 });
    expect(first.plan.listen).toBe(true);
    const second = walker.send({ type: 'fallback' }, 5);
    expect(spokenText(second)).toContain(lines.ifWorried);
    expect(speaksAStep(second)).toBe(false);
    const okay = walker.send({ type: 'yes' }, 5);
    expect(speaksAStep(okay)).toBe(false);
    expect(spokenText(okay)).toContain(lines.sayCarryOnToGoOn);
    const carryOn = walker.send({ type: 'resume' }, 5);
    expect(spokenText(carryOn).trimStart()).toMatch(/^Step 1 of/);
  });

  it('at the menu the second miss in a row adds when to call', () => {
    const walker = new CoreWalker();
    const first = walker.send({ type: 'fallback' });
    expect(spokenText(first)).not.toContain(lines.ifWorried);
    const second = walker.send({ type: 'fallback' });
    expect(spokenText(second)).toContain(lines.ifWorried);
    expect(second.plan.listen).toBe(true);
  });
});

describe('after "it hurts" or "she feels dizzy"', () => {
  it.each([['discomfort' as const], ['unwell' as const]])(
    'after %s, "okay" and "repeat" play nothing; carry on does',
    (type) => {
      const walker = new CoreWalker({ pressure: 'medium' });
      walker.begin('lowerBack');
      walker.send({ type }, 30);
      expect(speaksAStep(walker.send({ type: 'yes' }, 3))).toBe(false);
      expect(speaksAStep(walker.send({ type: 'repeat' }, 3))).toBe(false);
      expect(speaksAStep(walker.send({ type: 'status' }, 3))).toBe(false);
      expect(spokenText(walker.send({ type: 'resume' }, 3)).trimStart()).toMatch(/^Step 1 of/);
    },
  );

  it('next moves on to the next step', () => {
    const walker = new CoreWalker();
    walker.begin('lowerBack');
    walker.send({ type: 'discomfort' }, 30);
    expect(spokenText(walker.send({ type: 'next' }, 3)).trimStart()).toMatch(/^Step 2 of/);
  });

  it('more pressure in the same pause asks first, and only a yes raises it', () => {
    const walker = new CoreWalker({ pressure: 'firm' });
    walker.begin('lowerBack');
    walker.send({ type: 'discomfort' }, 30);
    expect(walker.profile.preferences.pressure).toBe('medium');
    const asked = walker.send({ type: 'pressure', direction: 'more' }, 3);
    expect(spokenText(asked)).toContain(lines.confirmMorePressure);
    expect(walker.profile.preferences.pressure).toBe('medium');
    const declined = walker.send({ type: 'no' }, 3);
    expect(spokenText(declined)).toContain(lines.pressureKept);
    expect(declined.plan.endSession).toBe(false);
    walker.send({ type: 'pressure', direction: 'more' }, 3);
    const confirmed = walker.send({ type: 'yes' }, 3);
    expect(walker.profile.preferences.pressure).toBe('firm');
    expect(speaksAStep(confirmed)).toBe(false);
    expect(confirmed.state.mode).toBe('halted');
  });
});

describe('"what helps with" keeps the routine', () => {
  it.each([
    ['an everyday concern', { type: 'helpWith', concern: 'tightShoulders' } as const],
    ['a concern with no routine', { type: 'helpWith', concern: 'heartburn' } as const],
    ['a concern the skill does not know', { type: 'helpWith' } as const],
  ])('%s mid-routine: nothing lost, and resume goes back to the step', (_label, event) => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'next' }, 1);
    const answer = walker.send(event, 40);
    expect(answer.state).toMatchObject({ mode: 'routine', routineId: 'foot', resumeAt: { stepIndex: 1 } });
    expect(speaksAStep(answer)).toBe(false);
    expect(spokenText(walker.send({ type: 'resume' }, 20)).trimStart()).toMatch(/^Step 2 of/);
  });

  it('no to the suggestion goes back to the routine', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'helpWith', concern: 'backAche' }, 20);
    const no = walker.send({ type: 'no' }, 3);
    expect(no.state).toMatchObject({ mode: 'routine', routineId: 'foot' });
    expect(spokenText(no)).toContain(lines.shallICarryOn(1));
  });

  it('yes to the suggestion keeps the old routine paused and opens the new one', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'helpWith', concern: 'backAche' }, 20);
    const yes = walker.send({ type: 'yes' }, 3);
    expect(yes.update?.paused?.place).toMatchObject({ routineId: 'foot', stepIndex: 0 });
    expect(yes.state).toMatchObject({ mode: 'routine', routineId: 'lowerBack' });
  });

  it('an unknown concern gets a safety line before any suggestion', () => {
    const text = spokenText(new CoreWalker().send({ type: 'helpWith' })).trimStart();
    expect(text.slice(0, lines.unknownConcernSafety.length)).toBe(lines.unknownConcernSafety);
    expect(text).toContain(lines.helpWithUnknown);
  });

  it.each([['heartburn' as const], ['legCramp' as const]])('%s gets its screening and offers no routine', (concern) => {
    const result = new CoreWalker().send({ type: 'helpWith', concern });
    expect(spokenText(result)).toContain(lines.concernScreening[concern]);
    expect(result.state).toEqual({ mode: 'menu' });
  });
});

describe('the last step is still listening', () => {
  it.each(ROUTINES.map((routine) => [routine.name, routine.id] as const))(
    '%s: every answer with steps listens; the closing is its own answer',
    (_name, routineId) => {
      const walker = new CoreWalker();
      const turns = walker.walk(routineId);
      const withSteps = turns.filter(speaksAStep);
      for (const turn of withSteps) expect(turn.plan).toMatchObject({ listen: true, endSession: false });
      const closing = turns[turns.length - 1];
      expect(closing && speaksAStep(closing)).toBe(false);
      expect(closing?.plan.endSession).toBe(true);
    },
  );

  it('"it hurts" during the last step is answered, and the place is that step', () => {
    const walker = new CoreWalker();
    walker.begin('hand');
    let last = walker.turns[walker.turns.length - 1];
    while (last && playing(last.state).resumeAt.stepIndex < 6)
      last = walker.send({ type: 'yes' }, walker.lastSeconds + 1);
    const spans = last ? playing(last.state).played.spans : [];
    const lastStep = spans[spans.length - 1];
    const hurt = walker.send({ type: 'discomfort' }, (lastStep?.[1] ?? 0) + 10);
    expect(hurt.state).toMatchObject({ mode: 'halted', resumeAt: { stepIndex: 5 } });
  });
});

describe('labour', () => {
  it('asks whether she is 37 weeks; yes gives when to call and waits for contractions', () => {
    const walker = new CoreWalker();
    const asked = walker.send({ type: 'labour' });
    expect(spokenText(asked)).toContain(lines.askTerm);
    expect(asked.state).toEqual({ mode: 'menu', question: { kind: 'term' } });
    expect(asked.update).toBeUndefined();
    const term = walker.send({ type: 'yes' });
    expect(spokenText(term)).toContain(lines.atTerm);
    expect(term.state).toEqual({ mode: 'labour' });
    expect(term.update).toBeUndefined();
  });

  it('each contraction is guided, then rest, all within one listening answer', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'labour' });
    walker.send({ type: 'yes' });
    const guided = walker.send({ type: 'labour' }, 60);
    expect(spokenText(guided)).toContain(lines.contractionStart);
    expect(spokenText(guided)).toContain(lines.contractionNext);
    expect(guided.plan.listen).toBe(true);
    expect(walker.lastSeconds).toBeLessThanOrEqual(MAX_RESPONSE_SECONDS);
    expect(walker.lastSeconds).toBeGreaterThan(150);
    expect(speaksAStep(guided)).toBe(false);
  });

  it.each([
    ['no', { type: 'no' } as const],
    ['not understood', { type: 'fallback' } as const],
  ])('before 37 weeks (%s) is tier 2: call now', (_label, event) => {
    const walker = new CoreWalker();
    walker.send({ type: 'labour' });
    const answer = walker.send(event);
    expect(spokenText(answer)).toContain(lines.tierAction[2]);
    expect(spokenText(answer)).toContain(lines.signClause.pretermContractions);
    expect(answer.plan.endSession).toBe(true);
  });

  it('mid-routine, labour keeps the routine place and asks', () => {
    const walker = new CoreWalker();
    walker.begin('labourCounterPressure');
    const asked = walker.send({ type: 'labour' }, 20);
    expect(asked.update?.paused?.place).toMatchObject({ routineId: 'labourCounterPressure' });
    expect(spokenText(asked)).toContain(lines.askTerm);
  });

  it('early labour as a concern goes to the same question, never to the practice routine', () => {
    const result = new CoreWalker().send({ type: 'helpWith', concern: 'earlyLabour' });
    expect(spokenText(result)).toContain(lines.askTerm);
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'term' } });
  });
});

describe('how much longer after the last step', () => {
  it('names the last step, not one past it, with less than a minute to go', () => {
    const walker = new CoreWalker();
    walker.begin('hand');
    while (walker.state.mode === 'routine' && playing(walker.state).resumeAt.stepIndex < 6) {
      walker.send({ type: 'yes' }, walker.lastSeconds + 1);
    }
    const status = walker.send({ type: 'status' }, walker.lastSeconds + 5);
    const hand = ROUTINES.find((routine) => routine.id === 'hand');
    const lastTitle = hand?.steps[5]?.title ?? '';
    expect(spokenText(status)).toContain(lines.statusStep(6, 6, lastTitle, 'hand massage'));
    expect(spokenText(status)).toContain(lines.statusRemaining(0));
  });
});
