/**
 * One skill session in a given request locale, driven with envelopes built here (the simulator's
 * builder, with the locale set): a launch, then intents with resolved or unresolved slots, each
 * answer checked against the platform rules as every conversation test checks it.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { type LogFields, type Logger, silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler, type LambdaHandler } from '../../lambda/skill';
import { buildEnvelope, type RequestSpec, type SlotValue } from '../../tools/simulator/envelope';
import { DEFAULT_START_AT, type Turn } from '../../tools/simulator/session-driver';
import { readOutputSpeech } from '../../tools/simulator/ssml-reader';
import { checkTurn } from './dialogue';
import { writtenText } from './locale-expectations';

export interface Answer {
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
  readonly ssml: string;
  /** As Alexa says it: a <sub> element's alias, "nine nine nine". */
  readonly spoken: string;
  /** As written: a <sub> element's digits, "999". */
  readonly written: string;
  readonly listening: boolean;
  readonly ends: boolean;
  readonly attributes: Record<string, unknown>;
}

/** A logger that keeps every line, for tests of what was logged. */
export class CapturingLogger implements Logger {
  readonly lines: { level: string; event: string; fields: LogFields | undefined }[] = [];
  info(event: string, fields?: LogFields): void {
    this.lines.push({ level: 'info', event, fields });
  }
  warn(event: string, fields?: LogFields): void {
    this.lines.push({ level: 'warn', event, fields });
  }
  error(event: string, fields?: LogFields): void {
    this.lines.push({ level: 'error', event, fields });
  }
}

export interface LocaleSessionOptions {
  readonly store?: UserStore;
  readonly logger?: Logger;
  readonly userId?: string;
  /** Another handler to send to (the same store across sessions). */
  readonly handler?: LambdaHandler;
}

let sessions = 0;

export class LocaleSession {
  readonly handler: LambdaHandler;
  private readonly userId: string;
  private readonly sessionId: string;
  private isNew = true;
  private attributes: Record<string, unknown> = {};
  private at = DEFAULT_START_AT;

  constructor(
    readonly locale: string,
    options: LocaleSessionOptions = {},
  ) {
    this.handler =
      options.handler ??
      createHandler({ store: options.store ?? new MemoryUserStore(), logger: options.logger ?? silentLogger });
    this.userId = options.userId ?? 'amzn1.ask.account.locale-tests';
    sessions += 1;
    this.sessionId = `amzn1.echo-api.session.locale-${sessions}`;
  }

  /** The attributes the session carries now (what the last answer handed back). */
  get sessionAttributes(): Record<string, unknown> {
    return this.attributes;
  }

  launch(): Promise<Answer> {
    return this.send('LaunchRequest', { type: 'LaunchRequest' });
  }

  /** The session's end, as Alexa sends it when the user stops answering. */
  end(locale = this.locale): Promise<Answer> {
    return this.send('(session ended)', { type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' }, locale);
  }

  /** An intent; a slot given as a string is heard but not resolved (ER_SUCCESS_NO_MATCH). */
  intent(name: string, slots: Record<string, SlotValue | string> = {}, locale = this.locale): Promise<Answer> {
    const filled = Object.fromEntries(
      Object.entries(slots).map(([slot, value]) => [slot, typeof value === 'string' ? { value } : value]),
    );
    return this.send(name, { type: 'IntentRequest', intent: name, slots: filled }, locale);
  }

  private async send(line: string, spec: RequestSpec, locale = this.locale): Promise<Answer> {
    this.at += 5_000;
    const request = buildEnvelope(spec, {
      userId: this.userId,
      sessionId: this.sessionId,
      isNew: this.isNew,
      attributes: this.attributes,
      at: this.at,
      locale,
    });
    const response = await this.handler(request);
    const body = response.response;
    const ssml = body.outputSpeech?.type === 'SSML' ? body.outputSpeech.ssml : '';
    const turn: Turn = {
      line,
      request,
      response,
      ssml,
      text: '',
      seconds: 0,
      listening: body.shouldEndSession === false,
      sessionEnded: body.shouldEndSession !== false,
    };
    checkTurn(turn);
    this.isNew = false;
    this.attributes = (response.sessionAttributes as Record<string, unknown> | undefined) ?? {};
    return {
      request,
      response,
      ssml,
      spoken: readOutputSpeech(body.outputSpeech).text,
      written: ssml ? writtenText(ssml) : readOutputSpeech(body.outputSpeech).text,
      listening: body.shouldEndSession === false,
      ends: body.shouldEndSession === true,
      attributes: this.attributes,
    };
  }
}
