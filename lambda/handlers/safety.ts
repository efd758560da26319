/** Safety answers act at once, mid-routine too; and "what helps with…". */
import type { RequestHandler } from 'ask-sdk-core';
import { CONCERN_IDS, type ConcernId } from '../core/concerns';
import { intentHandler } from './intent-handler';
import { Intent, Slot } from './intents';
import { readSlot } from './slots';
import type { TurnDeps } from './turn';

function isConcernId(id: string | undefined): id is ConcernId {
  return id !== undefined && (CONCERN_IDS as readonly string[]).includes(id);
}

export function safetyHandlers(deps: TurnDeps): RequestHandler[] {
  return [
    intentHandler([Intent.Discomfort], () => ({ type: 'discomfort' }), deps),
    intentHandler([Intent.Unwell], () => ({ type: 'unwell' }), deps),
    intentHandler([Intent.RedFlag], () => ({ type: 'redFlag' }), deps),
    intentHandler([Intent.SafetyInfo], () => ({ type: 'safetyInfo' }), deps),
    intentHandler(
      [Intent.HelpWith],
      (input) => {
        const { id } = readSlot(input, Slot.concern);
        return isConcernId(id) ? { type: 'helpWith', concern: id } : { type: 'helpWith' };
      },
      deps,
    ),
  ];
}
