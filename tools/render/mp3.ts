/**
 * MP3 in the one format the skill streams (AUDIO_FORMAT): encoding PCM with LAME compiled to
 * WebAssembly, and reading the frames back so that pieces encoded apart can be joined.
 *
 * Joining works frame by frame: each piece is encoded on its own, so its first frame takes nothing
 * from the bit reservoir of frames before it (main_data_begin = 0), and whole pieces, or the first
 * frames of one, can follow each other in any order. Every frame holds 1,152 samples, so a file's
 * length and every offset in it are exact frame counts.
 */
import { createMp3Encoder, jsLibraryVersion, type WasmMediaEncoder } from 'wasm-media-encoders';
import { AUDIO_FORMAT } from '../../lambda/audio/stream-format';
import type { Pcm } from './engine';

/** Names the encoder and its version: part of every content hash. */
export const ENCODER_ID = `lame via ${jsLibraryVersion()}`;

export class Mp3FormatError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'Mp3FormatError';
  }
}

/** MPEG-1 Layer III bit rates by header index, in kbps. */
const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] as const;
const MPEG1_SAMPLE_RATES = [44_100, 48_000, 32_000] as const;
const HEADER_BYTES = 4;
/** Side information of an MPEG-1 mono frame; a Xing or Info tag would follow it. */
const MONO_SIDE_INFO_BYTES = 17;

/** An encoded stretch of audio, as whole frames: `offsets[i]` is where frame i starts, and the last entry is the end. */
export interface Frames {
  readonly bytes: Uint8Array;
  readonly offsets: readonly number[];
}

export function frameCount(frames: Frames): number {
  return frames.offsets.length - 1;
}

/**
 * Splits MP3 bytes into frames, checking every header against AUDIO_FORMAT: MPEG-1 Layer III, the
 * sample rate, mono and the one bit rate. Throws on anything else, trailing bytes included.
 */
export function readFrames(bytes: Uint8Array): Frames {
  const offsets: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    if (at + HEADER_BYTES > bytes.length) throw new Mp3FormatError(`${bytes.length - at} stray bytes at the end`);
    const header = view.getUint32(at);
    if (header >>> 21 !== 0x7ff) throw new Mp3FormatError(`no frame sync at byte ${at}`);
    const version = (header >>> 19) & 0b11;
    const layer = (header >>> 17) & 0b11;
    const kbps = MPEG1_LAYER3_KBPS[(header >>> 12) & 0b1111];
    const sampleRate = MPEG1_SAMPLE_RATES[(header >>> 10) & 0b11];
    const padding = (header >>> 9) & 1;
    const channelMode = (header >>> 6) & 0b11;
    if (version !== 0b11 || layer !== 0b01) throw new Mp3FormatError(`frame at byte ${at} is not MPEG-1 Layer III`);
    if (sampleRate !== AUDIO_FORMAT.sampleRate) throw new Mp3FormatError(`frame at byte ${at} is at ${sampleRate} Hz`);
    if (kbps !== AUDIO_FORMAT.bitrateKbps) throw new Mp3FormatError(`frame at byte ${at} is at ${kbps} kbps`);
    if (channelMode !== 0b11) throw new Mp3FormatError(`frame at byte ${at} is not mono`);
    const length = Math.floor((144_000 * kbps) / sampleRate) + padding;
    if (at + length > bytes.length) throw new Mp3FormatError(`frame at byte ${at} is cut short`);
    offsets.push(at);
    at += length;
  }
  offsets.push(at);
  return { bytes, offsets };
}

/** True for a frame that carries a Xing or Info tag (an encoder's summary, not sound). */
export function isTagFrame(frames: Frames, index: number): boolean {
  const start = frames.offsets[index];
  if (start === undefined) return false;
  const tagAt = start + HEADER_BYTES + MONO_SIDE_INFO_BYTES;
  const tag = String.fromCharCode(...frames.bytes.subarray(tagAt, tagAt + 4));
  return tag === 'Xing' || tag === 'Info';
}

/** The first `count` frames of `frames`, as bytes. */
export function firstFrames(frames: Frames, count: number): Uint8Array {
  const end = frames.offsets[count];
  if (end === undefined || count < 0) throw new Mp3FormatError(`asked for ${count} of ${frameCount(frames)} frames`);
  return frames.bytes.subarray(0, end);
}

/** Encodes PCM to AUDIO_FORMAT, one piece at a time; one encoder is reused for every piece. */
export class Mp3Encoder {
  private constructor(private readonly encoder: WasmMediaEncoder<'audio/mpeg'>) {}

  static async create(): Promise<Mp3Encoder> {
    return new Mp3Encoder(await createMp3Encoder());
  }

  /** The whole piece, from its first frame (nothing borrowed from before it) to its last. */
  encode(pcm: Pcm): Frames {
    if (pcm.samples.length === 0) throw new Mp3FormatError('no samples to encode');
    // LAME resamples to the output rate itself; an unset output rate would let it pick a lower one.
    this.encoder.configure({
      channels: AUDIO_FORMAT.channels,
      sampleRate: pcm.sampleRate,
      bitrate: AUDIO_FORMAT.bitrateKbps,
      outputSampleRate: AUDIO_FORMAT.sampleRate,
    });
    const floats = new Float32Array(pcm.samples.length);
    for (let index = 0; index < floats.length; index += 1) floats[index] = (pcm.samples[index] ?? 0) / 32768;
    // encode() returns a view on the encoder's memory, which the next call reuses.
    const body = this.encoder.encode([floats]).slice();
    const tail = this.encoder.finalize().slice();
    const bytes = new Uint8Array(body.length + tail.length);
    bytes.set(body);
    bytes.set(tail, body.length);
    const frames = readFrames(bytes);
    if (isTagFrame(frames, 0)) throw new Mp3FormatError('the encoder wrote a Xing/Info frame');
    return frames;
  }

  /** At least `seconds` of digital silence. */
  silence(seconds: number): Frames {
    const samples = new Int16Array(Math.ceil(seconds * AUDIO_FORMAT.sampleRate));
    return this.encode({ sampleRate: AUDIO_FORMAT.sampleRate, samples });
  }
}
