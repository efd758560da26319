/** More and less pressure: a tip for the step being done, and a remembered level. */
import type { RequestHandler } from 'ask-sdk-core';
import { intentHandler } from './intent-handler';
import { Intent } from './intents';
import type { TurnDeps } from './turn';

export function pressureHandlers(deps: TurnDeps): RequestHandler[] {
  return [
    intentHandler([Intent.MorePressure], () => ({ type: 'pressure', direction: 'more' }), deps),
    intentHandler([Intent.LessPressure], () => ({ type: 'pressure', direction: 'less' }), deps),
  ];
}
