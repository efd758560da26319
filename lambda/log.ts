/**
 * Structured logs, one JSON line each. Never pass a userId or spoken content here: only event
 * names, request types, intent names and error names.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';

export interface LogFields {
  readonly [key: string]: string | number | boolean | undefined;
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function write(level: string, event: string, fields: LogFields | undefined): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const consoleLogger: Logger = {
  info: (event, fields) => write('info', event, fields),
  warn: (event, fields) => write('warn', event, fields),
  error: (event, fields) => write('error', event, fields),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** The most an error's logged stack holds: its frames (Node keeps 10), and this many characters. */
const MAX_STACK_CHARS = 2_000;

/**
 * The file this code runs from: on Lambda the bundle, index.js, with index.js.map beside it
 * (tools/build.ts); run from source (tests, the simulator), lambda/log.ts, which has no map.
 */
const RUNNING_FILE = __filename;

/** Each bundle's map, read on first need: null when it has none or it cannot be read. */
const maps = new Map<string, SourceMap | null>();

function mapOf(bundleFile: string): SourceMap | null {
  let map = maps.get(bundleFile);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
    maps.set(bundleFile, map);
  }
  return map;
}

/** `lambda/x.ts` for the map's `../../lambda/x.ts` (its sources are relative to the bundle's folder). */
function sourceName(source: string): string {
  return source.replace(/^(?:\.\.?\/)+/, '');
}

/** One frame with every `bundle:line:column` in it replaced by the source position, where the map has one. */
function mapFrame(frame: string, bundleFile: string, map: SourceMap): string {
  const at = new RegExp(`${bundleFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g');
  return frame.replace(at, (whole, line: string, column: string) => {
    // Stack positions count from 1; the map's from 0.
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as Partial<{
      originalSource: string;
      originalLine: number;
      originalColumn: number;
    }>;
    if (typeof entry.originalSource !== 'string' || entry.originalLine === undefined) return whole;
    return `${sourceName(entry.originalSource)}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

/**
 * The frames of an error's stack (without its first line, which repeats the message), one per
 * line. Frames in `bundleFile` name source positions instead, through the map beside it, read on
 * the first error only: the cold start never reads it (no --enable-source-maps). Decoding the map
 * (about 140,000 mappings) takes about 0.1 s, once per container that logs an error. Without a
 * map, or with one that cannot be used, the frames are left as they are. Never throws.
 */
export function stackFrames(error: Error, bundleFile: string = RUNNING_FILE): string | undefined {
  try {
    const stack = error.stack;
    if (typeof stack !== 'string') return undefined;
    const frames = stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .map((line) => line.trim());
    if (frames.length === 0) return undefined;
    const map = frames.some((frame) => frame.includes(bundleFile)) ? mapOf(bundleFile) : null;
    const mapped = map === null ? frames : frames.map((frame) => safely(() => mapFrame(frame, bundleFile, map), frame));
    return mapped.join('\n').slice(0, MAX_STACK_CHARS);
  } catch {
    return undefined;
  }
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/**
 * The parts of an error that are safe to log: its name, its message, its cause's name, and its
 * stack's frames (code positions only: function and file names).
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const cause = error.cause instanceof Error ? error.cause.name : undefined;
  const stack = stackFrames(error);
  return {
    error: error.name,
    message: error.message.slice(0, 200),
    ...(cause ? { cause } : {}),
    ...(stack ? { stack } : {}),
  };
}
