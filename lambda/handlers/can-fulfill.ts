/**
 * CanFulfillIntentRequest: Alexa asks, before any session, whether the skill would take a request
 * said without its name. The answer is `canFulfillIntent` alone; nothing is said, stored or changed
 * (name-free interaction docs: the skill must not cause any observable interaction or change state).
 *
 * Only asking for a routine by a name the model resolves, or for the list of routines, is claimed.
 * Commands (next, pause, stop, yes) mean nothing outside a session of this skill, and a warning
 * sign or a health question said without the skill's name is Alexa's to answer, not a massage
 * coach's: both get NO.
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { canfulfill } from 'ask-sdk-model';
import type { CoachEvent } from '../core/events';
import type { Logger } from '../log';
import { errorFields } from '../log';
import { INTENT_EVENTS, isSkillIntent, Slot } from './intents';
import { answeringOf } from './request-types';
import { parseSlot } from './slots';

function claims(event: CoachEvent): boolean {
  return (event.type === 'start' && event.routineId !== undefined) || event.type === 'list';
}

const NO: canfulfill.CanFulfillIntent = { canFulfill: 'NO' };

/** The answer for the request's intent; NO for anything it cannot read. */
export function canFulfill(input: HandlerInput): canfulfill.CanFulfillIntent {
  const request = input.requestEnvelope.request as { intent?: { name?: unknown; slots?: unknown } };
  const name = request.intent?.name;
  if (typeof name !== 'string' || !isSkillIntent(name)) return NO;
  const answer = claims(INTENT_EVENTS[name](input)) ? 'YES' : 'NO';
  const sent = request.intent?.slots;
  const slots: Record<string, canfulfill.CanFulfillSlot> = {};
  // Only the model's own slot names are answered, so a request with thousands of slots gets a small answer.
  for (const slotName of Object.values(Slot)) {
    if (typeof sent !== 'object' || sent === null || !Object.hasOwn(sent, slotName)) continue;
    const understood = parseSlot(input, slotName).id !== undefined;
    slots[slotName] = understood
      ? { canUnderstand: 'YES', canFulfill: answer === 'YES' ? 'YES' : 'NO' }
      : { canUnderstand: 'NO', canFulfill: 'NO' };
  }
  return Object.keys(slots).length > 0 ? { canFulfill: answer, slots } : { canFulfill: answer };
}

export function canFulfillHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === 'canFulfill',
    handle: (input) => {
      let answer = NO;
      try {
        answer = canFulfill(input);
      } catch (error) {
        logger.error('can_fulfill_failed', errorFields(error));
      }
      return input.responseBuilder.withCanFulfillIntent(answer).getResponse();
    },
  };
}
