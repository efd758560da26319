/**
 * The local speech engine: eSpeak NG compiled to WebAssembly (npm @echogarden/espeak-ng-emscripten),
 * so the render runs offline, here and in CI, with nothing installed but npm packages. Each worker
 * thread holds one eSpeak NG instance; the engine hands lines to whichever is free.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import espeakPackage from '@echogarden/espeak-ng-emscripten/package.json';
import { SPEECH_RATE_FACTOR, type SpeechRate } from '../../lambda/core/preferences';
import type { Pcm, SpeechEngine, SpeechRequest } from './engine';

/** eSpeak NG's American English voice. */
export const LOCAL_VOICE = 'en-us';
/** eSpeak NG's own default speed, close to Alexa's (about 155 words a minute once pauses count). */
export const LOCAL_WORDS_PER_MINUTE = 175;

/** The speed eSpeak NG is given for a speech rate: the core's factor applied to the default. */
export function localWordsPerMinute(rate: SpeechRate): number {
  return Math.round(LOCAL_WORDS_PER_MINUTE * SPEECH_RATE_FACTOR[rate]);
}

export class LocalEngineError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalEngineError';
  }
}

export interface LocalEngineOptions {
  /**
   * Worker threads, each with its own eSpeak NG (about 60 MB each), started when first needed.
   * @default the number of CPUs
   */
  readonly workers?: number;
}

interface Task {
  readonly id: number;
  readonly request: SpeechRequest;
  readonly resolve: (pcm: Pcm) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task: Task | undefined;
}

type WorkerAnswer =
  | { readonly ready: true }
  | { readonly id: number; readonly sampleRate: number; readonly samples: Int16Array }
  | { readonly id: number; readonly error: string };

const WORKER_SCRIPT = join(__dirname, 'espeak-worker.mjs');

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new LocalEngineError('synthesis aborted');
}

export function createLocalEngine(options: LocalEngineOptions = {}): SpeechEngine & { close(): Promise<void> } {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;

  const settle = (slot: Slot, answer: WorkerAnswer) => {
    if ('ready' in answer) {
      slot.ready = true;
    } else {
      const task = slot.task;
      slot.task = undefined;
      if (task !== undefined && task.id === answer.id) {
        if ('error' in answer) task.reject(new LocalEngineError(`eSpeak NG failed: ${answer.error}`));
        else task.resolve({ sampleRate: answer.sampleRate, samples: answer.samples });
      }
    }
    dispatch();
  };

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(WORKER_SCRIPT), ready: false, task: undefined };
    slot.worker.on('message', (answer: WorkerAnswer) => settle(slot, answer));
    slot.worker.on('error', (error) => {
      // A worker that died takes its task with it, and the next task starts another; one that
      // could not even start eSpeak NG would fail again, so everything waiting fails with it.
      slots.splice(slots.indexOf(slot), 1);
      const failure = new LocalEngineError('the eSpeak NG worker stopped', { cause: error });
      slot.task?.reject(failure);
      slot.task = undefined;
      if (!slot.ready) for (const task of queue.splice(0)) task.reject(failure);
      dispatch();
    });
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (queue.length > 0) {
      const free = slots.find((slot) => slot.ready && slot.task === undefined);
      if (free === undefined) {
        if (slots.length < size) start();
        return;
      }
      const task = queue.shift() as Task;
      if (task.signal?.aborted) {
        task.reject(abortError(task.signal));
        continue;
      }
      free.task = task;
      free.worker.postMessage({
        id: task.id,
        text: task.request.text,
        voiceName: LOCAL_VOICE,
        wordsPerMinute: localWordsPerMinute(task.request.rate),
      });
    }
  };

  return {
    name: 'local',
    voiceId: `espeak-ng-wasm ${espeakPackage.version} ${LOCAL_VOICE} ${localWordsPerMinute('normal')}/${localWordsPerMinute('slower')} wpm`,
    synthesize(request: SpeechRequest, signal?: AbortSignal): Promise<Pcm> {
      if (closed) return Promise.reject(new LocalEngineError('the local engine is closed'));
      if (signal?.aborted) return Promise.reject(abortError(signal));
      return new Promise<Pcm>((resolve, reject) => {
        nextId += 1;
        queue.push({ id: nextId, request, resolve, reject, signal });
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new LocalEngineError('the local engine is closed'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
