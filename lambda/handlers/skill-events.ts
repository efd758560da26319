/** Skill events: a user who disables the skill without keeping their data is forgotten. */
import type { RequestHandler } from 'ask-sdk-core';
import { errorFields } from '../log';
import { answeringOf } from './request-types';
import type { TurnDeps } from './turn';

export function skillDisabledHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === 'skillDisabled',
    handle: async (input) => {
      const request = input.requestEnvelope.request as unknown as {
        body?: { userInformationPersistenceStatus?: unknown } | null;
      };
      const userId: unknown = input.requestEnvelope.context?.System?.user?.userId;
      if (request.body?.userInformationPersistenceStatus === 'NOT_PERSISTED' && typeof userId === 'string' && userId) {
        try {
          await deps.store.delete(userId);
          deps.logger.info('user_forgotten_on_disable');
        } catch (error) {
          deps.logger.error('user_delete_on_disable_failed', errorFields(error));
          throw error;
        }
      }
      return input.responseBuilder.getResponse();
    },
  };
}
