import type { RequestHandler } from 'ask-sdk-core';
import { requestHandler } from './intent-handler';
import type { TurnDeps } from './turn';

export function launchHandler(deps: TurnDeps): RequestHandler {
  return requestHandler('LaunchRequest', { type: 'launch' }, deps);
}
