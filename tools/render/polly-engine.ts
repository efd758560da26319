/**
 * The Amazon Polly speech engine: SynthesizeSpeech with a neural en-US voice, raw PCM out, run at
 * deploy with the deployer's own AWS credentials. It keeps under Polly's request quota with a token
 * bucket that every attempt passes through, retries throttling and transient failures with the SDK's
 * standard retry strategy, and refuses a line longer than Polly takes before sending anything.
 */
import {
  PollyClient,
  type PollyClientConfig,
  SynthesizeSpeechCommand,
  type SynthesizeSpeechCommandOutput,
  type VoiceId,
} from '@aws-sdk/client-polly';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { SPEECH_RATE_FACTOR, type SpeechRate } from '../../lambda/core/preferences';
import { escapeSsml } from '../../lambda/speech/ssml';
import type { Pcm, SpeechEngine, SpeechRequest } from './engine';

/** Polly SynthesizeSpeech: at most 3,000 billed characters (text, SSML tags not counted) per call. */
export const POLLY_MAX_BILLED_CHARACTERS = 3000;
/** Polly SynthesizeSpeech: at most 6,000 characters in all, SSML tags included, per call. */
export const POLLY_MAX_TOTAL_CHARACTERS = 6000;
/**
 * Polly's default SynthesizeSpeech quota for neural voices is 8 requests a second per account and
 * region (burst 10; docs.aws.amazon.com/polly/latest/dg/limits.html). 6 a second with a bucket of 2
 * sends at most 8 in any one second, and leaves the burst allowance to anyone else on the account.
 */
export const DEFAULT_REQUESTS_PER_SECOND = 6;
export const DEFAULT_BURST = 2;
/** Attempts per piece, first one included; the SDK's own default is 3, thin for a batch that may be throttled. */
export const DEFAULT_MAX_ATTEMPTS = 6;
/** A request with no answer for this long fails with a TimeoutError, which the retry strategy retries. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** A calm, clear neural en-US voice. */
export const DEFAULT_VOICE = 'Joanna';
export const DEFAULT_REGION = 'us-east-1';
/** PCM at 16 kHz, the highest rate Polly gives PCM in (8000 or 16000): signed 16-bit little-endian, mono. */
export const PCM_SAMPLE_RATE = 16_000;

export interface PollyBackoffOptions {
  /**
   * Multiplies the SDK's backoff delays (full jitter over base × 2^retry, capped at 20 s, with a
   * larger base after throttling); tests make it small.
   * @default 1
   */
  readonly scale?: number;
  /**
   * The jitter's source of randomness, in [0, 1).
   * @default Math.random
   */
  readonly random?: () => number;
}

export interface PollyEngineProps {
  /**
   * A neural en-US Polly voice.
   * @default 'Joanna'
   */
  readonly voice?: string;
  /**
   * The AWS region that serves the requests (one with neural voices).
   * @default AWS_REGION from the environment, else 'us-east-1'
   */
  readonly region?: string;
  /** Another endpoint than Polly's for the region (a stand-in in tests). */
  readonly endpoint?: string;
  /**
   * Credentials, or a provider of them.
   * @default the SDK's default chain: environment, shared config and SSO, instance or task role
   */
  readonly credentials?: PollyClientConfig['credentials'];
  /**
   * Requests started per second, retries included.
   * @default 6
   */
  readonly requestsPerSecond?: number;
  /**
   * How many requests may start at once after a quiet spell.
   * @default 2
   */
  readonly burst?: number;
  /**
   * Attempts per piece, the first one included.
   * @default 6
   */
  readonly maxAttempts?: number;
  readonly backoff?: PollyBackoffOptions;
  /**
   * Milliseconds before a request with no answer is abandoned (and retried).
   * @default 30000
   */
  readonly requestTimeoutMs?: number;
}

/** What has been sent to Polly so far, for the cost figure. */
export interface PollyUsage {
  /** SynthesizeSpeech calls that returned audio. */
  readonly requests: number;
  /** Calls made, the ones that failed and were retried included. */
  readonly attempts: number;
  /** Characters billed, as Polly reported them (x-amzn-RequestCharacters). */
  readonly billedCharacters: number;
}

export interface PollyEngine extends SpeechEngine {
  readonly name: 'polly';
  usage(): PollyUsage;
}

export class PollyEngineError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PollyEngineError';
  }
}

/** A line longer than one SynthesizeSpeech call takes: refused before any request is sent. */
export class PollyTextTooLongError extends PollyEngineError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PollyTextTooLongError';
  }
}

/** The SSML document for one piece: the text escaped, inside a prosody rate for a slower voice. */
export function pollySsml(text: string, rate: SpeechRate): string {
  const factor = SPEECH_RATE_FACTOR[rate];
  const body = escapeSsml(text);
  return factor === 1
    ? `<speak>${body}</speak>`
    : `<speak><prosody rate="${Math.round(factor * 100)}%">${body}</prosody></speak>`;
}

/**
 * Billed characters of an SSML document as Polly counts them: the text without the tags, each
 * entity one character. UTF-16 units, which is never fewer than Polly's count.
 */
export function billedCharacters(ssml: string): number {
  return ssml.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|apos);/g, '&').length;
}

