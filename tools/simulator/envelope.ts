/**
 * Builds real Alexa request envelopes (ask-sdk-model shapes) for the simulator and the tests.
 * One builder with overrides, so no test copies request JSON by hand.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import type { PlaybackError, PlayerContext, PlayerEventType } from './audio-player';

export const DEFAULT_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000000';

export interface EnvelopeContext {
  skillId?: string;
  userId: string;
  deviceId?: string;
  sessionId: string;
  /** True for the first request of a session. */
  isNew: boolean;
  attributes?: Record<string, unknown>;
  /** Epoch ms of the request (`request.timestamp`, second precision as Alexa sends it). */
  at: number;
  locale?: string;
  /** Declares an APL-capable screen in supportedInterfaces. */
  screen?: boolean;
  /** Declares an audio player (`supportedInterfaces.AudioPlayer`). */
  audioPlayer?: boolean;
  /** context.AudioPlayer, sent while the skill owns the player. */
  player?: PlayerContext | undefined;
  /** Where the skill calls Alexa's APIs (`context.System.apiEndpoint`). @default 'https://api.amazonalexa.com' */
  apiEndpoint?: string | undefined;
  /** The token it calls them with (`context.System.apiAccessToken`). @default 'simulated-token' */
  apiAccessToken?: string | undefined;
  /**
   * The permissions the user has given the skill (`user.permissions`): each scope's status, and the
   * consent token Alexa adds once one is granted. Left out: no `permissions` at all.
   */
  permissions?: UserPermissions | undefined;
}

/** `user.permissions` as Alexa sends it. */
export interface UserPermissions {
  readonly scopes: Readonly<Record<string, 'GRANTED' | 'DENIED'>>;
  readonly consentToken?: string | undefined;
}

/** What a session-less device request (an AudioPlayer event, a button) needs of the context. */
export type EventContext = Omit<EnvelopeContext, 'sessionId' | 'isNew' | 'attributes'>;

export const PLAYBACK_BUTTONS = ['play', 'pause', 'next', 'previous'] as const;
export type PlaybackButton = (typeof PLAYBACK_BUTTONS)[number];

/** The request a PlaybackController button sends. */
export const BUTTON_REQUESTS: Readonly<Record<PlaybackButton, string>> = {
  play: 'PlaybackController.PlayCommandIssued',
  pause: 'PlaybackController.PauseCommandIssued',
  next: 'PlaybackController.NextCommandIssued',
  previous: 'PlaybackController.PreviousCommandIssued',
};

export type EventSpec =
  | {
      type: PlayerEventType;
      token: string;
      offsetInMilliseconds: number;
      error?: PlaybackError | undefined;
      currentPlaybackState?: PlayerContext | undefined;
    }
  | { type: 'PlaybackController'; button: PlaybackButton };

export interface SlotValue {
  /** What the user said for the slot. */
  value: string;
  /** The entity-resolved id, or undefined for ER_SUCCESS_NO_MATCH. */
  id?: string | undefined;
  /** The canonical name for a resolved value. */
  name?: string | undefined;
  /** A built-in slot type (AMAZON.NUMBER, AMAZON.DURATION): its value alone, with no entity resolution. */
  builtIn?: boolean | undefined;
}

