/**
 * The skill function's audio source, loaded from the environment and a manifest file on disk, as
 * lambda/index.ts loads it from the bundle: real files in a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIO_BASE_URL } from '../../lambda/audio/env';
import { AudioManifestError, AudioUrlError, manifestFormat } from '../../lambda/audio/manifest';
import {
  AUDIO_MANIFEST_BUNDLE_FILE,
  audioSourceFromEnv,
  checkAudioBaseUrl,
  lazyAudioSource,
} from '../../lambda/audio/source';

const BASE_URL = 'https://d111111abcdef8.cloudfront.net';
const HASH = '0123456789abcdef';

function manifestJson(renderVersion = 'abc123def456'): string {
  return JSON.stringify({
    schema: 1,
    renderVersion,
    engine: { name: 'local', voiceId: 'test voice' },
    format: manifestFormat(),
    files: {
      [HASH]: {
        path: `foot/1-${HASH}.mp3`,
        ms: 60000,
        segments: [
          [0, 'intro'],
          [20000, 'cue'],
          [55000, 'closingCue'],
        ],
      },
    },
    steps: { 'foot/1/gentle.normal.normal': HASH },
  });
}

let dir: string;
let manifestPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audio-source-'));
  manifestPath = join(dir, AUDIO_MANIFEST_BUNDLE_FILE);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the audio source from the environment', () => {
  it('is there when AUDIO_BASE_URL is set and the manifest is bundled, and reads it', () => {
    writeFileSync(manifestPath, manifestJson());
    const source = audioSourceFromEnv({ [AUDIO_BASE_URL]: BASE_URL }, manifestPath);
    expect(source?.baseUrl).toBe(BASE_URL);
    expect(source?.manifest().steps).toEqual({ 'foot/1/gentle.normal.normal': HASH });
  });

  it.each([
    ['unset', {}],
    ['empty', { [AUDIO_BASE_URL]: '' }],
  ])('is undefined, with no error, when AUDIO_BASE_URL is %s, even with a manifest', (_name, env) => {
    writeFileSync(manifestPath, manifestJson());
    expect(audioSourceFromEnv(env, manifestPath)).toBeUndefined();
  });

  it('is undefined, with no error, when no manifest is bundled', () => {
    expect(audioSourceFromEnv({ [AUDIO_BASE_URL]: BASE_URL }, join(dir, 'missing.json'))).toBeUndefined();
  });

  it.each([
    ['http://d111111abcdef8.cloudfront.net', /must be an https:\/\/ URL/],
    ['ftp://audio.example.com', /must be an https:\/\/ URL/],
    ['d111111abcdef8.cloudfront.net', /is not a URL/],
    ['https://audio.example.com/?v=1', /query or fragment/],
  ])('refuses AUDIO_BASE_URL %s clearly, manifest or not', (value, message) => {
    writeFileSync(manifestPath, manifestJson());
    for (const path of [manifestPath, join(dir, 'missing.json')]) {
      const load = () => audioSourceFromEnv({ [AUDIO_BASE_URL]: value }, path);
      expect(load).toThrow(AudioUrlError);
      expect(load).toThrow(message);
      expect(load).toThrow(new RegExp(`^${AUDIO_BASE_URL} `));
    }
  });

  it('keeps the origin without a trailing slash', () => {
    writeFileSync(manifestPath, manifestJson());
    expect(audioSourceFromEnv({ [AUDIO_BASE_URL]: `${BASE_URL}/` }, manifestPath)?.baseUrl).toBe(BASE_URL);
    expect(checkAudioBaseUrl('https://audio.example.com/render//')).toBe('https://audio.example.com/render');
  });
});

describe('the manifest of an audio source', () => {
  it('is not read until first asked for', () => {
    writeFileSync(manifestPath, 'not even JSON');
    const source = lazyAudioSource(BASE_URL, manifestPath);
    // Written after the source was made: had it read the file then, it would have the bad one.
    writeFileSync(manifestPath, manifestJson('later'));
    expect(source.manifest().renderVersion).toBe('later');
  });

  it('is read and checked once: later calls give the same manifest without reading the file again', () => {
    writeFileSync(manifestPath, manifestJson('first'));
    const source = lazyAudioSource(BASE_URL, manifestPath);
    const first = source.manifest();
    writeFileSync(manifestPath, manifestJson('second'));
    rmSync(manifestPath);
    expect(source.manifest()).toBe(first);
    expect(first.renderVersion).toBe('first');
  });

  it('fails as an AudioManifestError naming the file when it is not JSON, and keeps failing the same way', () => {
    writeFileSync(manifestPath, '{"schema": 1,');
    const source = lazyAudioSource(BASE_URL, manifestPath);
    let thrown: unknown;
    try {
      source.manifest();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AudioManifestError);
    expect((thrown as Error).message).toBe(`render manifest ${manifestPath} is not JSON`);
    expect((thrown as Error).cause).toBeInstanceOf(SyntaxError);
    writeFileSync(manifestPath, manifestJson());
    expect(() => source.manifest()).toThrow(thrown as Error);
  });

  it.each([
    ['a schema it does not know', (m: Record<string, unknown>) => ({ ...m, schema: 2 }), /schema 2 is not 1/],
    ['another stream format', (m: Record<string, unknown>) => ({ ...m, format: { sampleRate: 8000 } }), /format/],
    [
      'a step naming no file',
      (m: Record<string, unknown>) => ({ ...m, steps: { 'foot/1/gentle.normal.normal': 'fedcba9876543210' } }),
      /names no file/,
    ],
    ['an array', () => [], /not an object/],
  ])('refuses a manifest with %s as readManifest does', (_name, edit, message) => {
    writeFileSync(manifestPath, JSON.stringify(edit(JSON.parse(manifestJson()))));
    const source = audioSourceFromEnv({ [AUDIO_BASE_URL]: BASE_URL }, manifestPath);
    expect(source).toBeDefined();
    expect(() => source?.manifest()).toThrow(AudioManifestError);
    expect(() => source?.manifest()).toThrow(message);
  });

  it('is gone when the file disappears before the first call: an AudioManifestError, not a crash elsewhere', () => {
    writeFileSync(manifestPath, manifestJson());
    const source = audioSourceFromEnv({ [AUDIO_BASE_URL]: BASE_URL }, manifestPath);
    rmSync(manifestPath);
    expect(() => source?.manifest()).toThrow(AudioManifestError);
    expect(() => source?.manifest()).toThrow(/cannot be read/);
  });
});
