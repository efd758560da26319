import {
  ALL_VARIANTS,
  AudioManifestError,
  AudioTokenError,
  AudioUrlError,
  artFile,
  audioUrl,
  MAX_RENDER_VERSION_LENGTH,
  parseVariantKey,
  readManifest,
  stepFile,
  variantKey,
} from '../../lambda/audio/manifest';
import { AUDIO_FORMAT, AUDIO_PLAYER_STREAM, framesToMs, secondsToFrames } from '../../lambda/audio/stream-format';
import { buildAudioToken, LONGEST_AUDIO_TOKEN_LENGTH, parseAudioToken } from '../../lambda/audio/token';
import { ROUTINES } from '../../lambda/content';

const HASH = '0123456789abcdef';
const VARIANT = { pressure: 'firm', speechRate: 'slower', pace: 'quicker' } as const;

function validManifest(): Record<string, unknown> {
  return {
    schema: 1,
    renderVersion: 'abc123def456',
    engine: { name: 'local', voiceId: 'test voice' },
    format: { sampleRate: 44100, channels: 1, bitrateKbps: 48, samplesPerFrame: 1152 },
    files: {
      [HASH]: {
        path: `foot/2-${HASH}.mp3`,
        ms: 60000,
        segments: [
          [0, 'intro'],
          [20000, 'cue'],
          [30000, 'switchSide'],
          [40000, 'checkIn'],
          [55000, 'closingCue'],
        ],
      },
    },
    steps: { 'foot/2/firm.slower.quicker': HASH },
  };
}

describe('the stream format', () => {
  it('is one AudioPlayer accepts: bit rate in range, a safe sample rate', () => {
    expect(AUDIO_FORMAT.bitrateKbps).toBeGreaterThanOrEqual(AUDIO_PLAYER_STREAM.minBitrateKbps);
    expect(AUDIO_FORMAT.bitrateKbps).toBeLessThanOrEqual(AUDIO_PLAYER_STREAM.maxBitrateKbps);
    expect(AUDIO_PLAYER_STREAM.sampleRates).toContain(AUDIO_FORMAT.sampleRate);
    expect(AUDIO_FORMAT).toMatchObject({ mpegVersion: 1, layer: 3, channels: 1, constantBitrate: true });
  });

  it('converts between frames and time: 1,152 samples at 44.1 kHz a frame', () => {
    expect(framesToMs(1)).toBe(26);
    expect(framesToMs(44100)).toBe(1152000);
    expect(secondsToFrames(60)).toBe(2297);
  });
});

describe('variant keys', () => {
  it('name routine, step number from 1, then pressure.speechRate.pace', () => {
    expect(variantKey('lowerBack', 2, { pressure: 'medium', speechRate: 'normal', pace: 'normal' })).toBe(
      'lowerBack/3/medium.normal.normal',
    );
  });

  it('read back every step variant of the catalogue', () => {
    for (const routine of ROUTINES) {
      routine.steps.forEach((_step, stepIndex) => {
        for (const variant of ALL_VARIANTS) {
          expect(parseVariantKey(variantKey(routine.id, stepIndex, variant))).toEqual({
            routineId: routine.id,
            stepIndex,
            variant,
          });
        }
      });
    }
    expect(ALL_VARIANTS).toHaveLength(18);
  });

  it.each([
    'nowhere/1/gentle.normal.normal',
    'foot/0/gentle.normal.normal',
    'foot/100/gentle.normal.normal',
    'foot/01/gentle.normal.normal',
    'foot/1/deep.normal.normal',
    'foot/1/gentle.fast.normal',
    'foot/1/gentle.normal.rushed',
    'foot/1/gentle.normal.normal.extra',
    'foot/1/gentle.normal.normal/extra',
    'foot/1',
  ])('refuse %s', (key) => {
    expect(parseVariantKey(key)).toBeUndefined();
  });

  it.each([-1, 1.5, 99])('refuse step index %s', (stepIndex) => {
    expect(() => variantKey('foot', stepIndex, VARIANT)).toThrow(AudioTokenError);
  });
});

