/** Builds thin ask-sdk handlers that translate a request into a coach event and run the turn. */
import { getIntentName, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { CoachEvent } from '../core/events';
import { runTurn, type TurnDeps } from './turn';

export function intentHandler(
  intentNames: readonly string[],
  toEvent: (input: HandlerInput) => CoachEvent,
  deps: TurnDeps,
): RequestHandler {
  return {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      intentNames.includes(getIntentName(input.requestEnvelope)),
    handle: (input) => runTurn(input, toEvent(input), deps),
  };
}

export function requestHandler(requestType: string, event: CoachEvent, deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === requestType,
    handle: (input) => runTurn(input, event, deps),
  };
}
