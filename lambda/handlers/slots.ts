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
