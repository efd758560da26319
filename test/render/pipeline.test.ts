/**
 * The render pipeline with a stand-in engine (a tone per line): what it writes, what it reuses,
 * and what an interrupted or failed render leaves behind. The real engine's files are checked in
 * local-render.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AudioManifest, readManifest, type StepVariant } from '../../lambda/audio/manifest';
import { framesToMs, secondsToFrames } from '../../lambda/audio/stream-format';
import { lines, ROUTINES } from '../../lambda/content';
import { stepTargetSeconds } from '../../lambda/core/pacing';
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

describe('a render', () => {
  it('removes audio files of earlier renders that its manifest no longer names, and keeps the rest', async () => {
    const { outDir, cacheDir } = folders();
    const renderHand = () =>
      renderCatalogue({ engine: toneEngine(), outDir, cacheDir, routines: ['hand'], variants: [GENTLE_QUICK] });
    const first = await renderHand();
    expect(first.filesRemoved).toBe(0);
    const stale = join(outDir, 'hand', '1-0000000000000000.mp3');
    writeFileSync(stale, Buffer.alloc(10));
    const second = await renderHand();
    expect(second.filesRemoved).toBe(1);
    expect(existsSync(stale)).toBe(false);
    const paths = Object.values(manifestIn(outDir).files).map((file) => file.path);
    expect(filesUnder(outDir)).toEqual([MANIFEST_FILE, ...paths].sort());
  });

  it('writes one MP3 per step variant and a manifest the skill can read, and nothing else', async () => {
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
    const paths = Object.values(manifest.files).map((file) => file.path);
    expect(filesUnder(outDir)).toEqual([MANIFEST_FILE, ...paths].sort());
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
    expect(filesUnder(outDir).every((name) => name === MANIFEST_FILE || name.endsWith('.mp3'))).toBe(true);
  });

  it('refuses a routine the catalogue does not have', async () => {
    await expect(
      renderCatalogue({ engine: toneEngine(), ...folders(), routines: ['nowhere' as 'hand'] }),
    ).rejects.toThrow(/no routine nowhere/);
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
