/**
 * The catalogue as a later release might have it: routines that gained and lost steps, built from
 * the real one, for tests of places paused before the change.
 */
import { catalogue, ROUTINES } from '../../lambda/content';
import { Catalogue, type Routine, type Step } from '../../lambda/core/catalogue';

function routineById(id: string): Routine {
  const routine = catalogue.get(id);
  if (!routine) throw new Error(`no routine ${id}`);
  return routine;
}

function stepAt(routine: Routine, index: number): Step {
  const step = routine.steps[index];
  if (!step) throw new Error(`${routine.id} has no step ${index}`);
  return step;
}

export const foot = routineById('foot');
export const hand = routineById('hand');

/** The step foot massage gains, second of all, before every step but the first. */
export const ADDED_STEP: Step = {
  ...stepAt(foot, 0),
  id: 'foot.restingHands',
  title: 'resting your hands on her feet',
};

/** The step foot massage loses: fifth today. */
export const REMOVED_STEP = stepAt(foot, 4);

/** Foot massage with a step added second and its fifth step taken out: still seven steps. */
export const changedFoot: Routine = {
  ...foot,
  steps: [stepAt(foot, 0), ADDED_STEP, ...foot.steps.slice(1).filter((step) => step.id !== REMOVED_STEP.id)],
};

/** Hand massage without its last step. */
export const shortenedHand: Routine = { ...hand, steps: hand.steps.slice(0, -1) };

export const changedCatalogue = new Catalogue(
  ROUTINES.map((routine) => (routine.id === 'foot' ? changedFoot : routine.id === 'hand' ? shortenedHand : routine)),
);

/** A step's index in a routine, failing loudly if it is not there. */
export function indexOf(routine: Routine, stepId: string): number {
  const index = routine.steps.findIndex((step) => step.id === stepId);
  if (index < 0) throw new Error(`${routine.id} has no step ${stepId}`);
  return index;
}
