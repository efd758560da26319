/**
 * The speech engines the render pipeline uses, behind one interface: Amazon Polly at deploy, and a
 * local engine that runs offline here and in CI. Nothing in the request path calls either.
 */
import type { SpeechRate } from '../../lambda/core/preferences';

/** One piece of speech to synthesise: a line as the core wrote it, at one of the speech rates. */
export interface SpeechRequest {
  readonly text: string;
  readonly rate: SpeechRate;
}

/** Mono 16-bit PCM, as an engine returns it (each engine at its own sample rate). */
export interface Pcm {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

export interface SpeechEngine {
  readonly name: 'local' | 'polly';
  /**
   * The voice and every setting that changes the sound (engine version, voice, language): part of
   * every content hash, so a new voice renders anew and an unchanged one never renders twice.
   */
  readonly voiceId: string;
  /**
   * Synthesises one piece. An engine limits its own rate and retries what is worth retrying; it
   * throws when the piece cannot be had, and the pipeline publishes nothing half-written.
   */
  synthesize(request: SpeechRequest, signal?: AbortSignal): Promise<Pcm>;
  /** Releases what the engine holds (clients, workers). */
  close?(): Promise<void>;
}
