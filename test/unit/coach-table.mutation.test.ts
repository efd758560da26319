/**
 * Cell by cell: the labour column, the menu cells, mid-routine answers and the safety answers,
 * each checked for exactly what is said, in order, and what state and profile change follow.
 */
import { catalogue, lines, ROUTINES } from '../../lambda/content';
import { Catalogue, type Routine, type RoutineId } from '../../lambda/core/catalogue';
import {
  CONTRACTION_CUE_GAP_SECONDS,
  type CoachState,
  type Decision,
  decide,
  parseCoachState,
  REST_SECONDS,
} from '../../lambda/core/coach';
import { CONCERN_ROUTES, type ConcernId } from '../../lambda/core/concerns';
import type { CoachEvent } from '../../lambda/core/events';
import type { PressureLevel } from '../../lambda/core/preferences';
import { newProfile, type UserProfile } from '../../lambda/core/profile';
import { tierOf, type WarningSignId } from '../../lambda/core/warning-signs';
import { CoreWalker, START } from '../support/walk';

function profileWith(over: Partial<UserProfile> = {}): UserProfile {
  return { ...newProfile(), disclaimerHeard: true, ...over };
}

function run(state: CoachState, event: CoachEvent, profile = profileWith(), cat: Catalogue = catalogue): Decision {
  return decide({ state, profile, event, now: START, updateId: 'u1', catalogue: cat, wording: lines });
}

/** Each segment as "role:text" or "silence:seconds"; anything else shows as it is. */
function said(decision: Decision): string[] {
  return decision.plan.segments.map((s: unknown) => {
    const seg = s as { kind?: string; role?: string; text?: string; seconds?: number };
    if (seg?.kind === 'speech') return `${seg.role}:${seg.text}`;
    if (seg?.kind === 'silence') return `silence:${seg.seconds}`;
    return JSON.stringify(s);
  });
}

const screening = (concern: ConcernId) => lines.concernScreening[concern as keyof typeof lines.concernScreening];
const answer = (text: string) => `answer:${text}`;
const prompt = (text: string) => `prompt:${text}`;

function routine(id: RoutineId): Routine {
  const found = catalogue.get(id);
  if (found === undefined) throw new Error(`no routine ${id}`);
  return found;
}

const pausedFoot = () => profileWith({ paused: { routineId: 'foot', stepIndex: 2, at: START - 1000 } });
const offerFoot = () => answer(lines.offerResume(routine('foot').name, 3, routine('foot').steps[2]?.title ?? ''));
const routineListLine = () => answer(lines.routineList(catalogue.routines.map((r) => r.name)));
const withoutFoot = new Catalogue(ROUTINES.filter((r) => r.id !== 'foot'));
const menuPlan = { listen: true, endSession: false, reprompt: lines.whichRoutineReprompt };
const labourPlan = { listen: true, endSession: false, reprompt: lines.contractionReprompt };
const endedPlan = { listen: false, endSession: true };

function warningSaid(sign: WarningSignId): string[] {
  const tier = tierOf(sign);
  return [answer(lines.tierAction[tier]), answer(lines.signClause[sign]), answer(lines.tierClose[tier])];
}

