/**
 * `--node-options` of the independent cold-start tool: every timed run gets that NODE_OPTIONS (to
 * time, say, what --enable-source-maps costs a cold start), and none without it, as on Lambda.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { independentColdStarts, parseOptions, runCli } from '../../tools/bench/cold-start-independent';

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cold-start-node-options-'));
  bundle = join(dir, 'echo.js');
  // Answers only under the NODE_OPTIONS it was built for: a run without them fails with the reason.
  writeFileSync(
    bundle,
    [
      'exports.handler = async () => {',
      "  if (process.env.NODE_OPTIONS !== process.env.EXPECTED_NODE_OPTIONS) throw new Error('NODE_OPTIONS=' + process.env.NODE_OPTIONS);",
      "  return { response: { outputSpeech: { type: 'PlainText', text: 'hi' } } };",
      '};',
    ].join('\n'),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--node-options', () => {
  it('is read from the command line, and absent unless given', () => {
    expect(parseOptions(['--node-options', '--enable-source-maps']).nodeOptions).toBe('--enable-source-maps');
    expect('nodeOptions' in parseOptions(['--runs', '2'])).toBe(false);
  });

  it('reaches every run as NODE_OPTIONS, and is named under the figures', async () => {
    const sourceMaps = join(dir, 'source-maps.js');
    writeFileSync(
      sourceMaps,
      `process.env.EXPECTED_NODE_OPTIONS = '--enable-source-maps';\nmodule.exports = require('./echo.js');\n`,
    );
    const none = join(dir, 'none.js');
    writeFileSync(none, `delete process.env.EXPECTED_NODE_OPTIONS;\nmodule.exports = require('./echo.js');\n`);
    const [row] = await independentColdStarts({
      bundles: [{ name: 'maps', path: sourceMaps }],
      runs: 1,
      node: process.execPath,
      nodeOptions: '--enable-source-maps',
    });
    expect(row?.runs).toBe(1);
    await expect(
      independentColdStarts({ bundles: [{ name: 'maps', path: sourceMaps }], runs: 1, node: process.execPath }),
    ).rejects.toThrow(/NODE_OPTIONS=undefined/);
    let text = '';
    await runCli(
      ['--runs', '1', '--node-options', '--enable-source-maps'],
      (t) => {
        text += t;
      },
      async () => [{ name: 'maps', path: sourceMaps }],
    );
    expect(text.trim().split('\n').pop()).toBe('NODE_OPTIONS=--enable-source-maps');
    const [plain] = await independentColdStarts({
      bundles: [{ name: 'none', path: none }],
      runs: 1,
      node: process.execPath,
    });
    expect(plain?.runs).toBe(1);
  }, 60_000);
});
