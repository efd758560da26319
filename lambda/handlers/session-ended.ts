/** SessionEndedRequest: no speech may be returned; the place is saved. */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { runTurn, type TurnDeps } from './turn';

export function sessionEndedHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
    handle: async (input) => {
      const request = input.requestEnvelope.request as SessionEndedRequest;
      if (request.reason === 'ERROR') {
        deps.logger.warn('session_ended_with_error', { errorType: request.error?.type ?? 'unknown' });
      }
      await runTurn(input, { type: 'sessionEnded' }, deps);
      return input.responseBuilder.getResponse();
    },
  };
}
