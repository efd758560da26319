import { AUDIO_FORMAT } from '../../lambda/audio/stream-format';
import type { Pcm } from '../../tools/render/engine';
import {
  ENCODER_ID,
  firstFrames,
  frameCount,
  isTagFrame,
  Mp3Encoder,
  Mp3FormatError,
  readFrames,
} from '../../tools/render/mp3';
import { EDGE_SECONDS, trimSilence } from '../../tools/render/pcm';

function tone(seconds: number, sampleRate: number, amplitude = 8000): Int16Array {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i += 1)
    samples[i] = Math.round(amplitude * Math.sin((i * 2 * Math.PI * 220) / sampleRate));
  return samples;
}

let encoder: Mp3Encoder;
beforeAll(async () => {
  encoder = await Mp3Encoder.create();
});

describe('encoding', () => {
  it.each([16_000, 22_050, 44_100])(
    'turns %i Hz PCM into 44.1 kHz frames of the same length, give or take the codec delay',
    (rate) => {
      const frames = encoder.encode({ sampleRate: rate, samples: tone(2, rate) });
      const seconds = (frameCount(frames) * AUDIO_FORMAT.samplesPerFrame) / AUDIO_FORMAT.sampleRate;
      expect(seconds).toBeGreaterThanOrEqual(2);
      expect(seconds).toBeLessThan(2.1);
      expect(isTagFrame(frames, 0)).toBe(false);
    },
  );

  it('makes silence at least as long as asked', () => {
    const frames = encoder.silence(1);
    expect(frameCount(frames)).toBeGreaterThanOrEqual(Math.ceil(44_100 / 1152));
  });

  it('refuses an empty piece', () => {
    expect(() => encoder.encode({ sampleRate: 22_050, samples: new Int16Array(0) })).toThrow(Mp3FormatError);
  });

  it('names LAME and the package version in its id', () => {
    expect(ENCODER_ID).toMatch(/^lame via wasm-media-encoders-\d+\.\d+\.\d+$/);
  });
});

describe('reading frames', () => {
  const frames = () => encoder.encode({ sampleRate: 44_100, samples: tone(0.5, 44_100) });

  function withHeaderByte(index: number, change: (byte: number) => number): Uint8Array {
    const bytes = frames().bytes.slice();
    bytes[index] = change(bytes[index] ?? 0);
    return bytes;
  }

  it('splits an encoding into whole frames', () => {
    const read = frames();
    expect(read.offsets[0]).toBe(0);
    expect(read.offsets[read.offsets.length - 1]).toBe(read.bytes.length);
    expect(firstFrames(read, 2).length).toBe(read.offsets[2]);
  });

  it.each<[string, () => Uint8Array, RegExp]>([
    ['no sync', () => withHeaderByte(0, () => 0), /no frame sync/],
    ['MPEG-2', () => withHeaderByte(1, (b) => b & ~0b1000), /not MPEG-1 Layer III/],
    ['Layer II', () => withHeaderByte(1, (b) => (b & ~0b110) | 0b100), /not MPEG-1 Layer III/],
    ['64 kbps', () => withHeaderByte(2, (b) => (b & 0x0f) | 0x50), /at 64 kbps/],
    ['48 kHz', () => withHeaderByte(2, (b) => (b & ~0b1100) | 0b0100), /at 48000 Hz/],
    ['stereo', () => withHeaderByte(3, (b) => b & 0x3f), /not mono/],
    ['stray bytes', () => Uint8Array.from([...frames().bytes, 1, 2]), /stray bytes/],
    ['a frame cut short', () => frames().bytes.subarray(0, 100), /cut short/],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => readFrames(bytes())).toThrow(message);
  });

  it('tells a Xing/Info tag frame from a sound frame', () => {
    const read = frames();
    const tagged = read.bytes.slice();
    tagged.set(
      [...'Info'].map((c) => c.charCodeAt(0)),
      4 + 17,
    );
    expect(isTagFrame(readFrames(tagged), 0)).toBe(true);
    expect(isTagFrame(read, 0)).toBe(false);
    expect(isTagFrame(read, read.offsets.length + 5)).toBe(false);
  });

  it('refuses more frames than there are', () => {
    const read = frames();
    expect(() => firstFrames(read, frameCount(read) + 1)).toThrow(Mp3FormatError);
  });
});

describe('trimming quiet ends', () => {
  it('keeps the speech and a short edge each side', () => {
    const rate = 1000;
    const samples = new Int16Array(3000);
    samples.fill(5000, 1000, 2000);
    const trimmed = trimSilence({ sampleRate: rate, samples });
    expect(trimmed.samples.length).toBe(1000 + 2 * EDGE_SECONDS * rate);
    expect(trimmed.samples[EDGE_SECONDS * rate]).toBe(5000);
  });

  it('keeps sound that runs to either end', () => {
    const pcm: Pcm = { sampleRate: 1000, samples: new Int16Array(500).fill(-4000) };
    expect(trimSilence(pcm).samples.length).toBe(500);
  });

  it('leaves nothing of all-quiet PCM', () => {
    expect(trimSilence({ sampleRate: 1000, samples: new Int16Array(500).fill(10) }).samples.length).toBe(0);
  });
});