describe('AudioPlayer tokens', () => {
  it("can never pass Alexa's 1,024-character limit", () => {
    expect(LONGEST_AUDIO_TOKEN_LENGTH).toBeLessThanOrEqual(AUDIO_PLAYER_STREAM.maxTokenLength);
    const longestId = [...ROUTINES].sort((a, b) => b.id.length - a.id.length)[0]?.id ?? 'foot';
    const longest = buildAudioToken(
      {
        routineId: longestId,
        stepIndex: 98,
        variant: { pressure: 'medium', speechRate: 'slower', pace: 'quicker' },
        flow: 'stepByStep',
        attempt: 2,
        issuedAt: 8.64e15,
      },
      'v'.repeat(MAX_RENDER_VERSION_LENGTH),
    );
    expect(longest.length).toBe(LONGEST_AUDIO_TOKEN_LENGTH);
  });

  const PLAY = { flow: 'continuous', attempt: 1, issuedAt: 1_790_000_000_123 } as const;

  it('name the routine, step, variant, render, flow, attempt and issue time, and read back', () => {
    const item = { routineId: 'hand' as const, stepIndex: 3, variant: VARIANT, ...PLAY };
    const token = buildAudioToken(item, 'abc123');
    expect(token).toBe(`pmc1|hand/4/firm.slower.quicker|abc123|c.1.${(1_790_000_000_123).toString(36)}`);
    expect(parseAudioToken(token)).toEqual({ ...item, renderVersion: 'abc123' });
    const retry = { ...item, flow: 'stepByStep' as const, attempt: 2 as const };
    expect(parseAudioToken(buildAudioToken(retry, 'abc123'))).toEqual({ ...retry, renderVersion: 'abc123' });
  });

  it('differ for each play of the same step', () => {
    const item = { routineId: 'hand' as const, stepIndex: 3, variant: VARIANT, ...PLAY };
    expect(buildAudioToken(item, 'v1')).not.toBe(buildAudioToken({ ...item, issuedAt: item.issuedAt + 1 }, 'v1'));
  });

  it.each([-1, 1.5, Number.NaN, 9e15])('refuse the issue time %p', (issuedAt) => {
    const item = { routineId: 'hand' as const, stepIndex: 3, variant: VARIANT, ...PLAY, issuedAt };
    expect(() => buildAudioToken(item, 'v1')).toThrow(AudioTokenError);
  });

  it.each(['', 'has space', 'slash/', 'x'.repeat(MAX_RENDER_VERSION_LENGTH + 1)])(
    'refuse the render version %j',
    (version) => {
      expect(() => buildAudioToken({ routineId: 'foot', stepIndex: 0, variant: VARIANT, ...PLAY }, version)).toThrow(
        AudioTokenError,
      );
    },
  );

  it.each([
    42,
    undefined,
    'x'.repeat(2000),
    'other|foot/1/firm.slower.quicker|v1',
    'pmc1|foot/1/firm.slower.quicker',
    'pmc1|foot/1/firm.slower.quicker|v1',
    'pmc1|foot/1/firm.slower.quicker|v1|c.1.abc|more',
    'pmc1|foot/1/firm.slower.quicker|bad version|c.1.abc',
    `pmc1|foot/1/firm.slower.quicker|${'x'.repeat(65)}|c.1.abc`,
    'pmc1|foot/9/firm.slower.fast|v1|c.1.abc',
    'pmc1|foot/1/firm.slower.quicker|v1|x.1.abc',
    'pmc1|foot/1/firm.slower.quicker|v1|c.3.abc',
    'pmc1|foot/1/firm.slower.quicker|v1|c.1.',
    'pmc1|foot/1/firm.slower.quicker|v1|c.1.ABC',
    'pmc1|foot/1/firm.slower.quicker|v1|c.1.zzzzzzzzzzzz',
    'pmc1|foot/1/firm.slower.quicker|v1|c.1.abc.d',
  ])('are not read from %j', (token) => {
    expect(parseAudioToken(token)).toBeUndefined();
  });
});

describe('audio URLs', () => {
  it.each([
    'https://d111111abcdef8.cloudfront.net',
    'https://d111111abcdef8.cloudfront.net/',
    'https://cdn.example/a/',
  ])('are HTTPS under the base %s', (base) => {
    const url = audioUrl(base, `foot/2-${HASH}.mp3`);
    expect(new URL(url).protocol).toBe('https:');
    expect(url).toMatch(new RegExp(`^${base.replace(/\/$/, '')}/foot/2-${HASH}\\.mp3$`));
  });

  it.each([
    ['http://cdn.example', `foot/2-${HASH}.mp3`],
    ['not a url', `foot/2-${HASH}.mp3`],
    ['https://cdn.example/?q=1', `foot/2-${HASH}.mp3`],
    ['https://cdn.example', '../secret.mp3'],
    ['https://cdn.example', `foot/2-${HASH}.wav`],
    ['https://cdn.example', `art/sole-${HASH}.jpg`],
    ['https://cdn.example', `art/../sole-${HASH}.png`],
    ['https://cdn.example', `pictures/sole-${HASH}.png`],
  ])('refuse base %s with path %s', (base, path) => {
    expect(() => audioUrl(base, path)).toThrow(AudioUrlError);
  });
});

