/**
 * How each request type Alexa can send is answered. The table has a key for every `Request['type']`
 * of ask-sdk-model, so a request type added to the SDK does not compile until it is placed here, and
 * the handler that answers each kind is registered in skill.ts from the same list.
 *
 * What the platform allows in the answer (request-and-response JSON reference; the AudioPlayer,
 * PlaybackController, CanFulfillIntentRequest and skill events pages):
 * - LaunchRequest and IntentRequest: speech, reprompt, card and directives.
 * - Connections.Response (the answer to the skill's permission request): the same as an intent.
 * - Alexa.Presentation.APL.UserEvent (a touch on the skill's card, in its session): the same as an
 *   intent (APL interface reference): speech, reprompt and directives.
 * - SessionEndedRequest and System.ExceptionEncountered: nothing the user hears or sees.
 * - AudioPlayer.* and PlaybackController.*: AudioPlayer directives only; no speech, card or reprompt.
 * - CanFulfillIntentRequest: `canFulfillIntent` only, and no change of state anywhere.
 * - Events sent outside any session (skill, list, reminder, messaging, permission events): Alexa
 *   ignores what comes back, so an empty answer.
 */
import type { Request } from 'ask-sdk-model';

export type RequestType = Request['type'];

/** How one request type is answered. */
export type Answering =
  /** A coach turn: speech, a reprompt when it listens, the place saved (handlers/turn.ts). */
  | 'turn'
  /**
   * Alexa's answer to the skill's request for the reminders permission (Connections.Response): a
   * coach turn that sets the reminder, or says why not (handlers/permission.ts).
   */
  | 'permission'
  /** The session's end: the place saved, nothing said (handlers/session-ended.ts). */
  | 'sessionEnded'
  /** Whether the skill would take a name-free request: `canFulfillIntent`, nothing else. */
  | 'canFulfill'
  /** A user who disables the skill and does not keep their data is forgotten. */
  | 'skillDisabled'
  /** Alexa rejected the last answer: logged, nothing returned. */
  | 'exception'
  /**
   * The audio player's reports and buttons: AudioPlayer directives only, decided from the token the
   * skill sent (handlers/playback.ts).
   */
  | 'playback'
  /**
   * A touch on a screen: one of the card's buttons is a coach turn, the same as its words
   * (handlers/touch.ts); any other touch is answered as a screen event.
   */
  | 'touch'
  /**
   * Other screen and presentation events (the card's runtime errors, list paging, other
   * interfaces): the skill's card asks for none of them, so each is logged and gets no speech.
   */
  | 'screen'
  /**
   * Acknowledged with an empty answer: events outside any session, and interfaces the skill does not
   * use (Alexa Conversations, Connections, game engine, gadgets, data store, ads). Several of these
   * would allow speech, but none can follow anything the skill did, so speaking would only surprise.
   */
  | 'acknowledge';

