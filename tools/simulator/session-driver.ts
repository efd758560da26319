/**
 * A simulated Echo: it turns typed lines into real request envelopes, sends them to the skill's
 * handler, and keeps the session and a simulated clock the way a device would. Used by the CLI and
 * by the conversation tests.
 *
 * Clock model (simulated milliseconds, never the wall clock):
 * - A line is spoken at the current clock. Alexa sends the request SPEECH_TO_REQUEST_LAG_SECONDS
 *   later (the words, end-pointing and recognition take that long), and that is its timestamp.
 * - The response is taken to start playing at the request's timestamp (skill latency is ignored);
 *   after it the clock moves on only SPEAKING_DELAY_MS (2 s). So by default the next line
 *   interrupts Alexa ("Alexa, next") right after she began. `wait(seconds)` lets time pass.
 * - Sessions: a response with shouldEndSession true closes the session at once. One with
 *   shouldEndSession false opens the mic when its speech ends: if the clock passes the end of the
 *   speech + 8 s listening (+ the reprompt's length + 8 s more, when there is a reprompt) the device
 *   sends SessionEndedRequest EXCEEDED_MAX_REPROMPTS and the session closes. With shouldEndSession
 *   left out, a screen device keeps the session open (no mic), a voice-only device closes it silently
 *   when the speech ends.
 * - A screen device declares APL and keeps the skill's last card (its RenderDocument) on screen while
 *   the session is open, until a Play puts Now Playing there. `touch(arguments)` presses one of the
 *   card's buttons: an Alexa.Presentation.APL.UserEvent with the card's token and the button's
 *   SendEvent arguments, in the session, sent at once (no speech lag). APL sent to a device without
 *   a screen is an invalid response, as AudioPlayer directives to one without a player are.
 * - With no session open, only an invocation works: "open partner massage" (LaunchRequest) or
 *   "ask partner massage to …" (a one-shot IntentRequest), each starting a new session. With a
 *   session open, "open partner massage" sends a LaunchRequest in that session, and "ask partner
 *   massage to X" is heard as X.
 * - An audio device (`audioPlayer`) has a simulated player (audio-player.ts) that plays against the
 *   same clock. A Play response ends the session; speech in it is heard first, then the stream
 *   starts. While the user talks to Alexa and Alexa answers, the player is held at the offset of
 *   the moment the user began (the request reports PLAYING there); when the answer has been spoken
 *   and no mic is open, it plays on, unless the answer stopped or replaced it. The player's events
 *   (PlaybackStarted, NearlyFinished, Finished, Stopped, Failed) go to the skill as requests with no
 *   session, at the simulated moment they happen, in time order with session timeouts, whenever
 *   time passes: before a line is spoken, within `wait`, right after an answer's directives.
 * - Once the skill has played on the device, every request carries context.AudioPlayer, and with no
 *   session open, a line that resolves to Pause, Resume, Next, Previous, Repeat, StartOver, Cancel,
 *   LoopOn/Off or ShuffleOn/Off reaches the skill without its name, in a new session ("stop" arrives
 *   as PauseIntent). Other lines need the invocation name, as without audio.
 */
