/**
 * The screen a decision leaves: derived from the state the turn ends in and the plan's speech, unless
 * the move said what to show (a warning sign's answer, a routine's closing). Pure.
 */
import type { Catalogue, Routine } from '../catalogue';
import { remainingSeconds } from '../pacing';
import type { Preferences } from '../preferences';
import type { UserProfile } from '../profile';
import { firstSentence, type PausedView, type ScreenView, type StepPage } from '../screen';
import type { Plan } from './plan';
import type { CoachState } from './state';

export interface ViewInputs {
  readonly state: CoachState;
  readonly plan: Plan;
  readonly profile: UserProfile;
  readonly catalogue: Catalogue;
  readonly prefs: Preferences;
  /** The place this turn saved, if it saved one: a session that ends paused shows it. */
  readonly savedPlace?: { readonly routineId: string; readonly stepIndex: number } | null | undefined;
  /** What the move chose to show; null: nothing (the user is leaving). */
  readonly shown?: ScreenView | null | undefined;
}

function clampStep(routine: Routine, stepIndex: number): number {
  return Math.min(Math.max(stepIndex, 0), routine.steps.length - 1);
}

function page(routine: Routine, stepIndex: number, prefs: Preferences, atSeconds: number): StepPage {
  const step = routine.steps[stepIndex] ?? routine.steps[0];
  if (step === undefined) throw new Error(`${routine.id} has no steps`);
  return {
    stepNumber: stepIndex + 1,
    title: step.title,
    shown: firstSentence(step.instruction[prefs.pressure]),
    area: step.area,
    secondsLeft: Math.round(remainingSeconds(routine, { stepIndex, offset: 0 }, prefs)),
    atSeconds: Math.round(atSeconds * 10) / 10,
  };
}

/** The steps the answer speaks, each with when its speech begins; the resume step when it speaks none. */
function pages(routine: Routine, plan: Plan, prefs: Preferences, resumeStep: number): StepPage[] {
  const found: StepPage[] = [];
  let at = 0;
  for (const segment of plan.segments) {
    const step = segment.kind === 'speech' ? segment.step : undefined;
    if (step !== undefined && step < routine.steps.length && !found.some((p) => p.stepNumber === step + 1)) {
      found.push(page(routine, step, prefs, at));
    }
    at += segment.seconds;
  }
  return found.length > 0 ? found : [page(routine, clampStep(routine, resumeStep), prefs, 0)];
}

function paused(routine: Routine, stepIndex: number): PausedView {
  const index = clampStep(routine, stepIndex);
  const step = routine.steps[index];
  return {
    kind: 'paused',
    routineId: routine.id,
    routineName: routine.name,
    stepNumber: index + 1,
    stepCount: routine.steps.length,
    title: step?.title ?? '',
    area: step?.area ?? 'lowerBack',
  };
}

function firstSpoken(plan: Plan): string {
  const speech = plan.segments.find((segment) => segment.kind === 'speech');
  return speech?.kind === 'speech' ? firstSentence(speech.text) : '';
}

/** What the screen shows after the turn; none while audio plays (Now Playing shows the step then). */
export function viewAfter(inputs: ViewInputs): ScreenView | undefined {
  const { state, plan, catalogue, prefs } = inputs;
  if (inputs.shown === null) return undefined;
  if (inputs.shown) return inputs.shown;
  if (plan.audio?.kind === 'play' || plan.audio?.kind === 'keepPlaying') return undefined;
  switch (state.mode) {
    case 'routine': {
      const routine = catalogue.get(state.routineId);
      if (!routine) return undefined;
      return {
        kind: 'routine',
        routineId: routine.id,
        routineName: routine.name,
        stepCount: routine.steps.length,
        pressure: prefs.pressure,
        pages: pages(routine, plan, prefs, state.resumeAt.stepIndex),
      };
    }
    case 'halted': {
      const routine = catalogue.get(state.routineId);
      if (!routine) return undefined;
      const { kind: _kind, ...place } = paused(routine, state.resumeAt.stepIndex);
      return { kind: 'halted', cause: state.cause, ...place, action: firstSpoken(plan) };
    }
    case 'audio': {
      const routine = catalogue.get(state.routineId);
      return routine ? paused(routine, state.resumeAt.stepIndex) : undefined;
    }
    case 'labour':
      return { kind: 'labour', line: firstSpoken(plan) };
    case 'menu':
      return menuView(inputs);
  }
}

/** At the menu: the routines while it asks which; the place a pause just saved; else nothing. */
function menuView({ plan, profile, catalogue, savedPlace }: ViewInputs): ScreenView | undefined {
  if (plan.listen) {
    const place = profile.paused;
    const routine = place ? catalogue.get(place.routineId) : undefined;
    return {
      kind: 'menu',
      routines: catalogue.routines.map((r) => ({ id: r.id, name: r.name, summary: r.summary })),
      ...(place && routine
        ? {
            paused: {
              routineId: routine.id,
              routineName: routine.name,
              stepNumber: clampStep(routine, place.stepIndex) + 1,
            },
          }
        : {}),
    };
  }
  const routine = savedPlace ? catalogue.get(savedPlace.routineId) : undefined;
  return savedPlace && routine ? paused(routine, savedPlace.stepIndex) : undefined;
}
