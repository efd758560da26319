/**
 * One turn, the same for every request: read the session's attributes, open the user's profile
 * (once per session), let the core decide, settle with the store, write the attributes, render.
 * The runner decides nothing: the core's decision carries the answer for every outcome.
 */
import { randomUUID } from 'node:crypto';
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { type AlexaApi, Deadline, TURN_OUTSIDE_BUDGET_MS } from '../alexa-api';
import { audioDirectives } from '../audio/directives';
import { deviceHasAudioPlayer, playerOf, reportedToken } from '../audio/player-context';
import type { AudioSource } from '../audio/source';
import type { RequestContent } from '../content/locale-content';
import { type Decision, decide, INITIAL_STATE, type Plan } from '../core/coach';
import type { CoachEvent } from '../core/events';
import type { SpeechRate } from '../core/preferences';
import { needsTimeZone, newProfile, type ProfileUpdate, type UserProfile } from '../core/profile';
import { errorFields, type Logger } from '../log';
import type { UserStore } from '../persistence/user-store';
import { escapeSsml, renderPlan, type SpokenNumbers } from '../speech/ssml';
import { accessOf, type OutsideContext, readTimeZone, withReminderMade } from './outside-calls';
import { permissionDirective, remindersPermitted } from './permission';
import { answeringOf, mayAnswerWithSpeech } from './request-types';
import { saveUpdate, turnClockMs } from './save';
import { cardFor, endsSession, type ScreenContext } from './screen-answer';
import { parseSessionData, type SessionData, toSessionAttributes } from './session-data';

export interface TurnDeps {
  readonly store: UserStore;
  /** The routines, lines and spoken numbers for a request's locale (content/locale-content.ts). */
  readonly content: (requestLocale: unknown) => RequestContent;
  readonly logger: Logger;
  /** The rendered audio; without it routines are always spoken. */
  readonly audio?: AudioSource | undefined;
  /** Alexa's settings and reminders APIs; without it, days count in UTC and no reminder can be set. */
  readonly alexaApi?: AlexaApi | undefined;
}

/** Alexa's request ids are under 100 characters; a longer one is cut, not stored whole in every profile. */
const MAX_UPDATE_ID_CHARACTERS = 200;

function userIdOf(input: HandlerInput): string {
  return input.requestEnvelope.context?.System?.user?.userId ?? input.requestEnvelope.session?.user?.userId ?? '';
}

/**
 * When Alexa sent the request (whole seconds, a little after the user spoke; the core allows for
 * the lag), or now when the timestamp is missing or malformed.
 */
export function requestTime(input: HandlerInput): number {
  const parsed = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(parsed) ? parsed : Date.now();
}

/**
 * The id that makes this turn's profile update idempotent: the request id, which a retried request
 * repeats. Without a usable one every such turn would share one id, and each would be taken for a
 * retry of the first and dropped; a fresh id saves it once.
 */
function updateIdOf(input: HandlerInput): string {
  const requestId: unknown = input.requestEnvelope.request.requestId;
  return typeof requestId === 'string' && requestId !== ''
    ? requestId.slice(0, MAX_UPDATE_ID_CHARACTERS)
    : randomUUID();
}

/**
 * The rendered audio, when this request could use it (the device has an audio player, or reports
 * one) and its manifest can be read. A manifest that cannot be read is logged and the skill goes on
 * without audio: routines are spoken, nothing fails.
 */
export function audioFor(input: HandlerInput, deps: TurnDeps): AudioSource | undefined {
  const envelope = input.requestEnvelope;
  if (deps.audio === undefined) return undefined;
  if (!deviceHasAudioPlayer(envelope) && reportedToken(envelope) === undefined) return undefined;
  try {
    deps.audio.manifest();
    return deps.audio;
  } catch (error) {
    deps.logger.error('audio_manifest_unusable', errorFields(error));
    return undefined;
  }
}

/** Requests from the player's buttons: outside any session, answered with audio directives only. */
function fromPlayerButtons(input: HandlerInput): boolean {
  return answeringOf(input.requestEnvelope) === 'playback';
}

