/**
 * A stand-in speech engine for pipeline tests: a tone as long as the line's words at a set speed,
 * at 16 kHz as Polly's PCM is, with a quiet lead-in and tail. It counts what it is asked.
 */
import { countWords } from '../../lambda/core/speech-estimate';
import type { Pcm, SpeechEngine, SpeechRequest } from '../../tools/render/engine';

export interface ToneEngine extends SpeechEngine {
  readonly requests: SpeechRequest[];
}

export interface ToneEngineOptions {
  readonly voiceId?: string;
  /** Seconds of tone per word. @default 0.05 (short, so tests encode little) */
  readonly secondsPerWord?: number;
  /** Called before each answer: throw to fail, or abort a controller. */
  readonly before?: (request: SpeechRequest, count: number) => void;
  /** Return all-quiet PCM. */
  readonly silent?: boolean;
}

export const TONE_RATE = 16_000;

export function toneEngine(options: ToneEngineOptions = {}): ToneEngine {
  const requests: SpeechRequest[] = [];
  return {
    name: 'local',
    voiceId: options.voiceId ?? 'tone 1',
    requests,
    async synthesize(request: SpeechRequest, signal?: AbortSignal): Promise<Pcm> {
      signal?.throwIfAborted();
      options.before?.(request, requests.length);
      requests.push(request);
      const slow = request.rate === 'slower' ? 1 / 0.85 : 1;
      const seconds = countWords(request.text) * (options.secondsPerWord ?? 0.05) * slow;
      const quiet = Math.round(0.3 * TONE_RATE);
      const samples = new Int16Array(Math.round(seconds * TONE_RATE) + 2 * quiet);
      if (!options.silent) {
        for (let i = quiet; i < samples.length - quiet; i += 1) samples[i] = Math.round(6000 * Math.sin(i / 5));
      }
      return { sampleRate: TONE_RATE, samples };
    },
  };
}
