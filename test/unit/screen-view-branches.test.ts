/**
 * viewAfter (lambda/core/coach/screen-view.ts) on inputs real decisions rarely reach: a state that
 * names a routine the catalogue no longer has, a step out of range, a routine with no steps, a
 * menu whose paused routine is gone, and a plan that speaks nothing.
 */
import { catalogue } from '../../lambda/content';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';
import type { CoachState, Plan } from '../../lambda/core/coach';
import { viewAfter } from '../../lambda/core/coach/screen-view';
import { DEFAULT_PREFERENCES } from '../../lambda/core/preferences';
import { newProfile, type UserProfile } from '../../lambda/core/profile';

function routineById(id: string): Routine {
  const routine = catalogue.get(id);
  if (!routine) throw new Error(`no routine ${id}`);
  return routine;
}
const foot = routineById('foot');
const hand = routineById('hand');
/** A catalogue without foot massage, as a later release might have it. */
const withoutFoot = new Catalogue([hand]);
/** Foot massage with no steps left. */
const emptyFoot = new Catalogue([{ ...foot, steps: [] }]);

const SILENT: Plan = { segments: [{ kind: 'silence', seconds: 5 }], listen: false, endSession: false };
const ASKING: Plan = { segments: [], listen: true, reprompt: 'Which one?', endSession: false };

const at = (stepIndex: number) => ({ stepIndex, offset: 0 });
const inRoutine = (stepIndex = 0): CoachState => ({
  mode: 'routine',
  routineId: 'foot',
  resumeAt: at(stepIndex),
  played: { sentAt: 0, spans: [] },
});
const halted = (stepIndex = 0): CoachState => ({
  mode: 'halted',
  routineId: 'foot',
  resumeAt: at(stepIndex),
  cause: 'unclear',
  misses: 0,
});
const audio = (stepIndex = 0): CoachState => ({
  mode: 'audio',
  routineId: 'foot',
  resumeAt: at(stepIndex),
  point: { segment: 0, fraction: 0 },
});

function view(state: CoachState, plan: Plan = SILENT, extra: { catalogue?: Catalogue; profile?: UserProfile } = {}) {
  return viewAfter({
    state,
    plan,
    profile: extra.profile ?? newProfile(),
    catalogue: extra.catalogue ?? catalogue,
    prefs: DEFAULT_PREFERENCES,
  });
}

describe('a routine the catalogue lacks leaves no view', () => {
  it.each([
    ['routine', inRoutine()],
    ['halted', halted()],
    ['audio', audio()],
  ])('in %s mode', (_mode, state) => {
    expect(view(state, SILENT, { catalogue: withoutFoot })).toBeUndefined();
    // The same state with the routine there does show it.
    expect(view(state, SILENT)).toMatchObject({ routineId: 'foot' });
  });
});

describe('steps out of range', () => {
  it('a routine whose plan speaks no step in range shows the resume step, clamped to the last', () => {
    const plan: Plan = {
      segments: [{ kind: 'speech', role: 'cue', text: 'Beyond the end.', seconds: 3, step: 99 }],
      listen: false,
      endSession: false,
    };
    const shown = view(inRoutine(99), plan);
    expect(shown?.kind === 'routine' && shown.pages.map((p) => [p.stepNumber, p.atSeconds])).toEqual([
      [foot.steps.length, 0],
    ]);
  });

  it('halted and paused at a step past the end show the last step', () => {
    expect(view(halted(42))).toMatchObject({ kind: 'halted', stepNumber: foot.steps.length, action: '' });
    expect(view(audio(-3))).toMatchObject({ kind: 'paused', stepNumber: 1, title: foot.steps[0]?.title });
  });

  it('a routine with no steps cannot be shown as pages: that is an error naming it', () => {
    expect(() => view(inRoutine(0), SILENT, { catalogue: emptyFoot })).toThrow('foot has no steps');
  });

  it('a halted or paused routine with no steps shows it with no title, on the lower back', () => {
    expect(view(halted(0), SILENT, { catalogue: emptyFoot })).toMatchObject({
      kind: 'halted',
      stepNumber: 0,
      stepCount: 0,
      title: '',
      area: 'lowerBack',
    });
    expect(view(audio(0), SILENT, { catalogue: emptyFoot })).toMatchObject({ kind: 'paused', title: '' });
  });
});

describe('a plan that speaks nothing', () => {
  it('labour shows an empty line; halted an empty action', () => {
    expect(view({ mode: 'labour' })).toEqual({ kind: 'labour', line: '' });
    expect(view(halted(1))).toMatchObject({ kind: 'halted', action: '' });
  });
});

describe('the menu', () => {
  const pausedFoot: UserProfile = { ...newProfile(), paused: { routineId: 'foot', stepIndex: 2, at: 0 } };

  it('asking which routine, with a paused routine the catalogue still has: offers it', () => {
    const shown = view({ mode: 'menu' }, ASKING, { profile: pausedFoot });
    expect(shown).toMatchObject({ kind: 'menu', paused: { routineId: 'foot', stepNumber: 3 } });
  });

  it('asking which routine, with a paused routine the catalogue lost: the menu without it', () => {
    const shown = view({ mode: 'menu' }, ASKING, { profile: pausedFoot, catalogue: withoutFoot });
    expect(shown).toEqual({
      kind: 'menu',
      routines: [{ id: hand.id, name: hand.name, summary: hand.summary }],
    });
  });

  it('a place saved for a routine the catalogue lost shows nothing; one it has shows it paused', () => {
    const inputs = {
      state: { mode: 'menu' } as const,
      plan: SILENT,
      profile: newProfile(),
      prefs: DEFAULT_PREFERENCES,
      savedPlace: { routineId: 'foot', stepIndex: 1 },
    };
    expect(viewAfter({ ...inputs, catalogue: withoutFoot })).toBeUndefined();
    expect(viewAfter({ ...inputs, catalogue })).toMatchObject({ kind: 'paused', stepNumber: 2 });
    expect(viewAfter({ ...inputs, catalogue, savedPlace: null })).toBeUndefined();
  });
});
