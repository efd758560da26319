/**
 * What the core says a screen shows (lambda/core/coach/screen-view.ts), read from real decisions:
 * a routine answer's pages follow its speech, and each situation leaves its own view. No view while
 * the device's audio plays: Now Playing shows the step then.
 */
import { catalogue, lines } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import { type CoachState, type Decision, decide, type Plan } from '../../lambda/core/coach';
import type { CoachEvent } from '../../lambda/core/events';
import type { PlayerPlace } from '../../lambda/core/player';
import { DEFAULT_PREFERENCES } from '../../lambda/core/preferences';
import { newProfile } from '../../lambda/core/profile';
import type { ScreenView } from '../../lambda/core/screen';
import { playItem } from '../support/play-items';
import { CoreWalker, START } from '../support/walk';

function routineById(id: string): Routine {
  const routine = catalogue.get(id);
  if (!routine) throw new Error(`no routine ${id}`);
  return routine;
}
const foot = routineById('foot');

function viewOf<Kind extends ScreenView['kind']>(decision: Decision, kind: Kind): Extract<ScreenView, { kind: Kind }> {
  const view = decision.plan.view;
  if (view?.kind !== kind) throw new Error(`expected a ${kind} view, got ${JSON.stringify(view?.kind)}`);
  return view as Extract<ScreenView, { kind: Kind }>;
}

/** Each step the plan speaks, with the seconds of speech before its first segment. */
function stepStarts(plan: Plan): { stepNumber: number; atSeconds: number }[] {
  const starts: { stepNumber: number; atSeconds: number }[] = [];
  let at = 0;
  for (const segment of plan.segments) {
    const stepNumber = segment.kind === 'speech' && segment.step !== undefined ? segment.step + 1 : undefined;
    if (stepNumber !== undefined && !starts.some((s) => s.stepNumber === stepNumber)) {
      starts.push({ stepNumber, atSeconds: Math.round(at * 10) / 10 });
    }
    at += segment.seconds;
  }
  return starts;
}

describe('a routine answer', () => {
  it('has a page for each step its speech covers, each at the second its speech begins', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'start', routineId: 'foot' });
    const answer = walker.send({ type: 'resume' });
    const view = viewOf(answer, 'routine');
    const starts = stepStarts(answer.plan);
    expect(starts.length).toBeGreaterThan(1);
    expect(view.pages.map((page) => ({ stepNumber: page.stepNumber, atSeconds: page.atSeconds }))).toEqual(starts);
    expect(view).toMatchObject({ routineId: 'foot', routineName: foot.name, stepCount: foot.steps.length });
  });

  it('after an answer (less pressure) the first page begins when the step does, not at 0', () => {
    const walker = new CoreWalker({ pressure: 'medium' });
    walker.begin('foot');
    const answer = walker.send({ type: 'pressure', direction: 'less' });
    const view = viewOf(answer, 'routine');
    expect(view.pressure).toBe('gentle');
    expect(view.pages[0]?.atSeconds).toBeGreaterThan(0);
    expect(view.pages.map((page) => page.atSeconds)).toEqual(stepStarts(answer.plan).map((s) => s.atSeconds));
  });

  it('each page shows its step: title, first sentence at the pressure in use, area, time left', () => {
    const walker = new CoreWalker({ pressure: 'firm' });
    walker.begin('foot');
    const view = viewOf(walker.send({ type: 'next' }), 'routine');
    const page = view.pages[0];
    const step = foot.steps[1];
    if (!page || !step) throw new Error('no page for step 2');
    expect(page.stepNumber).toBe(2);
    expect(page.title).toBe(step.title);
    expect(step.instruction.firm.startsWith(page.shown)).toBe(true);
    expect(page.shown).toMatch(/[.!?]$/);
    expect(page.area).toBe(step.area);
    // Time left falls from page to page.
    const left = view.pages.map((p) => p.secondsLeft);
    expect([...left].sort((a, b) => b - a)).toEqual(left);
  });

  it('back shows the step before', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'next' });
    walker.send({ type: 'next' });
    expect(viewOf(walker.send({ type: 'previous' }), 'routine').pages[0]?.stepNumber).toBe(2);
  });
});

