import { catalogue, lines, ROUTINES } from '../../lambda/content';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';
import { apologyPlan, type CoachState, type Decision, decide } from '../../lambda/core/coach';
import type { CoachEvent } from '../../lambda/core/events';
import { routineSeconds, type Segment } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lambda/core/preferences';
import { newProfile, type PracticeHistory, type ProfileUpdate, type UserProfile } from '../../lambda/core/profile';
import { CoreWalker, playing, START } from '../support/walk';

function routineById(id: string): Routine {
  const routine = catalogue.get(id);
  if (!routine) throw new Error(`no routine ${id}`);
  return routine;
}

const lowerBack = routineById('lowerBack');
const hand = routineById('hand');
const foot = routineById('foot');

/** Two short steps: one answer plays the whole routine. */
const short: Routine = {
  ...hand,
  steps: hand.steps.slice(0, 2).map((step) => ({ ...step, holdSeconds: 10, cues: [] })),
};
/** One step far longer than an answer can hold, then a short one. */
const long: Routine = {
  ...hand,
  steps: [
    { ...(hand.steps[0] as Routine['steps'][number]), holdSeconds: 600 },
    { ...(hand.steps[1] as Routine['steps'][number]), holdSeconds: 10, cues: [] },
  ],
};
const shortCatalogue = new Catalogue([short, foot]);
const longCatalogue = new Catalogue([long]);

const texts = (segments: readonly Segment[]) => segments.map((s) => (s.kind === 'speech' ? s.text : ''));
const roles = (segments: readonly Segment[]) => segments.map((s) => (s.kind === 'speech' ? s.role : 'silence'));
const last = (decision: Decision) => decision.plan.segments[decision.plan.segments.length - 1];

function walker(cat: Catalogue = catalogue, prefs?: Partial<Preferences>): CoreWalker & { cat: Catalogue } {
  const w = new CoreWalker(prefs) as CoreWalker & { cat: Catalogue };
  w.cat = cat;
  w.send = function send(event: CoachEvent, afterSeconds = 2): Decision {
    this.now += afterSeconds * 1000;
    const result = decide({
      state: this.state,
      profile: this.profile,
      event,
      now: this.now,
      updateId: `turn-${this.turns.length + 1}`,
      catalogue: this.cat,
      wording: lines,
    });
    this.state = result.state;
    this.profile = result.profile;
    this.turns.push(result);
    return result;
  };
  return w;
}

function once(
  state: CoachState,
  event: CoachEvent,
  options: { profile?: UserProfile; cat?: Catalogue; unsaved?: ProfileUpdate; now?: number } = {},
): Decision {
  const base = newProfile();
  return decide({
    state,
    // Offered a reminder already: the closing is its own answer (coach-reminders.test.ts has the offer).
    profile: options.profile ?? { ...base, disclaimerHeard: true, screeningHeard: true, reminderOffered: true },
    event,
    now: options.now ?? START,
    updateId: 'this-turn',
    catalogue: options.cat ?? catalogue,
    wording: lines,
    ...(options.unsaved ? { unsaved: options.unsaved } : {}),
  });
}

const WEEK_OF = '2026-11-23'; // the Monday of START's week (Friday 2026-11-27)
function history(partial: Partial<PracticeHistory>): PracticeHistory {
  return {
    sessionsFinished: 3,
    daysThisWeek: [],
    weekOf: WEEK_OF,
    minutesThisWeek: 10,
    lastPracticeDay: null,
    daysInARow: 0,
    recentRoutines: [],
    ...partial,
  };
}

