/**
 * The simulator's command line, run as `npm start` runs it: under the Node running the tests, from
 * the repository root, with typed lines on its standard input.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/** The arguments that start the simulator CLI under the current Node. */
export const SIMULATOR_CLI = [require.resolve('tsx/cli'), join(REPO_ROOT, 'tools', 'simulator', 'cli.ts')];

/** Runs the simulator to the end of its input and returns what it wrote. */
export function runSimulator(args: readonly string[], input: string) {
  return spawnSync(process.execPath, [...SIMULATOR_CLI, ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: 'utf8',
    timeout: 25_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}
