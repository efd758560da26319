/**
 * The render pipeline: the catalogue becomes one MP3 file per step variant, built from the core's
 * own step timelines, one Now Playing picture per body area the steps work (art/<area>-<hash>.png),
 * and a manifest that says which file plays which variant, where each spoken segment starts in it,
 * and which picture shows each area.
 *
 * Each distinct line is synthesised once per speech rate, encoded once, and kept in a cache under
 * its content hash; a file is its pieces and runs of silence joined frame by frame, so pace, which
 * only changes silence, costs no speech. Files and the manifest are written to temporary names and
 * renamed, the manifest last: an interrupted render publishes nothing half-written, and a rerun
 * picks up from the cache.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import {
  ALL_VARIANTS,
  ART_EXTENSION,
  ART_FOLDER,
  type AudioManifest,
  artPath,
  FILE_HASH,
  MANIFEST_SCHEMA,
  manifestFormat,
  parseVariantKey,
  type RenderedFile,
  readManifest,
  type StepVariant,
  variantKey,
} from '../../lambda/audio/manifest';
import { AUDIO_FORMAT, framesToMs } from '../../lambda/audio/stream-format';
import { lines, ROUTINES } from '../../lambda/content';
import type { BodyArea } from '../../lambda/core/body';
import type { Routine, RoutineId } from '../../lambda/core/catalogue';
import { areaArtPng } from './art';
import type { SpeechEngine, SpeechRequest } from './engine';
import { CLOSING_TAIL_SECONDS, layOut, MIN_GAP_SECONDS, planStep, RenderError, type StepPlan } from './layout';
import { ENCODER_ID, type Frames, firstFrames, frameCount, Mp3Encoder, readFrames } from './mp3';
import { trimSilence } from './pcm';

/** Bump when the way pieces are trimmed or files are laid out changes: every hash changes with it. */
export const RENDER_PIPELINE_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** The run of encoded silence that longer silences are built from. */
const SILENCE_RUN_SECONDS = 10;

export interface RenderOptions {
  readonly engine: SpeechEngine;
  /** Where the files and manifest.json go (`build/audio`). */
  readonly outDir: string;
  /**
   * Encoded speech pieces by content hash. Kept beside the output, not in it, because everything
   * in the output folder is deployed.
   * @default `<outDir>-cache` (build/audio-cache)
   */
  readonly cacheDir?: string;
  /** @default every routine */
  readonly routines?: readonly RoutineId[];
  /** Step indexes (from 0) to render in each routine. @default every step */
  readonly steps?: readonly number[];
  /** @default every pressure × speech rate × pace */
  readonly variants?: readonly StepVariant[];
  /** Pieces synthesised at once. @default the number of CPUs */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

export interface RenderSummary {
  readonly manifest: AudioManifest;
  readonly manifestPath: string;
  /** Step variants in this render. */
  readonly steps: number;
  readonly filesWritten: number;
  /** Files already there from an earlier render with the same inputs. */
  readonly filesReused: number;
  readonly piecesSynthesized: number;
  readonly piecesFromCache: number;
  /** Characters of text sent to the engine (what Polly bills). */
  readonly charactersSynthesized: number;
  /** Size of every audio file this render names (the pictures come to about 20 KB each). */
  readonly bytes: number;
  /** Audio files and pictures of earlier renders that the manifest no longer names, removed from the folder. */
  readonly filesRemoved: number;
  /** Now Playing pictures written (one per body area the manifest's steps work, when new). */
  readonly artWritten: number;
  /** Now Playing pictures already there from an earlier render. */
  readonly artReused: number;
  readonly seconds: number;
}

interface Job {
  readonly key: string;
  readonly plan: StepPlan;
  readonly pieces: readonly Piece[];
  readonly hash: string;
  readonly path: string;
}

interface Piece {
  readonly hash: string;
  readonly request: SpeechRequest;
}

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Writes to a temporary name beside `path`, then renames: a reader sees the whole file or none. */
function publish(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function previousManifest(path: string, voiceId: string): AudioManifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const manifest = readManifest(JSON.parse(readFileSync(path, 'utf8')));
    return manifest.engine.voiceId === voiceId ? manifest : undefined;
  } catch {
    return undefined; // an unreadable manifest is rebuilt from the cache
  }
}