describe('each situation leaves its view', () => {
  it('the menu: every routine, and the paused one when there is one', () => {
    const walker = new CoreWalker();
    const menu = viewOf(walker.send({ type: 'launch' }), 'menu');
    expect(menu.routines.map((r) => r.id)).toEqual(catalogue.routines.map((r) => r.id));
    expect(menu.paused).toBeUndefined();
    walker.begin('foot');
    walker.send({ type: 'next' });
    walker.send({ type: 'pause' });
    const again = viewOf(walker.send({ type: 'list' }), 'menu');
    expect(again.paused).toEqual({ routineId: 'foot', routineName: foot.name, stepNumber: 2 });
  });

  it('"it hurts" halts the routine at its step, the answer first sentence as the action', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'next' });
    const answer = walker.send({ type: 'discomfort' });
    const halted = viewOf(answer, 'halted');
    expect(halted).toMatchObject({
      cause: 'discomfort',
      routineId: 'foot',
      stepNumber: 2,
      title: foot.steps[1]?.title,
    });
    const first = answer.plan.segments.find((s) => s.kind === 'speech');
    expect(first?.kind === 'speech' && first.text.startsWith(halted.action)).toBe(true);
    expect(halted.action.length).toBeGreaterThan(0);
  });

  it('feeling unwell halts it too, with its own cause', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    expect(viewOf(walker.send({ type: 'unwell' }), 'halted').cause).toBe('unwell');
  });

  it('pause shows the routine paused at the step it saved, as the session ends', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    walker.send({ type: 'next' });
    walker.send({ type: 'next' });
    const answer = walker.send({ type: 'pause' });
    expect(answer.plan.endSession).toBe(true);
    expect(viewOf(answer, 'paused')).toMatchObject({ routineId: 'foot', stepNumber: 3, stepCount: foot.steps.length });
    expect(answer.update?.paused?.place?.stepIndex).toBe(2);
  });

  it('a warning sign shows its tier and action, whatever was under way', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const warning = viewOf(walker.send({ type: 'warningSign', sign: 'heavyBleeding' }), 'warning');
    expect(warning.tier).toBe(1);
    expect(warning.action).toBe(lines.tierAction[1]);
    expect(warning.detail).toBe(lines.signClause.heavyBleeding);
  });

  it('the end of a routine shows its closing', () => {
    const walker = new CoreWalker();
    const turns = walker.walk('foot');
    const last = turns[turns.length - 1];
    if (!last) throw new Error('no turns');
    const closing = viewOf(last, 'closing');
    expect(closing.routineId).toBe('foot');
    expect(lines.routineFinished(foot.name).startsWith(closing.line)).toBe(true);
    expect(last.plan.endSession).toBe(true);
  });

  it('labour at term shows the labour line', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'launch' });
    let decision = walker.send({ type: 'labour' });
    // The labour questions: at term, then contractions; yes to each.
    for (let i = 0; i < 4 && walker.state.mode !== 'labour'; i += 1) decision = walker.send({ type: 'yes' });
    expect(walker.state.mode).toBe('labour');
    const view = viewOf(decision, 'labour');
    const first = decision.plan.segments.find((s) => s.kind === 'speech');
    expect(first?.kind === 'speech' && first.text.startsWith(view.line)).toBe(true);
  });

  it('a plain goodbye at the menu shows nothing', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'launch' });
    const goodbye = walker.send({ type: 'stop' });
    expect(goodbye.plan.endSession).toBe(true);
    expect(goodbye.plan.view).toBeUndefined();
  });
});

describe('while the audio plays', () => {
  const profile = {
    ...newProfile(),
    disclaimerHeard: true,
    screeningHeard: true,
    handsFreeOffered: true,
    preferences: { ...DEFAULT_PREFERENCES, handsFree: 'on' as const },
  };
  const playing: PlayerPlace = {
    item: playItem({ stepIndex: 2, issuedAt: START - 60_000 }),
    offset: 40,
    point: { segment: 2, fraction: 0.25 },
    activity: 'playing',
  };
  const turn = (event: CoachEvent, player?: PlayerPlace, state: CoachState = { mode: 'menu' }): Decision =>
    decide({
      state,
      profile,
      event,
      now: START,
      updateId: 'turn',
      catalogue,
      wording: lines,
      canPlayAudio: true,
      ...(player ? { player } : {}),
      newSession: true,
    });

  it('a routine started hands-free plays, and shows no card', () => {
    const settling = turn({ type: 'start', routineId: 'foot', handsFree: true });
    const started = turn({ type: 'resume' }, undefined, settling.state);
    expect(started.plan.audio?.kind).toBe('play');
    expect(started.plan.view).toBeUndefined();
  });

  it('a question answered while it keeps playing shows no card', () => {
    const status = turn({ type: 'status' }, playing);
    expect(status.plan.audio).toEqual({ kind: 'keepPlaying' });
    expect(status.plan.view).toBeUndefined();
  });

  it('a pause that stops it shows the routine paused at the playing step', () => {
    const paused = turn({ type: 'pause' }, playing);
    expect(paused.plan.audio).toEqual({ kind: 'stop' });
    expect(viewOf(paused, 'paused')).toMatchObject({ routineId: playing.item.routineId, stepNumber: 3 });
  });
});
