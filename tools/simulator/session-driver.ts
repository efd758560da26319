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
 * - With no session open, only an invocation works: "open partner massage" (LaunchRequest) or
 *   "ask partner massage to …" (a one-shot IntentRequest), each starting a new session. With a
 *   session open, "open partner massage" sends a LaunchRequest in that session, and "ask partner
 *   massage to X" is heard as X.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SPEECH_TO_REQUEST_LAG_SECONDS } from '../../lambda/core/coach';
import { MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import { buildEnvelope, type RequestSpec } from './envelope';
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
  const hasDirectives = Array.isArray(response.directives) && response.directives.length > 0;
  if (requestType === 'SessionEndedRequest') {
    if (response.outputSpeech || response.reprompt) problems.push('a SessionEndedRequest answer must not speak');
  } else if ((requestType === 'LaunchRequest' || requestType === 'IntentRequest') && !response.outputSpeech) {
    if (!hasDirectives) problems.push(`a ${requestType} answer has no outputSpeech`);
  }
  if (response.reprompt && response.shouldEndSession === true) {
    problems.push('a reprompt with shouldEndSession true is never heard');
  }
  return problems;
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
  private sessionCount = 0;
  private readonly handler: SkillHandler;
  private readonly userId: string;
  private readonly deviceId: string | undefined;
  private readonly locale: string;
  private readonly skillId: string | undefined;
  private readonly routineInfo: SimulatedDeviceOptions['routineInfo'];

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

  /** When the last response began playing (epoch ms), and its estimated length in seconds. */
  get lastSpeech(): { sentAt: number; seconds: number } | undefined {
    return this.last ? { sentAt: this.last.sentAt, seconds: this.last.seconds } : undefined;
  }

  /** Speaks one line to the device at the current clock. */
  async say(line: string): Promise<Turn> {
    const timeout = await this.expire(this.clock);
    const invocation = this.resolver.parseInvocation(line);
    if (!this.session) {
      if (!invocation) {
        return {
          line,
          request: undefined,
          response: undefined,
          ssml: undefined,
          text: NO_SESSION_MESSAGE,
          seconds: 0,
          listening: false,
          sessionEnded: true,
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
    if (invocation?.kind === 'launch') return this.send(line, { type: 'LaunchRequest' });
    const utterance = invocation?.kind === 'oneShot' ? invocation.utterance : line;
    const resolved = this.resolver.resolve(utterance);
    return this.send(line, { type: 'IntentRequest', intent: resolved.intent, slots: resolved.slots });
  }

  /**
   * Lets `seconds` of simulated time pass. Returns the SessionEndedRequest turn when the session
   * timed out on an open mic meanwhile.
   */
  async wait(seconds: number): Promise<Turn | undefined> {
    const until = this.clock + Math.max(0, seconds) * 1000;
    const turn = await this.expire(until);
    this.clock = until;
    return turn;
  }

  /** Ends the open session as the user would ("Alexa, stop" to the device, or walking away). */
  async newSession(): Promise<Turn | undefined> {
    const timeout = await this.expire(this.clock);
    if (!this.session) return timeout;
    return this.endSession('USER_INITIATED', '(session ended by the user)');
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
    this.session = undefined;
    this.last = undefined;
    return { ...turn, sessionEnded: true, listening: false };
  }

  /** Applies the session rules for time passing up to `until`. */
  private async expire(until: number): Promise<Turn | undefined> {
    const last = this.last;
    if (!this.session || !last) return undefined;
    const speechEnd = last.sentAt + last.seconds * 1000;
    if (last.shouldEndSession === false) {
      const listenMs = (LISTEN_SECONDS + (last.hasReprompt ? last.repromptSeconds + LISTEN_SECONDS : 0)) * 1000;
      const deadline = speechEnd + listenMs;
      if (until > deadline) {
        return this.endSession('EXCEEDED_MAX_REPROMPTS', '(no reply: the mic closed and the session ended)', deadline);
      }
    } else if (last.shouldEndSession === undefined && !this.screen && until > speechEnd) {
      this.session = undefined;
      this.last = undefined;
    }
    return undefined;
  }

  private async send(line: string, spec: RequestSpec): Promise<Turn> {
    const session = this.session;
    if (!session) throw new Error('send() needs an open session');
    // A spoken line reaches the skill a little after it was said; a device event goes out at once.
    if (spec.type !== 'SessionEndedRequest') this.clock += SPEECH_TO_REQUEST_LAG_SECONDS * 1000;
    const request = buildEnvelope(spec, {
      userId: this.userId,
      sessionId: session.id,
      isNew: session.isNew,
      attributes: session.attributes,
      at: this.clock,
      locale: this.locale,
      screen: this.screen,
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
      response = answer;
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (spec.type !== 'SessionEndedRequest') this.clock += SPEAKING_DELAY_MS;

    if (!response) {
      // Alexa says "There was a problem with the requested skill's response" and the session ends.
      this.session = undefined;
      this.last = undefined;
      return {
        line,
        request,
        response: undefined,
        ssml: undefined,
        text: '',
        seconds: 0,
        listening: false,
        sessionEnded: true,
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
      if (body.shouldEndSession === true) {
        this.session = undefined;
        this.last = undefined;
      }
    }
    return {
      line,
      request,
      response,
      ssml,
      text: speech.text,
      seconds: speech.seconds,
      listening: body.shouldEndSession === false,
      sessionEnded: this.session === undefined,
      ...(reprompt !== undefined ? { reprompt: reprompt.text } : {}),
      ...(error !== undefined ? { error } : {}),
      ...intent,
    };
  }
}
