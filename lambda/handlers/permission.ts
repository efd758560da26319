/**
 * The reminders permission asked for by voice (Connections.SendRequest, AskFor) and Alexa's answer
 * (Connections.Response). The directive's token carries the schedule the reminder was for, so the
 * answer can set it whatever happened to the session in between; the token comes back untrusted
 * and is read as such.
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Directive, RequestEnvelope } from 'ask-sdk-model';
import type { PermissionAnswer } from '../core/events';
import { type ReminderSchedule, readSchedule } from '../core/schedule';
import { answeringOf } from './request-types';
import { runTurn, type TurnDeps } from './turn';

/** The permission scope for reminders a skill sets (docs/alexa-platform.md, Reminders). */
export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

/** What the token starts with: a token of any other shape is not this skill's. */
const TOKEN_PREFIX = 'reminder:';

/** Longest token read back: a schedule is under 100 characters. */
const MAX_TOKEN_CHARACTERS = 300;

/** Alexa's AskFor directive for the reminders permission, carrying the schedule in its token. */
export function permissionDirective(schedule: ReminderSchedule): Directive {
  return {
    type: 'Connections.SendRequest',
    name: 'AskFor',
    payload: {
      '@type': 'AskForPermissionsConsentRequest',
      '@version': '1',
      permissionScope: REMINDERS_SCOPE,
    },
    token: `${TOKEN_PREFIX}${JSON.stringify(schedule)}`,
  } as Directive;
}

/** The schedule a token carries, or undefined when it carries none this skill wrote. */
export function scheduleFromToken(token: unknown): ReminderSchedule | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARACTERS || !token.startsWith(TOKEN_PREFIX)) {
    return undefined;
  }
  try {
    return readSchedule(JSON.parse(token.slice(TOKEN_PREFIX.length)));
  } catch {
    return undefined;
  }
}

const ANSWERS: Readonly<Record<string, PermissionAnswer>> = {
  ACCEPTED: 'accepted',
  DENIED: 'denied',
  NOT_ANSWERED: 'notAnswered',
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The answer a Connections.Response carries; anything unreadable counts as not answered. */
export function permissionAnswerOf(envelope: RequestEnvelope): PermissionAnswer {
  const status = field(field(envelope.request, 'payload'), 'status');
  return (typeof status === 'string' && ANSWERS[status]) || 'notAnswered';
}

/** Whether the request says the user has granted the reminders permission. */
export function remindersPermitted(envelope: RequestEnvelope): boolean {
  const scopes = envelope.context?.System?.user?.permissions?.scopes;
  return scopes?.[REMINDERS_SCOPE]?.status === 'GRANTED';
}

/** Alexa's answer to the permission request: a turn, so the reminder is set and said in the same answer. */
export function permissionHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => answeringOf(input.requestEnvelope) === 'permission',
    handle: (input: HandlerInput) => {
      const envelope = input.requestEnvelope;
      const schedule = scheduleFromToken(field(envelope.request, 'token'));
      return runTurn(
        input,
        { type: 'permission', answer: permissionAnswerOf(envelope), ...(schedule ? { schedule } : {}) },
        deps,
      );
    },
  };
}