async function inPool<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Renders the catalogue (or the part asked for) with `engine` into `outDir`; see the module comment. */
export async function renderCatalogue(options: RenderOptions): Promise<RenderSummary> {
  const started = Date.now();
  const { engine, outDir, signal } = options;
  const progress = options.onProgress ?? (() => {});
  const cacheDir = options.cacheDir ?? join(dirname(outDir), `${basename(outDir)}-cache`);
  const routineIds = options.routines ?? ROUTINES.map((routine) => routine.id);
  const routines = routineIds.map((id): Routine => {
    const routine = ROUTINES.find((candidate) => candidate.id === id);
    if (routine === undefined) throw new RenderError(`no routine ${id}`);
    return routine;
  });
  const variants = options.variants ?? ALL_VARIANTS;
  const soundInputs = [RENDER_PIPELINE_VERSION, engine.name, engine.voiceId, ENCODER_ID, AUDIO_FORMAT];

  const jobs: Job[] = [];
  for (const routine of routines) {
    const stepIndexes = options.steps ?? routine.steps.map((_step, index) => index);
    for (const stepIndex of stepIndexes) {
      for (const variant of variants) {
        const plan = planStep(routine, stepIndex, variant, lines);
        const pieces = plan.items.flatMap((item) => {
          if (item.kind !== 'speech') return [];
          const request: SpeechRequest = { text: item.text, rate: plan.speechRate };
          return [{ hash: sha([...soundInputs, request]).slice(0, 32), request }];
        });
        // A closing said after the target is named only where there is one, so the hashes of the
        // other steps, laid out as before, stay as they were.
        const layoutInputs = [
          MIN_GAP_SECONDS,
          CLOSING_TAIL_SECONDS,
          plan.targetSeconds,
          plan.items,
          ...(plan.closingAfterTarget ? ['closingAfterTarget'] : []),
        ];
        const hash = sha([...soundInputs, layoutInputs]).slice(0, 16);
        jobs.push({
          key: variantKey(routine.id, stepIndex, variant),
          plan,
          pieces,
          hash,
          path: `${routine.id}/${stepIndex + 1}-${hash}${AUDIO_FORMAT.extension}`,
        });
      }
    }
  }

  const manifestPath = join(outDir, MANIFEST_FILE);
  const previous = previousManifest(manifestPath, engine.voiceId);
  const done = new Map<string, RenderedFile>();
  for (const job of jobs) {
    const known = previous?.files[job.hash];
    if (known !== undefined && known.path === job.path && existsSync(join(outDir, job.path))) done.set(job.hash, known);
  }
  const toBuild = jobs.filter((job) => !done.has(job.hash));
  const uniqueBuilds = [...new Map(toBuild.map((job) => [job.hash, job])).values()];

  // Speech: from the cache, or synthesised and encoded once per distinct piece.
  const encoder = await Mp3Encoder.create();
  const pieces = new Map<string, Frames>();
  const wanted = [...new Map(uniqueBuilds.flatMap((job) => job.pieces.map((p) => [p.hash, p]))).values()];
  const missing: Piece[] = [];
  for (const piece of wanted) {
    const cached = join(cacheDir, 'speech', `${piece.hash}.frames`);
    if (existsSync(cached)) {
      try {
        pieces.set(piece.hash, readFrames(readFileSync(cached)));
        continue;
      } catch {
        // a damaged cache entry is made again
      }
    }
    missing.push(piece);
  }
  const piecesFromCache = pieces.size;
  let charactersSynthesized = 0;
  progress(`${jobs.length} step variants: ${done.size} already rendered; ${missing.length} pieces of speech to make`);
  await inPool(missing, options.concurrency ?? availableParallelism(), async (piece) => {
    signal?.throwIfAborted();
    const pcm = await engine.synthesize(piece.request, signal);
    signal?.throwIfAborted();
    charactersSynthesized += piece.request.text.length;
    const speech = trimSilence(pcm);
    if (speech.samples.length === 0) throw new RenderError(`${engine.name} gave no speech for "${piece.request.text}"`);
    const frames = encoder.encode(speech);
    publish(join(cacheDir, 'speech', `${piece.hash}.frames`), frames.bytes);
    pieces.set(piece.hash, frames);
    if (pieces.size % 50 === 0) progress(`${pieces.size - piecesFromCache} of ${missing.length} pieces made`);
  });

  // Files: the pieces and silence joined frame by frame.
  const silenceRun = encoder.silence(SILENCE_RUN_SECONDS);
  const silence = (frames: number): Uint8Array[] => {
    const parts: Uint8Array[] = [];
    const run = frameCount(silenceRun);
    for (let left = frames; left > 0; left -= run) parts.push(firstFrames(silenceRun, Math.min(left, run)));
    return parts;
  };
  let filesWritten = 0;
  for (const job of uniqueBuilds) {
    signal?.throwIfAborted();
    const speech = job.pieces.map((piece) => pieces.get(piece.hash) as Frames);
    const layout = layOut(job.plan, speech.map(frameCount));
    const parts: Uint8Array[] = [];
    const segments: [number, RenderedFile['segments'][number][1]][] = [];
    let speechIndex = 0;
    let silenceIndex = 0;
    for (const item of job.plan.items) {
      if (item.kind === 'speech') {
        segments.push([framesToMs(layout.speechStarts[speechIndex] ?? 0), item.segment]);
        parts.push((speech[speechIndex] as Frames).bytes);
        speechIndex += 1;
      } else {
        parts.push(...silence(layout.silenceFrames[silenceIndex] ?? 0));
        silenceIndex += 1;
      }
    }
    parts.push(...silence(layout.tailFrames));
    publish(join(outDir, job.path), Buffer.concat(parts));
    filesWritten += 1;
    done.set(job.hash, { path: job.path, ms: framesToMs(layout.totalFrames), segments });
  }

  // The manifest, last: this render's steps, and an earlier render's other steps whose files are there.
  const steps: Record<string, string> = {};
  const files: Record<string, RenderedFile> = {};
  for (const [key, hash] of Object.entries(previous?.steps ?? {})) {
    const file = previous?.files[hash];
    if (file !== undefined && FILE_HASH.test(hash) && existsSync(join(outDir, file.path))) {
      steps[key] = hash;
      files[hash] = file;
    }
  }
  for (const job of jobs) {
    steps[job.key] = job.hash;
    files[job.hash] = done.get(job.hash) as RenderedFile;
  }
  const sortedSteps = Object.fromEntries(Object.entries(steps).sort(([a], [b]) => (a < b ? -1 : 1)));
  const named = new Set(Object.values(sortedSteps));
  const usedFiles = Object.fromEntries(
    Object.entries(files)
      .filter(([hash]) => named.has(hash))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const art = drawArt(outDir, areasOf(Object.keys(sortedSteps)));
  const manifest: AudioManifest = {
    schema: MANIFEST_SCHEMA,
    // The art is part of it: Now Playing caches an item's metadata by token, and the token names the render.
    renderVersion: sha([engine.voiceId, sortedSteps, art.paths]).slice(0, 12),
    engine: { name: engine.name, voiceId: engine.voiceId },
    format: manifestFormat(),
    files: usedFiles,
    steps: sortedSteps,
    art: art.paths,
  };
  publish(manifestPath, `${JSON.stringify(manifest)}\n`);
  const filesRemoved = removeUnnamed(
    outDir,
    new Set([...Object.values(usedFiles).map((file) => file.path), ...Object.values(art.paths)]),
  );
  const bytes = Object.values(usedFiles).reduce((sum, file) => sum + statSync(join(outDir, file.path)).size, 0);
  return {
    manifest,
    manifestPath,
    steps: jobs.length,
    filesWritten,
    filesReused: new Set(jobs.map((job) => job.hash)).size - filesWritten,
    piecesSynthesized: missing.length,
    piecesFromCache,
    charactersSynthesized,
    bytes,
    filesRemoved,
    artWritten: art.written,
    artReused: Object.keys(art.paths).length - art.written,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The body areas the steps named by these variant keys work, sorted by name. */
function areasOf(keys: readonly string[]): BodyArea[] {
  const areas = new Set<BodyArea>();
  for (const key of keys) {
    const place = parseVariantKey(key);
    const step = ROUTINES.find((routine) => routine.id === place?.routineId)?.steps[place?.stepIndex ?? -1];
    if (step !== undefined) areas.add(step.area);
  }
  return [...areas].sort();
}

/**
 * Each area's picture, named by the hash of its PNG: drawn every render (a few milliseconds each),
 * written only when no file of that name is there, so a rerun with nothing changed rewrites nothing.
 */
function drawArt(
  outDir: string,
  areas: readonly BodyArea[],
): { paths: Partial<Record<BodyArea, string>>; written: number } {
  const paths: Partial<Record<BodyArea, string>> = {};
  let written = 0;
  for (const area of areas) {
    const png = areaArtPng(area);
    const path = artPath(area, createHash('sha256').update(png).digest('hex').slice(0, 16));
    if (!existsSync(join(outDir, path))) {
      publish(join(outDir, path), png);
      written += 1;
    }
    paths[area] = path;
  }
  return { paths, written };
}

/**
 * Once the manifest is published, audio files and pictures it does not name (earlier renders,
 * another engine's files) are removed from the output folder, so the deploy uploads only what
 * plays. The hosting bucket keeps its copies (the upload never prunes), so a session holding an
 * older token still plays and shows its picture; the speech cache stays, so rendering them again
 * costs no engine calls.
 */
function removeUnnamed(outDir: string, named: ReadonlySet<string>): number {
  let removed = 0;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    const picture = path.startsWith(`${ART_FOLDER}/`) && path.endsWith(ART_EXTENSION);
    if (named.has(path) || !(path.endsWith(AUDIO_FORMAT.extension) || picture)) continue;
    rmSync(join(outDir, path), { force: true });
    removed += 1;
  }
  return removed;
}
