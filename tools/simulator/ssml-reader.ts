/**
 * Reads SSML the way a listener hears it: the words, the silences (adjacent breaks merged into one
 * "[pause 20 s]"), and how long it all takes. Durations use the project's one words-per-second
 * constant, scaled by the enclosing <prosody rate>, plus the break times; the small pauses Alexa
 * adds at sentence and paragraph ends are not counted.
 */
import { XMLValidator } from 'fast-xml-parser';
import { estimateSpeechSeconds } from '../../lambda/core/speech-estimate';

export interface SsmlReading {
  /** Readable text: words, and silences as "[pause N s]". */
  text: string;
  /** Estimated duration: speech plus breaks. */
  seconds: number;
  /** Seconds of explicit <break> silence within `seconds`. */
  breakSeconds: number;
  /** Speech and silences in order, for playing it back in real time. */
  segments: Segment[];
}

/** Break strengths, in seconds (Alexa's SSML reference describes them only loosely). */
const BREAK_STRENGTH_SECONDS: Readonly<Record<string, number>> = {
  none: 0,
  'x-weak': 0.25,
  weak: 0.5,
  medium: 0.75,
  strong: 1,
  'x-strong': 1.25,
};

/** Named prosody rates, as fractions of normal speed (approximate). */
const NAMED_RATES: Readonly<Record<string, number>> = {
  'x-slow': 0.6,
  slow: 0.8,
  medium: 1,
  fast: 1.2,
  'x-fast': 1.4,
};

/** True when `ssml` is well-formed XML; otherwise the parser's message. */
export function validateSsml(ssml: string): true | string {
  const result = XMLValidator.validate(ssml);
  if (result === true) return true;
  return `${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
}

/** "2s", "1.5s", "500ms" → seconds; undefined when unreadable. */
export function parseTime(time: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/i.exec(time);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2]?.toLowerCase() === 'ms' ? amount / 1000 : amount;
}

/** "85%" → 0.85, "slow" → 0.8; undefined when unreadable. */
export function parseRate(rate: string): number | undefined {
  const percent = /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(rate);
  if (percent) return Number(percent[1]) / 100;
  return NAMED_RATES[rate.trim().toLowerCase()];
}

function attributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return found;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** "20" / "1.5" / "0.3": whole seconds without decimals. */
export function formatSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

type Piece = { kind: 'words'; text: string; rate: number } | { kind: 'pause'; seconds: number };

/**
 * Reads SSML (or plain text). Tags it knows: speak, p, s, break, prosody, emphasis, say-as, sub
 * (its alias is what is heard), phoneme, lang, voice, amazon:*; audio is shown as "[audio]" and
 * not timed. Throws when the SSML is not well-formed.
 */
export function readSsml(ssml: string): SsmlReading {
  const valid = validateSsml(ssml);
  if (valid !== true) throw new Error(`SSML is not well-formed: ${valid}`);
  const pieces: Piece[] = [];
  const rates: number[] = [1];
  let skipDepth = 0; // inside <sub>: the alias was spoken instead
  const rate = () => rates[rates.length - 1] ?? 1;
  const addWords = (text: string) => {
    if (skipDepth > 0 || text.trim() === '') {
      if (text !== '' && skipDepth === 0) pieces.push({ kind: 'words', text: ' ', rate: rate() });
      return;
    }
    pieces.push({ kind: 'words', text, rate: rate() });
  };

  for (const token of ssml.matchAll(
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<([/?]?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g,
  )) {
    const [, cdata, slash, rawName, rest = '', selfClosing, text] = token;
    if (cdata !== undefined) {
      addWords(cdata);
      continue;
    }
    if (text !== undefined) {
      addWords(decodeEntities(text));
      continue;
    }
    if (rawName === undefined || slash === '?') continue;
    const name = rawName.toLowerCase();
    const attrs = attributes(rest);
    const closing = slash === '/';
    const empty = selfClosing === '/';
    switch (name) {
      case 'break': {
        if (closing) break;
        const seconds =
          attrs.time !== undefined
            ? (parseTime(attrs.time) ?? 0)
            : (BREAK_STRENGTH_SECONDS[attrs.strength ?? 'medium'] ?? 0.75);
        pieces.push({ kind: 'pause', seconds });
        break;
      }
      case 'prosody':
        if (closing) rates.pop();
        else if (!empty) rates.push(rate() * (attrs.rate !== undefined ? (parseRate(attrs.rate) ?? 1) : 1));
        break;
      case 'sub':
        if (closing) skipDepth = Math.max(0, skipDepth - 1);
        else {
          addWords(` ${attrs.alias ?? ''} `);
          if (!empty) skipDepth += 1;
        }
        break;
      case 'audio':
        if (!closing) pieces.push({ kind: 'words', text: ' [audio] ', rate: rate() });
        break;
      case 'p':
      case 's':
        addWords(' ');
        break;
      default:
        // speak, emphasis, say-as, phoneme, lang, voice, amazon:*: the words inside are spoken as they are.
        break;
    }
  }

  return merge(pieces);
}

/** A stretch of speech at one rate, or a silence (adjacent breaks merged). */
export type Segment = { kind: 'speech'; text: string; seconds: number } | { kind: 'pause'; seconds: number };

function merge(pieces: readonly Piece[]): SsmlReading {
  const segments: Segment[] = [];
  for (const piece of pieces) {
    const last = segments[segments.length - 1];
    if (piece.kind === 'pause') {
      if (last?.kind === 'pause') last.seconds += piece.seconds;
      else segments.push({ kind: 'pause', seconds: piece.seconds });
      continue;
    }
    const seconds = estimateSpeechSeconds(piece.text.replace('[audio]', ''), piece.rate);
    if (piece.text.trim() === '' && last?.kind === 'pause') continue;
    if (last?.kind === 'speech') {
      last.text += piece.text;
      last.seconds += seconds;
    } else {
      segments.push({ kind: 'speech', text: piece.text, seconds });
    }
  }
  const tidy = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/\s+([.,;:!?])/g, '$1')
      .trim();
  const kept: Segment[] = [];
  for (const segment of segments) {
    if (segment.kind === 'pause') kept.push(segment);
    else if (tidy(segment.text) !== '') kept.push({ ...segment, text: tidy(segment.text) });
  }
  // Speech between two pauses that tidies away to nothing leaves the pauses adjacent: merge them.
  const merged: Segment[] = [];
  for (const segment of kept) {
    const last = merged[merged.length - 1];
    if (segment.kind === 'pause' && last?.kind === 'pause') last.seconds += segment.seconds;
    else merged.push(segment);
  }
  const text = merged
    .map((segment) => (segment.kind === 'pause' ? `[pause ${formatSeconds(segment.seconds)} s]` : segment.text))
    .join(' ');
  const seconds = merged.reduce((sum, segment) => sum + segment.seconds, 0);
  const breakSeconds = merged.reduce((sum, segment) => sum + (segment.kind === 'pause' ? segment.seconds : 0), 0);
  return { text, seconds, breakSeconds, segments: merged };
}

/** Reads an outputSpeech or reprompt object of either type. */
export function readOutputSpeech(speech: { type?: string; ssml?: string; text?: string } | undefined): SsmlReading {
  if (!speech) return { text: '', seconds: 0, breakSeconds: 0, segments: [] };
  if (speech.type === 'SSML') return readSsml(speech.ssml ?? '');
  return merge([{ kind: 'words', text: speech.text ?? '', rate: 1 }]);
}
