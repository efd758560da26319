/** Reads entity-resolved slot values from an IntentRequest. */
import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';

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