describe('the labour column', () => {
  it.each<CoachEvent>([{ type: 'labour' }, { type: 'next' }])('$type guides one contraction, then rests', (event) => {
    const result = run({ mode: 'labour' }, event);
    const gap = `silence:${CONTRACTION_CUE_GAP_SECONDS}`;
    const rest = `silence:${REST_SECONDS / 2}`;
    expect(said(result)).toEqual([
      answer(lines.contractionStart),
      ...lines.contractionCues.flatMap((cue) => [gap, `cue:${cue}`]),
      gap,
      `cue:${lines.contractionRelease}`,
      rest,
      `cue:${lines.contractionRest}`,
      rest,
      prompt(lines.contractionNext),
    ]);
    expect(result.state).toEqual({ mode: 'labour' });
    expect(result.plan).toMatchObject(labourPlan);
    expect(result.update).toBeUndefined();
  });

  it.each<[string, CoachEvent, string[]]>([
    ['repeat', { type: 'repeat' }, [lines.atTerm]],
    ['status', { type: 'status' }, [lines.atTerm]],
    ['help', { type: 'help' }, [lines.labourHelp]],
    ['pressure', { type: 'pressure', direction: 'more' }, [lines.labourEaseOff]],
    ['discomfort', { type: 'discomfort' }, [lines.labourEaseOff]],
    ['resume', { type: 'resume' }, []],
    ['yes', { type: 'yes' }, []],
    ['previous', { type: 'previous' }, []],
    ['fallback', { type: 'fallback' }, [lines.fallbackMenu]],
  ])('%s answers, then waits for the next contraction', (_name, event, answers) => {
    const result = run({ mode: 'labour' }, event);
    expect(said(result)).toEqual([...answers.map(answer), prompt(lines.contractionNext)]);
    expect(result.state).toEqual({ mode: 'labour' });
    expect(result.plan).toMatchObject(labourPlan);
    expect(result.update).toBeUndefined();
  });

  it.each<[string, CoachEvent]>([
    ['pace', { type: 'pace', direction: 'slower' }],
    ['speechRate', { type: 'speechRate', rate: 'slower' }],
    ['flow', { type: 'flow', flow: 'stepByStep' }],
  ])('%s changes the preference and stays in labour', (key, event) => {
    const atMenu = said(run({ mode: 'menu' }, event));
    const result = run({ mode: 'labour' }, event);
    expect(said(result)).toEqual([...atMenu.slice(0, -1), prompt(lines.contractionNext)]);
    expect(atMenu.length).toBeGreaterThan(1);
    expect(result.state).toEqual({ mode: 'labour' });
    expect(result.plan).toMatchObject(labourPlan);
    expect(result.update?.preferences).toHaveProperty(key);
  });

  it.each<CoachEvent>([{ type: 'stop' }, { type: 'pause' }, { type: 'no' }])('$type says goodbye and ends', (event) => {
    const result = run({ mode: 'labour' }, event);
    expect(said(result)).toEqual([answer(lines.goodbyeMenu)]);
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.plan).toMatchObject(endedPlan);
  });

  it.each<CoachEvent>([
    { type: 'launch' },
    { type: 'start', routineId: 'hand' },
    { type: 'list' },
    { type: 'home' },
    { type: 'unwell' },
    { type: 'safetyInfo' },
    { type: 'helpWith', concern: 'swollenFeet' },
    { type: 'sessionEnded' },
  ])('$type in labour answers as at the menu', (event) => {
    expect(run({ mode: 'labour' }, event)).toEqual(run({ mode: 'menu' }, event));
  });
});

