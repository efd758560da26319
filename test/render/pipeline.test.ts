/**
 * The render pipeline with a stand-in engine (a tone per line): what it writes, what it reuses,
 * and what an interrupted or failed render leaves behind. The real engine's files are checked in
 * local-render.test.ts.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AudioManifest, readManifest, type StepVariant } from '../../lambda/audio/manifest';
import { framesToMs, secondsToFrames } from '../../lambda/audio/stream-format';
import { lines, ROUTINES } from '../../lambda/content';
import { stepTargetSeconds } from '../../lambda/core/pacing';
import { ART_SIZE_PX } from '../../tools/render/art';
import { CLOSING_TAIL_SECONDS, variantPreferences } from '../../tools/render/layout';
import { frameCount, readFrames } from '../../tools/render/mp3';
import { MANIFEST_FILE, renderCatalogue } from '../../tools/render/pipeline';
import { toneEngine } from './tone-engine';

const GENTLE_QUICK: StepVariant = { pressure: 'gentle', speechRate: 'normal', pace: 'quicker' };
const PACES: StepVariant[] = (['slower', 'normal', 'quicker'] as const).map((pace) => ({ ...GENTLE_QUICK, pace }));

const roots: string[] = [];
function folders() {
  const root = mkdtempSync(join(tmpdir(), 'render-pipeline-'));
  roots.push(root);
  return { root, outDir: join(root, 'audio'), cacheDir: join(root, 'audio-cache') };
}
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

function manifestIn(outDir: string): AudioManifest {
  return readManifest(JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')));
}

const hand = ROUTINES.find((routine) => routine.id === 'hand');

/** Every path the manifest names: the MP3 files and the pictures. */
function namedPaths(manifest: AudioManifest): string[] {
  return [...Object.values(manifest.files).map((file) => file.path), ...Object.values(manifest.art ?? {})];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height from its IHDR chunk, which must come first; throws for anything else. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('no PNG signature');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('no IHDR chunk first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('a render', () => {
  it('removes audio files of earlier renders that its manifest no longer names, and keeps the rest', async () => {
    const { outDir, cacheDir } = folders();
    const renderHand = () =>
      renderCatalogue({ engine: toneEngine(), outDir, cacheDir, routines: ['hand'], variants: [GENTLE_QUICK] });
    const first = await renderHand();
    expect(first.filesRemoved).toBe(0);
    const stale = join(outDir, 'hand', '1-0000000000000000.mp3');
    writeFileSync(stale, Buffer.alloc(10));
    const staleArt = join(outDir, 'art', 'palm-0000000000000000.png');
    writeFileSync(staleArt, Buffer.alloc(10));
    const second = await renderHand();
    expect(second.filesRemoved).toBe(2);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleArt)).toBe(false);
    expect(filesUnder(outDir)).toEqual([MANIFEST_FILE, ...namedPaths(manifestIn(outDir))].sort());
  });

  it('writes one MP3 per step variant, a picture per area, and a manifest the skill can read, and nothing else', async () => {
    const { outDir, cacheDir } = folders();
    const summary = await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['hand'],
      variants: [GENTLE_QUICK],
    });
    const manifest = manifestIn(outDir);
    expect(Object.keys(manifest.steps)).toEqual(hand?.steps.map((_s, i) => `hand/${i + 1}/gentle.normal.quicker`));
    expect(filesUnder(outDir)).toEqual([MANIFEST_FILE, ...namedPaths(manifest)].sort());
    for (const file of Object.values(manifest.files)) {
      const frames = readFrames(readFileSync(join(outDir, file.path)));
      expect(framesToMs(frameCount(frames))).toBe(file.ms);
    }
    expect(summary).toMatchObject({ steps: hand?.steps.length, filesWritten: hand?.steps.length, filesReused: 0 });
    expect(summary.manifest).toEqual(manifest);
  });

  it("ends the routine's last step with its closing, after the step's time, and every other step on time", async () => {
    const { outDir, cacheDir } = folders();
    const engine = toneEngine();
    await renderCatalogue({ engine, outDir, cacheDir, routines: ['hand'], variants: [GENTLE_QUICK] });
    const manifest = manifestIn(outDir);
    const steps = hand?.steps ?? [];
    const closing = `${hand?.closing} ${lines.routineFinished(hand?.name ?? '')}`;
    expect(engine.requests.filter((request) => request.text === closing)).toEqual([{ text: closing, rate: 'normal' }]);
    steps.forEach((_step, index) => {
      const file = manifest.files[manifest.steps[`hand/${index + 1}/gentle.normal.quicker`] ?? ''];
      if (hand === undefined || file === undefined) throw new Error(`no file for step ${index + 1}`);
      const targetMs = framesToMs(secondsToFrames(stepTargetSeconds(hand, index, variantPreferences(GENTLE_QUICK))));
      const [closingAt, kind] = file.segments[file.segments.length - 1] ?? [];
      expect(kind).toBe('closingCue');
      if (index < steps.length - 1) {
        expect(file.ms).toBe(targetMs);
      } else {
        expect(closingAt).toBe(targetMs);
        expect(file.ms).toBeGreaterThan(targetMs + CLOSING_TAIL_SECONDS * 1000);
      }
    });
  });

  it('synthesises each distinct line once per speech rate, whatever the pace, and counts its characters', async () => {
    const { outDir, cacheDir } = folders();
    const engine = toneEngine();
    const summary = await renderCatalogue({
      engine,
      outDir,
      cacheDir,
      routines: ['hand'],
      steps: [0, 1],
      variants: PACES,
    });
    const distinct = new Set(engine.requests.map((request) => `${request.rate}|${request.text}`));
    expect(engine.requests).toHaveLength(distinct.size);
    expect(summary.piecesSynthesized).toBe(distinct.size);
    expect(summary.charactersSynthesized).toBe(engine.requests.reduce((sum, request) => sum + request.text.length, 0));
    expect(summary.filesWritten).toBe(6);
    const oncePaced = toneEngine();
    await renderCatalogue({
      engine: oncePaced,
      ...folders(),
      routines: ['hand'],
      steps: [0, 1],
      variants: [GENTLE_QUICK],
    });
    expect(oncePaced.requests).toEqual(engine.requests);
  });

  it('keeps its speech beside the output folder by default, not in it', async () => {
    const { root, outDir } = folders();
    await renderCatalogue({ engine: toneEngine(), outDir, routines: ['hand'], steps: [0], variants: [GENTLE_QUICK] });
    expect(filesUnder(join(root, 'audio-cache')).length).toBeGreaterThan(0);
    expect(
      filesUnder(outDir).every(
        (name) => name === MANIFEST_FILE || name.endsWith('.mp3') || /^art\/[A-Za-z]+-[0-9a-f]{16}\.png$/.test(name),
      ),
    ).toBe(true);
  });

  it('refuses a routine the catalogue does not have', async () => {
    await expect(
      renderCatalogue({ engine: toneEngine(), ...folders(), routines: ['nowhere' as 'hand'] }),
    ).rejects.toThrow(/no routine nowhere/);
  });
});