export const REQUEST_ANSWERING: { readonly [Type in RequestType]: Answering } = {
  LaunchRequest: 'turn',
  IntentRequest: 'turn',
  SessionEndedRequest: 'sessionEnded',
  CanFulfillIntentRequest: 'canFulfill',
  'System.ExceptionEncountered': 'exception',

  'AudioPlayer.PlaybackStarted': 'playback',
  'AudioPlayer.PlaybackFinished': 'playback',
  'AudioPlayer.PlaybackStopped': 'playback',
  'AudioPlayer.PlaybackNearlyFinished': 'playback',
  'AudioPlayer.PlaybackFailed': 'playback',
  'PlaybackController.PlayCommandIssued': 'playback',
  'PlaybackController.PauseCommandIssued': 'playback',
  'PlaybackController.NextCommandIssued': 'playback',
  'PlaybackController.PreviousCommandIssued': 'playback',

  'Alexa.Presentation.APL.UserEvent': 'touch',
  'Alexa.Presentation.APL.LoadIndexListData': 'screen',
  'Alexa.Presentation.APL.LoadTokenListData': 'screen',
  'Alexa.Presentation.APL.RuntimeError': 'screen',
  'Alexa.Presentation.APLT.UserEvent': 'screen',
  'Alexa.Presentation.APLA.RuntimeError': 'screen',
  'Alexa.Presentation.HTML.Message': 'screen',
  'Alexa.Presentation.HTML.RuntimeError': 'screen',
  'Display.ElementSelected': 'screen',

  'AlexaSkillEvent.SkillDisabled': 'skillDisabled',
  'AlexaSkillEvent.SkillEnabled': 'acknowledge',
  'AlexaSkillEvent.SkillAccountLinked': 'acknowledge',
  'AlexaSkillEvent.SkillPermissionAccepted': 'acknowledge',
  'AlexaSkillEvent.SkillPermissionChanged': 'acknowledge',
  'AlexaSkillEvent.ProactiveSubscriptionChanged': 'acknowledge',
  'AlexaSkillEvent.NotificationSubscriptionChanged': 'acknowledge',
  'AlexaHouseholdListEvent.ListCreated': 'acknowledge',
  'AlexaHouseholdListEvent.ListUpdated': 'acknowledge',
  'AlexaHouseholdListEvent.ListDeleted': 'acknowledge',
  'AlexaHouseholdListEvent.ItemsCreated': 'acknowledge',
  'AlexaHouseholdListEvent.ItemsUpdated': 'acknowledge',
  'AlexaHouseholdListEvent.ItemsDeleted': 'acknowledge',
  'Reminders.ReminderCreated': 'acknowledge',
  'Reminders.ReminderUpdated': 'acknowledge',
  'Reminders.ReminderDeleted': 'acknowledge',
  'Reminders.ReminderStarted': 'acknowledge',
  'Reminders.ReminderStatusChanged': 'acknowledge',
  'Messaging.MessageReceived': 'acknowledge',
  'Alexa.Authorization.Grant': 'acknowledge',
  // The reminders permission, asked for by voice, answers with Connections.Response. The skill
  // starts no other Connections task, so no other task request or resumed session is its own.
  'Connections.Request': 'acknowledge',
  'Connections.Response': 'permission',
  SessionResumedRequest: 'acknowledge',
  // Alexa Conversations: the skill has no dialog model, so these never follow a question of its own.
  'Dialog.InputRequest': 'acknowledge',
  'Dialog.API.Invoked': 'acknowledge',
  'GameEngine.InputHandlerEvent': 'acknowledge',
  'CustomInterfaceController.EventsReceived': 'acknowledge',
  'CustomInterfaceController.Expired': 'acknowledge',
  'Alexa.DataStore.Error': 'acknowledge',
  'Alexa.DataStore.PackageManager.InstallationError': 'acknowledge',
  'Alexa.DataStore.PackageManager.UpdateRequest': 'acknowledge',
  'Alexa.DataStore.PackageManager.UsagesInstalled': 'acknowledge',
  'Alexa.DataStore.PackageManager.UsagesRemoved': 'acknowledge',
  'Alexa.Advertisement.AdCompleted': 'acknowledge',
  'Alexa.Advertisement.AdNotRendered': 'acknowledge',
  'Alexa.Advertisement.ReadyToEnqueueAudio': 'acknowledge',
};

/** Every request type of the SDK, for tests and tools. */
export const REQUEST_TYPES = Object.keys(REQUEST_ANSWERING) as RequestType[];

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && Object.hasOwn(REQUEST_ANSWERING, value);
}

/**
 * How a request is answered, read from the envelope without trusting it: a type the SDK does not
 * know (newer than the code, or not from Alexa) and a missing type are acknowledged, unspoken.
 */
export function answeringOf(envelope: unknown): Answering {
  const type = requestTypeOf(envelope);
  return isRequestType(type) ? REQUEST_ANSWERING[type] : 'acknowledge';
}

/** The envelope's request type, or undefined when it has none; never throws (ask-sdk's getter does). */
export function requestTypeOf(envelope: unknown): string | undefined {
  if (typeof envelope !== 'object' || envelope === null) return undefined;
  const request = (envelope as { request?: unknown }).request;
  if (typeof request !== 'object' || request === null) return undefined;
  const type = (request as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

/** Only a coach turn, spoken or touched, speaks: every other answer carries no speech, reprompt or card. */
export function mayAnswerWithSpeech(answering: Answering): boolean {
  return answering === 'turn' || answering === 'touch' || answering === 'permission';
}