/** The session's attributes; the player's buttons come with none. */
function sessionAttributes(input: HandlerInput): Record<string, unknown> {
  return fromPlayerButtons(input) ? {} : (input.attributesManager.getSessionAttributes() ?? {});
}

/**
 * The session's data from its attributes, or from the store on the session's first turn (`fresh`:
 * a request said without the skill's name while it plays audio starts a session too).
 */
async function openSession(
  input: HandlerInput,
  deps: TurnDeps,
  userId: string,
): Promise<SessionData & { readonly fresh: boolean }> {
  const fromAttributes = parseSessionData(sessionAttributes(input));
  if (fromAttributes) return { ...fromAttributes, fresh: false };
  try {
    const stored = userId ? await deps.store.load(userId) : undefined;
    // Nothing stored yet: version 0 lets the first write be a conditional create with no read.
    const profile = stored?.profile ?? newProfile();
    return { state: INITIAL_STATE, profile, version: stored?.version ?? 0, stored: profile, fresh: true };
  } catch (error) {
    deps.logger.warn('profile_load_failed', errorFields(error));
    return { state: INITIAL_STATE, profile: newProfile(), version: undefined, fresh: true };
  }
}

/** What the store made of the turn, and the plan the decision holds for that outcome. */
interface Settled {
  readonly plan: Plan;
  readonly profile: UserProfile;
  readonly version: number | undefined;
  readonly stored?: UserProfile;
  readonly pending?: ProfileUpdate;
}

/** Carries out the decision's effects and saves its update with any earlier unsaved one. */
async function settle(
  deps: TurnDeps,
  userId: string,
  session: SessionData,
  decision: Decision,
  startedAt: number,
): Promise<Settled> {
  let plan = decision.plan;
  for (const effect of decision.effects) {
    if (effect.type !== 'deleteProfile') continue;
    try {
      if (userId) await deps.store.delete(userId);
      return { plan, profile: newProfile(), version: 0 };
    } catch (error) {
      deps.logger.warn('profile_delete_failed', errorFields(error));
      plan = effect.planIfFailed;
    }
  }
  const unchanged = { version: session.version, ...(session.stored ? { stored: session.stored } : {}) };
  const pending = decision.toSave;
  if (pending === undefined || !userId) return { plan, profile: decision.profile, ...unchanged };
  // The base lets the store write once, conditionally, without reading first.
  const base =
    session.stored !== undefined && session.version !== undefined
      ? { profile: session.stored, version: session.version }
      : undefined;
  try {
    const saving = { store: deps.store, logger: deps.logger, endsSession: decision.plan.endSession, startedAt };
    const saved = await saveUpdate(saving, userId, pending, base);
    // After a save, the stored profile includes what other devices wrote meanwhile.
    const profile = decision.update ? saved.profile : decision.profile;
    return { plan, profile, version: saved.version, stored: saved.profile };
  } catch {
    // A failed delete has said so already; otherwise the decision's answer for a failed save.
    const failed = plan === decision.plan ? decision.planIfSaveFails : plan;
    return { plan: failed, profile: decision.profile, ...unchanged, pending };
  }
}

/**
 * Renders a plan into the response: speech, a reprompt when it listens, the session's end, the
 * audio player's directives, and on a screen the card (screen-answer.ts: which card, and what it
 * does to the session). A Play ends the session (the platform requires it). Requests from the
 * player's buttons take the audio directives alone.
 */
export function respond(
  input: HandlerInput,
  plan: Plan,
  rate: SpeechRate,
  audio?: AudioSource,
  numbers: SpokenNumbers = {},
  screen?: ScreenContext,
): Response {
  const builder = input.responseBuilder;
  // The session's end: nothing may be said or played.
  if (input.requestEnvelope.request.type === 'SessionEndedRequest') return builder.getResponse();
  const directives = audioDirectives(plan.audio, audio, reportedToken(input.requestEnvelope));
  for (const directive of directives) builder.addDirective(directive);
  if (fromPlayerButtons(input)) return builder.getResponse();
  if (plan.segments.length > 0) {
    const rendered = renderPlan(plan, rate, numbers);
    builder.speak(rendered.ssml);
    if (plan.listen && rendered.repromptSsml) builder.reprompt(rendered.repromptSsml);
  }
  // Alexa asks for the permission after the speech; the session ends, and her answer comes back as
  // a Connections.Response.
  if (plan.askPermission !== undefined) {
    builder.addDirective(permissionDirective(plan.askPermission.schedule));
    return builder.withShouldEndSession(true).getResponse();
  }
  const plays = directives.some((directive) => directive.type === 'AudioPlayer.Play');
  const card = cardFor(input.requestEnvelope, plan, screen, plays);
  if (card !== undefined) builder.addDirective(card);
  if (endsSession(plan, plays, card) === true) builder.withShouldEndSession(true);
  return builder.getResponse();
}

