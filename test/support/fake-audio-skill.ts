/**
 * A stand-in skill for driving the simulated audio player: a real handler function that answers
 * each request type (or intent) with a real response envelope built by ask-sdk-core's
 * ResponseBuilder, as the test tells it, and records every request it was sent.
 */
import { ResponseFactory } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { PlayerOptions } from '../../tools/simulator/audio-player';
import { SimulatedDevice, type SkillHandler, type Turn } from '../../tools/simulator/session-driver';

export const TEST_AUDIO_BASE = 'https://audio.test';
/** The streams the fake skill plays, by token, and their lengths in ms. */
export const STREAM_MS: Readonly<Record<string, number>> = { A: 60_000, B: 45_000, C: 30_000 };

export const urlOf = (token: string) => `${TEST_AUDIO_BASE}/${token}.mp3`;

/** The length of a stream the fake skill plays, from its URL; undefined for any other URL. */
export function lengthOf(url: string): number | undefined {
  const match = /^https:\/\/audio\.test\/(\w+)\.mp3$/.exec(url);
  return match?.[1] === undefined ? undefined : STREAM_MS[match[1]];
}

export type ResponseBuilder = ReturnType<typeof ResponseFactory.init>;
/** Adds to the answer for one request; the default speaks "Okay." and ends the session. */
export type Reply = (envelope: RequestEnvelope, answer: ResponseBuilder) => void;

/** An intent name, or the request type for anything that is not an IntentRequest. */
export function keyOf(envelope: RequestEnvelope): string {
  const request = envelope.request;
  return request.type === 'IntentRequest' ? request.intent.name : request.type;
}

/** context.AudioPlayer of a request. */
export function playerOf(envelope: RequestEnvelope | undefined) {
  return (
    envelope?.context as { AudioPlayer?: { token: string; offsetInMilliseconds: number; playerActivity: string } }
  )?.AudioPlayer;
}

/** Speech that lasts exactly `seconds` in the simulator's estimate: a break, no words. */
export const silence = (seconds: number) => `<break time="${seconds}s"/>`;

export function play(
  answer: ResponseBuilder,
  behavior: 'REPLACE_ALL' | 'ENQUEUE' | 'REPLACE_ENQUEUED',
  token: string,
  options: { offset?: number; after?: string | undefined; url?: string; title?: string } = {},
): ResponseBuilder {
  return answer.addAudioPlayerPlayDirective(
    behavior,
    options.url ?? urlOf(token.replace(/\d+$/, '')),
    token,
    options.offset ?? 0,
    options.after,
    options.title === undefined ? undefined : { title: options.title, subtitle: 'Partner Massage Coach' },
  );
}

export function fakeAudioSkill(replies: Readonly<Record<string, Reply>> = {}) {
  const requests: RequestEnvelope[] = [];
  const handler: SkillHandler = async (envelope) => {
    requests.push(envelope);
    const key = keyOf(envelope);
    const answer = ResponseFactory.init();
    const reply = replies[key];
    if (reply) reply(envelope, answer);
    else if (envelope.request.type === 'LaunchRequest' || envelope.request.type === 'IntentRequest') {
      answer.speak('Okay.').withShouldEndSession(true);
    }
    const response: ResponseEnvelope = { version: '1.0', response: answer.getResponse() };
    return envelope.session ? { ...response, sessionAttributes: {} } : response;
  };
  return { handler, requests };
}

export function audioDevice(handler: SkillHandler, player: Partial<PlayerOptions> = {}): SimulatedDevice {
  return new SimulatedDevice({ handler, audioPlayer: true, player: { lengthOf, ...player } });
}

/** [event or request, ms after `start`, offset] for each turn: a compact timeline to compare. */
export function timeline(turns: readonly Turn[], start: number): [string, number, number | undefined][] {
  return turns.map((turn) => [
    turn.event ? turn.event.type.replace('AudioPlayer.', '') : turn.request ? keyOf(turn.request) : 'notice',
    (turn.at ?? Number.NaN) - start,
    turn.event?.offsetInMilliseconds,
  ]);
}