function checkLength(ssml: string): void {
  const billed = billedCharacters(ssml);
  if (billed > POLLY_MAX_BILLED_CHARACTERS) {
    throw new PollyTextTooLongError(
      `line has ${billed} billed characters; Polly takes at most ${POLLY_MAX_BILLED_CHARACTERS} per call`,
    );
  }
  if (ssml.length > POLLY_MAX_TOTAL_CHARACTERS) {
    throw new PollyTextTooLongError(
      `line is ${ssml.length} characters as SSML; Polly takes at most ${POLLY_MAX_TOTAL_CHARACTERS} per call`,
    );
  }
}

/** An Error named AbortError whatever the signal was aborted with (Node's default reason is a DOMException). */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const message = reason instanceof Error ? reason.message : 'synthesis aborted';
  return Object.assign(new Error(message, { cause: reason }), { name: 'AbortError' });
}

/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. A caller that finds it empty reserves the
 * next token (the count goes below zero) and waits its turn, so waiting callers start in order.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new RangeError(
        `a token bucket needs a positive rate and a burst of at least 1 (got ${perSecond}, ${burst})`,
      );
    }
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Resolves when the caller may start a request; rejects, returning its reservation, on abort. */
  take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return Promise.resolve();
    const waitMs = (-this.tokens / this.perSecond) * 1000;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        this.tokens += 1;
        reject(abortError(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.ceil(waitMs));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** The SDK's full-jitter exponential backoff, with its delays scaled and its randomness injectable. */
function scaledBackoff({ scale = 1, random = Math.random }: PollyBackoffOptions) {
  // The SDK caps each delay at 20 s (MAXIMUM_RETRY_DELAY in @smithy/core/retry).
  const maxDelayMs = 20_000 * scale;
  let base = 0;
  return {
    setDelayBase(delay: number) {
      base = delay;
    },
    computeNextBackoffDelay(retry: number) {
      return Math.floor(random() * Math.min(base * scale * 2 ** retry, maxDelayMs));
    },
  };
}

function decodePcm(bytes: Uint8Array): Int16Array {
  if (bytes.byteLength % 2 !== 0) {
    throw new PollyEngineError(`Polly returned ${bytes.byteLength} bytes of PCM, not whole 16-bit samples`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Int16Array(bytes.byteLength / 2);
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true);
  return samples;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The Polly engine. Each piece is one SynthesizeSpeech call, retried by the SDK's standard retry
 * strategy (throttling, 500/502/503/504, timeouts and dropped connections; never a 400 validation
 * error) with two additions: every attempt, retries included, waits for the token bucket, and the
 * backoff can be scaled for tests.
 */
export function createPollyEngine(props: PollyEngineProps = {}): PollyEngine {
  const voice = props.voice ?? DEFAULT_VOICE;
  const bucket = new TokenBucket(props.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND, props.burst ?? DEFAULT_BURST);
  const client = new PollyClient({
    region: props.region ?? process.env.AWS_REGION ?? DEFAULT_REGION,
    ...(props.endpoint === undefined ? {} : { endpoint: props.endpoint }),
    ...(props.credentials === undefined ? {} : { credentials: props.credentials }),
    retryStrategy: new StandardRetryStrategy({
      maxAttempts: props.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: scaledBackoff(props.backoff ?? {}),
    }),
    // Options for the client's own HTTP/2 handler, with the one-request-per-session default it sets.
    requestHandler: {
      requestTimeout: props.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      disableConcurrentStreams: true,
    },
  });
  let requests = 0;
  let attempts = 0;
  let billed = 0;

  return {
    name: 'polly',
    voiceId: `polly/neural/${voice}/pcm-${PCM_SAMPLE_RATE}`,

    async synthesize(request: SpeechRequest, signal?: AbortSignal): Promise<Pcm> {
      const ssml = pollySsml(request.text, request.rate);
      checkLength(ssml);
      if (signal?.aborted) throw abortError(signal);
      const command = new SynthesizeSpeechCommand({
        Engine: 'neural',
        // A plain string, so a voice Polly adds after this SDK version can still be named.
        VoiceId: voice as VoiceId,
        OutputFormat: 'pcm',
        SampleRate: String(PCM_SAMPLE_RATE),
        TextType: 'ssml',
        Text: ssml,
      });
      // After the retry middleware (priority high in the same step), so each attempt waits its turn.
      command.middlewareStack.add(
        (next) => async (args) => {
          await bucket.take(signal);
          attempts += 1;
          return next(args);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'pollyRateLimit' },
      );
      let output: SynthesizeSpeechCommandOutput;
      let bytes: Uint8Array;
      try {
        output = await client.send(command, signal === undefined ? {} : { abortSignal: signal });
        if (output.AudioStream === undefined) throw new PollyEngineError('Polly returned no audio');
        bytes = await output.AudioStream.transformToByteArray();
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        if (error instanceof PollyEngineError) throw error;
        throw new PollyEngineError(`Polly SynthesizeSpeech failed: ${describeError(error)}`, { cause: error });
      }
      if (output.ContentType !== 'audio/pcm') {
        throw new PollyEngineError(`Polly returned ${output.ContentType ?? 'no content type'}, not audio/pcm`);
      }
      requests += 1;
      billed += output.RequestCharacters ?? billedCharacters(ssml);
      return { sampleRate: PCM_SAMPLE_RATE, samples: decodePcm(bytes) };
    },

    usage: () => ({ requests, attempts, billedCharacters: billed }),

    async close() {
      client.destroy();
    },
  };
}