describe("a render's Now Playing art", () => {
  it('is one square PNG per body area the steps work, named by area and content hash, that the manifest names', async () => {
    const { outDir, cacheDir } = folders();
    const summary = await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['hand'],
      variants: [GENTLE_QUICK],
    });
    const areas = [...new Set(hand?.steps.map((step) => step.area))].sort();
    const art = manifestIn(outDir).art ?? {};
    expect(Object.keys(art).sort()).toEqual(areas);
    expect(summary).toMatchObject({ artWritten: areas.length, artReused: 0 });
    for (const [area, path] of Object.entries(art)) {
      const png = readFileSync(join(outDir, path));
      expect(pngSize(png)).toEqual({ width: ART_SIZE_PX, height: ART_SIZE_PX });
      const hash = createHash('sha256').update(png).digest('hex').slice(0, 16);
      expect(path).toBe(`art/${area}-${hash}.png`);
    }
    expect(new Set(Object.values(art)).size).toBe(areas.length);
  });

  it("covers the areas of an earlier render's steps it keeps, and only those", async () => {
    const { outDir, cacheDir } = folders();
    await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['hand'],
      steps: [0],
      variants: [GENTLE_QUICK],
    });
    const summary = await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['foot'],
      steps: [0],
      variants: [GENTLE_QUICK],
    });
    const foot = ROUTINES.find((routine) => routine.id === 'foot');
    const areas = [...new Set([hand?.steps[0]?.area, foot?.steps[0]?.area])].sort();
    expect(Object.keys(summary.manifest.art ?? {}).sort()).toEqual(areas);
    expect(filesUnder(join(outDir, 'art'))).toHaveLength(areas.length);
  });
});

