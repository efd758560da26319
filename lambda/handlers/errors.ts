/**
 * System.ExceptionEncountered and the answers of last resort. Nothing here may throw: the request
 * that reaches it may be malformed in any way, so it is read with the guards of request-types.ts,
 * never with ask-sdk's getters.
 */
import type { ErrorHandler, HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { apologyPlan } from '../core/coach';
import { DEFAULT_PREFERENCES, type Preferences } from '../core/preferences';
import type { Wording } from '../core/wording';
import { errorFields } from '../log';
import { renderPlan } from '../speech/ssml';
import { loggedType } from './quiet-answers';
import { answeringOf, mayAnswerWithSpeech } from './request-types';
import { checkedSessionAttributes, parseSessionData } from './session-data';
import type { TurnDeps } from './turn';

export function exceptionEncounteredHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === 'exception',
    handle: (input) => {
      const request = input.requestEnvelope.request as unknown as { error?: { type?: unknown } };
      const errorType = typeof request.error?.type === 'string' ? request.error.type.slice(0, 80) : 'unknown';
      deps.logger.warn('exception_encountered', { errorType });
      return input.responseBuilder.getResponse();
    },
  };
}

/**
 * The answer when a request could not be handled: the core's apology, with a reprompt so the
 * session stays open, where the request type is answered with speech; NO to a CanFulfillIntentRequest;
 * nothing to any other.
 */
export function lastResortResponse(envelope: unknown, wording: Wording, prefs: Preferences): Response {
  const answering = answeringOf(envelope);
  if (answering === 'canFulfill') return { canFulfillIntent: { canFulfill: 'NO' } };
  if (!mayAnswerWithSpeech(answering)) return {};
  const plan = apologyPlan(wording, prefs);
  const rendered = renderPlan(plan, prefs.speechRate);
  return {
    outputSpeech: { type: 'SSML', ssml: rendered.ssml },
    ...(plan.listen && rendered.repromptSsml
      ? { reprompt: { outputSpeech: { type: 'SSML', ssml: rendered.repromptSsml } }, shouldEndSession: false }
      : {}),
    ...(plan.endSession ? { shouldEndSession: true } : {}),
  };
}

/** The user's preferences from the session, for the apology's speech rate; defaults when unreadable. */
function sessionPreferences(input: HandlerInput): Preferences {
  // ask-sdk throws when asked for the attributes of a request without a session.
  if (!input.requestEnvelope.session) return DEFAULT_PREFERENCES;
  const attributes: unknown = input.attributesManager.getSessionAttributes();
  if (typeof attributes !== 'object' || attributes === null) return DEFAULT_PREFERENCES;
  return parseSessionData(attributes as Record<string, unknown>)?.profile.preferences ?? DEFAULT_PREFERENCES;
}

/** Replaces the session's attributes with a checked copy (see checkedSessionAttributes). */
export function keepCheckedAttributes(input: HandlerInput): void {
  if (!input.requestEnvelope.session) return;
  const ended = input.requestEnvelope.request.type === 'SessionEndedRequest';
  input.attributesManager.setSessionAttributes(
    checkedSessionAttributes(input.attributesManager.getSessionAttributes(), ended),
  );
}

/** A turn that threw: logged, then the answer of last resort for its request type. */
export function errorHandler(deps: TurnDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      deps.logger.error('turn_failed', { requestType: loggedType(input.requestEnvelope), ...errorFields(error) });
      let prefs = DEFAULT_PREFERENCES;
      try {
        prefs = sessionPreferences(input);
        keepCheckedAttributes(input);
      } catch (readError) {
        deps.logger.warn('session_preferences_unreadable', errorFields(readError));
      }
      return lastResortResponse(
        input.requestEnvelope,
        deps.content(input.requestEnvelope.request.locale).wording,
        prefs,
      );
    },
  };
}
