/**
 * A render with the Polly engine, end to end: the real pipeline and the real SDK client against the
 * Polly stand-in, which throttles and then fails a call for good partway through. The render fails
 * without publishing anything, and a rerun asks Polly only for what it does not have yet.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StepVariant } from '../../lambda/audio/manifest';
import { MANIFEST_FILE, renderCatalogue } from '../../tools/render/pipeline';
import { createPollyEngine, type PollyEngine } from '../../tools/render/polly-engine';
import { type PollyStandIn, startPollyStandIn } from '../support/polly-stand-in';

const VARIANTS: readonly StepVariant[] = [
  { pressure: 'gentle', speechRate: 'normal', pace: 'normal' },
  { pressure: 'gentle', speechRate: 'slower', pace: 'normal' },
];
const MAX_ATTEMPTS = 3;

let standIn: PollyStandIn;
let dir: string;
const engines: PollyEngine[] = [];

function pollyEngine(): PollyEngine {
  const engine = createPollyEngine({
    endpoint: standIn.endpoint,
    credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in-secret' },
    requestsPerSecond: 200,
    burst: 10,
    maxAttempts: MAX_ATTEMPTS,
    backoff: { scale: 0.001 },
  });
  engines.push(engine);
  return engine;
}

function render(engine: PollyEngine) {
  return renderCatalogue({
    engine,
    outDir: join(dir, 'audio'),
    cacheDir: join(dir, 'audio-cache'),
    routines: ['foot'],
    steps: [0],
    variants: VARIANTS,
    concurrency: 1,
  });
}

/** Every file under `root`, relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

/** The messages along an error's chain of causes. */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) parts.push(`${cause.name}: ${cause.message}`);
  return parts.join(' <- ');
}

beforeEach(async () => {
  standIn = await startPollyStandIn();
  dir = mkdtempSync(join(tmpdir(), 'polly-render-'));
});

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close?.()));
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rendering with Polly', () => {
  it('fails on a call Polly keeps failing, publishes nothing, and a rerun resumes where it stopped', async () => {
    // Throttled twice at the start (retried), then every attempt at the fourth piece fails.
    standIn.throttleNext(2);
    standIn.failCall(6, 'ServiceFailureException', MAX_ATTEMPTS);
    const outDir = join(dir, 'audio');

    let failure: unknown;
    await render(pollyEngine()).catch((error: unknown) => {
      failure = error;
    });

    expect(messages(failure)).toMatch(/ServiceFailureException/);
    const firstRun = standIn.requests;
    expect(firstRun.map((request) => request.outcome)).toEqual([
      'ThrottlingException',
      'ThrottlingException',
      'audio',
      'audio',
      'audio',
      ...Array<string>(MAX_ATTEMPTS).fill('ServiceFailureException'),
    ]);
    expect(existsSync(join(outDir, MANIFEST_FILE))).toBe(false);
    expect(filesUnder(outDir)).toEqual([]);
    const rendered = new Set(firstRun.filter((request) => request.outcome === 'audio').map((request) => request.text));
    expect(rendered.size).toBe(3);

    const summary = await render(pollyEngine());

    const secondRun = standIn.requests.slice(firstRun.length);
    const asked = secondRun.map((request) => request.text);
    expect(asked.filter((text) => rendered.has(text))).toEqual([]);
    expect(asked[0]).toBe(firstRun.at(-1)?.text);
    expect(secondRun.every((request) => request.outcome === 'audio')).toBe(true);
    expect(summary.piecesFromCache).toBe(3);
    expect(summary.piecesSynthesized).toBe(secondRun.length);
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as {
      engine: { voiceId: string };
      steps: Record<string, string>;
      files: Record<string, { path: string }>;
      art: Record<string, string>;
    };
    expect(manifest.engine.voiceId).toBe('polly/neural/Joanna/pcm-16000');
    expect(Object.keys(manifest.steps)).toHaveLength(VARIANTS.length);
    expect(filesUnder(outDir)).toEqual(
      [MANIFEST_FILE, ...Object.values(manifest.files).map((file) => file.path), ...Object.values(manifest.art)].sort(),
    );
  });
});