describe('the opening of a routine', () => {
  it('the first start ever: disclaimer, title, screening, position, cautions, invite, then waits for ready', () => {
    const result = once({ mode: 'menu' }, { type: 'start', routineId: 'hand' }, { profile: newProfile() });
    expect(texts(result.plan.segments)).toEqual([
      lines.disclaimer,
      lines.routineTitle(hand.name),
      lines.safetyBeforeStarting,
      hand.position,
      ...hand.cautions,
      lines.openingInvite,
      lines.whenReady,
    ]);
    expect(roles(result.plan.segments)).toEqual([
      'answer',
      'opening',
      'opening',
      'opening',
      ...hand.cautions.map(() => 'opening'),
      'opening',
      'prompt',
    ]);
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.whenReadyReprompt, endSession: false });
    expect(result.state).toEqual({
      mode: 'routine',
      routineId: 'hand',
      resumeAt: { stepIndex: 0, offset: 0 },
      played: { sentAt: START, spans: [] },
      question: { kind: 'continue' },
    });
    expect(result.update).toMatchObject({ disclaimerHeard: true, screeningHeard: true });
  });

  it('once both were heard, the opening has neither the disclaimer nor the screening line', () => {
    const result = once({ mode: 'menu' }, { type: 'start', routineId: 'hand' });
    expect(texts(result.plan.segments)).toEqual([
      lines.routineTitle(hand.name),
      hand.position,
      ...hand.cautions,
      lines.openingInvite,
      lines.whenReady,
    ]);
    expect(result.update).toBeUndefined();
  });
});

describe('resuming a paused routine', () => {
  it.each([
    [2, 2, lines.resumingAt(lowerBack.name, 3)],
    [
      lowerBack.steps.length + 5,
      lowerBack.steps.length - 1,
      lines.resumingChanged(lowerBack.name, lowerBack.steps.length),
    ],
  ])(
    'a place at step index %i resumes at step index %i, with the position, and waits for ready',
    (paused, at, line) => {
      const profile: UserProfile = {
        ...newProfile(),
        paused: { routineId: 'lowerBack', stepIndex: paused, at: START - 1000 },
      };
      const result = once({ mode: 'menu' }, { type: 'resume' }, { profile });
      expect(texts(result.plan.segments)).toEqual([lines.disclaimer, line, lowerBack.position, lines.whenReady]);
      expect(roles(result.plan.segments)).toEqual(['answer', 'answer', 'opening', 'prompt']);
      expect(result.plan).toMatchObject({ listen: true, reprompt: lines.whenReadyReprompt });
      expect(playing(result.state).resumeAt).toEqual({ stepIndex: at, offset: 0 });
    },
  );
});

describe('the prompt after the steps', () => {
  it('step by step: one step, then waits for next with the next step number and title', () => {
    const w = walker(catalogue, { flow: 'stepByStep' });
    const result = w.begin('lowerBack');
    expect(playing(result.state).resumeAt).toEqual({ stepIndex: 1, offset: 0 });
    expect(last(result)).toMatchObject({
      role: 'prompt',
      text: lines.waitForNext(2, lowerBack.steps[1]?.title ?? ''),
    });
    expect(result.plan.reprompt).toBe(lines.waitForNextReprompt(2));
  });

  it('continuous: several steps, then asks to go on with the next step number and title', () => {
    const w = walker(catalogue, { flow: 'continuous' });
    const result = w.begin('lowerBack');
    const next = playing(result.state).resumeAt;
    expect(next.offset).toBe(0);
    expect(next.stepIndex).toBeGreaterThan(1);
    expect(next.stepIndex).toBeLessThan(lowerBack.steps.length);
    expect(last(result)).toMatchObject({
      role: 'prompt',
      text: lines.goOnQuestion(next.stepIndex + 1, lowerBack.steps[next.stepIndex]?.title ?? ''),
    });
    expect(result.plan.reprompt).toBe(lines.goOnReprompt(next.stepIndex + 1));
  });

  it('a step split inside itself asks to carry on with the rest of it', () => {
    const w = walker(longCatalogue);
    const result = w.begin('hand');
    const next = playing(result.state).resumeAt;
    expect(next.stepIndex).toBe(0);
    expect(next.offset).toBeGreaterThan(0);
    expect(last(result)).toMatchObject({ role: 'prompt', text: lines.carryOnPart });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.carryOnPartReprompt });
  });

  it('after the last step it asks before the closing', () => {
    const w = walker(shortCatalogue);
    const result = w.begin('hand');
    expect(playing(result.state).resumeAt).toEqual({ stepIndex: 2, offset: 0 });
    expect(last(result)).toMatchObject({ role: 'prompt', text: lines.lastStepDone });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.lastStepDoneReprompt, endSession: false });
  });
});

