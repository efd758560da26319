/**
 * The calls a turn makes to Alexa's own APIs (device settings, reminders), each within the turn's
 * budget so a call that hangs still leaves time to answer (lambda/alexa-api). The core decides what
 * to change and what to say about it; this file only carries the change out and reports how it went.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import type { AlexaApi, ApiAccess, CallFailure, CallResult, Deadline } from '../alexa-api';
import type { Decision } from '../core/coach';
import type { OutsideFailure, ReminderOutcome, ReminderResult } from '../core/events';
import { isTimeZone } from '../core/local-time';
import type { ReminderAction } from '../core/schedule';
import type { Logger } from '../log';

/** Longest access token or endpoint passed on: Alexa's tokens are a few hundred characters. */
const MAX_ACCESS_CHARACTERS = 4_096;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ACCESS_CHARACTERS ? value : undefined;
}

/** What a request gives the skill to call Alexa's APIs with, or undefined when it gives nothing usable. */
export function accessOf(envelope: RequestEnvelope): ApiAccess | undefined {
  const system = envelope.context?.System;
  const endpoint = text(system?.apiEndpoint);
  const token = text(system?.apiAccessToken);
  if (endpoint === undefined || token === undefined) return undefined;
  const deviceId = text(system?.device?.deviceId);
  return deviceId === undefined ? { endpoint, token } : { endpoint, token, deviceId };
}

/** What the outside calls need from the turn. */
export interface OutsideContext {
  readonly api: AlexaApi | undefined;
  readonly access: ApiAccess | undefined;
  readonly deadline: Deadline;
  readonly logger: Logger;
}

/** The device's time zone from its settings, or undefined (logged) when it cannot be read. */
export async function readTimeZone(context: OutsideContext): Promise<string | undefined> {
  const { api, access, deadline, logger } = context;
  if (api === undefined || access?.deviceId === undefined) return undefined;
  const result = await api.timeZone(access, deadline);
  if (result.ok && isTimeZone(result.value)) return result.value;
  logger.warn('time_zone_unread', result.ok ? { failure: 'unknown_zone' } : failureFields(result));
  return undefined;
}

/** The words of a reminder, and the zone and time it is set from. */
export interface ReminderWording {
  readonly locale: string;
  readonly text: string;
  readonly timeZone: string | undefined;
  readonly now: number;
}

function failureFields(result: { readonly failure: CallFailure; readonly status?: number }) {
  return { failure: result.failure, ...(result.status !== undefined ? { status: result.status } : {}) };
}

/** A call's failure as the core hears it; `notFound` only reaches here where it means a refusal. */
function asResult(failure: CallFailure): ReminderResult {
  if (failure === 'noPermission') return { kind: 'noPermission' };
  const why: OutsideFailure = failure === 'timeout' ? 'timeout' : failure === 'unavailable' ? 'unavailable' : 'refused';
  return { kind: 'failed', why };
}

/**
 * Carries out a reminder action and reports how it went. Setting one in place of another updates
 * it; if the old one is gone (deleted in the Alexa app), a new one is created. Deleting one that is
 * gone already is done.
 */
export async function performReminder(
  context: OutsideContext,
  action: ReminderAction,
  wording: ReminderWording,
): Promise<ReminderOutcome> {
  const { api, access, deadline, logger } = context;
  if (api === undefined || access === undefined) {
    logger.warn('reminder_unreachable', { action: action.kind, access: access !== undefined });
    return { action, result: { kind: 'failed', why: 'unavailable' } };
  }
  let result: ReminderResult;
  if (action.kind === 'delete') {
    const deleted = await api.deleteReminder(access, action.id, deadline);
    result = deleted.ok || deleted.failure === 'notFound' ? { kind: 'done' } : asResult(deleted.failure);
    if (!deleted.ok) logger.warn('reminder_call_failed', { action: 'delete', ...failureFields(deleted) });
  } else {
    const reminder = {
      schedule: action.schedule,
      locale: wording.locale,
      text: wording.text,
      now: wording.now,
      ...(wording.timeZone !== undefined ? { timeZone: wording.timeZone } : {}),
    };
    let set: CallResult<string> =
      action.replacing !== undefined
        ? await api.updateReminder(access, action.replacing, reminder, deadline)
        : await api.createReminder(access, reminder, deadline);
    if (!set.ok && set.failure === 'notFound' && action.replacing !== undefined) {
      set = await api.createReminder(access, reminder, deadline);
    }
    result = set.ok ? { kind: 'done', id: set.value } : asResult(set.failure);
    if (!set.ok) logger.warn('reminder_call_failed', { action: 'set', ...failureFields(set) });
  }
  logger.info('reminder_outcome', { action: action.kind, result: result.kind });
  return { action, result };
}

/**
 * When a decision asks for a reminder change: makes it, and returns the decision `decideAgain`
 * makes with how it went; otherwise the decision as it is.
 */
export async function withReminderMade(
  context: OutsideContext,
  decision: Decision,
  wording: Omit<ReminderWording, 'timeZone'>,
  decideAgain: (outcome: ReminderOutcome) => Decision,
): Promise<Decision> {
  const effect = decision.effects.find((each) => each.type === 'reminder');
  if (effect === undefined) return decision;
  const outcome = await performReminder(context, effect.action, {
    ...wording,
    timeZone: decision.profile.timeZone?.id,
  });
  return decideAgain(outcome);
}
