/** Reads entity-resolved slot values from an IntentRequest. */
import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { type PartOfDay, WEEKDAYS, type Weekday } from '../core/schedule';

export interface ResolvedSlot {
  /** What the user said, trimmed and bounded; undefined when the slot was empty. */
  readonly heard?: string;
  /** The slot value id from entity resolution, when it matched. */
  readonly id?: string;
}

/** Longest slot text the skill will repeat back. */
const MAX_HEARD_CHARACTERS = 60;

export function parseSlot(input: HandlerInput, name: string): ResolvedSlot {
  const request = input.requestEnvelope.request as IntentRequest;
  const slot = request.intent?.slots?.[name];
  if (slot === undefined) return {};
  const heard = typeof slot.value === 'string' ? slot.value.trim().slice(0, MAX_HEARD_CHARACTERS) : '';
  const authorities = slot.resolutions?.resolutionsPerAuthority ?? [];
  for (const authority of authorities) {
    if (authority.status?.code !== 'ER_SUCCESS_MATCH') continue;
    const id = authority.values?.[0]?.value?.id;
    if (typeof id === 'string') return heard ? { heard, id } : { id };
  }
  return heard ? { heard } : {};
}

/** Largest number read from an AMAZON.NUMBER slot; no routine comes near it. */
const MAX_NUMBER = 9999;

/** An AMAZON.NUMBER slot as a whole number ("3"); undefined when empty or not understood ("?"). */
export function parseNumberSlot(input: HandlerInput, name: string): number | undefined {
  const request = input.requestEnvelope.request as IntentRequest;
  const value = request.intent?.slots?.[name]?.value;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value.trim())) return undefined;
  const number = Number(value.trim());
  return number <= MAX_NUMBER ? number : undefined;
}

/** Longest duration read from an AMAZON.DURATION slot: a day, far beyond any wait the skill holds. */
const MAX_DURATION_SECONDS = 24 * 60 * 60;

const ISO_DURATION = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,3})H)?(?:(\d{1,4})M)?(?:(\d{1,5}(?:\.\d{1,3})?)S)?)?$/;

/**
 * An AMAZON.DURATION slot in seconds: Alexa sends ISO 8601 ("PT2M", "PT30S", "PT1M30S"). Undefined
 * when empty, not understood, zero, or longer than a day (capped, not trusted).
 */
export function parseDurationSlot(input: HandlerInput, name: string): number | undefined {
  const request = input.requestEnvelope.request as IntentRequest;
  const value = request.intent?.slots?.[name]?.value;
  if (typeof value !== 'string') return undefined;
  const match = ISO_DURATION.exec(value.trim().toUpperCase());
  if (match === null) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const total = (days ?? 0) * 86_400 + (hours ?? 0) * 3_600 + (minutes ?? 0) * 60 + (seconds ?? 0);
  return total > 0 ? Math.min(total, MAX_DURATION_SECONDS) : undefined;
}

/** AMAZON.TIME's values for a part of the day said without a time ("in the evening"). */
const TIME_PARTS: Readonly<Record<string, PartOfDay>> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

/** What an AMAZON.TIME slot held: a time of day ("20:00", "07:30"), or a part of the day ("EV"). */
export interface HeardTime {
  readonly hour?: number;
  readonly minute?: number;
  readonly partOfDay?: PartOfDay;
}

/** An AMAZON.TIME slot; undefined when empty or not a time of day this skill can use. */
export function parseTimeSlot(input: HandlerInput, name: string): HeardTime | undefined {
  const request = input.requestEnvelope.request as IntentRequest;
  const value = request.intent?.slots?.[name]?.value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().toUpperCase();
  const part = TIME_PARTS[trimmed];
  if (part !== undefined) return { partOfDay: part };
  const match = /^(\d{2}):(\d{2})$/.exec(trimmed);
  if (match === null) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** An AMAZON.DayOfWeek slot ("monday", "Mondays", "thurs"); undefined when empty or not a day. */
export function parseDaySlot(input: HandlerInput, name: string): Weekday | undefined {
  const request = input.requestEnvelope.request as IntentRequest;
  const value = request.intent?.slots?.[name]?.value;
  if (typeof value !== 'string') return undefined;
  const index = DAY_STARTS.indexOf(value.trim().toLowerCase().slice(0, 3));
  return index < 0 ? undefined : WEEKDAYS[index];
}

/** How each weekday's name begins, in WEEKDAYS' order: "mon", "Mondays" and "monday" are all MO. */
const DAY_STARTS: readonly string[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