describe('the closing', () => {
  /** To the end, for a user who has been offered a reminder already (coach-reminders.test.ts has the offer). */
  function toTheEnd(profile: Partial<UserProfile>) {
    const w = walker(shortCatalogue);
    w.profile = { ...w.profile, reminderOffered: true, ...profile };
    w.begin('hand');
    return w.send({ type: 'yes' }, w.lastSeconds + 1);
  }

  it('yes after the last step speaks the closing, records the practice and ends the session', () => {
    const result = toTheEnd({});
    expect(texts(result.plan.segments)).toEqual([short.closing, lines.routineFinished(short.name)]);
    expect(roles(result.plan.segments)).toEqual(['closing', 'closing']);
    expect(result.plan).toEqual({
      segments: result.plan.segments,
      listen: false,
      endSession: true,
      view: {
        kind: 'closing',
        routineId: 'hand',
        routineName: short.name,
        line: lines.routineFinished(short.name),
      },
    });
    expect(result.state).toEqual({ mode: 'menu' });
    const minutes = Math.round(routineSeconds(short, DEFAULT_PREFERENCES) / 60);
    expect(result.update?.practice).toEqual([{ routineId: 'hand', at: expect.any(Number), minutes }]);
    expect(result.update?.paused).toBeUndefined();
  });

  it('on the second day of practice this week it says how many sessions this week', () => {
    const result = toTheEnd({
      history: history({
        sessionsFinished: 1,
        daysThisWeek: ['2026-11-25'],
        lastPracticeDay: '2026-11-25',
        daysInARow: 1,
      }),
    });
    expect(texts(result.plan.segments)).toEqual([
      short.closing,
      lines.routineFinished(short.name),
      lines.practiceDaysThisWeek(2),
    ]);
    expect(roles(result.plan.segments)).toEqual(['closing', 'closing', 'closing']);
  });

  it('a paused place for the same routine is cleared', () => {
    const result = toTheEnd({ paused: { routineId: 'hand', stepIndex: 1, at: START - 5000 } });
    expect(result.update?.paused).toEqual({ place: null, at: expect.any(Number) });
    expect(result.profile.paused).toBeNull();
  });

  it('a paused place for another routine is kept, with the id of its step', () => {
    const place = { routineId: 'foot' as const, stepIndex: 1, at: START - 5000 };
    const result = toTheEnd({ paused: place });
    expect(result.update?.paused).toBeUndefined();
    expect(result.profile.paused).toEqual({ ...place, stepId: foot.steps[1]?.id });
  });

  it('pause after the last step is the closing, not a saved place', () => {
    const w = walker(shortCatalogue);
    w.profile = { ...w.profile, reminderOffered: true };
    w.begin('hand');
    const result = w.send({ type: 'pause' }, w.lastSeconds + 5);
    expect(texts(result.plan.segments)).toEqual([short.closing, lines.routineFinished(short.name)]);
    expect(result.update?.paused).toBeUndefined();
    expect(result.update?.practice).toHaveLength(1);
  });

  it('a launch after the last step counts the routine as done rather than pausing it', () => {
    const w = walker(shortCatalogue);
    w.begin('hand');
    const result = w.send({ type: 'launch' }, w.lastSeconds + 5);
    expect(result.update?.practice).toHaveLength(1);
    expect(result.profile.paused).toBeNull();
  });
});