describe('a render after another', () => {
  it('writes and synthesises nothing when nothing changed', async () => {
    const { outDir, cacheDir } = folders();
    const options = { outDir, cacheDir, routines: ['hand' as const], variants: [GENTLE_QUICK] };
    const first = await renderCatalogue({ engine: toneEngine(), ...options });
    const engine = toneEngine();
    const second = await renderCatalogue({ engine, ...options });
    expect(engine.requests).toHaveLength(0);
    expect(second).toMatchObject({ filesWritten: 0, filesReused: first.filesWritten, piecesSynthesized: 0 });
    expect(second.manifest).toEqual(first.manifest);
  });

  it('rewrites no picture when nothing changed: each file is the one the first render wrote', async () => {
    const { outDir, cacheDir } = folders();
    const options = { outDir, cacheDir, routines: ['hand' as const], variants: [GENTLE_QUICK] };
    const first = await renderCatalogue({ engine: toneEngine(), ...options });
    const art = Object.values(first.manifest.art ?? {});
    expect(art.length).toBeGreaterThan(0);
    const written = (path: string) => {
      const stat = statSync(join(outDir, path), { bigint: true });
      return `${stat.ino}:${stat.mtimeNs}`;
    };
    const before = namedPaths(first.manifest).map(written);
    const second = await renderCatalogue({ engine: toneEngine(), ...options });
    expect(second).toMatchObject({ artWritten: 0, artReused: art.length, filesRemoved: 0 });
    expect(second.manifest.art).toEqual(first.manifest.art);
    expect(namedPaths(second.manifest).map(written)).toEqual(before);
  });

  it('draws a picture again when its file is gone, under the same name', async () => {
    const { outDir, cacheDir } = folders();
    const options = { outDir, cacheDir, routines: ['hand' as const], steps: [0], variants: [GENTLE_QUICK] };
    const first = await renderCatalogue({ engine: toneEngine(), ...options });
    const [path] = Object.values(first.manifest.art ?? {});
    const png = readFileSync(join(outDir, path ?? 'missing'));
    rmSync(join(outDir, path ?? 'missing'));
    const second = await renderCatalogue({ engine: toneEngine(), ...options });
    expect(second).toMatchObject({ artWritten: 1, artReused: 0 });
    expect(second.manifest.art).toEqual(first.manifest.art);
    expect(readFileSync(join(outDir, path ?? 'missing')).equals(png)).toBe(true);
  });

  it("keeps an earlier render's other steps whose files are there, and drops those whose are not", async () => {
    const { outDir, cacheDir } = folders();
    await renderCatalogue({ engine: toneEngine(), outDir, cacheDir, routines: ['hand'], variants: [GENTLE_QUICK] });
    await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['foot'],
      steps: [0],
      variants: [GENTLE_QUICK],
    });
    const both = manifestIn(outDir);
    expect(Object.keys(both.steps)).toContain('hand/3/gentle.normal.quicker');
    expect(Object.keys(both.steps)).toContain('foot/1/gentle.normal.quicker');
    const handThree = both.files[both.steps['hand/3/gentle.normal.quicker'] ?? ''];
    rmSync(join(outDir, handThree?.path ?? 'missing'));
    await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['foot'],
      steps: [0],
      variants: [GENTLE_QUICK],
    });
    const after = manifestIn(outDir);
    expect(Object.keys(after.steps)).not.toContain('hand/3/gentle.normal.quicker');
    expect(Object.keys(after.steps)).toContain('hand/2/gentle.normal.quicker');
    expect(after.renderVersion).not.toBe(both.renderVersion);
  });

  it('with another voice renders everything anew and keeps nothing of the old voice', async () => {
    const { outDir, cacheDir } = folders();
    await renderCatalogue({ engine: toneEngine(), outDir, cacheDir, routines: ['hand'], variants: [GENTLE_QUICK] });
    const engine = toneEngine({ voiceId: 'tone 2' });
    const summary = await renderCatalogue({
      engine,
      outDir,
      cacheDir,
      routines: ['foot'],
      steps: [0],
      variants: [GENTLE_QUICK],
    });
    expect(engine.requests.length).toBeGreaterThan(0);
    expect(Object.keys(summary.manifest.steps)).toEqual(['foot/1/gentle.normal.quicker']);
    expect(summary.manifest.engine.voiceId).toBe('tone 2');
  });

  it('makes a damaged cache entry again', async () => {
    const { outDir, cacheDir } = folders();
    const options = { outDir, cacheDir, routines: ['hand' as const], steps: [0], variants: [GENTLE_QUICK] };
    await renderCatalogue({ engine: toneEngine(), ...options });
    const [entry] = filesUnder(join(cacheDir, 'speech'));
    writeFileSync(join(cacheDir, 'speech', entry ?? 'x'), 'not mp3');
    rmSync(outDir, { recursive: true });
    const engine = toneEngine();
    await renderCatalogue({ engine, ...options });
    expect(engine.requests).toHaveLength(1);
  });
});

