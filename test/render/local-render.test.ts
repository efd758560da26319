/**
 * The local engine (eSpeak NG in WebAssembly) through the whole pipeline: one routine's first step
 * in every variant, and every step of it in one variant. The files are read back and measured with
 * codec-parser and mpg123 (test/render/mp3-probe.mjs), not with the pipeline's own frame reader.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_VARIANTS,
  type AudioManifest,
  audioUrl,
  parseVariantKey,
  type RenderedFile,
  readManifest,
  type StepVariant,
} from '../../lambda/audio/manifest';
import { AUDIO_FORMAT, AUDIO_PLAYER_STREAM } from '../../lambda/audio/stream-format';
import { buildAudioToken, parseAudioToken } from '../../lambda/audio/token';
import { catalogue, lines } from '../../lambda/content';
import type { RoutineId } from '../../lambda/core/catalogue';
import { stepTargetSeconds } from '../../lambda/core/pacing';
import { CLOSING_TAIL_SECONDS, MIN_GAP_SECONDS, variantPreferences } from '../../tools/render/layout';
import { createLocalEngine, LOCAL_VOICE, localWordsPerMinute } from '../../tools/render/local-engine';
import { MANIFEST_FILE, type RenderSummary, renderCatalogue } from '../../tools/render/pipeline';
import { Mp3Probe, type ProbeResult } from './probe';

/** The routine with the least to say in these two selections, to keep the test quick. */
const ROUTINE: RoutineId = 'labourCounterPressure';
const STEP = 0;
const ONE_VARIANT: StepVariant = { pressure: 'medium', speechRate: 'normal', pace: 'normal' };
const BASE_URL = 'https://d111111abcdef8.cloudfront.net';
/** Speech heard from 150 ms into a segment (after the edge kept before it and the codec's delay). */
const SPEECH_WINDOW_MS: readonly [number, number] = [150, 900];
const LOUD = 0.01;
const QUIET = 0.002;

const routine = catalogue.get(ROUTINE);
const root = mkdtempSync(join(tmpdir(), 'render-local-'));
const outDir = join(root, 'audio');
const cacheDir = join(root, 'audio-cache');
const engine = createLocalEngine({ workers: 2 });
const probe = new Mp3Probe();
let everyVariant: RenderSummary;
let everyStep: RenderSummary;
let manifest: AudioManifest;
let entries: { key: string; file: RenderedFile; targetSeconds: number; result: ProbeResult }[];

beforeAll(async () => {
  everyVariant = await renderCatalogue({ engine, outDir, cacheDir, routines: [ROUTINE], steps: [STEP] });
  everyStep = await renderCatalogue({ engine, outDir, cacheDir, routines: [ROUTINE], variants: [ONE_VARIANT] });
  manifest = readManifest(JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')));
  const keyed = Object.entries(manifest.steps).map(([key, hash]) => {
    const place = parseVariantKey(key);
    const file = manifest.files[hash];
    if (place === undefined || file === undefined || routine === undefined) throw new Error(`bad entry ${key}`);
    const targetSeconds = stepTargetSeconds(routine, place.stepIndex, variantPreferences(place.variant));
    return { key, file, targetSeconds };
  });
  const results = await probe.probe(
    keyed.map(({ file }) => ({
      path: join(outDir, file.path),
      windows: file.segments.flatMap(([offset]) => [
        [offset + SPEECH_WINDOW_MS[0], offset + SPEECH_WINDOW_MS[1]] as const,
        [offset - (MIN_GAP_SECONDS * 1000 - 100), offset - 100] as const,
      ]),
    })),
  );
  entries = keyed.map((entry, index) => ({ ...entry, result: results[index] as ProbeResult }));
}, 180_000);

afterAll(async () => {
  await engine.close();
  await probe.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the local engine', () => {
  it('names the eSpeak NG build, voice and both speeds in its voice id', () => {
    expect(engine.voiceId).toMatch(
      new RegExp(
        `^espeak-ng-wasm \\d+\\.\\d+\\.\\d+ ${LOCAL_VOICE} ${localWordsPerMinute('normal')}/${localWordsPerMinute('slower')} wpm$`,
      ),
    );
  });

  it('speaks more slowly at the slower speech rate, by about the core’s factor', async () => {
    const text = lines.audioCommandsCue;
    const normal = await engine.synthesize({ text, rate: 'normal' });
    const slower = await engine.synthesize({ text, rate: 'slower' });
    const ratio = slower.samples.length / normal.samples.length;
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.3);
  });

  it('refuses work once closed', async () => {
    const closing = createLocalEngine({ workers: 1 });
    const refused = expect(closing.synthesize({ text: 'Hello.', rate: 'normal' })).rejects.toThrow(/closed/);
    await closing.close();
    await refused;
    await expect(closing.synthesize({ text: 'Hello.', rate: 'normal' })).rejects.toThrow(/closed/);
  });

  it('drops a waiting request whose signal aborts before a worker is free', async () => {
    const single = createLocalEngine({ workers: 1 });
    const controller = new AbortController();
    const first = single.synthesize({ text: 'First.', rate: 'normal' });
    const second = single.synthesize({ text: 'Second.', rate: 'normal' }, controller.signal);
    controller.abort(new Error('no longer wanted'));
    await expect(second).rejects.toThrow('no longer wanted');
    expect((await first).samples.length).toBeGreaterThan(0);
    await single.close();
  });

  it('refuses a request whose signal has already aborted', async () => {
    await expect(engine.synthesize({ text: 'Hello.', rate: 'normal' }, AbortSignal.abort())).rejects.toThrow();
  });
});