describe('pausing mid-routine', () => {
  it('saves the step and says where it paused and how to come back', () => {
    const w = walker(catalogue, { flow: 'stepByStep' });
    w.begin('lowerBack');
    w.send({ type: 'next' }, w.lastSeconds + 1);
    const result = w.send({ type: 'pause' }, w.lastSeconds + 5);
    expect(texts(result.plan.segments)).toEqual([
      lines.pausedAt(lowerBack.name, 3, lowerBack.steps[2]?.title ?? ''),
      lines.howToResume,
    ]);
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 2 });
    expect(result.plan).toMatchObject({ listen: false, endSession: true });
  });
});

describe('carrying on after an answer that had played out', () => {
  it.each([
    [
      'stepByStep' as const,
      (n: number) => lines.waitForNext(n, lowerBack.steps[n - 1]?.title ?? ''),
      lines.waitForNextReprompt,
    ],
    [
      'continuous' as const,
      (n: number) => lines.goOnQuestion(n, lowerBack.steps[n - 1]?.title ?? ''),
      lines.goOnReprompt,
    ],
  ])('%s: the answer, then the prompt for the step it resumes at', (flow, prompt, reprompt) => {
    const w = walker(catalogue, { flow });
    const begun = w.begin('lowerBack');
    const resumeAt = playing(begun.state).resumeAt;
    const result = w.send({ type: 'pressure', direction: 'less' }, 10_000);
    expect(last(result)).toMatchObject({ role: 'prompt', text: prompt(resumeAt.stepIndex + 1) });
    expect(result.plan.reprompt).toBe(reprompt(resumeAt.stepIndex + 1));
    expect(result.state).toEqual({ ...begun.state, played: { sentAt: w.now, spans: [] } });
  });

  it('a step split inside itself: asks to carry on with the rest', () => {
    const w = walker(longCatalogue);
    const begun = w.begin('hand');
    const result = w.send({ type: 'pressure', direction: 'less' }, 10_000);
    expect(last(result)).toMatchObject({ role: 'prompt', text: lines.carryOnPart });
    expect(result.plan.reprompt).toBe(lines.carryOnPartReprompt);
    expect(playing(result.state).resumeAt).toEqual(playing(begun.state).resumeAt);
  });

  it('after the last step: asks before the closing', () => {
    const w = walker(shortCatalogue);
    w.begin('hand');
    const result = w.send({ type: 'pressure', direction: 'less' }, 10_000);
    expect(last(result)).toMatchObject({ role: 'prompt', text: lines.lastStepDone });
    expect(result.plan.reprompt).toBe(lines.lastStepDoneReprompt);
    expect(playing(result.state).played.spans).toEqual([]);
  });

  it('while the answer is still playing it speaks the rest of the step that was playing', () => {
    const w = walker(catalogue, { flow: 'stepByStep' });
    w.begin('lowerBack');
    const result = w.send({ type: 'pressure', direction: 'less' }, 10);
    expect(playing(result.state).played.spans.length).toBeGreaterThan(0);
    expect(playing(result.state).resumeAt).toEqual({ stepIndex: 1, offset: 0 });
    expect(roles(result.plan.segments)).toContain('cue');
  });

  it.each([
    ['discomfort' as const, lines.discomfortChoice, lines.discomfortReprompt],
    ['unwell' as const, lines.unwellChoice, lines.unwellReprompt],
    ['unclear' as const, lines.notUnderstoodChoice, lines.unwellReprompt],
  ])('halted for %s: the answer, then the choice it waits for', (cause, choice, reprompt) => {
    const state: CoachState = {
      mode: 'halted',
      routineId: 'lowerBack',
      resumeAt: { stepIndex: 1, offset: 0 },
      cause,
      misses: 0,
    };
    const result = once(state, { type: 'pace', direction: 'slower' });
    expect(last(result)).toMatchObject({ text: choice });
    expect(result.plan.reprompt).toBe(reprompt);
    expect(result.state).toEqual(state);
  });
});