describe('reading a manifest', () => {
  it('accepts one without art, as renders made before art wrote, and finds no picture in it', () => {
    const manifest = readManifest(validManifest());
    expect(manifest).not.toHaveProperty('art');
    expect(artFile(manifest, 'sole')).toBeUndefined();
  });

  it('accepts art by body area and finds the picture of an area, none for an area it lacks', () => {
    const art = { sole: `art/sole-${HASH}.png`, heel: 'art/heel-fedcba9876543210.png' };
    const manifest = readManifest({ ...validManifest(), art });
    expect(manifest.art).toEqual(art);
    expect(artFile(manifest, 'sole')).toBe(`art/sole-${HASH}.png`);
    expect(artFile(manifest, 'palm')).toBeUndefined();
    expect(audioUrl('https://cdn.example/', `art/sole-${HASH}.png`)).toBe(`https://cdn.example/art/sole-${HASH}.png`);
  });

  it('accepts a whole one and finds the file for a step variant', () => {
    const manifest = readManifest(validManifest());
    expect(stepFile(manifest, { routineId: 'foot', stepIndex: 1, variant: VARIANT })?.ms).toBe(60000);
    expect(stepFile(manifest, { routineId: 'foot', stepIndex: 0, variant: VARIANT })).toBeUndefined();
  });

  const broken: [string, (m: Record<string, unknown>) => unknown][] = [
    ['not an object', () => []],
    ['another schema', (m) => ({ ...m, schema: 2 })],
    ['no render version', (m) => ({ ...m, renderVersion: 'a b' })],
    ['no engine', (m) => ({ ...m, engine: { name: 'local' } })],
    [
      'another format',
      (m) => ({ ...m, format: { sampleRate: 22050, channels: 1, bitrateKbps: 48, samplesPerFrame: 1152 } }),
    ],
    ['no files', (m) => ({ ...m, files: [] })],
    ['no steps', (m) => ({ ...m, steps: null })],
    ['a short hash', (m) => ({ ...m, files: { abc: {} } })],
    ['a file that is not an object', (m) => ({ ...m, files: { [HASH]: 'x' } })],
    ['a path for another hash', (m) => withFile(m, { path: 'foot/2-ffffffffffffffff.mp3' })],
    ['a path outside', (m) => withFile(m, { path: `../2-${HASH}.mp3` })],
    ['no length', (m) => withFile(m, { ms: 0 })],
    ['no segments', (m) => withFile(m, { segments: [] })],
    ['a segment that is not a pair', (m) => withFile(m, { segments: [[0]] })],
    [
      'segments out of order',
      (m) =>
        withFile(m, {
          segments: [
            [0, 'intro'],
            [500, 'cue'],
            [400, 'cue'],
          ],
        }),
    ],
    [
      'a segment past the end',
      (m) =>
        withFile(m, {
          segments: [
            [0, 'intro'],
            [60000, 'closingCue'],
          ],
        }),
    ],
    [
      'a segment of unknown kind',
      (m) =>
        withFile(m, {
          segments: [
            [0, 'intro'],
            [10, 'song'],
          ],
        }),
    ],
    ['no introduction first', (m) => withFile(m, { segments: [[0, 'cue']] })],
    ['a bad step key', (m) => ({ ...m, steps: { 'foot/2': HASH } })],
    ['a step naming no file', (m) => ({ ...m, steps: { 'foot/2/firm.slower.quicker': 'ffffffffffffffff' } })],
  ];

  function withFile(m: Record<string, unknown>, change: Record<string, unknown>): unknown {
    const files = m.files as Record<string, Record<string, unknown>>;
    return { ...m, files: { [HASH]: { ...files[HASH], ...change } } };
  }

  it.each(broken)('refuses one with %s', (_name, breakIt) => {
    expect(() => readManifest(breakIt(validManifest()))).toThrow(AudioManifestError);
  });

  const badArt: [string, (m: Record<string, unknown>) => unknown][] = [
    ['art that is not an object', (m) => ({ ...m, art: [`art/sole-${HASH}.png`] })],
    ['art that is null', (m) => ({ ...m, art: null })],
    ['art for an unknown area', (m) => ({ ...m, art: { knee: `art/knee-${HASH}.png` } })],
    ['art for an inherited name', (m) => ({ ...m, art: JSON.parse(`{"constructor":"art/constructor-${HASH}.png"}`) })],
    ['art naming another area', (m) => ({ ...m, art: { sole: `art/heel-${HASH}.png` } })],
    ['art outside the art folder', (m) => ({ ...m, art: { sole: `sole-${HASH}.png` } })],
    ['art with a short hash', (m) => ({ ...m, art: { sole: 'art/sole-0123.png' } })],
    ['art that is not a PNG', (m) => ({ ...m, art: { sole: `art/sole-${HASH}.jpg` } })],
    ['art that is not a path', (m) => ({ ...m, art: { sole: 42 } })],
  ];

  it.each(badArt)('refuses one with %s, naming the art', (_name, breakIt) => {
    expect(() => readManifest(breakIt(validManifest()))).toThrow(AudioManifestError);
    expect(() => readManifest(breakIt(validManifest()))).toThrow(/^render manifest: art/);
  });
});
