import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';

// npm puts node_modules/.bin first on PATH in scripts, so a package with a `node` bin there would
// run every npm script (tests, simulator, build) under its Node instead of the user's own.
const root = join(__dirname, '..', '..');
const NODE_BIN = /^node(\.exe|\.cmd|\.ps1)?$/i;

interface LockPackage {
  bin?: Record<string, string>;
}

describe("node in npm scripts is the user's own", () => {
  it('no package in package-lock.json declares a bin called node', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockPackage>;
    };
    const withNodeBin = Object.entries(lock.packages)
      .filter(([, entry]) => Object.keys(entry.bin ?? {}).some((name) => NODE_BIN.test(name)))
      .map(([path]) => path);
    expect(withNodeBin).toEqual([]);
  });

  it('no installed package puts a node binary into node_modules/.bin', () => {
    const bins = readdirSync(join(root, 'node_modules', '.bin'));
    expect(bins).toContain('jest');
    expect(bins.filter((name) => NODE_BIN.test(name))).toEqual([]);
  });

  it('`node` inside an npm script is the node on PATH outside node_modules', () => {
    const outside = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => !dir.split(sep).includes('node_modules'))
      .join(delimiter);
    const env = { ...process.env, PATH: outside };
    const shell = process.platform === 'win32';
    const own = spawnSync('node', ['-p', 'process.execPath'], { env, encoding: 'utf8', shell });
    const inScript = spawnSync('npm', ['exec', '--offline', '-c', 'node -p process.execPath'], {
      cwd: root,
      env,
      encoding: 'utf8',
      shell,
    });
    expect(inScript.stderr).toBe('');
    expect(realpathSync(inScript.stdout.trim())).toBe(realpathSync(own.stdout.trim()));
  });
});
