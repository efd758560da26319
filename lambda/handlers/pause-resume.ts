/** Pause (saves the place and ends the session) and resume (same session or a later one). */
import type { RequestHandler } from 'ask-sdk-core';
import { intentHandler } from './intent-handler';
import { Intent } from './intents';
import type { TurnDeps } from './turn';

export function pauseResumeHandlers(deps: TurnDeps): RequestHandler[] {
  return [
    intentHandler([Intent.Pause], () => ({ type: 'pause' }), deps),
    intentHandler([Intent.Resume], () => ({ type: 'resume' }), deps),
  ];
}
