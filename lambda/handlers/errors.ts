/** System.ExceptionEncountered and the error handler of last resort. */
import { type ErrorHandler, getRequestType, type RequestHandler } from 'ask-sdk-core';
import { lines } from '../content/lines';
import { errorFields } from '../log';
import { escapeSsml } from '../speech/ssml';
import type { TurnDeps } from './turn';

export function exceptionEncounteredHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'System.ExceptionEncountered',
    handle: (input) => {
      const request = input.requestEnvelope.request as unknown as { error?: { type?: string } };
      deps.logger.warn('exception_encountered', { errorType: request.error?.type ?? 'unknown' });
      return input.responseBuilder.getResponse();
    },
  };
}

export function errorHandler(deps: TurnDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const type = getRequestType(input.requestEnvelope);
      deps.logger.error('turn_failed', { requestType: type, ...errorFields(error) });
      if (type === 'SessionEndedRequest' || type.startsWith('AlexaSkillEvent') || type.startsWith('System.')) {
        return input.responseBuilder.getResponse();
      }
      return input.responseBuilder
        .speak(`<speak>${escapeSsml(lines.error)}</speak>`)
        .reprompt(`<speak>${escapeSsml(lines.errorReprompt)}</speak>`)
        .getResponse();
    },
  };
}
