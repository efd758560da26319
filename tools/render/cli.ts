/**
 * `npm run render`: renders every routine step in every variant into build/audio with the local
 * engine (eSpeak NG, offline). `--engine polly` renders with Amazon Polly instead (AWS credentials
 * from the usual places); `--routine ID` (repeatable) renders those routines only; `--out DIR`
 * writes elsewhere; `--concurrency N` sets how many pieces are synthesised at once.
 */
import { parseArgs } from 'node:util';
import { isRoutineId, type RoutineId } from '../../lambda/core/catalogue';
import type { SpeechEngine } from './engine';
import { createLocalEngine } from './local-engine';
import { type RenderSummary, renderCatalogue } from './pipeline';

export const DEFAULT_OUT_DIR = 'build/audio';

const USAGE = `Usage: npm run render -- [--engine local|polly] [--routine ID]... [--out DIR] [--cache DIR] [--concurrency N]`;

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
  readonly help: boolean;
}

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { engine, routine, out, cache, concurrency, help } = parsed.values;
  if (engine !== 'local' && engine !== 'polly') throw new UsageError(`no engine called ${engine}`);
  const routines = routine?.map((id) => {
    if (!isRoutineId(id)) throw new UsageError(`no routine ${id}`);
    return id;
  });
  const workers = concurrency === undefined ? undefined : Number(concurrency);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
    throw new UsageError('--concurrency takes a whole number from 1');
  }
  return { engine, routines, outDir: out, cacheDir: cache, concurrency: workers, help: help === true };
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
export async function loadPollyEngine(modulePath = './polly-engine'): Promise<SpeechEngine> {
  const module = (await import(modulePath)) as PollyModule;
  return module.createPollyEngine({});
}

export function describe(summary: RenderSummary): string {
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  return [
    `${summary.steps} step variants in ${Object.keys(summary.manifest.files).length} files (${mb} MB): ${summary.filesWritten} written, ${summary.filesReused} unchanged, ${summary.filesRemoved} old ones removed`,
    `speech: ${summary.piecesSynthesized} pieces synthesised (${summary.charactersSynthesized} characters), ${summary.piecesFromCache} from the cache`,
    `manifest: ${summary.manifestPath} (render ${summary.manifest.renderVersion}), ${summary.seconds.toFixed(1)} s`,
  ].join('\n');
}

/** How each engine is made; tests pass their own. */
export type EngineFactories = Readonly<Record<CliOptions['engine'], () => SpeechEngine | Promise<SpeechEngine>>>;

export const ENGINES: EngineFactories = { local: () => createLocalEngine(), polly: () => loadPollyEngine() };

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
  const engine = await engines[options.engine]();
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
