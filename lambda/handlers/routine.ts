/** Starting and listing routines. */
import type { RequestHandler } from 'ask-sdk-core';
import { isRoutineId } from '../core/catalogue';
import { intentHandler } from './intent-handler';
import { Intent, Slot } from './intents';
import { readSlot } from './slots';
import type { TurnDeps } from './turn';

export function routineHandlers(deps: TurnDeps): RequestHandler[] {
  return [
    intentHandler(
      [Intent.StartRoutine],
      (input) => {
        const slot = readSlot(input, Slot.routine);
        const byName = slot.heard ? deps.catalogue.findByName(slot.heard)?.id : undefined;
        const routineId = isRoutineId(slot.id) ? slot.id : byName;
        if (routineId) return { type: 'start', routineId };
        return slot.heard ? { type: 'start', heard: slot.heard } : { type: 'start' };
      },
      deps,
    ),
    intentHandler([Intent.ListRoutines], () => ({ type: 'list' }), deps),
  ];
}