describe('a render that stops part way', () => {
  it('publishes nothing half-written, and a rerun resumes from the cache', async () => {
    const { outDir, cacheDir } = folders();
    const options = { outDir, cacheDir, routines: ['hand' as const], variants: [GENTLE_QUICK], concurrency: 1 };
    const controller = new AbortController();
    const stopping = toneEngine({
      before: (_request, count) => {
        if (count === 5) {
          controller.abort(new Error('interrupted'));
          controller.signal.throwIfAborted();
        }
      },
    });
    await expect(renderCatalogue({ engine: stopping, ...options, signal: controller.signal })).rejects.toThrow(
      'interrupted',
    );
    expect(filesUnder(outDir)).toEqual([]);
    expect(filesUnder(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(filesUnder(join(cacheDir, 'speech'))).toHaveLength(5);

    const resumed = toneEngine();
    const summary = await renderCatalogue({ engine: resumed, ...options });
    expect(summary.piecesFromCache).toBe(5);
    expect(resumed.requests).toHaveLength(summary.piecesSynthesized);
    const all = toneEngine();
    await renderCatalogue({ engine: all, ...folders(), routines: ['hand'], variants: [GENTLE_QUICK] });
    expect(resumed.requests.length + 5).toBe(all.requests.length);
  });

  it('leaves the earlier manifest as it was when the engine fails', async () => {
    const { outDir, cacheDir } = folders();
    await renderCatalogue({
      engine: toneEngine(),
      outDir,
      cacheDir,
      routines: ['hand'],
      steps: [0],
      variants: [GENTLE_QUICK],
    });
    const before = readFileSync(join(outDir, MANIFEST_FILE), 'utf8');
    const failing = toneEngine({
      before: () => {
        throw new Error('engine down');
      },
    });
    await expect(
      renderCatalogue({ engine: failing, outDir, cacheDir, routines: ['foot'], variants: [GENTLE_QUICK] }),
    ).rejects.toThrow('engine down');
    expect(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')).toBe(before);
    expect(filesUnder(outDir).filter((name) => name.startsWith('foot/'))).toEqual([]);
  });

  it('fails, naming the line, when the engine gives only silence', async () => {
    await expect(
      renderCatalogue({
        engine: toneEngine({ silent: true }),
        ...folders(),
        routines: ['hand'],
        steps: [0],
        variants: [GENTLE_QUICK],
      }),
    ).rejects.toThrow(/gave no speech for "Step 1 of/);
  });

  it('reads a manifest it cannot use as none', async () => {
    const { outDir, cacheDir } = folders();
    const options = { outDir, cacheDir, routines: ['hand' as const], steps: [0], variants: [GENTLE_QUICK] };
    await renderCatalogue({ engine: toneEngine(), ...options });
    writeFileSync(join(outDir, MANIFEST_FILE), '{ not json');
    const summary = await renderCatalogue({ engine: toneEngine(), ...options });
    expect(summary.filesWritten).toBe(1);
    expect(summary.piecesFromCache).toBeGreaterThan(0);
    expect(manifestIn(outDir).steps).toEqual(summary.manifest.steps);
  });
});
