/**
 * The rendered audio the simulator hands the skill on `/device audio`: the render in build/audio
 * when `npm run render` has made one, else a timeline-only manifest built here in memory from the
 * render layout (tools/render/layout.ts) with speech lengths from the speech estimate, and no MP3
 * files at all. Either way the skill gets an AudioSource whose URLs lie under a base URL that no
 * network serves (`https://audio.simulator.invalid`); the simulated player looks each URL up here
 * for the stream's length, and `--realtime` for the local file to play.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import {
  ALL_VARIANTS,
  type AudioManifest,
  MANIFEST_SCHEMA,
  manifestFormat,
  type RenderedFile,
  readManifest,
  type SegmentMark,
  variantKey,
} from '../../lambda/audio/manifest';
import type { AudioSource } from '../../lambda/audio/source';
import { AUDIO_FORMAT, framesToMs, secondsToFrames } from '../../lambda/audio/stream-format';
import { parseAudioToken } from '../../lambda/audio/token';
import { lines, ROUTINES } from '../../lambda/content';
import { SPEECH_RATE_FACTOR } from '../../lambda/core/preferences';
import { estimateSpeechSeconds } from '../../lambda/core/speech-estimate';
import { layOut, planStep } from '../render/layout';

/** An HTTPS origin under the reserved `.invalid` domain: nothing on a network answers it. */
export const SIMULATOR_AUDIO_BASE_URL = 'https://audio.simulator.invalid';
/** Where `npm run render` writes the render, from the repository root. */
export const DEFAULT_RENDER_DIR = resolvePath(__dirname, '..', '..', 'build', 'audio');
const MANIFEST_FILE = 'manifest.json';

export interface SimulatorAudio {
  /** What createHandler({ audio }) takes. */
  readonly source: AudioSource;
  /** `render`: build/audio, with its MP3 files; `timeline`: built in memory, no files. */
  readonly kind: 'render' | 'timeline';
  /** One sentence for the user: which manifest the skill plays from. */
  readonly description: string;
  /** The length in ms of the file a URL names; undefined when the manifest has no such file. */
  lengthOf(url: string): number | undefined;
  /** The local MP3 a URL names (a render only, and only when the file is there). */
  localFile(url: string): string | undefined;
}

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * A manifest for every routine, step and variant laid out as the render lays them out, with each
 * piece of speech as long as the speech estimate says (whole MP3 frames) instead of as long as a
 * voice made it. Offsets and lengths are what a render would hold to within the estimate's error;
 * there are no files. A variant whose estimated speech leaves too little quiet is left out (the
 * render would refuse it too).
 */
export function timelineManifest(): AudioManifest {
  const files: Record<string, RenderedFile> = {};
  const steps: Record<string, string> = {};
  for (const routine of ROUTINES) {
    routine.steps.forEach((_step, stepIndex) => {
      for (const variant of ALL_VARIANTS) {
        const plan = planStep(routine, stepIndex, variant, lines);
        const speech = plan.items.flatMap((item) => (item.kind === 'speech' ? [item] : []));
        const speechFrames = speech.map((item) =>
          secondsToFrames(estimateSpeechSeconds(item.text, SPEECH_RATE_FACTOR[variant.speechRate])),
        );
        let layout: ReturnType<typeof layOut>;
        try {
          layout = layOut(plan, speechFrames);
        } catch {
          continue;
        }
        const hash = sha(['timeline', plan.targetSeconds, plan.items, speechFrames]).slice(0, 16);
        const segments = speech.map(
          (item, index): SegmentMark => [framesToMs(layout.speechStarts[index] ?? 0), item.segment],
        );
        files[hash] = {
          path: `${routine.id}/${stepIndex + 1}-${hash}${AUDIO_FORMAT.extension}`,
          ms: framesToMs(layout.totalFrames),
          segments,
        };
        steps[variantKey(routine.id, stepIndex, variant)] = hash;
      }
    });
  }
  // Through the skill's own reader: what the skill is given is a manifest it accepts.
  return readManifest({
    schema: MANIFEST_SCHEMA,
    renderVersion: `timeline-${sha(steps).slice(0, 12)}`,
    engine: { name: 'timeline', voiceId: 'speech estimate' },
    format: manifestFormat(),
    files,
    steps,
  });
}

function fileIndex(manifest: AudioManifest, baseUrl: string): Map<string, RenderedFile> {
  const base = baseUrl.replace(/\/+$/, '');
  return new Map(Object.values(manifest.files).map((file) => [`${base}/${file.path}`, file]));
}

/**
 * The simulator's audio: `renderDir`'s manifest when it is there and the skill can read it, else
 * the timeline-only manifest (built when first needed).
 */
export function simulatorAudio(options: { renderDir?: string; baseUrl?: string } = {}): SimulatorAudio {
  const renderDir = options.renderDir ?? DEFAULT_RENDER_DIR;
  const baseUrl = options.baseUrl ?? SIMULATOR_AUDIO_BASE_URL;
  const manifestPath = join(renderDir, MANIFEST_FILE);
  let unreadable: string | undefined;
  if (existsSync(manifestPath)) {
    try {
      const manifest = readManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
      const index = fileIndex(manifest, baseUrl);
      return {
        source: { baseUrl, manifest: () => manifest },
        kind: 'render',
        description:
          `playing the render in ${manifestPath} (${Object.keys(manifest.steps).length} step variants, ` +
          `${manifest.engine.name} voice, render ${manifest.renderVersion})`,
        lengthOf: (url) => index.get(url)?.ms,
        localFile: (url) => {
          const file = index.get(url);
          const path = file === undefined ? undefined : join(renderDir, file.path);
          return path !== undefined && existsSync(path) ? path : undefined;
        },
      };
    } catch (error) {
      unreadable = error instanceof Error ? error.message : String(error);
    }
  }
  let built: { manifest: AudioManifest; index: Map<string, RenderedFile> } | undefined;
  const timeline = () => {
    if (built === undefined) {
      const manifest = timelineManifest();
      built = { manifest, index: fileIndex(manifest, baseUrl) };
    }
    return built;
  };
  const why = unreadable === undefined ? `no ${manifestPath}` : `${manifestPath} is unreadable (${unreadable})`;
  return {
    source: { baseUrl, manifest: () => timeline().manifest },
    kind: 'timeline',
    description:
      `${why}: playing a timeline-only manifest built from the render layout and the speech estimate, ` +
      'with no sound files (npm run render makes real ones)',
    lengthOf: (url) => timeline().index.get(url)?.ms,
    localFile: () => undefined,
  };
}

/** What a token names, for people: "foot 2 (gentle, normal voice, normal pace)"; else the token. */
export function describeToken(
  token: string,
  routineInfo?: (id: string) => { name: string; steps: number } | undefined,
): string {
  const item = parseAudioToken(token);
  if (item === undefined) return token;
  const info = routineInfo?.(item.routineId);
  const step = info ? `step ${item.stepIndex + 1} of ${info.steps}` : `step ${item.stepIndex + 1}`;
  const { pressure, speechRate, pace } = item.variant;
  return `${info?.name ?? item.routineId} ${step} (${pressure} pressure, ${speechRate} voice, ${pace} pace)`;
}
