/**
 * One turn, the same for every handler: read the session (or the store, once per session), let
 * the coach core decide, save what changed, render the plan, and answer.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Catalogue } from '../core/catalogue';
import type { CoachEvent } from '../core/events';
import type { UserProfile } from '../core/profile';
import { combineUpdates, newProfile, type ProfileUpdate } from '../core/profile';
import { decide, deleteFailedPlan, INITIAL_STATE, type TurnResult, withSaveFailedNotice } from '../core/session';
import { errorFields, type Logger } from '../log';
import type { UserStore } from '../persistence/user-store';
import { renderPlan } from '../speech/ssml';
import { readSessionData, type SessionData, writeSessionData } from './session-data';

export interface TurnDeps {
  readonly store: UserStore;
  readonly catalogue: Catalogue;
  readonly logger: Logger;
}

function userIdOf(input: HandlerInput): string {
  return input.requestEnvelope.context?.System?.user?.userId ?? input.requestEnvelope.session?.user?.userId ?? '';
}

/** When the user spoke: the request timestamp, or now when it is missing or malformed. */
export function requestTime(input: HandlerInput): number {
  const parsed = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(parsed) ? parsed : Date.now();
}

/** Session data from the attributes, or from the store on the first turn of a session. */
async function loadSession(input: HandlerInput, deps: TurnDeps, userId: string): Promise<SessionData> {
  const attributes = input.attributesManager.getSessionAttributes() ?? {};
  const fromSession = readSessionData(attributes);
  if (fromSession) return fromSession;
  try {
    const stored = userId ? await deps.store.load(userId) : undefined;
    if (stored === undefined) {
      // Nothing stored yet: version 0 lets the first write be a conditional create with no read.
      const fresh = newProfile();
      return { state: INITIAL_STATE, profile: fresh, version: 0, stored: fresh };
    }
    return { state: INITIAL_STATE, profile: stored.profile, version: stored.version, stored: stored.profile };
  } catch (error) {
    deps.logger.warn('profile_load_failed', errorFields(error));
    return { state: INITIAL_STATE, profile: newProfile(), version: undefined };
  }
}

interface SaveOutcome {
  readonly version: number | undefined;
  readonly stored?: UserProfile;
  readonly pending?: ProfileUpdate;
}

async function save(
  deps: TurnDeps,
  userId: string,
  data: SessionData,
  update: ProfileUpdate | undefined,
): Promise<SaveOutcome> {
  const pending = update ? combineUpdates(data.pending, update) : data.pending;
  const unchanged = { version: data.version, ...(data.stored ? { stored: data.stored } : {}) };
  if (pending === undefined || !userId) return unchanged;
  // The base lets the store write once, conditionally, without reading first.
  const base =
    data.stored !== undefined && data.version !== undefined
      ? { profile: data.stored, version: data.version }
      : undefined;
  try {
    const saved = await deps.store.save(userId, pending, base);
    return { version: saved.version, stored: saved.profile };
  } catch (error) {
    deps.logger.warn('profile_save_failed', errorFields(error));
    return { ...unchanged, pending };
  }
}

/** Carries out the core's effects; `deleted` says the user's item is gone (nothing to save). */
async function applyEffects(
  deps: TurnDeps,
  userId: string,
  result: TurnResult,
): Promise<{ result: TurnResult; deleted: boolean }> {
  if (!result.effects.includes('deleteProfile')) return { result, deleted: false };
  try {
    if (userId) await deps.store.delete(userId);
    return { result: { ...result, profile: newProfile() }, deleted: true };
  } catch (error) {
    deps.logger.warn('profile_delete_failed', errorFields(error));
    return { result: { ...result, plan: deleteFailedPlan(result.profile) }, deleted: false };
  }
}

/** Runs one turn for a coach event and builds the response. */
export async function runTurn(input: HandlerInput, event: CoachEvent, deps: TurnDeps): Promise<Response> {
  const userId = userIdOf(input);
  const session = await loadSession(input, deps, userId);
  const now = requestTime(input);
  const decided = decide({
    state: session.state,
    profile: session.profile,
    event,
    now,
    updateId: input.requestEnvelope.request.requestId,
    catalogue: deps.catalogue,
  });
  const { result, deleted } = await applyEffects(deps, userId, decided);
  const saved = deleted ? { version: 0 } : await save(deps, userId, session, result.update);
  const plan = saved.pending ? withSaveFailedNotice(result.plan, saved.pending, result.profile) : result.plan;
  const next: SessionData = {
    state: result.state,
    // After a save, the stored profile includes what other devices wrote meanwhile.
    profile: saved.stored !== undefined && saved.pending === undefined && result.update ? saved.stored : result.profile,
    version: saved.version,
    ...(saved.stored !== undefined ? { stored: saved.stored } : {}),
    ...(saved.pending !== undefined ? { pending: saved.pending } : {}),
  };
  if (input.requestEnvelope.request.type !== 'SessionEndedRequest') {
    input.attributesManager.setSessionAttributes(writeSessionData(next));
  }
  if (plan.segments.length === 0) return input.responseBuilder.getResponse();
  const rendered = renderPlan(plan, result.profile.preferences.speechRate);
  const builder = input.responseBuilder.speak(rendered.ssml);
  if (plan.listen && rendered.repromptSsml) builder.reprompt(rendered.repromptSsml);
  if (plan.endSession) builder.withShouldEndSession(true);
  return builder.getResponse();
}
