/**
 * `npm run render`: renders every routine step in every variant into build/audio with the local
 * engine (eSpeak NG, offline). `--engine polly` renders with Amazon Polly instead (AWS credentials
 * from the usual places); `--routine ID` (repeatable) renders those routines only; `--out DIR`
 * writes elsewhere; `--concurrency N` sets how many pieces are synthesised at once; with Polly,
 * `--voice NAME` (a neural voice, Joanna by default) and `--region REGION` choose where and who speaks.
 */
import { parseArgs } from 'node:util';
import { isRoutineId, type RoutineId } from '../../lambda/core/catalogue';
import type { SpeechEngine } from './engine';
import { createLocalEngine } from './local-engine';
import { type RenderSummary, renderCatalogue } from './pipeline';

export const DEFAULT_OUT_DIR = 'build/audio';

const USAGE = `Usage: npm run render -- [--engine local|polly] [--routine ID]... [--out DIR] [--cache DIR] [--concurrency N] [--voice NAME] [--region REGION]`;

/** A Polly voice name ("Joanna") and an AWS Region ("eu-west-2"), as they are spelled. */
const VOICE_NAME = /^[A-Z][a-z]+$/;
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

export interface CliOptions {
  readonly engine: 'local' | 'polly';
  readonly routines: readonly RoutineId[] | undefined;
  readonly outDir: string;
  readonly cacheDir: string | undefined;
  readonly concurrency: number | undefined;
  /** With Polly only: the neural voice and the AWS Region (the engine's defaults when undefined). */
  readonly voice: string | undefined;
  readonly region: string | undefined;
  readonly help: boolean;
}

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { engine, routine, out, cache, concurrency, voice, region, help } = parsed.values;
  if (engine !== 'local' && engine !== 'polly') throw new UsageError(`no engine called ${engine}`);
  const routines = routine?.map((id) => {
    if (!isRoutineId(id)) throw new UsageError(`no routine ${id}`);
    return id;
  });
  const workers = concurrency === undefined ? undefined : Number(concurrency);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
    throw new UsageError('--concurrency takes a whole number from 1');
  }
  if ((voice !== undefined || region !== undefined) && engine !== 'polly') {
    throw new UsageError('--voice and --region choose a Polly voice: add --engine polly');
  }
  if (voice !== undefined && !VOICE_NAME.test(voice)) throw new UsageError(`no voice called ${voice}`);
  if (region !== undefined && !REGION_NAME.test(region)) throw new UsageError(`no AWS Region called ${region}`);
  return {
    engine,
    routines,
    outDir: out,
    cacheDir: cache,
    concurrency: workers,
    voice,
    region,
    help: help === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      engine: { type: 'string', default: 'local' },
      routine: { type: 'string', multiple: true },
      out: { type: 'string', default: DEFAULT_OUT_DIR },
      cache: { type: 'string' },
      concurrency: { type: 'string' },
      voice: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}

interface PollyModule {
  createPollyEngine(options?: Record<string, unknown>): SpeechEngine;
}

/** The Polly engine is loaded only when asked for, so the local render needs nothing from AWS. */
export async function loadPollyEngine(
  modulePath = './polly-engine',
  options: { readonly voice?: string | undefined; readonly region?: string | undefined } = {},
): Promise<SpeechEngine> {
  const module = (await import(modulePath)) as PollyModule;
  return module.createPollyEngine({
    ...(options.voice === undefined ? {} : { voice: options.voice }),
    ...(options.region === undefined ? {} : { region: options.region }),
  });
}

export function describe(summary: RenderSummary): string {
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  return [
    `${summary.steps} step variants in ${Object.keys(summary.manifest.files).length} files (${mb} MB): ${summary.filesWritten} written, ${summary.filesReused} unchanged, ${summary.filesRemoved} old ones removed`,
    `speech: ${summary.piecesSynthesized} pieces synthesised (${summary.charactersSynthesized} characters), ${summary.piecesFromCache} from the cache`,
    `art: ${summary.artWritten + summary.artReused} Now Playing pictures, ${summary.artWritten} written, ${summary.artReused} unchanged`,
    `manifest: ${summary.manifestPath} (render ${summary.manifest.renderVersion}), ${summary.seconds.toFixed(1)} s`,
  ].join('\n');
}

/** How each engine is made; tests pass their own. */
export type EngineFactories = Readonly<
  Record<CliOptions['engine'], (options: CliOptions) => SpeechEngine | Promise<SpeechEngine>>
>;

export const ENGINES: EngineFactories = {
  local: () => createLocalEngine(),
  polly: (options) => loadPollyEngine('./polly-engine', options),
};

export async function main(
  argv: readonly string[],
  write: (text: string) => void,
  engines: EngineFactories = ENGINES,
  progress: (message: string) => void = (message) => process.stderr.write(`render: ${message}\n`),
): Promise<void> {
  const options = parseCli(argv);
  if (options.help) {
    write(`${USAGE}\n`);
    return;
  }
  const engine = await engines[options.engine](options);
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('render interrupted: nothing half-written was published'));
  process.once('SIGINT', stop);
  try {
    const summary = await renderCatalogue({
      engine,
      outDir: options.outDir,
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
      ...(options.routines === undefined ? {} : { routines: options.routines }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      signal: controller.signal,
      onProgress: progress,
    });
    write(`${describe(summary)}\n`);
  } finally {
    process.off('SIGINT', stop);
    await engine.close?.();
  }
}

if (require.main === module) {
  main(process.argv.slice(2), (text) => process.stdout.write(text)).catch((error: unknown) => {
    process.stderr.write(`render failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
