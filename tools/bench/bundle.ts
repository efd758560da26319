/** The skill bundle (rebuilt when stale) and the baseline bundle, built with the same settings. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, LAMBDA_BUNDLE } from '../build';

export const SKILL_BUNDLE = LAMBDA_BUNDLE;
export const BASELINE_BUNDLE = 'dist/bench/baseline.js';
const BASELINE_ENTRY = 'tools/bench/baseline/index.ts';
/** The floor: the baseline changed only as the skill may change it (tools/bench/baseline/floor.ts). */
export const FLOOR_BUNDLE = 'dist/bench/floor/index.js';
const FLOOR_ENTRY = 'tools/bench/baseline/floor-env-credentials.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Runs `tsx tools/build.ts` when the bundle is missing or older than lambda/. Its output goes to stderr. */
export function ensureSkillBundle(): { rebuilt: boolean } {
  const built = mtimeOf(SKILL_BUNDLE);
  if (built !== undefined && built >= newestMtime('lambda')) return { rebuilt: false };
  const result = spawnSync('npx', ['tsx', 'tools/build.ts'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`tsx tools/build.ts failed with status ${result.status}`);
  return { rebuilt: true };
}

/** The baseline, with the skill's esbuild settings (tools/build.ts). */
export async function buildBaseline(): Promise<void> {
  await bundle(BASELINE_ENTRY, BASELINE_BUNDLE);
}

/** The floor, built as the skill is (its settings, the credential chain in a file of its own). */
export async function buildFloorBundle(): Promise<void> {
  await bundle(FLOOR_ENTRY, FLOOR_BUNDLE, { lazyCredentialChain: true });
}

export function sizeKb(path: string): number {
  return statSync(path).size / 1024;
}
