/** Help, stop, cancel, home, fallback, and yes/no answers. */
import type { RequestHandler } from 'ask-sdk-core';
import { intentHandler } from './intent-handler';
import { Intent } from './intents';
import type { TurnDeps } from './turn';

export function helpStopHandlers(deps: TurnDeps): RequestHandler[] {
  return [
    intentHandler([Intent.Help], () => ({ type: 'help' }), deps),
    intentHandler([Intent.Stop, Intent.Cancel], () => ({ type: 'stop' }), deps),
    intentHandler([Intent.NavigateHome], () => ({ type: 'home' }), deps),
    intentHandler([Intent.Yes], () => ({ type: 'yes' }), deps),
    intentHandler([Intent.No], () => ({ type: 'no' }), deps),
    intentHandler([Intent.ForgetMe], () => ({ type: 'forgetMe' }), deps),
  ];
}

/** Registered last: any intent no other handler took is treated like the fallback intent. */
export function fallbackHandler(deps: TurnDeps): RequestHandler {
  return intentHandler([Intent.Fallback], () => ({ type: 'fallback' }), deps);
}