describe('the menu cells', () => {
  it('list names every routine, then asks which', () => {
    const result = run({ mode: 'menu' }, { type: 'list' });
    expect(said(result)).toEqual([routineListLine(), prompt(lines.whichRoutine)]);
    expect(result.plan).toMatchObject(menuPlan);
  });

  it('status with nothing paused says no routine is going', () => {
    expect(said(run({ mode: 'menu' }, { type: 'status' }))).toEqual([
      answer(lines.noRoutineGoing),
      prompt(lines.whichRoutine),
    ]);
  });

  it('status with a paused routine offers it, and nothing else', () => {
    const result = run({ mode: 'menu' }, { type: 'status' }, pausedFoot());
    expect(said(result)).toEqual([offerFoot()]);
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.offerResumeReprompt });
  });

  it('home just asks which routine', () => {
    const result = run({ mode: 'menu', misses: 1 }, { type: 'home' });
    expect(said(result)).toEqual([prompt(lines.whichRoutine)]);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('discomfort at the menu gives the discomfort advice', () => {
    expect(said(run({ mode: 'menu' }, { type: 'discomfort' }))).toEqual([
      answer(lines.discomfort),
      prompt(lines.whichRoutine),
    ]);
  });

  it('the session ending closes quietly at the menu', () => {
    const result = run({ mode: 'menu', question: { kind: 'term' } }, { type: 'sessionEnded' });
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.plan).toEqual({ segments: [], listen: false, endSession: true });
  });

  it('resume with nothing paused says so', () => {
    const result = run({ mode: 'menu' }, { type: 'resume' });
    expect(said(result)).toEqual([answer(lines.nothingPaused), prompt(lines.whichRoutine)]);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('resume with a paused routine the catalogue lacks says nothing is paused', () => {
    const result = run({ mode: 'menu' }, { type: 'resume' }, pausedFoot(), withoutFoot);
    expect(said(result)).toEqual([answer(lines.nothingPaused), prompt(lines.whichRoutine)]);
  });

  it('resume with a paused routine picks it up at its step', () => {
    const result = run({ mode: 'menu' }, { type: 'resume' }, pausedFoot());
    expect(result.state).toMatchObject({ routineId: 'foot', resumeAt: { stepIndex: 2 } });
  });

  it('help with nothing paused gives the menu help', () => {
    const result = run({ mode: 'menu' }, { type: 'help' });
    expect(said(result)).toEqual([answer(lines.helpMenu), prompt(lines.whichRoutine)]);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('help with a paused routine offers to resume it', () => {
    const result = run({ mode: 'menu' }, { type: 'help' }, pausedFoot());
    expect(said(result)).toEqual([answer(lines.helpPaused)]);
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
    expect(result.plan).toMatchObject({ listen: true, endSession: false, reprompt: lines.offerResumeReprompt });
  });

  it('help with a paused routine the catalogue lacks gives the menu help', () => {
    const result = run({ mode: 'menu' }, { type: 'help' }, pausedFoot(), withoutFoot);
    expect(said(result)).toEqual([answer(lines.helpMenu), prompt(lines.whichRoutine)]);
  });

  it('yes to the term question moves to labour', () => {
    const result = run({ mode: 'menu', question: { kind: 'term' } }, { type: 'yes' });
    expect(said(result)).toEqual([answer(lines.atTerm), prompt(lines.contractionOffer)]);
    expect(result.state).toEqual({ mode: 'labour' });
    expect(result.plan).toMatchObject(labourPlan);
  });

  it.each<[string, CoachState]>([
    ['no', { mode: 'menu', question: { kind: 'term' } }],
    ['fallback', { mode: 'menu', question: { kind: 'term' }, misses: 1 }],
  ])('%s to the term question is treated as preterm contractions (tier 2)', (type, state) => {
    const result = run(state, { type } as CoachEvent);
    expect(said(result)).toEqual(warningSaid('pretermContractions'));
    expect(tierOf('pretermContractions')).toBe(2);
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.plan).toMatchObject(endedPlan);
  });

  it.each<[string, CoachState, string[]]>([
    [
      'forget',
      { mode: 'menu', question: { kind: 'forget' } },
      [answer(lines.notForgotten), prompt(lines.whichRoutine)],
    ],
    ['resume', { mode: 'menu', question: { kind: 'resume' } }, [answer(lines.noProblem), prompt(lines.whichRoutine)]],
    [
      'start',
      { mode: 'menu', question: { kind: 'start', routineId: 'hand' } },
      [answer(lines.noProblem), prompt(lines.whichRoutine)],
    ],
  ])('no to the %s question keeps things as they were', (_kind, state, expected) => {
    const result = run(state, { type: 'no' }, pausedFoot());
    expect(said(result)).toEqual(expected);
    expect(result.state).toEqual({ mode: 'menu' });
    expect(result.plan).toMatchObject(menuPlan);
    expect(result.effects).toEqual([]);
  });

  it('no with no question says goodbye', () => {
    const result = run({ mode: 'menu' }, { type: 'no' });
    expect(said(result)).toEqual([answer(lines.goodbyeMenu)]);
    expect(result.plan).toMatchObject(endedPlan);
  });

  it('yes to the start question starts that routine', () => {
    const result = run({ mode: 'menu', question: { kind: 'start', routineId: 'hand' } }, { type: 'yes' });
    expect(result.state).toMatchObject({ routineId: 'hand' });
  });

  it('yes to the resume question resumes the paused routine', () => {
    const result = run({ mode: 'menu', question: { kind: 'resume' } }, { type: 'yes' }, pausedFoot());
    expect(result.state).toMatchObject({ routineId: 'foot', resumeAt: { stepIndex: 2 } });
  });

  it('yes to the forget question asks to delete the profile', () => {
    const result = run({ mode: 'menu', question: { kind: 'forget' } }, { type: 'yes' });
    expect(result.effects.map((e) => e.type)).toEqual(['deleteProfile']);
  });

  it('yes with no question and a paused routine resumes it', () => {
    const result = run({ mode: 'menu' }, { type: 'yes' }, pausedFoot());
    expect(result.state).toMatchObject({ routineId: 'foot', resumeAt: { stepIndex: 2 } });
  });

  it.each<[string, Catalogue]>([
    ['nothing paused', catalogue],
    ['a paused routine the catalogue lacks', withoutFoot],
  ])('yes with no question and %s just asks which routine', (name, cat) => {
    const profile = name === 'nothing paused' ? profileWith() : pausedFoot();
    const result = run({ mode: 'menu' }, { type: 'yes' }, profile, cat);
    expect(said(result)).toEqual([prompt(lines.whichRoutine)]);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('a first miss asks again; a second adds what to do if worried; the question is kept', () => {
    const question = { kind: 'start', routineId: 'hand' } as const;
    const first = run({ mode: 'menu', question }, { type: 'fallback' });
    expect(said(first)).toEqual([answer(lines.fallbackMenu), answer(lines.whichRoutineReprompt)]);
    expect(first.state).toEqual({ mode: 'menu', question, misses: 1 });
    expect(first.plan).toMatchObject(menuPlan);
    const second = run(first.state, { type: 'fallback' });
    expect(said(second)).toEqual([
      answer(lines.fallbackMenu),
      answer(lines.ifWorried),
      answer(lines.whichRoutineReprompt),
    ]);
    expect(second.state).toEqual({ mode: 'menu', question, misses: 2 });
  });
});

describe('mid-routine answers', () => {
  it.each<[CoachEvent, () => string]>([
    [{ type: 'list' }, routineListLine],
    [{ type: 'help' }, () => answer(lines.helpRoutine)],
  ])('$type answers, then asks to carry on', (event, first) => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const result = walker.send(event, 1);
    const texts = said(result);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe(first());
    expect(texts[1]).toMatch(/^prompt:/);
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.shallICarryOnReprompt });
    expect(result.state).toMatchObject({ routineId: 'foot' });
  });
});

describe('safety answers', () => {
  it.each<WarningSignId>(['heavyBleeding', 'waters', 'itching'])(
    'the warning sign %s says its tier action, its clause and its close, then ends',
    (sign) => {
      for (const state of [{ mode: 'menu' }, { mode: 'labour' }] as CoachState[]) {
        const result = run(state, { type: 'warningSign', sign });
        expect(said(result)).toEqual(warningSaid(sign));
        expect(result.state).toEqual({ mode: 'menu' });
        expect(result.plan).toMatchObject(endedPlan);
      }
    },
  );

  it.each<[PressureLevel, PressureLevel]>([
    ['firm', 'medium'],
    ['medium', 'gentle'],
  ])('"it hurts" at %s lightens the pressure to %s', (from, to) => {
    const walker = new CoreWalker({ pressure: from });
    walker.begin('foot');
    const result = walker.send({ type: 'discomfort' }, 1);
    expect(said(result)).toEqual([
      answer(lines.discomfort),
      answer(lines.discomfortLighter(to)),
      answer(lines.discomfortChoice),
    ]);
    expect(result.update?.preferences?.pressure?.value).toBe(to);
    expect(result.profile.preferences.pressure).toBe(to);
    expect(result.state).toMatchObject({ mode: 'halted', routineId: 'foot', cause: 'discomfort' });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.discomfortReprompt });
  });

  it('"it hurts" at gentle stays gentle, with no lighter line and no update', () => {
    const walker = new CoreWalker({ pressure: 'gentle' });
    walker.begin('foot');
    const result = walker.send({ type: 'discomfort' }, 1);
    expect(said(result)).toEqual([answer(lines.discomfort), answer(lines.discomfortChoice)]);
    expect(result.update).toBeUndefined();
    expect(result.profile.preferences.pressure).toBe('gentle');
  });

  it('feeling unwell halts the routine with the cause unwell', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const result = walker.send({ type: 'unwell' }, 1);
    expect(said(result)).toEqual([answer(lines.unwell), answer(lines.unwellChoice)]);
    expect(result.state).toMatchObject({ mode: 'halted', routineId: 'foot', cause: 'unwell' });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.unwellReprompt });
  });

  function safetySaid(r: Routine | undefined): string[] {
    const own = r ? [lines.safetyRoutine(r.name), ...r.cautions, ...r.pointsToAvoid] : [];
    return [...own, lines.safetyGeneral, lines.safetyBeforeStarting, lines.disclaimer].map(answer);
  }

  it('"is this safe" mid-routine gives the routine\'s cautions and points to avoid, then the general advice', () => {
    const walker = new CoreWalker();
    walker.begin('hand');
    const result = walker.send({ type: 'safetyInfo' }, 1);
    const texts = said(result);
    expect(routine('hand').pointsToAvoid.length).toBeGreaterThan(0);
    expect(texts.slice(0, -1)).toEqual(safetySaid(routine('hand')));
    expect(texts[texts.length - 1]).toMatch(/^prompt:/);
  });

  it('"is this safe" at the menu gives the general advice only, or the paused routine\'s too', () => {
    expect(said(run({ mode: 'menu' }, { type: 'safetyInfo' }))).toEqual([
      ...safetySaid(undefined),
      prompt(lines.whichRoutine),
    ]);
    expect(said(run({ mode: 'menu' }, { type: 'safetyInfo' }, pausedFoot()))).toEqual([
      ...safetySaid(routine('foot')),
      prompt(lines.whichRoutine),
    ]);
  });

  it('"is this safe" records the disclaimer as heard only when it was not', () => {
    const first = run({ mode: 'menu' }, { type: 'safetyInfo' }, profileWith({ disclaimerHeard: false }));
    expect(first.update).toMatchObject({ id: 'u1', disclaimerHeard: true });
    expect(first.profile.disclaimerHeard).toBe(true);
    const again = run({ mode: 'menu' }, { type: 'safetyInfo' }, profileWith({ disclaimerHeard: true }));
    expect(again.update).toBeUndefined();
  });

  const offered = (Object.entries(CONCERN_ROUTES) as [ConcernId, (typeof CONCERN_ROUTES)[ConcernId]][]).flatMap(
    ([concern, route]) => (route !== 'labour' && route.routine !== null ? [[concern, route.routine] as const] : []),
  );
  const noRoutine = (Object.keys(CONCERN_ROUTES) as ConcernId[]).filter((concern) => {
    const route = CONCERN_ROUTES[concern];
    return route !== 'labour' && route.routine === null;
  });

  function offerSaid(concern: ConcernId, r: Routine): string[] {
    return [
      answer(screening(concern)),
      answer(lines.helpWithSuggestion(r.name)),
      ...r.cautions.slice(0, 1).map(answer),
      prompt(lines.helpWithQuestion(r.name)),
    ];
  }

  it.each(offered)('"what helps with" %s at the menu offers %s', (concern, id) => {
    const result = run({ mode: 'menu' }, { type: 'helpWith', concern });
    expect(said(result)).toEqual(offerSaid(concern, routine(id)));
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'start', routineId: id } });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.helpWithReprompt(routine(id).name) });
  });

  it('a routine with no cautions is offered without one', () => {
    const bare = new Catalogue(ROUTINES.map((r) => (r.id === 'foot' ? { ...r, cautions: [] } : r)));
    const result = run({ mode: 'menu' }, { type: 'helpWith', concern: 'swollenFeet' }, profileWith(), bare);
    expect(said(result)).toEqual([
      answer(lines.concernScreening.swollenFeet),
      answer(lines.helpWithSuggestion(routine('foot').name)),
      prompt(lines.helpWithQuestion(routine('foot').name)),
    ]);
  });

  it.each(noRoutine)('"what helps with" %s at the menu gives the screening line only', (concern) => {
    const result = run({ mode: 'menu' }, { type: 'helpWith', concern });
    expect(said(result)).toEqual([answer(screening(concern)), prompt(lines.whichRoutine)]);
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('"what helps with" something unknown says to check, and asks again', () => {
    const result = run({ mode: 'menu' }, { type: 'helpWith' });
    expect(said(result)).toEqual([
      answer(lines.unknownConcernSafety),
      answer(lines.helpWithUnknown),
      prompt(lines.whichRoutine),
    ]);
  });

  it('"what helps with" early labour asks about her weeks, at the menu and mid-routine', () => {
    const atMenu = run({ mode: 'menu' }, { type: 'helpWith', concern: 'earlyLabour' });
    const walker = new CoreWalker();
    walker.begin('foot');
    const during = walker.send({ type: 'helpWith', concern: 'earlyLabour' }, 1);
    for (const result of [atMenu, during]) {
      expect(said(result)).toEqual([answer(lines.askTerm)]);
      expect(result.state).toEqual({ mode: 'menu', question: { kind: 'term' } });
      expect(result.plan).toMatchObject({ listen: true, reprompt: lines.askTermReprompt });
    }
  });

  it('"what helps with" mid-routine offers the routine and keeps the one under way', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const result = walker.send({ type: 'helpWith', concern: 'backAche' }, 1);
    expect(said(result)).toEqual(offerSaid('backAche', routine('lowerBack')));
    expect(result.state).toMatchObject({ routineId: 'foot', question: { kind: 'start', routineId: 'lowerBack' } });
    expect(result.plan).toMatchObject({ listen: true, reprompt: lines.helpWithReprompt(routine('lowerBack').name) });
  });

  it('"what helps with" something unknown mid-routine says to check, then asks to carry on', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const texts = said(walker.send({ type: 'helpWith' }, 1));
    expect(texts.slice(0, 2)).toEqual([answer(lines.unknownConcernSafety), answer(lines.helpWithUnknown)]);
    expect(texts).toHaveLength(3);
  });
});

