/**
 * `npm run deploy`: renders the routine audio that changed (Amazon Polly; `--local-audio` for the
 * local engine, `--skip-render` for none), then runs `cdk deploy --outputs-file cdk-outputs.json`
 * with the other arguments. `npm run deploy -- --help` lists the options.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { constants } from 'node:os';
import * as path from 'node:path';
import type { SpeechEngine } from '../render/engine';
import { createLocalEngine } from '../render/local-engine';
import { renderCatalogue } from '../render/pipeline';
import { createPollyEngine } from '../render/polly-engine';
import { type DeploySteps, type RenderReport, runDeploy } from './deploy';

/** Repository root: cdk runs here (cdk.json), and a relative audio folder is taken from here. */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The speech engine for each way of rendering. */
export const ENGINES: Record<'polly' | 'local', () => SpeechEngine> = {
  polly: () => createPollyEngine(),
  local: () => createLocalEngine(),
};

export interface RenderDependencies {
  readonly engines: Record<'polly' | 'local', () => SpeechEngine>;
  readonly renderCatalogue: (options: Parameters<typeof renderCatalogue>[0]) => Promise<RenderReport>;
  readonly progress: (message: string) => void;
}

/**
 * Renders the whole catalogue with one engine into `outDir` (relative to the repository root).
 * Ctrl-C stops the render with nothing half-written published; the engine is closed either way.
 */
export async function renderAudio(
  kind: 'polly' | 'local',
  outDir: string,
  deps: RenderDependencies = {
    engines: ENGINES,
    renderCatalogue,
    progress: (message) => process.stderr.write(`render: ${message}\n`),
  },
): Promise<RenderReport> {
  const engine = deps.engines[kind]();
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('render interrupted: nothing was deployed'));
  process.once('SIGINT', stop);
  try {
    return await deps.renderCatalogue({
      engine,
      outDir: path.resolve(REPO_ROOT, outDir),
      signal: controller.signal,
      onProgress: deps.progress,
    });
  } finally {
    process.off('SIGINT', stop);
    await engine.close?.();
  }
}

/**
 * Runs the repository's own cdk CLI (aws-cdk in devDependencies) with `args` in the repository
 * root, its output on this terminal, and resolves to its exit code. While it runs, Ctrl-C is
 * left to cdk, which asks CloudFormation to stop in its own way.
 */
export function spawnCdk(args: readonly string[], cdkScript = require.resolve('aws-cdk/bin/cdk')): Promise<number> {
  const leaveToCdk = () => {};
  process.on('SIGINT', leaveToCdk);
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [cdkScript, ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  }).finally(() => process.off('SIGINT', leaveToCdk));
}

function readIfExists(file: string): string[] {
  return fs.existsSync(file) ? [fs.readFileSync(file, 'utf8')] : [];
}

/** The real steps: the render pipeline, the cdk CLI, the context files, stderr. */
export const STEPS: DeploySteps = {
  render: (engine, outDir) => renderAudio(engine, outDir),
  cdk: (args) => spawnCdk(args),
  contextFiles: () => [
    ...readIfExists(path.join(REPO_ROOT, 'cdk.json')),
    ...readIfExists(path.join(REPO_ROOT, 'cdk.context.json')),
  ],
  log: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the deploy and resolves to the exit code; a failed render is reported, never deployed. */
export async function main(argv: readonly string[], steps: DeploySteps = STEPS): Promise<number> {
  try {
    return await runDeploy(argv, steps);
  } catch (error) {
    steps.log(`deploy: ${error instanceof Error ? error.message : String(error)}; nothing was deployed.`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
