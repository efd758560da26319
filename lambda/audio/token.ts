/**
 * AudioPlayer tokens: each queued item's token names the step variant, the render that holds its
 * file, the flow, the attempt and when it was issued, so a request's token and offset alone say
 * where she is and what comes next.
 */
import { ROUTINE_IDS } from '../core/catalogue';
import type { PlayItem } from '../core/player';
import { FLOWS, type Flow, PACES, PRESSURE_LEVELS, SPEECH_RATES } from '../core/preferences';
import {
  AudioTokenError,
  MAX_RENDER_VERSION_LENGTH,
  MAX_STEP_NUMBER,
  parseVariantKey,
  RENDER_VERSION,
  variantKey,
} from './manifest';
import { AUDIO_PLAYER_STREAM } from './stream-format';

const TOKEN_PREFIX = 'pmc1';
const TOKEN_SEPARATOR = '|';
/** The flow part of a token: c for continuous, s for step by step. */
const FLOW_LETTERS: Readonly<Record<Flow, string>> = { continuous: 'c', stepByStep: 's' };
/** Latest issue time a token holds, epoch ms (the range a Date can hold). */
const MAX_ISSUED_AT = 8.64e15;

/**
 * The AudioPlayer token of one queued item: `pmc1|lowerBack/3/medium.normal.normal|<render
 * version>|c.1.<issued>`: the step variant and the render that holds its file, then the flow (c or
 * s), the attempt (1, or 2 for the retry after a failure) and when it was issued (epoch ms in base
 * 36). Every request during playback carries it back with the offset, so the token and offset alone
 * say exactly where she is, and what comes next; the issue time makes each item's token new (Now
 * Playing caches metadata by token). LONGEST_AUDIO_TOKEN_LENGTH is the longest it can be.
 */
export function buildAudioToken(item: PlayItem, renderVersion: string): string {
  if (renderVersion.length > MAX_RENDER_VERSION_LENGTH || !RENDER_VERSION.test(renderVersion)) {
    throw new AudioTokenError('a render version is 1 to 64 letters, digits, - or _');
  }
  if (!Number.isSafeInteger(item.issuedAt) || item.issuedAt < 0 || item.issuedAt > MAX_ISSUED_AT) {
    throw new AudioTokenError('an issue time is whole epoch milliseconds');
  }
  const play = [FLOW_LETTERS[item.flow], String(item.attempt), item.issuedAt.toString(36)].join('.');
  const key = variantKey(item.routineId, item.stepIndex, item.variant);
  const token = [TOKEN_PREFIX, key, renderVersion, play].join(TOKEN_SEPARATOR);
  if (token.length > AUDIO_PLAYER_STREAM.maxTokenLength) throw new AudioTokenError('token too long');
  return token;
}

function readPlay(text: string): Pick<PlayItem, 'flow' | 'attempt' | 'issuedAt'> | undefined {
  const [flowLetter, attemptText, issuedText, ...rest] = text.split('.');
  const flow = FLOWS.find((each) => FLOW_LETTERS[each] === flowLetter);
  if (rest.length > 0 || flow === undefined || (attemptText !== '1' && attemptText !== '2')) return undefined;
  if (issuedText === undefined || !/^[0-9a-z]{1,11}$/.test(issuedText)) return undefined;
  const issuedAt = Number.parseInt(issuedText, 36);
  if (!Number.isSafeInteger(issuedAt) || issuedAt > MAX_ISSUED_AT) return undefined;
  return { flow, attempt: attemptText === '1' ? 1 : 2, issuedAt };
}

/** Reads a token back, from a request that carries it (untrusted); undefined if it is not one of ours. */
export function parseAudioToken(token: unknown): (PlayItem & { readonly renderVersion: string }) | undefined {
  if (typeof token !== 'string' || token.length > AUDIO_PLAYER_STREAM.maxTokenLength) return undefined;
  const [prefix, key, renderVersion, playText, ...rest] = token.split(TOKEN_SEPARATOR);
  if (prefix !== TOKEN_PREFIX || key === undefined || renderVersion === undefined || rest.length > 0) return undefined;
  if (renderVersion.length > MAX_RENDER_VERSION_LENGTH || !RENDER_VERSION.test(renderVersion)) return undefined;
  const place = parseVariantKey(key);
  const play = playText === undefined ? undefined : readPlay(playText);
  return place === undefined || play === undefined ? undefined : { ...place, ...play, renderVersion };
}

const longest = (words: readonly string[]) => Math.max(...words.map((word) => word.length));

/** The longest token `buildAudioToken` can return: the longest value of each part, and the separators. */
export const LONGEST_AUDIO_TOKEN_LENGTH =
  `${TOKEN_PREFIX}|`.length +
  longest(ROUTINE_IDS) +
  '/'.length +
  String(MAX_STEP_NUMBER).length +
  '/'.length +
  longest(PRESSURE_LEVELS) +
  '.'.length +
  longest(SPEECH_RATES) +
  '.'.length +
  longest(PACES) +
  '|'.length +
  MAX_RENDER_VERSION_LENGTH +
  '|'.length +
  'c.1.'.length +
  MAX_ISSUED_AT.toString(36).length;
