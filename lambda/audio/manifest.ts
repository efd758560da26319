/**
 * The render manifest: which MP3 file plays each step in each variant, how long it is, where each
 * spoken segment starts in it, and the Now Playing picture of each body area. The render pipeline
 * writes it (build/audio/manifest.json); the skill reads it, checked field by field, to build
 * AudioPlayer URLs and tokens.
 */
import { BODY_AREAS, type BodyArea } from '../core/body';
import { isRoutineId, type RoutineId } from '../core/catalogue';
import { PACES, PRESSURE_LEVELS, SPEECH_RATES, type StepVariant } from '../core/preferences';
import { AUDIO_FORMAT, AUDIO_PLAYER_STREAM } from './stream-format';

export const MANIFEST_SCHEMA = 1;

/** What a spoken segment is: the step's introduction, a cue, a check-in, a side switch, the closing cue. */
export const SEGMENT_KINDS = ['intro', 'cue', 'checkIn', 'switchSide', 'closingCue'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** Where a spoken segment starts, in ms from the start of the file, and what it is. */
export type SegmentMark = readonly [offsetMs: number, kind: SegmentKind];

export type { StepVariant } from '../core/preferences';

export interface RenderedFile {
  /** Relative to the manifest: `<routine>/<step number>-<hash>.mp3`. */
  readonly path: string;
  /** Real length of the file, in ms. */
  readonly ms: number;
  /** Every spoken segment, in order; silence fills the rest. */
  readonly segments: readonly SegmentMark[];
}

export interface AudioManifest {
  readonly schema: typeof MANIFEST_SCHEMA;
  /** Names this render as a whole (a hash of every file and step in it); part of every token. */
  readonly renderVersion: string;
  readonly engine: { readonly name: string; readonly voiceId: string };
  readonly format: {
    readonly sampleRate: number;
    readonly channels: number;
    readonly bitrateKbps: number;
    readonly samplesPerFrame: number;
  };
  /** Every rendered file, by its content hash. */
  readonly files: Readonly<Record<string, RenderedFile>>;
  /** The file hash for each step variant, by variant key (`lowerBack/3/medium.normal.normal`). */
  readonly steps: Readonly<Record<string, string>>;
  /**
   * Now Playing art: for each body area the steps work, a PNG of its view with the area marked, as
   * `art/<area>-<hash>.png` relative to the manifest. Absent in renders made before art existed.
   */
  readonly art?: Readonly<Partial<Record<BodyArea, string>>>;
}

export class AudioError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AudioError';
  }
}

export class AudioManifestError extends AudioError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AudioManifestError';
  }
}

export class AudioTokenError extends AudioError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AudioTokenError';
  }
}

export class AudioUrlError extends AudioError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AudioUrlError';
  }
}

/** Steps are numbered from 1 in keys and paths; no routine comes near this many. */
export const MAX_STEP_NUMBER = 99;
/** A render version is a short hash; tokens stay short whatever a caller passes. */
export const MAX_RENDER_VERSION_LENGTH = 64;
export const RENDER_VERSION = /^[A-Za-z0-9_-]+$/;
export const FILE_HASH = /^[0-9a-f]{16}$/;
const FILE_PATH = /^[A-Za-z]+\/[0-9]{1,2}-[0-9a-f]{16}\.mp3$/;
/** Where a body area's Now Playing picture is, relative to the manifest. */
export const ART_FOLDER = 'art';
export const ART_EXTENSION = '.png';
const ART_PATH = /^art\/([A-Za-z]+)-[0-9a-f]{16}\.png$/;

/** Whether `value` names a body area (an own key of BODY_AREAS, not anything an object inherits). */
export function isBodyArea(value: unknown): value is BodyArea {
  return typeof value === 'string' && Object.hasOwn(BODY_AREAS, value);
}

/** `art/<area>-<hash>.png`: the path a render gives an area's picture. */
export function artPath(area: BodyArea, hash: string): string {
  return `${ART_FOLDER}/${area}-${hash}${ART_EXTENSION}`;
}