/**
 * A request in a language the skill does not speak gets its one short answer in that language. The
 * session's data is left as it came, and an open session keeps listening, so a multilingual device
 * can go on in English where it was.
 */
function otherLanguageAnswer(input: HandlerInput, line: string): Response {
  const ssml = `<speak>${escapeSsml(line)}</speak>`;
  const builder = input.responseBuilder.speak(ssml);
  const inSession = input.requestEnvelope.session?.new === false;
  return inSession ? builder.reprompt(ssml).getResponse() : builder.withShouldEndSession(true).getResponse();
}

/** Runs one turn for a coach event and builds the response. */
export async function runTurn(input: HandlerInput, event: CoachEvent, deps: TurnDeps): Promise<Response> {
  const startedAt = turnClockMs();
  const envelope = input.requestEnvelope;
  const content = deps.content(envelope.request.locale);
  // Only a turn the user spoke (or touched) is answered so; the session's end still saves the place.
  if (content.otherLanguage !== undefined && mayAnswerWithSpeech(answeringOf(envelope))) {
    return otherLanguageAnswer(input, content.otherLanguage);
  }
  const userId = userIdOf(input);
  const session = await openSession(input, deps, userId);
  const audio = audioFor(input, deps);
  const player = playerOf(envelope, audio);
  const now = requestTime(input);
  const outside: OutsideContext = {
    api: deps.alexaApi,
    access: accessOf(envelope),
    deadline: new Deadline(TURN_OUTSIDE_BUDGET_MS),
    logger: deps.logger,
  };
  // Read once a session, and only while the profile has no fresh zone (it is cached there).
  const spoken = mayAnswerWithSpeech(answeringOf(envelope));
  const timeZone =
    spoken && session.fresh && needsTimeZone(session.profile, now) ? await readTimeZone(outside) : undefined;
  const turnInput = {
    now,
    updateId: updateIdOf(input),
    catalogue: content.catalogue,
    wording: content.wording,
    canPlayAudio: audio !== undefined && deviceHasAudioPlayer(envelope),
    ...(player ? { player } : {}),
    remindersPermitted: remindersPermitted(envelope),
    ...(timeZone !== undefined ? { timeZone } : {}),
  };
  const first = decide({
    ...turnInput,
    state: session.state,
    profile: session.profile,
    event,
    ...(session.pending ? { unsaved: session.pending } : {}),
    newSession: session.fresh,
    // The store could not be read as this session opened: the profile is only the defaults.
    profileUnread: session.fresh && session.version === undefined,
  });
  // A reminder change is made now, and the core says how it went, in the same answer.
  const locale = typeof envelope.request.locale === 'string' ? envelope.request.locale : content.locale;
  const reminder = { locale, text: content.wording.reminders.reminderText, now };
  const decision = await withReminderMade(outside, first, reminder, (outcome) =>
    decide({
      ...turnInput,
      state: first.state,
      profile: first.profile,
      event: { type: 'reminderDone', outcome },
      ...(first.toSave ? { unsaved: first.toSave } : {}),
    }),
  );
  const settled = await settle(deps, userId, session, decision, startedAt);
  if (!fromPlayerButtons(input) && envelope.request.type !== 'SessionEndedRequest') {
    const { plan: _plan, ...data } = settled;
    input.attributesManager.setSessionAttributes(toSessionAttributes({ state: decision.state, ...data }));
  }
  const screen = { words: content.wording.screen };
  return respond(input, settled.plan, decision.profile.preferences.speechRate, audio, content.spokenNumbers, screen);
}
