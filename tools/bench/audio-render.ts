/**
 * The local render of the whole catalogue, from nothing (a fresh output folder and cache): how
 * long it takes, how many files and bytes it makes, and how far each step's real length is from its
 * target, measured on the files themselves with codec-parser (every frame header read back). A
 * routine's last step is measured up to its closing, which is said after the step's time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseVariantKey } from '../../lambda/audio/manifest';
import { AUDIO_FORMAT } from '../../lambda/audio/stream-format';
import { catalogue } from '../../lambda/content';
import { stepTargetSeconds } from '../../lambda/core/pacing';
import { Mp3Probe } from '../../test/render/probe';
import type { SpeechEngine } from '../render/engine';
import { variantPreferences } from '../render/layout';
import { createLocalEngine } from '../render/local-engine';
import { MANIFEST_FILE, type RenderOptions, renderCatalogue } from '../render/pipeline';
import { median } from './stats';

export interface AudioRenderFigures {
  readonly steps: number;
  readonly files: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly charactersSynthesized: number;
  readonly manifestBytes: number;
  readonly manifestGzipBytes: number;
  readonly medianErrorPct: number;
  readonly worstErrorPct: number;
  readonly worstWhere: string;
  /** Files whose frames are not all MPEG-1 Layer III, 44.1 kHz mono at the one bit rate. */
  readonly offFormat: number;
}

/** What to render: the whole catalogue with the local engine unless told otherwise (tests render less). */
export type AudioRenderSelection = Pick<RenderOptions, 'routines' | 'steps' | 'variants'> & {
  readonly engine?: SpeechEngine;
};

export async function audioRender(
  progress: (message: string) => void,
  selection: AudioRenderSelection = {},
): Promise<AudioRenderFigures> {
  const root = mkdtempSync(join(tmpdir(), 'bench-render-'));
  const { engine = createLocalEngine(), ...parts } = selection;
  const probe = new Mp3Probe();
  try {
    const outDir = join(root, 'audio');
    const summary = await renderCatalogue({
      ...parts,
      engine,
      outDir,
      cacheDir: join(root, 'audio-cache'),
      onProgress: (message) => progress(`render: ${message}`),
    });
    const manifestText = readFileSync(join(outDir, MANIFEST_FILE));
    const entries = Object.entries(summary.manifest.steps);
    const measured = await probe.frames(
      entries.map(([, hash]) => join(outDir, summary.manifest.files[hash]?.path ?? 'missing')),
    );
    const errors: number[] = [];
    let worst = { pct: -1, where: '' };
    let offFormat = 0;
    entries.forEach(([key, hash], index) => {
      const place = parseVariantKey(key);
      const routine = place === undefined ? undefined : catalogue.get(place.routineId);
      const frames = measured[index];
      const file = summary.manifest.files[hash];
      if (place === undefined || routine === undefined || frames === undefined || file === undefined) {
        throw new Error(`no file for ${key}`);
      }
      const header = frames.headers[0];
      const inFormat =
        frames.headers.length === 1 &&
        header?.layer === 'Layer III' &&
        header.sampleRate === AUDIO_FORMAT.sampleRate &&
        header.bitrate === AUDIO_FORMAT.bitrateKbps &&
        header.channels === AUDIO_FORMAT.channels;
      if (!inFormat) offFormat += 1;
      // After the last step's time come its closing and the tail: as long as the manifest says they are.
      const closingAt = file.segments[file.segments.length - 1]?.[0] ?? file.ms;
      const afterStepMs = place.stepIndex === routine.steps.length - 1 ? file.ms - closingAt : 0;
      const seconds = frames.parsedSamples / AUDIO_FORMAT.sampleRate - afterStepMs / 1000;
      const target = stepTargetSeconds(routine, place.stepIndex, variantPreferences(place.variant));
      const pct = (Math.abs(seconds - target) / target) * 100;
      errors.push(pct);
      if (pct > worst.pct) worst = { pct, where: `${key}: ${seconds.toFixed(2)} s vs ${target.toFixed(2)} s` };
    });
    return {
      steps: summary.steps,
      files: Object.keys(summary.manifest.files).length,
      bytes: summary.bytes,
      seconds: summary.seconds,
      charactersSynthesized: summary.charactersSynthesized,
      manifestBytes: manifestText.length,
      manifestGzipBytes: gzipSync(manifestText).length,
      medianErrorPct: median(errors),
      worstErrorPct: worst.pct,
      worstWhere: worst.where,
      offFormat,
    };
  } finally {
    await engine.close?.();
    await probe.close();
    rmSync(root, { recursive: true, force: true });
  }
}
