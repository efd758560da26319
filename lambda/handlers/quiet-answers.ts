/**
 * Requests answered without a word: screen events (and a touch that is no button of the card,
 * handlers/touch.ts), and the events and interfaces the skill acknowledges (see request-types.ts
 * for which is which, and why).
 * None of them touches the user's stored profile or the session's coach state.
 */
import type { RequestHandler } from 'ask-sdk-core';
import type { Logger } from '../log';
import { type Answering, answeringOf, isRequestType, requestTypeOf } from './request-types';

/** Longest request type a log line repeats: the type is untrusted input. */
const MAX_LOGGED_TYPE_CHARACTERS = 80;

/** The request type for a log line: the SDK's own name, or a bounded copy of an unknown one. */
export function loggedType(envelope: unknown): string {
  const type = requestTypeOf(envelope);
  if (type === undefined) return '(none)';
  return isRequestType(type) ? type : type.slice(0, MAX_LOGGED_TYPE_CHARACTERS);
}

function quietHandler(answering: Answering, onRequest: (envelope: unknown) => void): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === answering,
    handle: (input) => {
      onRequest(input.requestEnvelope);
      return input.responseBuilder.getResponse();
    },
  };
}

/** Screen events other than touches: logged; a runtime error from a device is worth a warning. */
export function screenHandler(logger: Logger): RequestHandler {
  return quietHandler('screen', (envelope) => {
    const requestType = loggedType(envelope);
    if (requestType.endsWith('RuntimeError')) logger.warn('screen_runtime_error', { requestType });
    else logger.info('screen_event', { requestType });
  });
}

/** Events outside any session and interfaces the skill does not use; a type the SDK lacks is logged. */
export function acknowledgeHandler(logger: Logger): RequestHandler {
  return quietHandler('acknowledge', (envelope) => {
    const requestType = loggedType(envelope);
    if (isRequestType(requestTypeOf(envelope))) logger.info('request_acknowledged', { requestType });
    else logger.warn('unknown_request_type', { requestType });
  });
}
