/**
 * createSkill(deps): wires the handlers, one group for each way a request type is answered
 * (handlers/request-types.ts), most specific first, with the catch-all last.
 * createHandler(deps): the Lambda function around it, which answers even an envelope ask-sdk
 * cannot read, and rejects one sent for another skill.
 */
import { type RequestHandler, type Skill, SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, Response, ResponseEnvelope } from 'ask-sdk-model';
import type { AlexaApi } from './alexa-api';
import type { AudioSource } from './audio/source';
import { contentForRequest, type RequestContent } from './content/locale-content';
import type { Catalogue } from './core/catalogue';
import { DEFAULT_PREFERENCES } from './core/preferences';
import type { Wording } from './core/wording';
import { canFulfillHandler } from './handlers/can-fulfill';
import {
  errorHandler,
  exceptionEncounteredHandler,
  keepCheckedAttributes,
  lastResortResponse,
} from './handlers/errors';
import { intentHandler, launchHandler } from './handlers/intent-handler';
import { permissionHandler } from './handlers/permission';
import { playbackHandler } from './handlers/playback';
import { acknowledgeHandler, loggedType, screenHandler } from './handlers/quiet-answers';
import type { Answering } from './handlers/request-types';
import { checkedSessionAttributes } from './handlers/session-data';
import { sessionEndedHandler } from './handlers/session-ended';
import { skillDisabledHandler } from './handlers/skill-events';
import { touchHandler } from './handlers/touch';
import type { TurnDeps } from './handlers/turn';
import { consoleLogger, errorFields, type Logger } from './log';
import type { UserStore } from './persistence/user-store';

export interface SkillDeps {
  readonly store: UserStore;
  /** When set, requests for any other skill id are rejected. */
  readonly skillId?: string | undefined;
  /** Replaces every locale's routines (tests of a changed catalogue). @default each locale's own */
  readonly catalogue?: Catalogue;
  /** Replaces every locale's lines. @default each locale's own */
  readonly wording?: Wording;
  /** @default JSON lines on the console */
  readonly logger?: Logger;
  /** The rendered audio and where it is served; without it there is no hands-free mode. */
  readonly audio?: AudioSource;
  /**
   * Alexa's settings and reminders APIs. Without it, practice days count in UTC and reminders
   * cannot be set (the skill says so). @default none: index.ts gives the Lambda the real one
   */
  readonly alexaApi?: AlexaApi;
}

/** The handlers for each way of answering; a new way does not compile until it has its handlers. */
const ANSWERERS: { readonly [Way in Answering]: (deps: TurnDeps) => readonly RequestHandler[] } = {
  turn: (deps) => [launchHandler(deps), intentHandler(deps)],
  permission: (deps) => [permissionHandler(deps)],
  sessionEnded: (deps) => [sessionEndedHandler(deps)],
  canFulfill: (deps) => [canFulfillHandler(deps.logger)],
  skillDisabled: (deps) => [skillDisabledHandler(deps)],
  exception: (deps) => [exceptionEncounteredHandler(deps)],
  playback: (deps) => [playbackHandler(deps)],
  touch: (deps) => [touchHandler(deps)],
  screen: (deps) => [screenHandler(deps.logger)],
  // Last: it also takes request types the SDK does not know.
  acknowledge: (deps) => [acknowledgeHandler(deps.logger)],
};

/**
 * The content for a request's locale, with the deps' replacements. A locale the skill has no model
 * for is logged: the nearest English one it used, or the language it does not speak.
 */
function contentSource(deps: SkillDeps, logger: Logger): (requestLocale: unknown) => RequestContent {
  return (requestLocale) => {
    const content = contentForRequest(requestLocale);
    const { choice } = content;
    if (choice.kind === 'nearest') {
      logger.info('locale_fallback', { requested: choice.requested, using: choice.locale, numbers: choice.numbers });
    } else if (choice.kind === 'otherLanguage') {
      logger.info('locale_not_spoken', { requested: choice.requested });
    }
    return {
      ...content,
      ...(deps.catalogue ? { catalogue: deps.catalogue } : {}),
      ...(deps.wording ? { wording: deps.wording } : {}),
    };
  };
}

