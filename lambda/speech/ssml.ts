/**
 * SSML rendering of a plan: escaping, break chains for silences, prosody for the speech rate,
 * and a check of the platform limits on what comes out.
 */

import type { Plan } from '../core/coach';
import { MAX_BREAK_SECONDS, MAX_RESPONSE_SECONDS, MAX_SSML_CHARACTERS } from '../core/limits';
import type { Segment } from '../core/pacing';
import { timelineSeconds } from '../core/pacing';
import { SPEECH_RATE_FACTOR, type SpeechRate } from '../core/preferences';
import { estimateSpeechSeconds } from '../core/speech-estimate';

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Characters XML 1.0 does not allow at all, escaped or not (controls, lone surrogates, U+FFFE/F). */
const NOT_XML_CHARACTERS = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Escapes text for an SSML text node: SSML is XML and ask-sdk escapes nothing. Characters XML
 * cannot hold (only ever in words repeated from a slot) are dropped, or Alexa rejects the answer.
 */
export function escapeSsml(text: string): string {
  return text.replace(NOT_XML_CHARACTERS, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** A silence as a chain of breaks of at most MAX_BREAK_SECONDS each. */
export function renderSilence(seconds: number): string {
  let remainingMs = Math.round(seconds * 1000);
  const tags: string[] = [];
  const maxMs = MAX_BREAK_SECONDS * 1000;
  while (remainingMs > 0) {
    const ms = Math.min(remainingMs, maxMs);
    tags.push(ms % 1000 === 0 ? `<break time="${ms / 1000}s"/>` : `<break time="${ms}ms"/>`);
    remainingMs -= ms;
  }
  return tags.join('');
}

function prosodyRate(rate: SpeechRate): string | undefined {
  const factor = SPEECH_RATE_FACTOR[rate];
  return factor === 1 ? undefined : `${Math.round(factor * 100)}%`;
}

/** How a locale's numbers are spoken, digits to words: "000" to "triple zero". */
export type SpokenNumbers = Readonly<Record<string, string>>;

/**
 * Escaped text with each of the locale's numbers spoken as the locale says it (a card shows the
 * digits): `<sub alias="nine nine nine">999</sub>`, never "nine hundred and ninety-nine".
 */
function speakText(text: string, numbers: SpokenNumbers): string {
  const escaped = escapeSsml(text);
  const digits = Object.keys(numbers);
  if (digits.length === 0) return escaped;
  return escaped.replace(/(?<![\d.,])\d+(?![\d.,]\d)/g, (found) => {
    const spoken = numbers[found];
    return spoken === undefined ? found : `<sub alias="${escapeSsml(spoken)}">${found}</sub>`;
  });
}

/** Renders segments as one <speak> document. */
export function renderSegments(segments: readonly Segment[], rate: SpeechRate, numbers: SpokenNumbers = {}): string {
  const body = segments
    .map((segment) => (segment.kind === 'speech' ? speakText(segment.text, numbers) : renderSilence(segment.seconds)))
    .join(' ');
  const prosody = prosodyRate(rate);
  return prosody ? `<speak><prosody rate="${prosody}">${body}</prosody></speak>` : `<speak>${body}</speak>`;
}

export interface RenderedPlan {
  readonly ssml: string;
  readonly repromptSsml?: string;
  /** Estimated length of the speech, in seconds. */
  readonly seconds: number;
}

/** A rendered response broke a platform limit; the turn answers with an apology instead. */
export class SpeechLimitError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SpeechLimitError';
  }
}

export function renderPlan(plan: Plan, rate: SpeechRate, numbers: SpokenNumbers = {}): RenderedPlan {
  const ssml = renderSegments(plan.segments, rate, numbers);
  const seconds = timelineSeconds(plan.segments);
  if (ssml.length >= MAX_SSML_CHARACTERS) {
    throw new SpeechLimitError(`response has ${ssml.length} SSML characters (limit ${MAX_SSML_CHARACTERS})`);
  }
  if (seconds > MAX_RESPONSE_SECONDS) {
    throw new SpeechLimitError(`response lasts ${seconds.toFixed(0)} s (limit ${MAX_RESPONSE_SECONDS} s)`);
  }
  if (plan.reprompt === undefined) return { ssml, seconds };
  const reprompt = {
    kind: 'speech' as const,
    role: 'prompt' as const,
    text: plan.reprompt,
    seconds: estimateSpeechSeconds(plan.reprompt, SPEECH_RATE_FACTOR[rate]),
  };
  return { ssml, repromptSsml: renderSegments([reprompt], rate, numbers), seconds };
}
