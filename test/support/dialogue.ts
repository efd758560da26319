/**
 * Dialogue scripts for conversation tests: what the user says, and what must hold of the answer.
 * Every line goes through the interaction-model resolver and the real handler; every response is
 * checked against the platform limits.
 */

import { type Logger, silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler } from '../../lambda/skill';
import type { Resolver } from '../../tools/simulator/resolver';
import { responseProblems, SimulatedDevice, type Turn } from '../../tools/simulator/session-driver';
import { checkSsml } from './speech-checks';

export interface Exchange {
  /** What the user says; `/wait N` lets N seconds pass; `/new-session` ends the session. */
  readonly say: string;
  /** Patterns the spoken answer must contain. */
  readonly hears?: RegExp | readonly RegExp[];
  /** Patterns it must not contain. */
  readonly notHears?: RegExp | readonly RegExp[];
  /** The intent the line must resolve to. */
  readonly intent?: string;
  /** Whether the mic stays open after the answer. */
  readonly listening?: boolean;
  /** Whether the session ends with this answer. */
  readonly ends?: boolean;
}

export interface DialogueOptions {
  readonly store?: UserStore;
  readonly userId?: string;
  readonly device?: SimulatedDevice;
  /** The request's locale. @default 'en-US' */
  readonly locale?: string;
  /** What turns lines into intents. @default the resolver for interaction-models/<locale>.json */
  readonly resolver?: Resolver;
  /** @default silentLogger */
  readonly logger?: Logger;
}

function list(value: RegExp | readonly RegExp[] | undefined): readonly RegExp[] {
  if (value === undefined) return [];
  return value instanceof RegExp ? [value] : value;
}

/** Checks one turn's response: valid envelope, valid SSML within the limits, no error. */
export function checkTurn(turn: Turn): void {
  if (turn.error) throw new Error(`"${turn.line}": ${turn.error}`);
  if (!turn.request || !turn.response) return;
  const problems = responseProblems(turn.response, turn.request.request.type);
  if (problems.length > 0) throw new Error(`"${turn.line}": ${problems.join('; ')}`);
  const speech = turn.response.response.outputSpeech;
  if (speech?.type === 'SSML') checkSsml(speech.ssml);
  const reprompt = turn.response.response.reprompt?.outputSpeech;
  if (reprompt?.type === 'SSML') checkSsml(reprompt.ssml);
}

export function newDevice(options: DialogueOptions = {}): SimulatedDevice {
  const store = options.store ?? new MemoryUserStore();
  return new SimulatedDevice({
    handler: createHandler({ store, logger: options.logger ?? silentLogger }),
    ...(options.userId ? { userId: options.userId } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.resolver ? { resolver: options.resolver } : {}),
  });
}

/** Runs a script and returns every turn; fails on the first expectation that does not hold. */
export async function runDialogue(script: readonly Exchange[], options: DialogueOptions = {}): Promise<Turn[]> {
  const device = options.device ?? newDevice(options);
  const turns: Turn[] = [];
  for (const exchange of script) {
    const wait = /^\/wait (\d+(?:\.\d+)?)$/.exec(exchange.say);
    if (wait) {
      const timeout = await device.wait(Number(wait[1]));
      if (timeout) {
        checkTurn(timeout);
        turns.push(timeout);
      }
      continue;
    }
    if (exchange.say === '/new-session') {
      const ended = await device.newSession();
      if (ended) turns.push(ended);
      continue;
    }
    const turn = await device.say(exchange.say);
    checkTurn(turn);
    turns.push(turn);
    const where = `after "${exchange.say}" Alexa said: ${turn.text.slice(0, 400)}`;
    if (exchange.intent !== undefined && turn.intent !== exchange.intent) {
      throw new Error(`"${exchange.say}" resolved to ${turn.intent}, expected ${exchange.intent}`);
    }
    for (const pattern of list(exchange.hears)) {
      if (!pattern.test(turn.text)) throw new Error(`expected ${pattern} ${where}`);
    }
    for (const pattern of list(exchange.notHears)) {
      if (pattern.test(turn.text)) throw new Error(`did not expect ${pattern} ${where}`);
    }
    if (exchange.listening !== undefined && turn.listening !== exchange.listening) {
      throw new Error(`expected listening=${exchange.listening} ${where}`);
    }
    if (exchange.ends !== undefined && turn.sessionEnded !== exchange.ends) {
      throw new Error(`expected session ended=${exchange.ends} ${where}`);
    }
  }
  return turns;
}