describe('parseCoachState edge cases', () => {
  const base = { routineId: 'foot', resumeAt: { stepIndex: 2, offset: 4.5 } };

  it.each([
    ['missing', undefined],
    ['not an object', 'step 2'],
    ['a fractional step', { stepIndex: 1.5, offset: 0 }],
    ['an offset that is not a number', { stepIndex: 2, offset: '3' }],
    ['an infinite offset', { stepIndex: 2, offset: Number.POSITIVE_INFINITY }],
    ['a NaN offset', { stepIndex: 2, offset: Number.NaN }],
  ])('a position that is %s reads as the start', (_case, resumeAt) => {
    expect(parseCoachState({ ...base, mode: 'halted', cause: 'unwell', resumeAt })).toMatchObject({
      resumeAt: { stepIndex: 0, offset: 0 },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'played'],
    ['without a finite sentAt', { sentAt: Number.POSITIVE_INFINITY, spans: [[1, 0, 1, 0]] }],
    ['with a sentAt that is not a number', { sentAt: '5', spans: [[1, 0, 1, 0]] }],
  ])('a timeline that is %s reads as played out', (_case, played) => {
    expect(parseCoachState({ ...base, mode: 'routine', played })).toMatchObject({ played: { sentAt: 0, spans: [] } });
  });

  it('spans that are not a list read as none; spans of the wrong length or with a non-finite number are dropped', () => {
    expect(parseCoachState({ ...base, mode: 'routine', played: { sentAt: 5, spans: { 0: [1, 0, 1, 0] } } })).toEqual({
      ...base,
      mode: 'routine',
      played: { sentAt: 5, spans: [] },
    });
    const spans = [[1, 0, 1, 0, 9], [1, 0, 1, Number.NaN], [1, Number.POSITIVE_INFINITY, 1, 0], 'abcd', [2, 0, 3, 1]];
    expect(parseCoachState({ ...base, mode: 'routine', played: { sentAt: 5, spans } })).toMatchObject({
      played: { sentAt: 5, spans: [[2, 0, 3, 1]] },
    });
  });

  it.each(['discomfort', 'unwell', 'unclear'])('the halt cause %s is kept', (cause) => {
    expect(parseCoachState({ ...base, mode: 'halted', cause })).toMatchObject({ cause });
  });

  it('a menu state naming a routine is still the menu', () => {
    expect(parseCoachState({ ...base, mode: 'menu' })).toEqual({ mode: 'menu' });
  });

  it.each([
    ['an unknown kind', { mode: 'menu', question: { kind: 'dance' } }, { mode: 'menu' }],
    ['resume', { mode: 'menu', question: { kind: 'resume' } }, { mode: 'menu', question: { kind: 'resume' } }],
    ['forget', { mode: 'menu', question: { kind: 'forget' } }, { mode: 'menu', question: { kind: 'forget' } }],
  ])('a menu question of %s reads as expected', (_case, value, expected) => {
    expect(parseCoachState(value)).toEqual(expected);
  });

  it.each([
    ['resume', undefined],
    ['term', undefined],
    ['continue', { kind: 'continue' }],
    ['forget', { kind: 'forget' }],
  ])('a halted state keeps a %s question only when it means something there', (kind, expected) => {
    const parsed = parseCoachState({ ...base, mode: 'halted', cause: 'unwell', question: { kind } }) as {
      question?: unknown;
    };
    expect(parsed.question).toEqual(expected);
  });

  it.each([
    ['continue', { kind: 'continue' }],
    ['forget', { kind: 'forget' }],
    ['start', { kind: 'start', routineId: 'hand' }],
  ])('a routine state keeps a %s question', (_kind, question) => {
    expect(parseCoachState({ ...base, mode: 'routine', question })).toMatchObject({ question });
  });

  it.each([
    ['zero', 0],
    ['a numeric string', '3'],
  ])('misses given as %s count as none', (_case, value) => {
    expect(parseCoachState({ mode: 'menu', misses: value })).toEqual({ mode: 'menu' });
  });
});
