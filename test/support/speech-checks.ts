/** Checks every rendered response against the platform limits; shared by unit and conversation tests. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_BREAK_SECONDS, MAX_RESPONSE_SECONDS, MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import { SPEECH_RATE_FACTOR, type SpeechRate } from '../../lambda/core/preferences';
import { estimateSpeechSeconds } from '../../lambda/core/speech-estimate';

export interface SsmlFacts {
  readonly characters: number;
  readonly seconds: number;
  readonly longestBreak: number;
}

function breakSeconds(time: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(time);
  if (!match) throw new Error(`unreadable break time ${time}`);
  return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
}

/** Parses SSML as XML and measures it; throws on anything Alexa would reject. */
export function checkSsml(ssml: string): SsmlFacts {
  const valid = XMLValidator.validate(ssml);
  if (valid !== true) throw new Error(`SSML is not well-formed: ${valid.err.msg}`);
  const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(ssml) as unknown[];
  if (parsed.length !== 1 || !Object.hasOwn(parsed[0] as object, 'speak')) throw new Error('root is not <speak>');
  if (ssml.length >= MAX_SSML_CHARACTERS) throw new Error(`SSML has ${ssml.length} characters`);
  const rateMatch = /<prosody rate="(\d+)%">/.exec(ssml);
  const rate = rateMatch ? Number(rateMatch[1]) / 100 : 1;
  const breaks = [...ssml.matchAll(/<break time="([^"]+)"\/>/g)].map((m) => breakSeconds(m[1] ?? ''));
  const longestBreak = breaks.reduce((max, value) => Math.max(max, value), 0);
  if (longestBreak > MAX_BREAK_SECONDS) throw new Error(`a break of ${longestBreak} s`);
  const text = ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  const seconds = estimateSpeechSeconds(text, rate) + breaks.reduce((sum, value) => sum + value, 0);
  if (seconds > MAX_RESPONSE_SECONDS + 0.5) throw new Error(`response lasts ${seconds.toFixed(1)} s`);
  return { characters: ssml.length, seconds, longestBreak };
}

export function rateFactor(rate: SpeechRate): number {
  return SPEECH_RATE_FACTOR[rate];
}