describe('asking to carry on after an aside', () => {
  it('mid-routine: asks about the step it resumes at, and waits there', () => {
    const w = walker(catalogue, { flow: 'stepByStep' });
    w.begin('lowerBack');
    const result = w.send({ type: 'help' }, 10_000);
    expect(texts(result.plan.segments)).toEqual([lines.helpRoutine, lines.shallICarryOn(2)]);
    expect(roles(result.plan.segments)).toEqual(['answer', 'prompt']);
    expect(result.plan.reprompt).toBe(lines.shallICarryOnReprompt);
    expect(result.state).toEqual({
      mode: 'routine',
      routineId: 'lowerBack',
      resumeAt: { stepIndex: 1, offset: 0 },
      played: { sentAt: w.now, spans: [] },
      question: { kind: 'continue' },
    });
  });

  it('after the last step: asks before the closing', () => {
    const w = walker(shortCatalogue);
    w.begin('hand');
    const result = w.send({ type: 'help' }, 10_000);
    expect(texts(result.plan.segments)).toEqual([lines.helpRoutine, lines.lastStepDone]);
    expect(result.plan.reprompt).toBe(lines.lastStepDoneReprompt);
  });

  it('halted: stays halted at its step, asking the continue question', () => {
    const state: CoachState = {
      mode: 'halted',
      routineId: 'lowerBack',
      resumeAt: { stepIndex: 3, offset: 0 },
      cause: 'discomfort',
      misses: 0,
    };
    const result = once(state, { type: 'help' });
    expect(result.state).toEqual({ ...state, question: { kind: 'continue' } });
    expect(texts(result.plan.segments)).toEqual([lines.helpRoutine, lines.shallICarryOn(4)]);
  });
});

