/**
 * Measures rendered MP3 files with MP3 libraries from npm (codec-parser and mpg123, through
 * mp3-probe.mjs in a worker thread), so the checks never rest on the pipeline's own frame reader.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ProbeHeader {
  readonly mpegVersion: string;
  readonly layer: string;
  readonly sampleRate: number;
  readonly bitrate: number;
  readonly channels: number;
  readonly channelMode: string;
  readonly count: number;
}

/** What codec-parser reads from the frame headers alone. */
export interface ProbeFrames {
  readonly bytes: number;
  /** Bytes inside the frames codec-parser found: all of them for a file with nothing else in it. */
  readonly frameBytes: number;
  readonly frames: number;
  readonly parsedSamples: number;
  /** Each distinct header and how many frames carry it. */
  readonly headers: readonly ProbeHeader[];
}

export interface ProbeResult extends ProbeFrames {
  readonly decodedSamples: number;
  readonly decodedSampleRate: number;
  readonly decodeErrors: number;
  /** RMS of the decoded sound (0 to 1) in each window asked for. */
  readonly loudness: readonly number[];
}

export interface ProbeRequest {
  readonly path: string;
  /** [from, to) in ms. */
  readonly windows?: readonly (readonly [number, number])[];
}

type Answer =
  | { readonly ready: true }
  | { readonly id: number; readonly results: ProbeFrames[] }
  | { readonly id: number; readonly error: string };

export class Mp3Probe {
  private readonly worker = new Worker(join(__dirname, 'mp3-probe.mjs'));
  private readonly ready: Promise<void>;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private nextId = 0;

  constructor() {
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (answer: Answer) => {
        if ('ready' in answer) resolve();
        else this.waiting.get(answer.id)?.(answer);
      });
    });
  }

  /** Headers, decoded length and loudness of each file. */
  probe(requests: readonly ProbeRequest[]): Promise<ProbeResult[]> {
    return this.ask(requests, true) as Promise<ProbeResult[]>;
  }

  /** Frame headers only (quick: nothing is decoded). */
  frames(paths: readonly string[]): Promise<ProbeFrames[]> {
    return this.ask(
      paths.map((path) => ({ path })),
      false,
    );
  }

  private async ask(requests: readonly ProbeRequest[], decode: boolean): Promise<ProbeFrames[]> {
    await this.ready;
    this.nextId += 1;
    const id = this.nextId;
    const answer = await new Promise<Answer>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, files: requests.map((r) => ({ path: r.path, windows: r.windows ?? [], decode })) });
    });
    this.waiting.delete(id);
    if ('error' in answer) throw new Error(answer.error);
    if ('ready' in answer) throw new Error('unexpected answer');
    return answer.results;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