import type { Directive, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SPEECH_TO_REQUEST_LAG_SECONDS } from '../../lambda/core/coach';
import { MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import { countWords, WORDS_PER_SECOND } from '../../lambda/core/speech-estimate';
import { cardButtons, readCard } from './apl-card';
import {
  type PlaybackError,
  type PlayerEvent,
  type PlayerHappening,
  type PlayerOptions,
  SimulatedAudioPlayer,
} from './audio-player';
import {
  BUTTON_REQUESTS,
  buildEnvelope,
  buildEventEnvelope,
  type EventContext,
  type EventSpec,
  type PermissionAnswerStatus,
  type PlaybackButton,
  type RequestSpec,
  type UserPermissions,
} from './envelope';
import { normaliseUtterance } from './interaction-model';
import { loadResolver, type Resolver } from './resolver';
import { readOutputSpeech, validateSsml } from './ssml-reader';

/** The skill's Lambda entry point, as lambda/index.ts exports it. */
export type SkillHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

/** Thursday evening, a fixed start so transcripts and tests are repeatable. */
export const DEFAULT_START_AT = Date.parse('2026-11-27T19:00:00Z');
/** After a response starts playing, the next typed line comes this much later unless you wait. */
export const SPEAKING_DELAY_MS = 2_000;
/** The mic stays open about 8 s after speech, and again after the reprompt (Alexa session docs). */
export const LISTEN_SECONDS = 8;
/** The whole response body must stay within 120 KB (request-and-response JSON reference). */
export const MAX_RESPONSE_BYTES = 120 * 1024;

export const NO_SESSION_MESSAGE = "no session is open: start with 'open partner massage' or 'ask partner massage to …'";

/**
 * The built-in intents that reach a skill without its name while it owns the audio player (it
 * played last on the device, however long ago). AMAZON.StopIntent arrives as PauseIntent.
 */
export const NAME_FREE_INTENTS: ReadonlySet<string> = new Set([
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.CancelIntent',
  'AMAZON.LoopOnIntent',
  'AMAZON.LoopOffIntent',
  'AMAZON.ShuffleOnIntent',
  'AMAZON.ShuffleOffIntent',
]);

/** Why a line said during the skill's audio, without its name, does not reach the skill. */
export function notForTheSkillMessage(line: string): string {
  return (
    `while the audio plays, Alexa would not send "${line}" to the skill: only pause, resume, next, previous, ` +
    `repeat, start over, cancel, loop and shuffle reach it without its name. Say "ask partner massage to ${line}", ` +
    'or "pause" first'
  );
}

export interface SimulatedDeviceOptions {
  handler: SkillHandler;
  /** @default 'amzn1.ask.account.sim-partner' */
  userId?: string;
  /** @default 'amzn1.ask.device.SIMULATOR' */
  deviceId?: string;
  /** @default 'en-US' */
  locale?: string;
  /** Epoch ms the clock starts at. @default DEFAULT_START_AT */
  startAt?: number;
  /** An APL screen device (keeps a session open without the mic). @default false */
  screen?: boolean;
  /** @default the resolver for interaction-models/<locale>.json */
  resolver?: Resolver;
  skillId?: string;
  /** Routine names and step counts, for status(). */
  routineInfo?: (id: string) => { name: string; steps: number } | undefined;
  /** An Echo with an audio player (AudioPlayer in supportedInterfaces). @default false */
  audioPlayer?: boolean;
  /** How the simulated player learns a stream's length, and when it sends PlaybackNearlyFinished. */
  player?: PlayerOptions;
  /** `context.System.apiEndpoint`: where the skill reaches Alexa's APIs. @default 'https://api.amazonalexa.com' */
  apiEndpoint?: string;
  /** `context.System.apiAccessToken`, the same for every request of this user. @default 'simulated-token' */
  apiAccessToken?: string;
  /**
   * Alexa's side of the permissions: told when the user grants or takes back a scope, with the
   * access token (the Alexa API stand-in's grant and revoke).
   */
  permissionHost?: PermissionHost;
  /** Scopes the user has granted already. @default none */
  grantedScopes?: readonly string[];
  /** The permission scopes the skill declares: each is in `user.permissions.scopes`. @default [REMINDERS_SCOPE] */
  declaredScopes?: readonly string[];
  /** The skill's name, as Alexa says it in her own permission question. @default 'Partner Massage Coach' */
  skillName?: string;
}

/** Where the device reports a permission the user gives or takes back. */
export interface PermissionHost {
  grant(token: string): void;
  revoke(token: string): void;
}

/** The reminders scope (lambda/handlers/permission.ts): the one the skill asks for by voice. */
export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

/** What counts as yes or no to Alexa's permission question; anything else is no answer. */
const CONSENT_YES = new Set([
  'yes',
  'yeah',
  'yep',
  'sure',
  'ok',
  'okay',
  'yes please',
  'i approve',
  'approve',
  'allow',
  'allow it',
  'i allow it',
  'i do',
  'go ahead',
]);
const CONSENT_NO = new Set([
  'no',
  'nope',
  'no thanks',
  'no thank you',
  'deny',
  'i deny',
  'dont allow',
  'do not allow',
  'i dont',
  'not now',
]);

/** How a line answers Alexa's permission question. */
export function consentAnswer(line: string): PermissionAnswerStatus {
  const key = normaliseUtterance(line).replace(/'/g, '');
  if (CONSENT_YES.has(key)) return 'ACCEPTED';
  if (CONSENT_NO.has(key)) return 'DENIED';
  return 'NOT_ANSWERED';
}

/** Alexa's own question for a scope, in the words of the voice permissions for reminders page. */
export function permissionQuestion(skillName: string, scope: string): string {
  return scope === REMINDERS_SCOPE
    ? `To set reminders, you need to allow ${skillName} to create and edit reminders for this skill. Would you like to do that?`
    : `Do you give ${skillName} permission to use ${scope}? You can say I approve, or no.`;
}

/** The AskFor permission request in a response's directives, if there is one. */
export function askForPermission(
  directives: readonly unknown[] | undefined,
): { token: string; scope: string } | undefined {
  for (const directive of directives ?? []) {
    if (field(directive, 'type') !== 'Connections.SendRequest' || field(directive, 'name') !== 'AskFor') continue;
    const payload = field(directive, 'payload');
    const scope = field(payload, 'permissionScope');
    const token = field(directive, 'token');
    if (field(payload, '@type') !== 'AskForPermissionsConsentRequest' || typeof scope !== 'string') continue;
    return { token: typeof token === 'string' ? token : '', scope };
  }
  return undefined;
}

export interface Turn {
  /** What the user said, or a description of what the device did ("(no reply: session timed out)"). */
  line: string;
  /** The request sent; undefined when nothing was sent (no session open). */
  request: RequestEnvelope | undefined;
  response: ResponseEnvelope | undefined;
  ssml: string | undefined;
  /** Readable speech, silences as "[pause 20 s]"; for an unsent line, why it was not sent. */
  text: string;
  /** Estimated length of the speech, in seconds. */
  seconds: number;
  /** The mic opened after the speech (shouldEndSession false). */
  listening: boolean;
  /** No session is open after this turn. */
  sessionEnded: boolean;
  reprompt?: string;
  /** The handler threw, or its response was invalid. */
  error?: string;
  /** The intent the line resolved to, for IntentRequests. */
  intent?: string;
  /** Epoch ms the request went out (or, for a notice, when it happened). */
  at?: number;
  /** For a request the player sent: the event. */
  event?: PlayerEvent;
  /** The response asked for a permission: Alexa's own question, asked after the skill's speech. */
  alexaAsks?: string;
}

/** Alexa's permission question, waiting for the user's answer. */
interface PendingConsent {
  token: string;
  scope: string;
  /** Epoch ms after which the mic has closed with no answer: NOT_ANSWERED goes to the skill. */
  answerBy: number;
}

interface Session {
  id: string;
  isNew: boolean;
  attributes: Record<string, unknown>;
}

interface LastResponse {
  sentAt: number;
  seconds: number;
  repromptSeconds: number;
  hasReprompt: boolean;
  shouldEndSession: boolean | undefined;
}

/** Problems with a response that Alexa would reject; empty when it is fine. */
export function responseProblems(envelope: unknown, requestType?: string): string[] {
  if (typeof envelope !== 'object' || envelope === null) return ['the response is not an object'];
  const env = envelope as Partial<ResponseEnvelope>;
  const problems: string[] = [];
  if (env.version !== '1.0') problems.push(`version is ${JSON.stringify(env.version)}, not "1.0"`);
  const response = env.response;
  if (typeof response !== 'object' || response === null) return [...problems, 'there is no response object'];
  const size = Buffer.byteLength(JSON.stringify(envelope), 'utf8');
  if (size > MAX_RESPONSE_BYTES) problems.push(`the response is ${size} bytes; the limit is ${MAX_RESPONSE_BYTES}`);
  const speeches: [string, unknown][] = [
    ['outputSpeech', response.outputSpeech],
    ['reprompt', response.reprompt?.outputSpeech],
  ];
  for (const [where, speech] of speeches) {
    if (speech === undefined) continue;
    const s = speech as { type?: unknown; ssml?: unknown; text?: unknown };
    if (s.type === 'SSML') {
      if (typeof s.ssml !== 'string' || !/^\s*<speak>[\s\S]*<\/speak>\s*$/.test(s.ssml)) {
        problems.push(`${where} SSML is not wrapped in <speak>`);
        continue;
      }
      if (s.ssml.length >= MAX_SSML_CHARACTERS) {
        problems.push(`${where} is ${s.ssml.length} characters; the limit is ${MAX_SSML_CHARACTERS}`);
      }
      const valid = validateSsml(s.ssml);
      if (valid !== true) problems.push(`${where} SSML is not parsable: ${valid}`);
    } else if (s.type === 'PlainText') {
      if (typeof s.text !== 'string') problems.push(`${where} PlainText has no text`);
    } else {
      problems.push(`${where} has unknown type ${JSON.stringify(s.type)}`);
    }
  }
  const directives: unknown[] = Array.isArray(response.directives) ? response.directives : [];
  const hasDirectives = directives.length > 0;
  problems.push(...audioDirectiveProblems(directives, requestType, response.shouldEndSession));
  problems.push(...aplDirectiveProblems(directives, requestType));
  if (requestType !== undefined && PLAYBACK_REQUEST.test(requestType)) {
    for (const key of ['outputSpeech', 'reprompt', 'card'] as const) {
      if (response[key] !== undefined)
        problems.push(`a ${requestType} answer may hold AudioPlayer directives only, not ${key}`);
    }
    for (const directive of directives) {
      const type = String(field(directive, 'type'));
      if (!type.startsWith('AudioPlayer.'))
        problems.push(`a ${requestType} answer may hold AudioPlayer directives only, not ${type}`);
    }
  }
  if (requestType === 'SessionEndedRequest') {
    if (response.outputSpeech || response.reprompt) problems.push('a SessionEndedRequest answer must not speak');
    if (hasDirectives) problems.push('a SessionEndedRequest answer must not hold directives');
  } else if (
    (requestType === 'LaunchRequest' || requestType === 'IntentRequest' || requestType === 'Connections.Response') &&
    !response.outputSpeech
  ) {
    if (!hasDirectives) problems.push(`a ${requestType} answer has no outputSpeech`);
  }
  if (response.reprompt && response.shouldEndSession === true) {
    problems.push('a reprompt with shouldEndSession true is never heard');
  }
  problems.push(...connectionsProblems(directives, response.shouldEndSession));
  return problems;
}

/**
 * What Alexa rejects in a Connections.SendRequest for a permission (voice permissions for
 * reminders): a name other than AskFor, a payload that is not an AskForPermissionsConsentRequest
 * version 1 with a permission scope, more than one, or a response that keeps the session open
 * (Alexa takes the conversation over to ask her question).
 */
export function connectionsProblems(directives: readonly unknown[], shouldEndSession: unknown): string[] {
  const sends = directives.filter((directive) => field(directive, 'type') === 'Connections.SendRequest');
  const problems: string[] = [];
  if (sends.length > 1) problems.push(`${sends.length} Connections.SendRequest directives; one per response`);
  for (const send of sends) {
    const payload = field(send, 'payload');
    if (field(send, 'name') !== 'AskFor')
      problems.push(`Connections.SendRequest name ${JSON.stringify(field(send, 'name'))} is not AskFor`);
    if (field(payload, '@type') !== 'AskForPermissionsConsentRequest' || field(payload, '@version') !== '1') {
      problems.push('Connections.SendRequest AskFor payload is not an AskForPermissionsConsentRequest version 1');
    }
    if (typeof field(payload, 'permissionScope') !== 'string') problems.push('AskFor has no permissionScope');
    if (shouldEndSession !== true)
      problems.push('a response with Connections.SendRequest must set shouldEndSession true');
  }
  return problems;
}

/** Requests the device sends on its own for the audio player, whose answers hold AudioPlayer directives only. */
const PLAYBACK_REQUEST = /^(?:AudioPlayer|PlaybackController)\./;
const PLAY_BEHAVIORS = ['REPLACE_ALL', 'ENQUEUE', 'REPLACE_ENQUEUED'];
const CLEAR_BEHAVIORS = ['CLEAR_ALL', 'CLEAR_ENQUEUED'];
/** AudioPlayer.Play: a token of at most this many characters (AudioPlayer interface reference). */
export const MAX_AUDIO_TOKEN_LENGTH = 1024;

/**
 * What Alexa rejects in AudioPlayer directives (AudioPlayer interface reference): more than one
 * Play; a play or clear behaviour it does not know; a stream that is not HTTPS, without a token (or
 * with one over 1,024 characters), at an offset that is not a whole number of ms; ENQUEUE without
 * expectedPreviousToken, or REPLACE_ALL with one; and, in answer to a spoken request, a Play that
 * does not end the session (ask-sdk leaves shouldEndSession unset). expectedPreviousToken is let
 * through on REPLACE_ENQUEUED, which devices accept.
 */
export function audioDirectiveProblems(
  directives: readonly unknown[],
  requestType: string | undefined,
  shouldEndSession: unknown,
): string[] {
  const problems: string[] = [];
  const plays = directives.filter((directive) => field(directive, 'type') === 'AudioPlayer.Play');
  if (plays.length > 1) problems.push(`${plays.length} AudioPlayer.Play directives; one per response`);
  for (const play of plays) {
    const behavior = field(play, 'playBehavior');
    const stream = field(field(play, 'audioItem'), 'stream');
    const url = field(stream, 'url');
    const token = field(stream, 'token');
    const offset = field(stream, 'offsetInMilliseconds');
    const expected = field(stream, 'expectedPreviousToken');
    if (!PLAY_BEHAVIORS.includes(String(behavior))) problems.push(`Play has playBehavior ${JSON.stringify(behavior)}`);
    if (typeof url !== 'string' || !url.startsWith('https://'))
      problems.push(`Play stream url ${JSON.stringify(url)} is not HTTPS`);
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_AUDIO_TOKEN_LENGTH) {
      problems.push(`Play stream token must be 1 to ${MAX_AUDIO_TOKEN_LENGTH} characters`);
    }
    if (offset !== undefined && (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)) {
      problems.push(`Play stream offsetInMilliseconds ${JSON.stringify(offset)} is not whole ms`);
    }
    if (behavior === 'ENQUEUE' && typeof expected !== 'string')
      problems.push('Play ENQUEUE without expectedPreviousToken');
    if (behavior === 'REPLACE_ALL' && expected !== undefined)
      problems.push('Play REPLACE_ALL with expectedPreviousToken');
    if ((requestType === 'LaunchRequest' || requestType === 'IntentRequest') && shouldEndSession !== true) {
      problems.push(`a ${requestType} answer with AudioPlayer.Play must set shouldEndSession true`);
    }
  }
  for (const directive of directives) {
    const clear = field(directive, 'clearBehavior');
    if (field(directive, 'type') === 'AudioPlayer.ClearQueue' && !CLEAR_BEHAVIORS.includes(String(clear))) {
      problems.push(`ClearQueue has clearBehavior ${JSON.stringify(clear)}`);
    }
  }
  return problems;
}

/** The requests whose answer may hold APL directives: those that may speak (APL interface reference). */
const APL_ANSWERABLE: ReadonlySet<string> = new Set([
  'LaunchRequest',
  'IntentRequest',
  'Alexa.Presentation.APL.UserEvent',
]);

/**
 * What Alexa rejects in APL directives (APL interface reference; alexa-platform.md): a RenderDocument
 * without a token, or whose document is not an APL document with a version and a mainTemplate, or
 * whose datasources are not an object; more than one RenderDocument; ExecuteCommands without a token
 * or commands; APL in the answer to a request that allows none (the session's end, the player's
 * reports and buttons, and every request outside a conversation); and a RenderDocument sent with an
 * AudioPlayer.Play (the device shows Now Playing, and one malformed card makes it reject the Play).
 */
export function aplDirectiveProblems(directives: readonly unknown[], requestType: string | undefined): string[] {
  const problems: string[] = [];
  const apl = directives.filter((directive) => String(field(directive, 'type')).startsWith('Alexa.Presentation.APL.'));
  if (apl.length === 0) return problems;
  if (requestType !== undefined && !APL_ANSWERABLE.has(requestType)) {
    problems.push(`a ${requestType} answer may not hold APL directives`);
  }
  const renders = apl.filter((directive) => field(directive, 'type') === 'Alexa.Presentation.APL.RenderDocument');
  if (renders.length > 1) problems.push(`${renders.length} RenderDocument directives; one per response`);
  if (renders.length > 0 && directives.some((directive) => field(directive, 'type') === 'AudioPlayer.Play')) {
    problems.push('a RenderDocument with an AudioPlayer.Play: the device shows Now Playing instead');
  }
  for (const directive of apl) {
    const type = String(field(directive, 'type'));
    const token = field(directive, 'token');
    if (typeof token !== 'string' || token === '') problems.push(`${type} has no token`);
    if (type === 'Alexa.Presentation.APL.RenderDocument') {
      const document = field(directive, 'document');
      if (field(document, 'type') !== 'APL') problems.push('RenderDocument document is not of type APL');
      if (typeof field(document, 'version') !== 'string') problems.push('RenderDocument document has no version');
      if (typeof field(document, 'mainTemplate') !== 'object')
        problems.push('RenderDocument document has no mainTemplate');
      const datasources = field(directive, 'datasources');
      if (
        datasources !== undefined &&
        (typeof datasources !== 'object' || datasources === null || Array.isArray(datasources))
      ) {
        problems.push('RenderDocument datasources is not an object');
      }
    } else if (type === 'Alexa.Presentation.APL.ExecuteCommands') {
      if (!Array.isArray(field(directive, 'commands'))) problems.push('ExecuteCommands has no commands');
    } else if (
      type !== 'Alexa.Presentation.APL.SendIndexListData' &&
      type !== 'Alexa.Presentation.APL.SendTokenListData' &&
      type !== 'Alexa.Presentation.APL.UpdateIndexListData'
    ) {
      problems.push(`unknown APL directive ${type}`);
    }
  }
  return problems;
}

/** The APL card a response leaves on screen, if it sends one. */
export function renderedCard(directives: readonly unknown[] | undefined): unknown {
  return (directives ?? []).find((directive) => field(directive, 'type') === 'Alexa.Presentation.APL.RenderDocument');
}

/** Throws when Alexa would reject the response (see responseProblems). */
export function assertValidResponse(envelope: unknown, requestType?: string): asserts envelope is ResponseEnvelope {
  const problems = responseProblems(envelope, requestType);
  if (problems.length > 0) throw new Error(`invalid response: ${problems.join('; ')}`);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export class SimulatedDevice {
  readonly resolver: Resolver;
  /** Simulated time, epoch ms. */
  clock: number;
  screen: boolean;
  private session: Session | undefined;
  private last: LastResponse | undefined;
  private lastResponseEnvelope: ResponseEnvelope | undefined;
  /** The skill's APL card on screen (its RenderDocument directive), while its session is open. */
  private shown: unknown;
  private sessionCount = 0;
  private audio: SimulatedAudioPlayer | undefined;
  /** What the device sent or did on its own that no caller has taken yet (see takeEvents). */
  private backlog: Turn[] = [];
  private readonly handler: SkillHandler;
  private readonly userId: string;
  private readonly deviceId: string | undefined;
  private readonly locale: string;
  private readonly skillId: string | undefined;
  private readonly routineInfo: SimulatedDeviceOptions['routineInfo'];
  private readonly playerOptions: PlayerOptions;
  private readonly apiEndpoint: string | undefined;
  readonly apiAccessToken: string;
  private readonly permissionHost: PermissionHost | undefined;
  private readonly granted: Set<string>;
  private readonly declaredScopes: readonly string[];
  private readonly skillName: string;
  /** Alexa's permission question, asked and not yet answered. */
  private pendingConsent: PendingConsent | undefined;

  constructor(options: SimulatedDeviceOptions) {
    this.handler = options.handler;
    this.userId = options.userId ?? 'amzn1.ask.account.sim-partner';
    this.deviceId = options.deviceId;
    this.locale = options.locale ?? 'en-US';
    this.clock = options.startAt ?? DEFAULT_START_AT;
    this.screen = options.screen ?? false;
    this.resolver = options.resolver ?? loadResolver(this.locale);
    this.skillId = options.skillId;
    this.routineInfo = options.routineInfo;
    this.playerOptions = options.player ?? { lengthOf: () => undefined };
    this.audioPlayer = options.audioPlayer ?? false;
    this.apiEndpoint = options.apiEndpoint;
    this.apiAccessToken = options.apiAccessToken ?? 'simulated-token';
    this.permissionHost = options.permissionHost;
    this.granted = new Set(options.grantedScopes ?? []);
    this.declaredScopes = options.declaredScopes ?? [REMINDERS_SCOPE];
    this.skillName = options.skillName ?? 'Partner Massage Coach';
    for (const scope of this.granted) if (scope === REMINDERS_SCOPE) this.permissionHost?.grant(this.apiAccessToken);
  }

  /** Whether the user has granted `scope` to the skill. */
  hasPermission(scope: string = REMINDERS_SCOPE): boolean {
    return this.granted.has(scope);
  }

  /**
   * Grants or takes back a permission, as the user would in the Alexa app: later requests say so,
   * and Alexa's APIs (the permission host) honour it.
   */
  setPermission(granted: boolean, scope: string = REMINDERS_SCOPE): void {
    if (granted) this.granted.add(scope);
    else this.granted.delete(scope);
    if (scope !== REMINDERS_SCOPE) return;
    if (granted) this.permissionHost?.grant(this.apiAccessToken);
    else this.permissionHost?.revoke(this.apiAccessToken);
  }

  /** Alexa has asked the user for a permission and waits for the answer. */
  get awaitingConsent(): boolean {
    return this.pendingConsent !== undefined;
  }

  /** `user.permissions` for the next request: every declared scope's status, and a consent token once one is granted. */
  private permissions(): UserPermissions {
    const scopes: Record<string, 'GRANTED' | 'DENIED'> = {};
    for (const scope of new Set([...this.declaredScopes, ...this.granted])) {
      scopes[scope] = this.granted.has(scope) ? 'GRANTED' : 'DENIED';
    }
    return this.granted.size > 0 ? { scopes, consentToken: `simulated-consent.${this.apiAccessToken}` } : { scopes };
  }

  /** What every request says of the APIs and permissions. */
  private apiContext() {
    return {
      ...(this.apiEndpoint !== undefined ? { apiEndpoint: this.apiEndpoint } : {}),
      apiAccessToken: this.apiAccessToken,
      permissions: this.permissions(),
    };
  }

  /**
   * Alexa's permission question gets an answer: ACCEPTED grants the scope first. The answer goes to
   * the skill as a Connections.Response, in a new session, with the directive's token.
   */
  private async answerConsent(line: string, status: PermissionAnswerStatus, spoken: boolean): Promise<Turn> {
    const pending = this.pendingConsent;
    if (!pending) throw new Error('no permission question is waiting for an answer');
    this.pendingConsent = undefined;
    if (status === 'ACCEPTED') this.setPermission(true, pending.scope);
    this.sessionCount += 1;
    this.session = {
      id: `amzn1.echo-api.session.sim-${this.clock.toString(36)}-${this.sessionCount}`,
      isNew: true,
      attributes: {},
    };
    return this.send(
      line,
      { type: 'Connections.Response', token: pending.token, permissionScope: pending.scope, status },
      spoken,
    );
  }

  get sessionOpen(): boolean {
    return this.session !== undefined;
  }

  get sessionAttributes(): Record<string, unknown> | undefined {
    return this.session?.attributes;
  }

  get lastResponse(): ResponseEnvelope | undefined {
    return this.lastResponseEnvelope;
  }

  /**
   * The RenderDocument of the card on screen: the last one the skill sent in the open session, until
   * a Play puts Now Playing there or the session closes (the device leaves the skill then).
   */
  get card(): unknown {
    return this.session && this.screen ? this.shown : undefined;
  }

  /** When the last response began playing (epoch ms), and its estimated length in seconds. */
  get lastSpeech(): { sentAt: number; seconds: number } | undefined {
    return this.last ? { sentAt: this.last.sentAt, seconds: this.last.seconds } : undefined;
  }

  /** An Echo with an audio player. Turning it on gives a new, idle player; turning it off drops it. */
  get audioPlayer(): boolean {
    return this.audio !== undefined;
  }

  set audioPlayer(on: boolean) {
    if (on === this.audioPlayer) return;
    this.audio = on ? new SimulatedAudioPlayer(this.playerOptions) : undefined;
  }

  /** The simulated player, on an audio device. */
  get player(): SimulatedAudioPlayer | undefined {
    return this.audio;
  }

  /**
   * Everything the device sent or did on its own since the last call (player events and their
   * answers, notices, timeouts found before a line), in the order it happened; each has `at`.
   */
  takeEvents(): Turn[] {
    const taken = this.backlog;
    this.backlog = [];
    return taken;
  }

  /** Speaks one line to the device at the current clock. */
  async say(line: string): Promise<Turn> {
    const before = await this.advanceTo(this.clock);
    this.backlog.push(...before);
    const timeout = before.find((turn) => turn.request?.request.type === 'SessionEndedRequest');
    // Alexa asked her own permission question: the line is the answer to her, not to the skill.
    if (this.pendingConsent) {
      const turn = await this.answerConsent(line, consentAnswer(line), true);
      this.backlog.push(...(await this.advanceTo(this.clock)));
      return turn;
    }
    const invocation = this.resolver.parseInvocation(line);
    let nameFree: RequestSpec | undefined;
    if (!this.session) {
      nameFree = invocation ? undefined : this.nameFreeRequest(line);
      if (!invocation && !nameFree) {
        const playing = this.audio?.owner === true && this.audio.activity === 'PLAYING';
        return {
          line,
          request: undefined,
          response: undefined,
          ssml: undefined,
          text: playing ? notForTheSkillMessage(line) : NO_SESSION_MESSAGE,
          seconds: 0,
          listening: false,
          sessionEnded: true,
          at: this.clock,
          ...(timeout?.error !== undefined ? { error: timeout.error } : {}),
        };
      }
      this.sessionCount += 1;
      this.session = {
        id: `amzn1.echo-api.session.sim-${this.clock.toString(36)}-${this.sessionCount}`,
        isNew: true,
        attributes: {},
      };
    }
    // The wake word ducks the player: it holds where it was until the dialog is over.
    this.audio?.holdForDialog(this.clock);
    let spec: RequestSpec;
    if (nameFree) spec = nameFree;
    else if (invocation?.kind === 'launch') spec = { type: 'LaunchRequest' };
    else {
      const utterance = invocation?.kind === 'oneShot' ? invocation.utterance : line;
      const resolved = this.resolver.resolve(utterance);
      spec = { type: 'IntentRequest', intent: resolved.intent, slots: resolved.slots };
    }
    const turn = await this.send(line, spec);
    // What the answer's directives caused at once (PlaybackStopped, a dropped enqueue).
    this.backlog.push(...(await this.advanceTo(this.clock)));
    return turn;
  }

  /**
   * Lets `seconds` of simulated time pass. Returns the SessionEndedRequest turn when the session
   * timed out on an open mic meanwhile; the player's events meanwhile wait in takeEvents().
   */
  async wait(seconds: number): Promise<Turn | undefined> {
    const turns = await this.advance(seconds);
    const timeout = turns.find((turn) => turn.request?.request.type === 'SessionEndedRequest');
    this.backlog.push(...turns.filter((turn) => turn !== timeout));
    return timeout;
  }

  /** Lets `seconds` of simulated time pass; returns all the device did meanwhile, in order. */
  async advance(seconds: number): Promise<Turn[]> {
    const until = this.clock + Math.max(0, seconds) * 1000;
    const turns = [...this.takeEvents(), ...(await this.advanceTo(until))];
    this.clock = until;
    return turns;
  }

  /** Ends the open session as the user would ("Alexa, stop" to the device, or walking away). */
  async newSession(): Promise<Turn | undefined> {
    const before = await this.advanceTo(this.clock);
    const timeout = before.find((turn) => turn.request?.request.type === 'SessionEndedRequest');
    this.backlog.push(...before.filter((turn) => turn !== timeout));
    // Walking away from Alexa's permission question: she tells the skill it was not answered.
    if (this.pendingConsent) {
      this.backlog.push(await this.answerConsent('(no answer to the permission question)', 'NOT_ANSWERED', false));
    }
    if (!this.session) return timeout;
    const ended = await this.endSession('USER_INITIATED', '(session ended by the user)');
    this.backlog.push(...(await this.advanceTo(this.clock)));
    return ended;
  }

  /**
   * Presses a PlaybackController button on the device: the request goes to the skill that played
   * last, with no session, and its answer may hold AudioPlayer directives only.
   */
  async press(button: PlaybackButton): Promise<Turn> {
    this.backlog.push(...(await this.advanceTo(this.clock)));
    const at = this.clock;
    if (this.audio?.owner !== true) {
      return this.notice(
        `the ${button} button controls the audio that played last; this skill has played none here`,
        at,
      );
    }
    const turn = await this.sendDeviceRequest(BUTTON_REQUESTS[button], { type: 'PlaybackController', button }, at);
    this.backlog.push(...(await this.advanceTo(this.clock)));
    return turn;
  }

  /**
   * Touches a button of the card on screen: the device sends the button's SendEvent arguments as an
   * Alexa.Presentation.APL.UserEvent, with the card's token, in the card's session, at once. Only a
   * button the card shows (on an Echo Show's wide layout, apl-card.ts) can be touched; otherwise a
   * notice says what is there.
   */
  async touch(args: readonly unknown[]): Promise<Turn> {
    this.backlog.push(...(await this.advanceTo(this.clock)));
    const at = this.clock;
    if (!this.screen) return this.notice('this device has no screen to touch', at);
    const card = this.card;
    if (card === undefined) return this.notice('nothing of the skill is on the screen', at);
    const buttons = cardButtons(readCard(card));
    const wanted = JSON.stringify(args);
    if (!buttons.some((button) => JSON.stringify(button.arguments) === wanted)) {
      const there = buttons.map((button) => `[${button.label}] ${button.arguments.join(' ')}`).join(', ');
      return this.notice(`the card has no button that sends ${wanted}; it has ${there || 'no buttons'}`, at);
    }
    const token = String(field(card, 'token'));
    const turn = await this.send(`(touch ${args.map(String).join(' ')})`, {
      type: 'Alexa.Presentation.APL.UserEvent',
      token,
      arguments: args,
    });
    this.backlog.push(...(await this.advanceTo(this.clock)));
    return turn;
  }

  /**
   * Makes the current stream fail now, as a dropped connection would: PlaybackFailed goes to the
   * skill. Returns what the device sent, or a notice when nothing was playing.
   */
  async failPlayback(
    error: PlaybackError = { type: 'MEDIA_ERROR_SERVICE_UNAVAILABLE', message: 'simulated: the stream broke off' },
  ): Promise<Turn[]> {
    const before = await this.advanceTo(this.clock);
    if (!this.audio?.fail(this.clock, error)) {
      return [...before, this.notice('nothing is playing, so nothing can fail', this.clock)];
    }
    return [...before, ...(await this.advanceTo(this.clock))];
  }

  /** One line: the routine, step n of m, pressure, pace, voice and flow; or "no routine". */
  status(): string {
    const coach = field(this.session?.attributes, 'coach');
    const prefs = field(coach, 'prefs');
    const parts: string[] = [];
    const routineId = field(coach, 'routineId');
    const mode = field(coach, 'mode');
    if (typeof routineId === 'string') {
      const info = this.routineInfo?.(routineId);
      parts.push(info?.name ?? routineId);
      const stepIndex = field(coach, 'stepIndex');
      if (typeof stepIndex === 'number') {
        parts.push(info ? `step ${stepIndex + 1} of ${info.steps}` : `step ${stepIndex + 1}`);
      }
    } else {
      parts.push('no routine');
    }
    if (typeof mode === 'string') parts.push(mode);
    for (const [key, label] of [
      ['pressure', 'pressure'],
      ['pace', 'pace'],
      ['speechRate', 'voice'],
      ['flow', 'flow'],
    ] as const) {
      const value = field(prefs, key);
      if (typeof value === 'string') parts.push(`${label} ${value}`);
    }
    const session = this.session ? 'session open' : 'no session';
    return `${parts.join(' · ')} (${session})`;
  }

  /** The name-free request a line makes while the skill owns the player, if it makes one. */
  private nameFreeRequest(line: string): RequestSpec | undefined {
    if (this.audio?.owner !== true) return undefined;
    const resolved = this.resolver.resolve(line);
    const intent = resolved.intent === 'AMAZON.StopIntent' ? 'AMAZON.PauseIntent' : resolved.intent;
    return NAME_FREE_INTENTS.has(intent) ? { type: 'IntentRequest', intent, slots: {} } : undefined;
  }

  /** Sends SessionEndedRequest with `reason` at the current clock and closes the session. */
  private async endSession(
    reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS',
    line: string,
    at = this.clock,
  ): Promise<Turn> {
    const saved = this.clock;
    this.clock = at;
    const turn = await this.send(line, { type: 'SessionEndedRequest', reason });
    this.clock = saved;
    this.closeSession(at);
    return { ...turn, sessionEnded: true, listening: false };
  }

  /** No session from `at`: the player, held while the mic was open, plays on. */
  private closeSession(at: number): void {
    this.session = undefined;
    this.shown = undefined;
    this.last = undefined;
    this.audio?.releaseAt(at);
  }

  /** When the open session closes by itself, if it does: a timeout on an open mic, or quietly. */
  private sessionCloseAt(): { at: number; timeout: boolean } | undefined {
    const last = this.last;
    if (!this.session || !last) return undefined;
    const speechEnd = last.sentAt + last.seconds * 1000;
    if (last.shouldEndSession === false) {
      const listenMs = (LISTEN_SECONDS + (last.hasReprompt ? last.repromptSeconds + LISTEN_SECONDS : 0)) * 1000;
      return { at: speechEnd + listenMs, timeout: true };
    }
    if (last.shouldEndSession === undefined && !this.screen) return { at: speechEnd, timeout: false };
    return undefined;
  }

  /**
   * Runs the device up to `until`: the session's timeout and the player's events, in time order
   * (the session first at a tie). Returns what it sent and noticed.
   */
  private async advanceTo(until: number): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (;;) {
      const close = this.sessionCloseAt();
      const due = this.audio?.nextDueAt();
      const consentBy = this.pendingConsent?.answerBy;
      if (
        consentBy !== undefined &&
        consentBy < until &&
        (due === undefined || consentBy <= due) &&
        (close === undefined || consentBy <= close.at)
      ) {
        const saved = this.clock;
        this.clock = consentBy;
        turns.push(await this.answerConsent('(no answer: the mic closed after Alexa asked)', 'NOT_ANSWERED', false));
        this.clock = Math.max(saved, this.clock);
        continue;
      }
      if (close !== undefined && close.at < until && (due === undefined || close.at <= due)) {
        if (close.timeout) {
          turns.push(
            await this.endSession(
              'EXCEEDED_MAX_REPROMPTS',
              '(no reply: the mic closed and the session ended)',
              close.at,
            ),
          );
        } else {
          this.closeSession(close.at);
        }
        continue;
      }
      const happening = this.audio?.step(until);
      if (happening === undefined) break;
      if (happening !== 'changed') turns.push(await this.deliver(happening));
    }
    return turns;
  }

  private notice(text: string, at: number): Turn {
    return {
      line: `(${text})`,
      request: undefined,
      response: undefined,
      ssml: undefined,
      text,
      seconds: 0,
      listening: false,
      sessionEnded: this.session === undefined,
      at,
    };
  }

  /** Sends a player event to the skill and plays its answer's directives. */
  private async deliver(happening: PlayerHappening): Promise<Turn> {
    if (happening.kind === 'notice') return this.notice(happening.text, happening.at);
    const spec: EventSpec = {
      type: happening.type,
      token: happening.token,
      offsetInMilliseconds: happening.offsetInMilliseconds,
      error: happening.error,
      currentPlaybackState: happening.currentPlaybackState,
    };
    const turn = await this.sendDeviceRequest(happening.type, spec, happening.at, happening);
    return { ...turn, event: happening };
  }

  /**
   * Sends a request with no session (a player event, a button) at `at`. An answer Alexa would
   * reject (speech, a card, a directive that is not AudioPlayer's) is an error and plays nothing.
   */
  private async sendDeviceRequest(type: string, spec: EventSpec, at: number, event?: PlayerEvent): Promise<Turn> {
    const context: EventContext = {
      userId: this.userId,
      at,
      locale: this.locale,
      screen: this.screen,
      audioPlayer: this.audioPlayer,
      player: event?.context ?? this.audio?.context(at),
      ...this.apiContext(),
      ...(this.deviceId !== undefined ? { deviceId: this.deviceId } : {}),
      ...(this.skillId !== undefined ? { skillId: this.skillId } : {}),
    };
    const request = buildEventEnvelope(spec, context);
    let response: ResponseEnvelope | undefined;
    let error: string | undefined;
    try {
      const answer: unknown = await this.handler(request);
      assertValidResponse(answer, type);
      response = answer;
      this.audio?.apply(response.response.directives, at);
    } catch (thrown) {
      error = `${type}: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    }
    return {
      line: type,
      request,
      response,
      ssml: undefined,
      text: '',
      seconds: 0,
      listening: false,
      sessionEnded: this.session === undefined,
      at,
      ...(error !== undefined ? { error } : {}),
    };
  }

  private async send(line: string, spec: RequestSpec, spokenLine?: boolean): Promise<Turn> {
    const session = this.session;
    if (!session) throw new Error('send() needs an open session');
    // A spoken line reaches the skill a little after it was said; a device event or a touch goes out at once.
    const spoken =
      spokenLine ?? (spec.type !== 'SessionEndedRequest' && spec.type !== 'Alexa.Presentation.APL.UserEvent');
    if (spoken) this.clock += SPEECH_TO_REQUEST_LAG_SECONDS * 1000;
    const request = buildEnvelope(spec, {
      userId: this.userId,
      sessionId: session.id,
      isNew: session.isNew,
      attributes: session.attributes,
      at: this.clock,
      locale: this.locale,
      screen: this.screen,
      audioPlayer: this.audioPlayer,
      player: this.audio?.context(this.clock),
      ...this.apiContext(),
      ...(this.deviceId !== undefined ? { deviceId: this.deviceId } : {}),
      ...(this.skillId !== undefined ? { skillId: this.skillId } : {}),
    });
    const intent = spec.type === 'IntentRequest' ? { intent: spec.intent } : {};
    const sentAt = this.clock;
    let response: ResponseEnvelope | undefined;
    let error: string | undefined;
    try {
      const answer: unknown = await this.handler(request);
      assertValidResponse(answer, spec.type);
      if (!this.audioPlayer && hasAudioPlayerDirective(answer.response.directives)) {
        throw new Error('invalid response: AudioPlayer directives to a device without an audio player');
      }
      if (!this.screen && hasAplDirective(answer.response.directives)) {
        throw new Error('invalid response: APL directives to a device without a screen');
      }
      response = answer;
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (spec.type !== 'SessionEndedRequest') this.clock += SPEAKING_DELAY_MS;

    if (!response) {
      // Alexa says "There was a problem with the requested skill's response" and the session ends.
      this.closeSession(sentAt);
      return {
        line,
        request,
        response: undefined,
        ssml: undefined,
        text: '',
        seconds: 0,
        listening: false,
        sessionEnded: true,
        at: sentAt,
        error: error ?? 'no response',
        ...intent,
      };
    }
    this.lastResponseEnvelope = response;
    const body = response.response;
    let speech = { text: '', seconds: 0 };
    let reprompt: { text: string; seconds: number } | undefined;
    try {
      speech = readOutputSpeech(body.outputSpeech);
      reprompt = body.reprompt ? readOutputSpeech(body.reprompt.outputSpeech) : undefined;
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    const ssml = body.outputSpeech?.type === 'SSML' ? body.outputSpeech.ssml : undefined;

    if (spec.type !== 'SessionEndedRequest') {
      session.isNew = false;
      session.attributes = (response.sessionAttributes as Record<string, unknown> | undefined) ?? {};
      this.last = {
        sentAt,
        seconds: speech.seconds,
        repromptSeconds: reprompt?.seconds ?? 0,
        hasReprompt: reprompt !== undefined,
        shouldEndSession: body.shouldEndSession,
      };
      const plays = hasAudioPlayerDirective(body.directives, 'AudioPlayer.Play');
      const card = renderedCard(body.directives);
      if (card !== undefined) this.shown = card;
      // Now Playing takes the screen while the skill's audio plays.
      if (plays) this.shown = undefined;
      this.audio?.apply(body.directives, sentAt);
      // The player waits for the speech, and for the answer to an open mic.
      if (body.shouldEndSession !== false || plays) this.audio?.releaseAt(Math.round(sentAt + speech.seconds * 1000));
      // A Play ends the session: the stream is what the device does next.
      if (body.shouldEndSession === true || plays) {
        this.session = undefined;
        this.last = undefined;
        this.shown = undefined;
      }
    }
    // Alexa asks her own question once the skill's speech is over, and listens for the answer.
    const ask = spec.type === 'SessionEndedRequest' ? undefined : askForPermission(body.directives);
    let alexaAsks: string | undefined;
    if (ask !== undefined) {
      alexaAsks = permissionQuestion(this.skillName, ask.scope);
      const askedAt = sentAt + speech.seconds * 1000;
      const questionMs = (countWords(alexaAsks) / WORDS_PER_SECOND) * 1000;
      this.pendingConsent = {
        token: ask.token,
        scope: ask.scope,
        answerBy: Math.round(askedAt + questionMs + LISTEN_SECONDS * 1000),
      };
    }
    return {
      line,
      request,
      response,
      ssml,
      text: speech.text,
      seconds: speech.seconds,
      listening: body.shouldEndSession === false && this.session !== undefined,
      sessionEnded: this.session === undefined,
      at: sentAt,
      ...(reprompt !== undefined ? { reprompt: reprompt.text } : {}),
      ...(error !== undefined ? { error } : {}),
      ...(alexaAsks !== undefined ? { alexaAsks } : {}),
      ...intent,
    };
  }
}

function hasAplDirective(directives: readonly Directive[] | undefined): boolean {
  return (directives ?? []).some((directive) => String(directive.type).startsWith('Alexa.Presentation.APL.'));
}

function hasAudioPlayerDirective(directives: readonly Directive[] | undefined, type?: string): boolean {
  return (directives ?? []).some((directive) =>
    type === undefined ? String(directive.type).startsWith('AudioPlayer.') : directive.type === type,
  );
}