describe('launch', () => {
  const names = ROUTINES.map((routine) => routine.name);

  it('the first launch: disclaimer, welcome, the routine list, which routine', () => {
    const result = once({ mode: 'menu' }, { type: 'launch' }, { profile: newProfile() });
    expect(texts(result.plan.segments)).toEqual([
      lines.disclaimer,
      lines.welcomeFirst,
      lines.routineList(names),
      lines.whichRoutine,
    ]);
    expect(roles(result.plan.segments)).toEqual(['answer', 'answer', 'answer', 'prompt']);
    expect(result.plan.reprompt).toBe(lines.whichRoutineReprompt);
  });

  it('back before finishing any session: welcome back and the routine list', () => {
    const profile = { ...newProfile(), disclaimerHeard: true };
    const result = once({ mode: 'menu' }, { type: 'launch' }, { profile });
    expect(texts(result.plan.segments)).toEqual([lines.welcomeBack, lines.routineList(names), lines.whichRoutine]);
  });

  it.each([
    [
      '3 days in a row up to yesterday',
      { daysInARow: 3, lastPracticeDay: '2026-11-26', daysThisWeek: ['2026-11-24', '2026-11-25', '2026-11-26'] },
      lines.practiceThisWeek(4, 'evening', 3),
    ],
    [
      '2 days in a row up to today',
      { daysInARow: 2, lastPracticeDay: '2026-11-27', daysThisWeek: ['2026-11-26', '2026-11-27'] },
      lines.alreadyPractisedToday(2),
    ],
    [
      '2 days in a row ending the day before yesterday',
      { daysInARow: 2, lastPracticeDay: '2026-11-25', daysThisWeek: ['2026-11-24', '2026-11-25'] },
      lines.practiceThisWeek(3, 'evening', 0),
    ],
    [
      '1 day, yesterday',
      { daysInARow: 1, lastPracticeDay: '2026-11-26', daysThisWeek: ['2026-11-26'] },
      lines.practiceThisWeek(2, 'evening', 0),
    ],
    [
      'days in a row that ended last week',
      { daysInARow: 4, lastPracticeDay: '2026-11-20', daysThisWeek: [] },
      undefined,
    ],
    [
      'practice only in an earlier week',
      { daysInARow: 1, lastPracticeDay: '2026-11-18', weekOf: '2026-11-16', daysThisWeek: ['2026-11-18'] },
      undefined,
    ],
  ])('a returning user with %s', (_label, partial, practice) => {
    const profile = { ...newProfile(), disclaimerHeard: true, history: history(partial) };
    const result = once({ mode: 'menu' }, { type: 'launch' }, { profile });
    expect(texts(result.plan.segments)).toEqual([
      lines.welcomeBack,
      ...(practice === undefined ? [] : [practice]),
      lines.whichRoutine,
    ]);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it.each([
    [2, 3, lines.offerResume(lowerBack.name, 3, lowerBack.steps[2]?.title ?? '')],
    [
      lowerBack.steps.length + 2,
      lowerBack.steps.length,
      lines.offerResumeChanged(lowerBack.name, lowerBack.steps.length, lowerBack.steps.at(-1)?.title ?? ''),
    ],
  ])('a paused place at step index %i is offered as step %i', (stepIndex, _number, offer) => {
    const profile: UserProfile = {
      ...newProfile(),
      disclaimerHeard: true,
      history: history({}),
      paused: { routineId: 'lowerBack', stepIndex, at: START - 1000 },
    };
    const result = once({ mode: 'menu' }, { type: 'launch' }, { profile });
    expect(texts(result.plan.segments)).toEqual([lines.welcomeBack, offer]);
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
    expect(result.plan.reprompt).toBe(lines.offerResumeReprompt);
  });

  it('a paused place for a routine the catalogue lacks is not offered', () => {
    const profile: UserProfile = {
      ...newProfile(),
      disclaimerHeard: true,
      history: history({}),
      paused: { routineId: 'lowerBack', stepIndex: 1, at: START - 1000 },
    };
    const result = once({ mode: 'menu' }, { type: 'launch' }, { profile, cat: shortCatalogue });
    expect(texts(result.plan.segments)).toEqual([lines.welcomeBack, lines.whichRoutine]);
    expect(result.state).toEqual({ mode: 'menu' });
  });
});

describe('an unknown routine', () => {
  it.each([
    [{ mode: 'menu', question: { kind: 'resume' } } as CoachState, { mode: 'menu' }],
    [{ mode: 'labour' } as CoachState, { mode: 'labour' }],
  ])('from %j: says it back with the list and asks again', (state, expected) => {
    const result = once(state, { type: 'start', heard: 'juggling' });
    expect(texts(result.plan.segments)).toEqual([
      lines.unknownRoutine('juggling'),
      lines.routineList(ROUTINES.map((routine) => routine.name)),
      lines.whichRoutine,
    ]);
    expect(roles(result.plan.segments)).toEqual(['answer', 'answer', 'prompt']);
    expect(result.state).toEqual(expected);
  });
});

describe('untrusted state is fitted to the catalogue', () => {
  const routineState = (stepIndex: number, offset = 0): CoachState => ({
    mode: 'routine',
    routineId: 'lowerBack',
    resumeAt: { stepIndex, offset },
    played: { sentAt: START - 600_000, spans: [] },
  });

  it.each([
    ['routine', routineState(1)],
    [
      'halted',
      {
        mode: 'halted',
        routineId: 'lowerBack',
        resumeAt: { stepIndex: 1, offset: 0 },
        cause: 'unwell',
        misses: 0,
      } as CoachState,
    ],
  ])('a %s state naming a routine the catalogue lacks reads as the menu', (_mode, state) => {
    const result = once(state, { type: 'status' }, { cat: shortCatalogue });
    expect(result).toEqual(once({ mode: 'menu' }, { type: 'status' }, { cat: shortCatalogue }));
  });

  it.each([[-1], [lowerBack.steps.length + 1], [lowerBack.steps.length + 40]])(
    'a step index %i out of range restarts at step 0',
    (stepIndex) => {
      const result = once(routineState(stepIndex, 12), { type: 'resume' });
      expect(result).toEqual(once(routineState(0), { type: 'resume' }));
      expect(playing(result.state).played.spans.length).toBeGreaterThan(0);
    },
  );

  it('a step exactly at the end is kept: resume gives the closing', () => {
    const result = once(routineState(lowerBack.steps.length), { type: 'resume' });
    expect(texts(result.plan.segments)).toEqual([lowerBack.closing, lines.routineFinished(lowerBack.name)]);
  });

  it('a step in range keeps its offset', () => {
    const split = walker(longCatalogue).begin('hand');
    const rest = playing(split.state).resumeAt;
    const state: CoachState = { ...playing(split.state), played: { sentAt: START - 6_000_000, spans: [] } };
    const result = once(state, { type: 'resume' }, { cat: longCatalogue });
    expect(result).not.toEqual(
      once({ ...state, resumeAt: { stepIndex: 0, offset: 0 } }, { type: 'resume' }, { cat: longCatalogue }),
    );
    expect(rest.offset).toBeGreaterThan(0);
  });
});

describe('apologyPlan', () => {
  it('apologises and keeps listening', () => {
    const plan = apologyPlan(lines, DEFAULT_PREFERENCES);
    expect(plan).toEqual({
      segments: [{ kind: 'speech', role: 'answer', text: lines.error, seconds: expect.any(Number) }],
      listen: true,
      reprompt: lines.errorReprompt,
      endSession: false,
    });
    expect(plan.segments[0]?.seconds).toBeGreaterThan(0);
  });
});

describe('what is saved, and what a failed save says', () => {
  const place = (stepIndex: number) => ({ routineId: 'lowerBack' as const, stepIndex, at: START - 1000 });
  const earlier = (stepIndex: number | null): ProfileUpdate => ({
    id: 'earlier-turn',
    paused: { place: stepIndex === null ? null : place(stepIndex), at: START - 1000 },
  });

  it('a pause that ends the session adds where she was to the plan for a failed save', () => {
    const w = walker(catalogue, { flow: 'stepByStep' });
    w.begin('lowerBack');
    const result = w.send({ type: 'pause' }, w.lastSeconds + 5);
    expect(result.toSave).toEqual(result.update);
    expect(result.planIfSaveFails).toEqual({
      ...result.plan,
      segments: [...result.plan.segments, expect.objectContaining({ text: lines.couldNotSave(2), role: 'answer' })],
    });
  });

  it('a place carried unsaved from an earlier turn is saved now, and said if that fails at goodbye', () => {
    const unsaved = earlier(3);
    const result = once({ mode: 'menu' }, { type: 'stop' }, { unsaved });
    expect(result.update).toBeUndefined();
    expect(result.toSave).toEqual(unsaved);
    expect(texts(result.planIfSaveFails.segments)).toEqual([lines.goodbyeMenu, lines.couldNotSave(4)]);
    expect(result.planIfSaveFails).toMatchObject({ listen: false, endSession: true });
  });

  it('this turn’s change is folded into the earlier unsaved one', () => {
    const unsaved = earlier(3);
    const result = once({ mode: 'menu' }, { type: 'pressure', direction: 'more' }, { unsaved });
    expect(result.update?.preferences).toBeDefined();
    expect(result.toSave).toEqual({ id: 'this-turn', preferences: result.update?.preferences, paused: unsaved.paused });
  });

  it.each([
    ['an answer that listens', { mode: 'menu' } as CoachState, { type: 'list' } as CoachEvent, earlier(3)],
    ['a goodbye with nothing unsaved', { mode: 'menu' } as CoachState, { type: 'stop' } as CoachEvent, undefined],
    ['a goodbye after a cleared place', { mode: 'menu' } as CoachState, { type: 'stop' } as CoachEvent, earlier(null)],
    ['a session ended silently', { mode: 'menu' } as CoachState, { type: 'sessionEnded' } as CoachEvent, earlier(3)],
  ])('%s: the plan for a failed save is the plan', (_label, state, event, unsaved) => {
    const result = once(state, event, unsaved ? { unsaved } : {});
    expect(result.planIfSaveFails).toEqual(result.plan);
    if (unsaved) expect(result.toSave).toEqual(unsaved);
    else expect(result).not.toHaveProperty('toSave');
  });
});
