/**
 * The ask-sdk handlers that start a turn: every intent through the one table (an intent the code
 * does not know, from a model newer than the code, is treated as not understood), and launch.
 */
import { getIntentName, getRequestType, type RequestHandler } from 'ask-sdk-core';
import { INTENT_EVENTS, isSkillIntent } from './intents';
import { runTurn, type TurnDeps } from './turn';

/** Longest intent name a log line repeats: model intents are under 40 characters. */
const MAX_LOGGED_INTENT_CHARACTERS = 80;

/** Every IntentRequest: through the table, or, for an intent it lacks, as not understood. */
export function intentHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
    handle: (input) => {
      const name = getIntentName(input.requestEnvelope);
      if (isSkillIntent(name)) return runTurn(input, INTENT_EVENTS[name](input), deps);
      // The name is untrusted: a bounded copy, as for request types.
      deps.logger.warn('unknown_intent', { intent: name.slice(0, MAX_LOGGED_INTENT_CHARACTERS) });
      return runTurn(input, { type: 'fallback' }, deps);
    },
  };
}

export function launchHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: (input) => runTurn(input, { type: 'launch' }, deps),
  };
}
