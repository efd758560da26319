/**
 * The screen's touch buttons: an `Alexa.Presentation.APL.UserEvent` from the skill's own card (its
 * token) whose SendEvent arguments are in the card's vocabulary (lambda/screen/render.ts) becomes
 * the core event the same words would, and goes through the same turn as voice. Anything else (an
 * unknown button, another document's token, a routine id the skill does not have) changes nothing
 * and is logged, like every other screen event (quiet-answers.ts).
 */
import type { RequestHandler } from 'ask-sdk-core';
import type { CoachEvent } from '../core/events';
import { parseScreenEvent, type ScreenCommand } from '../screen/events';
import { SCREEN_TOKEN } from '../screen/render';
import { answeringOf } from './request-types';
import { runTurn, type TurnDeps } from './turn';

/**
 * Each button as the words it stands for (handlers/intents.ts): Back is "previous", Lighter is
 * "less pressure", It hurts is "it hurts", Carry on is "carry on" (AMAZON.ResumeIntent); a routine
 * on the menu (`start` and its id) is "start <routine>".
 */
const COMMAND_EVENTS: { readonly [Command in ScreenCommand]: CoachEvent } = {
  pause: { type: 'pause' },
  next: { type: 'next' },
  back: { type: 'previous' },
  lighter: { type: 'pressure', direction: 'less' },
  hurts: { type: 'discomfort' },
  resume: { type: 'resume' },
  carryOn: { type: 'resume' },
  stop: { type: 'stop' },
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The core event a touch stands for, read without trusting the request: undefined unless it is a
 * UserEvent with the card's token and arguments in the card's vocabulary (lambda/screen/events.ts:
 * one command, or `start` and a routine id the skill has).
 */
export function touchEventOf(request: unknown): CoachEvent | undefined {
  const fields = record(request);
  if (fields.type !== 'Alexa.Presentation.APL.UserEvent' || fields.token !== SCREEN_TOKEN) return undefined;
  const touched = parseScreenEvent(fields.arguments);
  if (touched === undefined) return undefined;
  if (touched[0] === 'start') return { type: 'start', routineId: touched[1] };
  return COMMAND_EVENTS[touched[0]];
}

/** A touch on the card: a coach turn when it is one of the card's buttons, else a quiet, logged answer. */
export function touchHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === 'touch',
    handle: (input) => {
      // A card's buttons reach the skill in the card's session; a touch without one is no card of ours.
      const event = input.requestEnvelope.session ? touchEventOf(input.requestEnvelope.request) : undefined;
      if (event === undefined) {
        deps.logger.info('screen_event', { requestType: 'Alexa.Presentation.APL.UserEvent', touch: 'unknown' });
        return input.responseBuilder.getResponse();
      }
      deps.logger.info('screen_touch', { event: event.type });
      return runTurn(input, event, deps);
    },
  };
}
