/**
 * A paused place read against the routine as the catalogue has it now. A later release may give a
 * routine more steps or fewer, so a place remembers its step by id (Step.id) as well as by index.
 */
import type { Catalogue, Routine } from '../catalogue';
import type { PausedPlace, UserProfile } from '../profile';

/**
 * The place fitted to the routine: at its step's index now when the step is still there (steps
 * added before it move it on); otherwise at the same index, brought back to the routine's last step
 * if it is past the end. A place whose step is gone keeps the id it had, so `stepGone` still knows.
 * A place saved before step ids were kept, and still within the routine, takes the id of the step
 * at its index: the same step it has always meant.
 */
export function fitPlace(place: PausedPlace, routine: Routine): PausedPlace {
  const found = routine.steps.findIndex((step) => step.id === place.stepId);
  if (found >= 0) return { ...place, stepIndex: found };
  const step = routine.steps[place.stepIndex];
  // No step at that index means the place is past the routine's end.
  if (place.stepId !== undefined || step === undefined) {
    return { ...place, stepIndex: Math.min(place.stepIndex, routine.steps.length - 1) };
  }
  return { ...place, stepId: step.id };
}

/** The profile with its paused place fitted to the catalogue; a routine it lacks is left as it is. */
export function fitProfile(profile: UserProfile, catalogue: Catalogue): UserProfile {
  const place = profile.paused;
  const routine = place === null ? undefined : catalogue.get(place.routineId);
  if (place === null || routine === undefined) return profile;
  return { ...profile, paused: fitPlace(place, routine) };
}

/**
 * True when a fitted place stands in for a step the routine no longer has, so what is said must not
 * pretend it is where she paused.
 */
export function stepGone(place: PausedPlace, routine: Routine): boolean {
  return routine.steps[place.stepIndex]?.id !== place.stepId;
}