export type RequestSpec =
  | { type: 'LaunchRequest' }
  | { type: 'IntentRequest'; intent: string; slots?: Record<string, SlotValue | undefined> }
  | { type: 'SessionEndedRequest'; reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS'; errorType?: string }
  | { type: 'System.ExceptionEncountered' }
  | { type: 'AlexaSkillEvent.SkillDisabled'; persisted: boolean }
  /** A touch on the skill's APL card: the pressed component's SendEvent arguments and the document's token. */
  | { type: 'Alexa.Presentation.APL.UserEvent'; token: string; arguments: readonly unknown[]; componentId?: string }
  /** Alexa's answer to the skill's Connections.SendRequest AskFor: what the user said to her question. */
  | {
      type: 'Connections.Response';
      token: string;
      permissionScope: string;
      status: PermissionAnswerStatus;
    };

/** What the user answered Alexa's permission question (Connections.Response `payload.status`). */
export type PermissionAnswerStatus = 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED';

let counter = 0;
function requestId(): string {
  counter += 1;
  return `amzn1.echo-api.request.${counter.toString(16).padStart(8, '0')}-sim`;
}

/** Alexa sends timestamps with second precision. */
export function alexaTimestamp(at: number): string {
  return `${new Date(Math.floor(at / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

function slotsOf(
  intentSlots: Record<string, SlotValue | undefined>,
  skillId: string,
  slotTypes: Record<string, string>,
) {
  const slots: Record<string, unknown> = {};
  for (const [name, slot] of Object.entries(intentSlots)) {
    if (slot === undefined) {
      slots[name] = { name, confirmationStatus: 'NONE' };
      continue;
    }
    if (slot.builtIn) {
      slots[name] = { name, value: slot.value, confirmationStatus: 'NONE', source: 'USER' };
      continue;
    }
    const authority = `amzn1.er-authority.echo-sdk.${skillId}.${slotTypes[name] ?? name}`;
    const resolution =
      slot.id !== undefined
        ? {
            authority,
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [{ value: { name: slot.name ?? slot.value, id: slot.id } }],
          }
        : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } };
    slots[name] = {
      name,
      value: slot.value,
      confirmationStatus: 'NONE',
      source: 'USER',
      resolutions: { resolutionsPerAuthority: [resolution] },
    };
  }
  return slots;
}

/** Slot names to slot type names, for the entity-resolution authority string. */
export const SLOT_TYPES: Record<string, string> = { routine: 'ROUTINE_NAME', concern: 'CONCERN' };

function contextOf(ctx: EventContext) {
  const application = { applicationId: ctx.skillId ?? DEFAULT_SKILL_ID };
  const permissions = ctx.permissions
    ? {
        ...(ctx.permissions.consentToken !== undefined ? { consentToken: ctx.permissions.consentToken } : {}),
        scopes: Object.fromEntries(
          Object.entries(ctx.permissions.scopes).map(([scope, status]) => [scope, { status }]),
        ),
      }
    : undefined;
  const user = { userId: ctx.userId, ...(permissions ? { permissions } : {}) };
  const supportedInterfaces: Record<string, unknown> = {
    ...(ctx.screen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } } : {}),
    ...(ctx.audioPlayer ? { AudioPlayer: {} } : {}),
  };
  const context = {
    System: {
      application,
      user,
      device: { deviceId: ctx.deviceId ?? 'amzn1.ask.device.SIMULATOR', supportedInterfaces },
      apiEndpoint: ctx.apiEndpoint ?? 'https://api.amazonalexa.com',
      apiAccessToken: ctx.apiAccessToken ?? 'simulated-token',
    },
    ...(ctx.player ? { AudioPlayer: { ...ctx.player } } : {}),
  };
  return { application, user, context };
}

/**
 * A request the device sends on its own, with no session: an AudioPlayer event (token, offset,
 * and for PlaybackFailed the error and the playback state) or a PlaybackController button.
 */
export function buildEventEnvelope(spec: EventSpec, ctx: EventContext): RequestEnvelope {
  const { context } = contextOf(ctx);
  const base = { requestId: requestId(), timestamp: alexaTimestamp(ctx.at), locale: ctx.locale ?? 'en-US' };
  const request =
    spec.type === 'PlaybackController'
      ? { type: BUTTON_REQUESTS[spec.button], ...base }
      : {
          type: spec.type,
          ...base,
          token: spec.token,
          offsetInMilliseconds: spec.offsetInMilliseconds,
          ...(spec.error ? { error: { ...spec.error } } : {}),
          ...(spec.currentPlaybackState ? { currentPlaybackState: { ...spec.currentPlaybackState } } : {}),
        };
  return { version: '1.0', context, request } as unknown as RequestEnvelope;
}

export function buildEnvelope(spec: RequestSpec, ctx: EnvelopeContext): RequestEnvelope {
  const skillId = ctx.skillId ?? DEFAULT_SKILL_ID;
  const locale = ctx.locale ?? 'en-US';
  const timestamp = alexaTimestamp(ctx.at);
  const { application, user, context } = contextOf(ctx);
  const session = {
    new: ctx.isNew,
    sessionId: ctx.sessionId,
    application,
    user,
    attributes: ctx.attributes ?? {},
  };
  const base = { requestId: requestId(), timestamp, locale };
  let request: Record<string, unknown>;
  switch (spec.type) {
    case 'LaunchRequest':
      request = { type: 'LaunchRequest', ...base, shouldLinkResultBeReturned: false };
      break;
    case 'IntentRequest':
      request = {
        type: 'IntentRequest',
        ...base,
        dialogState: 'COMPLETED',
        intent: {
          name: spec.intent,
          confirmationStatus: 'NONE',
          slots: slotsOf(spec.slots ?? {}, skillId, SLOT_TYPES),
        },
      };
      break;
    case 'SessionEndedRequest':
      request = {
        type: 'SessionEndedRequest',
        ...base,
        reason: spec.reason,
        ...(spec.errorType ? { error: { type: spec.errorType, message: 'simulated error' } } : {}),
      };
      break;
    case 'System.ExceptionEncountered':
      request = {
        type: 'System.ExceptionEncountered',
        ...base,
        error: { type: 'INVALID_RESPONSE', message: 'simulated exception' },
        cause: { requestId: 'amzn1.echo-api.request.previous' },
      };
      break;
    case 'Alexa.Presentation.APL.UserEvent':
      request = {
        type: 'Alexa.Presentation.APL.UserEvent',
        ...base,
        token: spec.token,
        arguments: [...spec.arguments],
        source: { type: 'TouchWrapper', handler: 'Press', id: spec.componentId ?? '' },
        components: {},
      };
      break;
    case 'Connections.Response':
      request = {
        type: 'Connections.Response',
        ...base,
        name: 'AskFor',
        status: { code: '200', message: 'OK' },
        token: spec.token,
        payload: { permissionScope: spec.permissionScope, status: spec.status },
      };
      break;
    case 'AlexaSkillEvent.SkillDisabled':
      request = {
        type: 'AlexaSkillEvent.SkillDisabled',
        ...base,
        eventCreationTime: timestamp,
        eventPublishingTime: timestamp,
        body: { userInformationPersistenceStatus: spec.persisted ? 'PERSISTED' : 'NOT_PERSISTED' },
      };
      return { version: '1.0', context, request } as unknown as RequestEnvelope;
  }
  return { version: '1.0', session, context, request } as unknown as RequestEnvelope;
}