/** Every variant, pressure first, then speech rate, then pace. */
export const ALL_VARIANTS: readonly StepVariant[] = PRESSURE_LEVELS.flatMap((pressure) =>
  SPEECH_RATES.flatMap((speechRate) => PACES.map((pace) => ({ pressure, speechRate, pace }))),
);

/** `lowerBack/3/medium.normal.normal`: routine, step number (from 1), pressure.speechRate.pace. */
export function variantKey(routineId: RoutineId, stepIndex: number, variant: StepVariant): string {
  if (!Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex + 1 > MAX_STEP_NUMBER) {
    throw new AudioTokenError(`step index ${stepIndex} is not one a routine can have`);
  }
  return `${routineId}/${stepIndex + 1}/${variant.pressure}.${variant.speechRate}.${variant.pace}`;
}

export interface StepPlace {
  readonly routineId: RoutineId;
  readonly stepIndex: number;
  readonly variant: StepVariant;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly (string | undefined)[]).includes(value) ? (value as T) : undefined;
}

/** Reads a variant key back; undefined for anything `variantKey` would not have written. */
export function parseVariantKey(key: string): StepPlace | undefined {
  const [routineId, stepNumber, variant, ...rest] = key.split('/');
  if (rest.length > 0 || !isRoutineId(routineId) || stepNumber === undefined || variant === undefined) return undefined;
  if (!/^[1-9][0-9]?$/.test(stepNumber)) return undefined;
  const [pressureText, speechRateText, paceText, ...more] = variant.split('.');
  const pressure = oneOf(PRESSURE_LEVELS, pressureText);
  const speechRate = oneOf(SPEECH_RATES, speechRateText);
  const pace = oneOf(PACES, paceText);
  if (more.length > 0 || pressure === undefined || speechRate === undefined || pace === undefined) return undefined;
  return { routineId, stepIndex: Number(stepNumber) - 1, variant: { pressure, speechRate, pace } };
}

/**
 * The HTTPS URL of a rendered file under the origin that serves the render (`https://…`, with or
 * without a trailing slash). Anything but HTTPS, or a path the manifest could not hold, throws.
 */
export function audioUrl(baseUrl: string, path: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch (error) {
    throw new AudioUrlError('the audio base URL is not a URL', { cause: error });
  }
  if (base.protocol !== AUDIO_PLAYER_STREAM.protocol) throw new AudioUrlError('AudioPlayer streams over HTTPS only');
  if (base.search !== '' || base.hash !== '') throw new AudioUrlError('the audio base URL has a query or fragment');
  if (!FILE_PATH.test(path) && !ART_PATH.test(path)) throw new AudioUrlError('not a rendered file path');
  return `${base.href.replace(/\/+$/, '')}/${path}`;
}

/** The file that plays a step variant, if the render has it. */
export function stepFile(manifest: AudioManifest, place: StepPlace): RenderedFile | undefined {
  const hash = manifest.steps[variantKey(place.routineId, place.stepIndex, place.variant)];
  return hash === undefined ? undefined : manifest.files[hash];
}

/** The path of an area's Now Playing picture, if the render has one. */
export function artFile(manifest: AudioManifest, area: BodyArea): string | undefined {
  return isBodyArea(area) ? manifest.art?.[area] : undefined;
}

