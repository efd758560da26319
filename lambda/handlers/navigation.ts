/** Moving through a routine, and how it is paced. */
import type { RequestHandler } from 'ask-sdk-core';
import { intentHandler } from './intent-handler';
import { Intent } from './intents';
import type { TurnDeps } from './turn';

export function navigationHandlers(deps: TurnDeps): RequestHandler[] {
  return [
    intentHandler([Intent.Next], () => ({ type: 'next' }), deps),
    intentHandler([Intent.Previous], () => ({ type: 'previous' }), deps),
    intentHandler([Intent.Repeat], () => ({ type: 'repeat' }), deps),
    intentHandler([Intent.StartOver], () => ({ type: 'startOver' }), deps),
    intentHandler([Intent.Status], () => ({ type: 'status' }), deps),
    intentHandler([Intent.Slower], () => ({ type: 'pace', direction: 'slower' }), deps),
    intentHandler([Intent.Faster], () => ({ type: 'pace', direction: 'faster' }), deps),
    intentHandler([Intent.SpeakSlower], () => ({ type: 'speechRate', rate: 'slower' }), deps),
    intentHandler([Intent.SpeakNormally], () => ({ type: 'speechRate', rate: 'normal' }), deps),
    intentHandler([Intent.StepByStep], () => ({ type: 'flow', flow: 'stepByStep' }), deps),
    intentHandler([Intent.Continuous], () => ({ type: 'flow', flow: 'continuous' }), deps),
  ];
}