describe('a local render of one routine', () => {
  it('holds every variant of one step and every step of one variant', () => {
    const keys = Object.keys(manifest.steps);
    for (const variant of ALL_VARIANTS) {
      expect(keys).toContain(`${ROUTINE}/${STEP + 1}/${variant.pressure}.${variant.speechRate}.${variant.pace}`);
    }
    routine?.steps.forEach((_step, index) => {
      expect(keys).toContain(`${ROUTINE}/${index + 1}/medium.normal.normal`);
    });
    expect(keys).toHaveLength(ALL_VARIANTS.length + (routine?.steps.length ?? 0) - 1);
  });

  it('renders the step both selections share once, and its speech once', () => {
    expect(everyStep.filesReused).toBe(1);
    expect(everyStep.piecesFromCache).toBeGreaterThan(0);
  });

  it('renders one file per distinct sound: variants whose words and timing agree share it', () => {
    const step = routine?.steps[STEP];
    const soundOf = (variant: StepVariant) =>
      `${step?.instruction[variant.pressure]}|${variant.speechRate}|${variant.pace}`;
    const fileOf = (variant: StepVariant) =>
      manifest.steps[`${ROUTINE}/${STEP + 1}/${variant.pressure}.${variant.speechRate}.${variant.pace}`];
    expect(everyVariant.filesWritten).toBe(new Set(ALL_VARIANTS.map(soundOf)).size);
    for (const a of ALL_VARIANTS) {
      for (const b of ALL_VARIANTS) expect(fileOf(a) === fileOf(b)).toBe(soundOf(a) === soundOf(b));
    }
  });

  it('writes only MPEG-1 Layer III frames, 44.1 kHz mono, every one at 48 kbps', () => {
    for (const { key, result } of entries) {
      expect({ key, headers: result.headers.map(({ count: _count, ...header }) => header) }).toEqual({
        key,
        headers: [
          {
            mpegVersion: 'MPEG Version 1 (ISO/IEC 11172-3)',
            layer: 'Layer III',
            sampleRate: AUDIO_FORMAT.sampleRate,
            bitrate: AUDIO_FORMAT.bitrateKbps,
            channels: 1,
            channelMode: 'monophonic (mono)',
          },
        ],
      });
      expect(result.frameBytes).toBe(result.bytes);
      expect(result.decodeErrors).toBe(0);
    }
  });

  it('is as long as the manifest says and within 2% of each step’s target, decoded', () => {
    for (const { key, file, targetSeconds, result } of entries) {
      expect(result.decodedSampleRate).toBe(AUDIO_FORMAT.sampleRate);
      expect(result.decodedSamples).toBe(result.parsedSamples);
      const ms = (result.decodedSamples / AUDIO_FORMAT.sampleRate) * 1000;
      const frameMs = (AUDIO_FORMAT.samplesPerFrame / AUDIO_FORMAT.sampleRate) * 1000;
      expect({ key, asManifest: Math.abs(ms - file.ms) <= frameMs }).toEqual({ key, asManifest: true });
      // The routine's closing and the tail are said after its last step's time.
      const last = parseVariantKey(key)?.stepIndex === (routine?.steps.length ?? 0) - 1;
      const closingAt = file.segments[file.segments.length - 1]?.[0] ?? file.ms;
      const stepMs = last ? ms - (file.ms - closingAt) : ms;
      const error = Math.abs(stepMs / 1000 - targetSeconds) / targetSeconds;
      expect({ key, withinTwoPercent: error <= 0.02 }).toEqual({ key, withinTwoPercent: true });
    }
  });

  it('has speech where each segment starts, inside the file, and quiet before each one after the first', () => {
    for (const { key, file, result } of entries) {
      const kinds = file.segments.map(([, kind]) => kind);
      expect(kinds[0]).toBe('intro');
      expect(kinds[kinds.length - 1]).toBe('closingCue');
      file.segments.forEach(([offset, kind], index) => {
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThan(file.ms - CLOSING_TAIL_SECONDS * 1000);
        const speech = result.loudness[index * 2] ?? 0;
        const before = result.loudness[index * 2 + 1] ?? 0;
        expect({ key, kind, offset, loud: speech > LOUD }).toEqual({ key, kind, offset, loud: true });
        if (index > 0) expect({ key, kind, offset, quiet: before < QUIET }).toEqual({ key, kind, offset, quiet: true });
      });
    }
  });

  it('lays the quiet between the cues so they fall about where the core planned them', () => {
    // The core spreads cues evenly through the hold; the render keeps their shares of the quiet time.
    for (const { file } of entries) {
      const cues = file.segments.filter(([, kind]) => kind !== 'intro' && kind !== 'closingCue').map(([at]) => at);
      const gaps = cues.slice(1).map((at, index) => at - (cues[index] ?? 0));
      if (gaps.length > 1) expect(Math.max(...gaps) / Math.min(...gaps)).toBeLessThan(1.6);
    }
  });

  it('gives every file an HTTPS URL and every step variant a token within Alexa’s limit', () => {
    for (const [key, hash] of Object.entries(manifest.steps)) {
      const file = manifest.files[hash] as RenderedFile;
      expect(new URL(audioUrl(BASE_URL, file.path)).protocol).toBe('https:');
      const place = parseVariantKey(key);
      if (place === undefined) throw new Error(key);
      const item = { ...place, flow: 'stepByStep', attempt: 2, issuedAt: Date.now() } as const;
      const token = buildAudioToken(item, manifest.renderVersion);
      expect(token.length).toBeLessThanOrEqual(AUDIO_PLAYER_STREAM.maxTokenLength);
      expect(parseAudioToken(token)).toEqual({ ...item, renderVersion: manifest.renderVersion });
    }
  });
});
