/**
 * Request envelopes of every request type ask-sdk-model knows, shaped as Alexa sends them: in a
 * session where the type comes in one (with the session's attributes), outside one otherwise, with
 * the type's own fields. The simulator's builder covers the voice requests; this covers the rest.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { REQUEST_TYPES, type RequestType } from '../../lambda/handlers/request-types';
import { alexaTimestamp, buildEnvelope, DEFAULT_SKILL_ID, type EnvelopeContext } from '../../tools/simulator/envelope';

export { REQUEST_TYPES, type RequestType };

/** Request types that arrive inside a skill session (session object present). */
const IN_SESSION: ReadonlySet<string> = new Set([
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'SessionResumedRequest',
  'Alexa.Presentation.APL.UserEvent',
  'Alexa.Presentation.APLT.UserEvent',
  'Alexa.Presentation.APL.LoadIndexListData',
  'Alexa.Presentation.APL.LoadTokenListData',
  'Alexa.Presentation.APL.RuntimeError',
  'Alexa.Presentation.APLA.RuntimeError',
  'Alexa.Presentation.HTML.Message',
  'Alexa.Presentation.HTML.RuntimeError',
  'Display.ElementSelected',
  'Connections.Response',
  'Dialog.InputRequest',
  'Dialog.API.Invoked',
  'GameEngine.InputHandlerEvent',
  'CustomInterfaceController.EventsReceived',
  'CustomInterfaceController.Expired',
]);

export function comesInSession(type: string): boolean {
  return IN_SESSION.has(type);
}

let counter = 0;

/** The fields each type adds to the common ones (requestId, timestamp, locale). */
function typeFields(type: RequestType, at: number): Record<string, unknown> {
  const when = alexaTimestamp(at);
  if (type.startsWith('AudioPlayer.')) {
    return {
      token: 'amzn1.track.foot.1',
      offsetInMilliseconds: 12_000,
      ...(type === 'AudioPlayer.PlaybackFailed'
        ? { error: { type: 'MEDIA_ERROR_UNKNOWN', message: 'failed' }, currentPlaybackState: {} }
        : {}),
    };
  }
  if (type.startsWith('AlexaSkillEvent.') || type.startsWith('AlexaHouseholdListEvent.')) {
    const body =
      type === 'AlexaSkillEvent.SkillDisabled'
        ? { userInformationPersistenceStatus: 'PERSISTED' }
        : { listId: 'list-1', listItemIds: ['item-1'] };
    return { eventCreationTime: when, eventPublishingTime: when, body };
  }
  if (type.startsWith('Reminders.')) return { body: { alertToken: 'alert-1', createdTime: when } };
  switch (type) {
    case 'CanFulfillIntentRequest':
      return { intent: { name: 'StartRoutineIntent', confirmationStatus: 'NONE', slots: {} } };
    case 'Alexa.Presentation.APL.UserEvent':
    case 'Alexa.Presentation.APLT.UserEvent':
      return { token: 'coach', arguments: ['next'], source: { type: 'TouchWrapper', handler: 'Press', id: 'next' } };
    case 'Alexa.Presentation.APL.RuntimeError':
    case 'Alexa.Presentation.APLA.RuntimeError':
      return { token: 'coach', errors: [{ type: 'RENDER_ERROR', reason: 'INVALID_DOCUMENT', message: 'bad' }] };
    case 'Messaging.MessageReceived':
      return { message: { text: 'hello' } };
    case 'Connections.Response':
      return { name: 'AskFor', status: { code: '200', message: 'OK' }, token: 't', payload: { status: 'DENIED' } };
    case 'System.ExceptionEncountered':
      return { error: { type: 'INVALID_RESPONSE', message: 'bad' }, cause: { requestId: 'previous' } };
    case 'SessionEndedRequest':
      return { reason: 'USER_INITIATED' };
    case 'Display.ElementSelected':
      return { token: 'foot' };
    default:
      return {};
  }
}

/**
 * An envelope of any request type. Launch and intent requests come from the simulator's builder;
 * an IntentRequest built here names AMAZON.HelpIntent unless `request` says otherwise.
 */
export function envelopeOf(
  type: RequestType,
  ctx: EnvelopeContext,
  request: Record<string, unknown> = {},
): RequestEnvelope {
  if (type === 'LaunchRequest') return mergeRequest(buildEnvelope({ type }, ctx), request);
  if (type === 'IntentRequest') {
    return mergeRequest(buildEnvelope({ type, intent: 'AMAZON.HelpIntent' }, ctx), request);
  }
  counter += 1;
  const skillId = ctx.skillId ?? DEFAULT_SKILL_ID;
  const application = { applicationId: skillId };
  const user = { userId: ctx.userId };
  const context: Record<string, unknown> = {
    System: {
      application,
      user,
      device: { deviceId: ctx.deviceId ?? 'amzn1.ask.device.SIMULATOR', supportedInterfaces: {} },
      apiEndpoint: 'https://api.amazonalexa.com',
      apiAccessToken: 'simulated-token',
    },
    ...(type.startsWith('AudioPlayer.') || type.startsWith('PlaybackController.')
      ? { AudioPlayer: { token: 'amzn1.track.foot.1', offsetInMilliseconds: 12_000, playerActivity: 'PLAYING' } }
      : {}),
  };
  const base = {
    type,
    requestId: `amzn1.echo-api.request.any-${counter}`,
    timestamp: alexaTimestamp(ctx.at),
    locale: ctx.locale ?? 'en-US',
    ...typeFields(type, ctx.at),
    ...request,
  };
  const session = comesInSession(type)
    ? { new: ctx.isNew, sessionId: ctx.sessionId, application, user, attributes: ctx.attributes ?? {} }
    : undefined;
  return { version: '1.0', ...(session ? { session } : {}), context, request: base } as unknown as RequestEnvelope;
}

function mergeRequest(envelope: RequestEnvelope, request: Record<string, unknown>): RequestEnvelope {
  return { ...envelope, request: { ...envelope.request, ...request } } as RequestEnvelope;
}
