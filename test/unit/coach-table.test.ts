/**
 * The coach table itself: its types refuse a missing cell or a field a mode lacks, and every cell
 * gives a valid answer, in every mode, for every routine.
 */
import { catalogue, lines, ROUTINES } from '../../lambda/content';
import {
  COACH_TABLE,
  type CoachState,
  type CoachTable,
  type Decision,
  decide,
  type HaltedState,
  parseCoachState,
} from '../../lambda/core/coach';
import { CONCERN_IDS } from '../../lambda/core/concerns';
import type { CoachEvent } from '../../lambda/core/events';
import { newProfile } from '../../lambda/core/profile';
import { WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';
import { renderPlan } from '../../lambda/speech/ssml';
import { checkSsml } from '../support/speech-checks';
import { CoreWalker, playing, START } from '../support/walk';

describe('the table type', () => {
  it('refuses a table with a cell missing, and a menu cell that reads a routine field', () => {
    // Each line below must fail to compile; `npm run typecheck` fails if one compiles.
    const { halted: _dropped, ...nextWithoutHalted } = COACH_TABLE.next;
    // @ts-expect-error the (next, halted) cell is missing
    const missing: CoachTable = { ...COACH_TABLE, next: nextWithoutHalted };
    const readsRoutine: CoachTable = {
      ...COACH_TABLE,
      status: {
        ...COACH_TABLE.status,
        menu: (draft, state) =>
          // @ts-expect-error a menu state has no routineId
          draft.menu([draft.say(state.routineId)]),
      },
    };
    const halted: HaltedState = {
      mode: 'halted',
      routineId: 'foot',
      resumeAt: { stepIndex: 0, offset: 0 },
      // @ts-expect-error a halted state has no timeline of what played
      played: { sentAt: 0, spans: [] },
    };
    expect([missing, readsRoutine, halted]).toHaveLength(3);
  });

  it('has a row for every event and the five modes in each row', () => {
    for (const row of Object.values(COACH_TABLE))
      expect(Object.keys(row).sort()).toEqual(['audio', 'halted', 'labour', 'menu', 'routine']);
    expect(Object.keys(COACH_TABLE)).toHaveLength(40);
  });
});

/** One of every event, with each variant its fields allow. */
const EVENTS: readonly CoachEvent[] = [
  { type: 'launch' },
  ...ROUTINES.map((routine) => ({ type: 'start', routineId: routine.id }) as const),
  { type: 'start', heard: 'moon walk' },
  { type: 'start' },
  { type: 'list' },
  { type: 'next' },
  { type: 'previous' },
  { type: 'repeat' },
  { type: 'startOver' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'status' },
  { type: 'pressure', direction: 'more' },
  { type: 'pressure', direction: 'less' },
  { type: 'pace', direction: 'slower' },
  { type: 'pace', direction: 'faster' },
  { type: 'speechRate', rate: 'slower' },
  { type: 'speechRate', rate: 'normal' },
  { type: 'flow', flow: 'stepByStep' },
  { type: 'flow', flow: 'continuous' },
  { type: 'help' },
  { type: 'stop' },
  { type: 'home' },
  { type: 'fallback' },
  { type: 'yes' },
  { type: 'no' },
  { type: 'discomfort' },
  { type: 'unwell' },
  ...WARNING_SIGN_IDS.map((sign) => ({ type: 'warningSign', sign }) as const),
  { type: 'labour' },
  { type: 'safetyInfo' },
  ...CONCERN_IDS.map((concern) => ({ type: 'helpWith', concern }) as const),
  { type: 'helpWith' },
  { type: 'forgetMe' },
  { type: 'sessionEnded' },
  { type: 'remindMe', ask: {} },
  { type: 'remindMe', ask: { hour: 8, minute: 0, partOfDay: 'evening', days: ['MO', 'TH'] } },
  { type: 'changeReminder', ask: {} },
  { type: 'changeReminder', ask: { hour: 19, minute: 30 } },
  { type: 'stopReminders' },
  { type: 'permission', answer: 'accepted', schedule: { days: [], hour: 20, minute: 0 } },
  { type: 'permission', answer: 'accepted' },
  { type: 'permission', answer: 'denied', schedule: { days: [], hour: 20, minute: 0 } },
  { type: 'permission', answer: 'notAnswered' },
  {
    type: 'reminderDone',
    outcome: {
      action: { kind: 'set', schedule: { days: [], hour: 20, minute: 0 } },
      result: { kind: 'done', id: 'r' },
    },
  },
  {
    type: 'reminderDone',
    outcome: {
      action: { kind: 'set', schedule: { days: ['SA'], hour: 9, minute: 0 } },
      result: { kind: 'noPermission' },
    },
  },
  {
    type: 'reminderDone',
    outcome: { action: { kind: 'delete', id: 'r' }, result: { kind: 'failed', why: 'timeout' } },
  },
  { type: 'longSession' },
  { type: 'longSession', minutes: 20 },
  { type: 'another' },
];

const STATE_LABELS = [
  'menu, nothing paused',
  'menu, routine paused',
  'menu, asked whether she is 37 weeks',
  'routine',
  'halted',
  'labour',
] as const;
type StateLabel = (typeof STATE_LABELS)[number];

/**
 * A state of each mode for a routine, and whether the routine is also paused in the profile. Built
 * inside the test that uses it, so collecting the tests runs no coach code.
 */
function stateFor(routineId: (typeof ROUTINES)[number]['id'], label: StateLabel): [CoachState, boolean] {
  switch (label) {
    case 'menu, nothing paused':
      return [{ mode: 'menu' }, false];
    case 'menu, routine paused':
      return [{ mode: 'menu' }, true];
    case 'menu, asked whether she is 37 weeks':
      return [{ mode: 'menu', question: { kind: 'term' } }, true];
    case 'labour':
      return [{ mode: 'labour' }, false];
    case 'routine':
    case 'halted': {
      const walker = new CoreWalker();
      walker.begin(routineId);
      if (label === 'routine') return [playing(walker.state), true];
      walker.send({ type: 'discomfort' }, 20);
      return [walker.state, true];
    }
  }
}

function checkDecision(event: CoachEvent, decision: Decision): void {
  const plan = decision.plan;
  if (event.type === 'sessionEnded') {
    expect(plan.segments).toHaveLength(0);
    return;
  }
  expect(plan.segments.length).toBeGreaterThan(0);
  const rendered = renderPlan(plan, decision.profile.preferences.speechRate);
  checkSsml(rendered.ssml);
  if (plan.listen) {
    expect(plan.endSession).toBe(false);
    expect(rendered.repromptSsml).toBeDefined();
    checkSsml(rendered.repromptSsml ?? '');
  } else {
    expect(plan.endSession).toBe(true);
  }
  // What the next turn reads back is what this turn decided.
  expect(parseCoachState(JSON.parse(JSON.stringify(decision.state)))).toEqual(decision.state);
}

describe.each(ROUTINES.map((routine) => [routine.id] as const))('every cell with %s', (routineId) => {
  it.each(STATE_LABELS.map((label) => [label]))('answers validly in %s', (label) => {
    const [state, paused] = stateFor(routineId, label);
    for (const event of EVENTS) {
      const base = newProfile();
      const profile = {
        ...base,
        disclaimerHeard: true,
        paused: paused ? { routineId, stepIndex: 1, at: START } : null,
      };
      const now = START + 60_000;
      const decision = decide({ state, profile, event, now, updateId: 'u1', catalogue, wording: lines });
      try {
        checkDecision(event, decision);
      } catch (error) {
        throw new Error(`${event.type} ${JSON.stringify(event)}: ${(error as Error).message}`);
      }
    }
  });
});
