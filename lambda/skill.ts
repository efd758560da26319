/**
 * createSkill(deps): wires the handlers, most specific first, with the catch-all last.
 */
import { getIntentName, getRequestType, type RequestHandler, type Skill, SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { catalogue as defaultCatalogue } from './content/routines';
import type { Catalogue } from './core/catalogue';
import { errorHandler, exceptionEncounteredHandler } from './handlers/errors';
import { fallbackHandler, helpStopHandlers } from './handlers/help-stop';
import { launchHandler } from './handlers/launch';
import { navigationHandlers } from './handlers/navigation';
import { pauseResumeHandlers } from './handlers/pause-resume';
import { pressureHandlers } from './handlers/pressure';
import { routineHandlers } from './handlers/routine';
import { safetyHandlers } from './handlers/safety';
import { sessionEndedHandler } from './handlers/session-ended';
import { skillDisabledHandler } from './handlers/skill-events';
import { runTurn, type TurnDeps } from './handlers/turn';
import { consoleLogger, type Logger } from './log';
import type { UserStore } from './persistence/user-store';

export interface SkillDeps {
  readonly store: UserStore;
  /** When set, requests for any other skill id are rejected. */
  readonly skillId?: string | undefined;
  /** @default the built-in routine catalogue */
  readonly catalogue?: Catalogue;
  /** @default JSON lines on the console */
  readonly logger?: Logger;
}

/** Any intent the skill does not know (a model newer than the code) is treated as fallback. */
function unknownIntentHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
    handle: (input) => {
      deps.logger.warn('unknown_intent', { intent: getIntentName(input.requestEnvelope) });
      return runTurn(input, { type: 'fallback' }, deps);
    },
  };
}

export function createSkill(deps: SkillDeps): Skill {
  const turnDeps: TurnDeps = {
    store: deps.store,
    catalogue: deps.catalogue ?? defaultCatalogue,
    logger: deps.logger ?? consoleLogger,
  };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      launchHandler(turnDeps),
      ...routineHandlers(turnDeps),
      ...safetyHandlers(turnDeps),
      ...pressureHandlers(turnDeps),
      ...pauseResumeHandlers(turnDeps),
      ...navigationHandlers(turnDeps),
      ...helpStopHandlers(turnDeps),
      fallbackHandler(turnDeps),
      sessionEndedHandler(turnDeps),
      skillDisabledHandler(turnDeps),
      exceptionEncounteredHandler(turnDeps),
      unknownIntentHandler(turnDeps),
    )
    .addErrorHandlers(errorHandler(turnDeps));
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
}

export type AlexaHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

export function createHandler(deps: SkillDeps): AlexaHandler {
  const skill = createSkill(deps);
  return (event, context) => skill.invoke(event, context);
}
