/**
 * createSkill(deps): wires the handlers, most specific first, with the catch-all last.
 */
import { type Skill, SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { lines } from './content/lines';
import { catalogue as defaultCatalogue } from './content/routines';
import type { Catalogue } from './core/catalogue';
import type { Wording } from './core/wording';
import { errorHandler, exceptionEncounteredHandler } from './handlers/errors';
import { intentHandler, launchHandler } from './handlers/intent-handler';
import { sessionEndedHandler } from './handlers/session-ended';
import { skillDisabledHandler } from './handlers/skill-events';
import type { TurnDeps } from './handlers/turn';
import { consoleLogger, type Logger } from './log';
import type { UserStore } from './persistence/user-store';

export interface SkillDeps {
  readonly store: UserStore;
  /** When set, requests for any other skill id are rejected. */
  readonly skillId?: string | undefined;
  /** @default the built-in routine catalogue */
  readonly catalogue?: Catalogue;
  /** @default the built-in English lines */
  readonly wording?: Wording;
  /** @default JSON lines on the console */
  readonly logger?: Logger;
}

export function createSkill(deps: SkillDeps): Skill {
  const turnDeps: TurnDeps = {
    store: deps.store,
    catalogue: deps.catalogue ?? defaultCatalogue,
    wording: deps.wording ?? lines,
    logger: deps.logger ?? consoleLogger,
  };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      launchHandler(turnDeps),
      intentHandler(turnDeps),
      sessionEndedHandler(turnDeps),
      skillDisabledHandler(turnDeps),
      exceptionEncounteredHandler(turnDeps),
    )
    .addErrorHandlers(errorHandler(turnDeps));
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
}

/** The Lambda function's signature: an Alexa request envelope in, a response envelope out. */
export type LambdaHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

export function createHandler(deps: SkillDeps): LambdaHandler {
  const skill = createSkill(deps);
  return (event, context) => skill.invoke(event, context);
}
