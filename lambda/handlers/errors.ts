/** System.ExceptionEncountered and the error handler of last resort. */
import { type ErrorHandler, getRequestType, type RequestHandler } from 'ask-sdk-core';
import { apologyPlan } from '../core/coach';
import { DEFAULT_PREFERENCES } from '../core/preferences';
import { errorFields } from '../log';
import { parseSessionData } from './session-data';
import { respond, type TurnDeps } from './turn';

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

/** A turn that threw: the core's apology, rendered like any answer, and the session stays open. */
export function errorHandler(deps: TurnDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const type = getRequestType(input.requestEnvelope);
      deps.logger.error('turn_failed', { requestType: type, ...errorFields(error) });
      if (type === 'SessionEndedRequest' || type.startsWith('AlexaSkillEvent') || type.startsWith('System.')) {
        return input.responseBuilder.getResponse();
      }
      const attributes = input.attributesManager.getSessionAttributes() ?? {};
      const prefs = parseSessionData(attributes)?.profile.preferences ?? DEFAULT_PREFERENCES;
      return respond(input, apologyPlan(deps.wording, prefs), prefs.speechRate);
    },
  };
}