function turnDepsOf(deps: SkillDeps): TurnDeps {
  const logger = deps.logger ?? consoleLogger;
  return {
    store: deps.store,
    content: contentSource(deps, logger),
    logger,
    audio: deps.audio,
    alexaApi: deps.alexaApi,
  };
}

export function createSkill(deps: SkillDeps): Skill {
  const turnDeps = turnDepsOf(deps);
  const handlers = Object.values(ANSWERERS).flatMap((answerers) => answerers(turnDeps));
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...handlers)
    // Whatever answered, session attributes go back checked, never as the request brought them.
    .addResponseInterceptors({ process: (input) => keepCheckedAttributes(input) })
    .addErrorHandlers(errorHandler(turnDeps));
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
}

/** The Lambda function's signature: an Alexa request envelope in, a response envelope out. */
export type LambdaHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

/** An envelope for another skill reached this function. */
export class SkillIdMismatchError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SkillIdMismatchError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/** Why ask-sdk could not take the envelope at all, or undefined when it can. */
function envelopeProblem(event: unknown, skillId: string | undefined): string | undefined {
  if (!isObject(event)) return 'not_an_object';
  const request = field(event, 'request');
  if (!isObject(request)) return 'no_request';
  if (typeof request.type !== 'string') return 'no_request_type';
  // Without an application the envelope cannot be checked against the skill id: nothing runs.
  if (skillId && !isObject(field(field(event.context, 'System'), 'application'))) return 'no_application';
  return undefined;
}

/**
 * The envelope with session attributes ask-sdk can carry: attributes that are not an object (a
 * string, an array) would be handed back as they came, and Alexa expects an object.
 */
function withObjectAttributes(event: RequestEnvelope, logger: Logger): RequestEnvelope {
  const session = field(event, 'session');
  const attributes = field(session, 'attributes');
  if (attributes === undefined || attributes === null || isObject(attributes)) return event;
  logger.warn('session_attributes_malformed', { requestType: loggedType(event) });
  return { ...event, session: { ...(session as object), attributes: {} } } as RequestEnvelope;
}

function applicationIdOf(event: unknown): unknown {
  return field(field(field(field(event, 'context'), 'System'), 'application'), 'applicationId');
}

/**
 * The Lambda handler. An envelope for another skill id is rejected (the function fails, as ask-sdk
 * does), since answering it would serve a caller that is not this skill. Anything else gets a valid
 * answer for its request type, whatever it holds: a malformed envelope is logged and answered
 * without running a turn, and an error that escapes the skill is answered as a failed turn.
 */
export function createHandler(deps: SkillDeps): LambdaHandler {
  const skill = createSkill(deps);
  const logger = deps.logger ?? consoleLogger;
  const wordingOf = (event: unknown): Wording =>
    deps.wording ?? contentForRequest(field(field(event, 'request'), 'locale')).wording;
  return async (event, context) => {
    const problem = envelopeProblem(event, deps.skillId);
    if (problem !== undefined) {
      logger.error('envelope_malformed', { problem, requestType: loggedType(event) });
      return { version: '1.0', response: lastResortResponse(event, wordingOf(event), DEFAULT_PREFERENCES) };
    }
    const applicationId = applicationIdOf(event);
    if (deps.skillId && applicationId !== deps.skillId) {
      logger.error('skill_id_mismatch', { requestType: loggedType(event) });
      throw new SkillIdMismatchError('the request is for another skill');
    }
    try {
      return await skill.invoke(withObjectAttributes(event, logger), context);
    } catch (error) {
      logger.error('handler_failed', { requestType: loggedType(event), ...errorFields(error) });
      const attributes = field(field(event, 'session'), 'attributes');
      let response: Response = {};
      try {
        response = lastResortResponse(event, wordingOf(event), DEFAULT_PREFERENCES);
      } catch (apologyError) {
        // The apology itself failed: an empty answer, which Alexa takes for any request type.
        logger.error('apology_failed', errorFields(apologyError));
      }
      const ended = field(field(event, 'request'), 'type') === 'SessionEndedRequest';
      const sessionAttributes = isObject(attributes) ? checkedSessionAttributes(attributes, ended) : undefined;
      return { version: '1.0', response, ...(sessionAttributes ? { sessionAttributes } : {}) };
    }
  };
}
