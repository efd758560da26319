/**
 * Builds real Alexa request envelopes (ask-sdk-model shapes) for the simulator and the tests.
 * One builder with overrides, so no test copies request JSON by hand.
 */
import type { RequestEnvelope } from 'ask-sdk-model';

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
}

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
  | { type: 'AlexaSkillEvent.SkillDisabled'; persisted: boolean };

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

export function buildEnvelope(spec: RequestSpec, ctx: EnvelopeContext): RequestEnvelope {
  const skillId = ctx.skillId ?? DEFAULT_SKILL_ID;
  const locale = ctx.locale ?? 'en-US';
  const timestamp = alexaTimestamp(ctx.at);
  const application = { applicationId: skillId };
  const user = { userId: ctx.userId };
  const supportedInterfaces: Record<string, unknown> = ctx.screen
    ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } }
    : {};
  const context = {
    System: {
      application,
      user,
      device: { deviceId: ctx.deviceId ?? 'amzn1.ask.device.SIMULATOR', supportedInterfaces },
      apiEndpoint: 'https://api.amazonalexa.com',
      apiAccessToken: 'simulated-token',
    },
  };
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