function fail(message: string): never {
  throw new AudioManifestError(`render manifest: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFile(hash: string, value: unknown): RenderedFile {
  if (!FILE_HASH.test(hash)) fail(`file hash ${JSON.stringify(hash)} is not 16 hex digits`);
  if (!isRecord(value)) fail(`file ${hash} is not an object`);
  const { path, ms, segments } = value;
  if (typeof path !== 'string' || !FILE_PATH.test(path) || !path.endsWith(`-${hash}${AUDIO_FORMAT.extension}`)) {
    fail(`file ${hash} has no path of the form <routine>/<step>-${hash}.mp3`);
  }
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms <= 0) fail(`file ${hash} has no length in ms`);
  if (!Array.isArray(segments) || segments.length === 0) fail(`file ${hash} has no segments`);
  let previous = -1;
  const marks = segments.map((mark: unknown): SegmentMark => {
    if (!Array.isArray(mark) || mark.length !== 2) fail(`file ${hash} has a segment that is not [ms, kind]`);
    const [offset, kind] = mark as unknown[];
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset <= previous || offset >= ms) {
      fail(`file ${hash} has a segment offset out of order or outside the file`);
    }
    const known = oneOf(SEGMENT_KINDS, typeof kind === 'string' ? kind : undefined);
    if (known === undefined) fail(`file ${hash} has a segment of unknown kind ${JSON.stringify(kind)}`);
    previous = offset;
    return [offset, known];
  });
  if (marks[0]?.[1] !== 'intro') fail(`file ${hash} does not open with the step's introduction`);
  return { path, ms, segments: marks };
}

function readArt(value: unknown): Partial<Record<BodyArea, string>> {
  if (!isRecord(value)) fail('art is not an object');
  const art: Partial<Record<BodyArea, string>> = {};
  for (const [area, path] of Object.entries(value)) {
    if (!isBodyArea(area)) fail(`art for ${JSON.stringify(area)}, which is no body area`);
    if (typeof path !== 'string' || ART_PATH.exec(path)?.[1] !== area) {
      fail(`art for ${area} has no path of the form art/${area}-<hash>.png`);
    }
    art[area] = path;
  }
  return art;
}

/** Reads a manifest (parsed JSON, untrusted) field by field; throws AudioManifestError naming the first fault. */
export function readManifest(value: unknown): AudioManifest {
  if (!isRecord(value)) fail('not an object');
  const { schema, renderVersion, engine, format, files, steps, art } = value;
  if (schema !== MANIFEST_SCHEMA) fail(`schema ${JSON.stringify(schema)} is not ${MANIFEST_SCHEMA}`);
  if (
    typeof renderVersion !== 'string' ||
    renderVersion.length > MAX_RENDER_VERSION_LENGTH ||
    !RENDER_VERSION.test(renderVersion)
  ) {
    fail('no render version');
  }
  if (!isRecord(engine) || typeof engine.name !== 'string' || typeof engine.voiceId !== 'string') fail('no engine');
  if (
    !isRecord(format) ||
    format.sampleRate !== AUDIO_FORMAT.sampleRate ||
    format.channels !== AUDIO_FORMAT.channels ||
    format.bitrateKbps !== AUDIO_FORMAT.bitrateKbps ||
    format.samplesPerFrame !== AUDIO_FORMAT.samplesPerFrame
  ) {
    fail('format is not the one the skill streams');
  }
  if (!isRecord(files)) fail('no files');
  if (!isRecord(steps)) fail('no steps');
  const readFiles: Record<string, RenderedFile> = {};
  for (const [hash, file] of Object.entries(files)) readFiles[hash] = readFile(hash, file);
  const readSteps: Record<string, string> = {};
  for (const [key, hash] of Object.entries(steps)) {
    if (parseVariantKey(key) === undefined) fail(`step key ${JSON.stringify(key)} is not routine/step/variant`);
    if (typeof hash !== 'string' || readFiles[hash] === undefined) fail(`step ${key} names no file in the manifest`);
    readSteps[key] = hash;
  }
  return {
    schema: MANIFEST_SCHEMA,
    renderVersion,
    engine: { name: engine.name, voiceId: engine.voiceId },
    format: manifestFormat(),
    files: readFiles,
    steps: readSteps,
    ...(art === undefined ? {} : { art: readArt(art) }),
  };
}

/** The format a manifest declares: the one the skill streams (AUDIO_FORMAT). */
export function manifestFormat(): AudioManifest['format'] {
  return {
    sampleRate: AUDIO_FORMAT.sampleRate,
    channels: AUDIO_FORMAT.channels,
    bitrateKbps: AUDIO_FORMAT.bitrateKbps,
    samplesPerFrame: AUDIO_FORMAT.samplesPerFrame,
  };
}
