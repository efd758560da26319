/**
 * Readable stacks without --enable-source-maps: an error logged through `errorFields` names source
 * positions (lambda/*.ts) when it runs from the bundle, through index.js.map beside it, read on
 * the first logged error only; a cold start that logs none never reads it. Without a usable map
 * the frames are logged as they are.
 *
 * Source names are the map's, relative to the bundle's folder without the leading `../`: `lambda/…`
 * for a bundle built in dist/lambda or cdk.out, a longer path for one built in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUDIO_BASE_URL } from '../../lambda/audio/env';
import { errorFields, stackFrames } from '../../lambda/log';
import { coldLaunchEnvelope } from '../../tools/bench/cold-start';
import { bundleSkillSync } from '../../tools/build';

/** The pinned Node 22 (the Lambda runtime's major), when installed, besides the Node running the tests. */
const NODE22 = resolve(__dirname, '..', '..', 'tools', 'node22', 'node_modules', '.bin', 'node');
const NODES = [process.execPath, ...(existsSync(NODE22) ? [NODE22] : [])];

/**
 * The child: records which files it reads whose name ends in .map, requires the bundle, answers
 * one request, and prints the files it read. argv: [node, bundle, envelope].
 */
const CHILD = `
const fs = require('node:fs');
const read = fs.readFileSync;
const maps = [];
fs.readFileSync = function (file, ...rest) {
  if (String(file).endsWith('.map')) maps.push(String(file));
  return read.call(this, file, ...rest);
};
const { handler } = require(process.argv[1]);
const event = JSON.parse(read(process.argv[2], 'utf8'));
handler(event, {}).then((response) => {
  process.stdout.write('MAPS_READ ' + JSON.stringify(maps) + '\\n');
  process.stdout.write('SPOKE ' + Boolean(response.response.outputSpeech) + '\\n');
  const perf = process.moduleLoadList.filter((m) => /^NativeModule (perf_hooks|internal\\/perf\\/performance)$/.test(m));
  process.stdout.write('PERF_HOOKS ' + JSON.stringify(perf) + '\\n');
});
`;

interface Run {
  readonly logged: Record<string, unknown>[];
  readonly mapsRead: string[];
  readonly spoke: boolean;
  /** Node's perf_hooks modules the run loaded (the global \`performance\` loads them on first use). */
  readonly perfHooks: string[];
}

let dir: string;
let bundleFile: string;
let envelopeFile: string;
let noApiEnvelopeFile: string;

function launch(node: string, env: Record<string, string>, envelope: string = envelopeFile): Run {
  const result = spawnSync(node, ['-e', CHILD, bundleFile, envelope], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  const logged = lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const mapsLine = lines.find((line) => line.startsWith('MAPS_READ ')) ?? 'MAPS_READ null';
  return {
    logged,
    mapsRead: JSON.parse(mapsLine.slice('MAPS_READ '.length)) as string[],
    spoke: lines.includes('SPOKE true'),
    perfHooks: JSON.parse((lines.find((line) => line.startsWith('PERF_HOOKS ')) ?? 'PERF_HOOKS null').slice(11)),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-map-stack-'));
  bundleFile = join(dir, 'skill', 'index.js');
  bundleSkillSync(bundleFile);
  envelopeFile = join(dir, 'launch.json');
  writeFileSync(envelopeFile, JSON.stringify(coldLaunchEnvelope()));
  const noApi = coldLaunchEnvelope();
  const { apiAccessToken: _token, apiEndpoint: _endpoint, ...system } = noApi.context.System;
  noApiEnvelopeFile = join(dir, 'launch-no-api.json');
  writeFileSync(noApiEnvelopeFile, JSON.stringify({ ...noApi, context: { ...noApi.context, System: system } }));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(NODES)('the bundle under %s', (node) => {
  it('logs an error with its frames at source positions in lambda/*.ts, reading the map then', () => {
    // An http:// origin: the audio source throws, index.ts logs audio_source_invalid and goes on.
    const run = launch(node, { [AUDIO_BASE_URL]: 'http://audio.example' });
    expect(run.spoke).toBe(true);
    const invalid = run.logged.find((line) => line.event === 'audio_source_invalid');
    expect(invalid).toMatchObject({
      level: 'error',
      error: 'AudioUrlError',
      message: expect.stringContaining('https'),
    });
    const frames = String(invalid?.stack).split('\n');
    expect(frames[0]).toMatch(/^at .+ \((?:[\w.-]+\/)*lambda\/audio\/source\.ts:\d+:\d+\)$/);
    expect(frames.some((frame) => /[(/]lambda\/index\.ts:\d+:\d+\)$/.test(frame))).toBe(true);
    // No frame is left at a position in the minified bundle.
    expect(frames.filter((frame) => frame.includes(bundleFile))).toEqual([]);
    expect(run.mapsRead).toEqual([`${bundleFile}.map`]);
  });

  it('never reads the map on a cold start that logs no error', () => {
    const run = launch(node, {});
    expect(run.spoke).toBe(true);
    expect(run.logged.filter((line) => line.stack !== undefined)).toEqual([]);
    expect(run.mapsRead).toEqual([]);
  });

  it("loads none of Node's perf_hooks on a launch that calls out to nothing: the turn's clock is process.hrtime", () => {
    // Without API access in the request the launch reads no time zone (fetch would load them).
    const run = launch(node, {}, noApiEnvelopeFile);
    expect(run.spoke).toBe(true);
    expect(run.perfHooks).toEqual([]);
  });
});

describe('stackFrames', () => {
  /** Line and column (from 1) of the first occurrence of `text` in `file`. */
  function positionOf(file: string, text: string): { line: number; column: number } {
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(text));
    return { line: line + 1, column: (lines[line] ?? '').indexOf(text) + 1 };
  }

  function errorAt(file: string, line: number, column: number): Error {
    const error = new Error('boom');
    error.stack = [
      'Error: boom',
      `    at Ab (${file}:${line}:${column})`,
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n');
    return error;
  }

  it('maps the frames of a bundle through the map beside it, and leaves the others', () => {
    const { line, column } = positionOf(bundleFile, 'must be an https:// URL');
    const frames = stackFrames(errorAt(bundleFile, line, column), bundleFile)?.split('\n');
    expect(frames?.[0]).toMatch(/^at Ab \((?:[\w.-]+\/)*lambda\/audio\/source\.ts:\d+:\d+\)$/);
    expect(frames?.[1]).toBe('at process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
  });

  it.each([
    ['no map', undefined],
    ['a map that is not JSON', '{"version":3,'],
    ['a map that is not a source map', '{"hello":"world"}'],
    ['a map with no mappings', '{"version":3,"sources":["a.ts"],"names":[],"mappings":""}'],
    ['a map whose mappings are not text', '{"version":3,"sources":["a.ts"],"names":[],"mappings":42}'],
  ])('leaves the frames as they are with %s', (_name, map) => {
    const folder = mkdtempSync(join(dir, 'garbage-'));
    const file = join(folder, 'index.js');
    writeFileSync(file, '');
    if (map !== undefined) writeFileSync(`${file}.map`, map);
    const error = errorAt(file, 1, 42);
    expect(stackFrames(error, file)).toBe(
      [`at Ab (${file}:1:42)`, 'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)'].join(
        '\n',
      ),
    );
  });

  it('leaves frames from source (tests, the simulator) as they are: lambda/log.ts has no map', () => {
    const error = new Error('from source');
    const frames = stackFrames(error);
    expect(frames?.split('\n')[0]).toMatch(/source-map-stack\.test\.ts:\d+:\d+\)$/);
    expect(errorFields(error)).toEqual({ error: 'Error', message: 'from source', stack: frames });
  });

  it('gives nothing for a stack that is not a string or holds no frame, and never throws', () => {
    const odd = new Error('odd');
    Object.defineProperty(odd, 'stack', { value: undefined });
    expect(stackFrames(odd)).toBeUndefined();
    const bare = new Error('bare');
    bare.stack = 'Error: bare';
    expect(stackFrames(bare)).toBeUndefined();
    const hostile = new Error('hostile');
    Object.defineProperty(hostile, 'stack', {
      get() {
        throw new Error('no stack for you');
      },
    });
    expect(stackFrames(hostile)).toBeUndefined();
    expect(errorFields(hostile)).toEqual({ error: 'Error', message: 'hostile' });
  });

  it("keeps errorFields' fields: name, message (200 characters at most) and the cause's name", () => {
    const error = new TypeError('x'.repeat(300), { cause: new RangeError('inner') });
    expect(errorFields(error)).toMatchObject({ error: 'TypeError', message: 'x'.repeat(200), cause: 'RangeError' });
    expect(errorFields('a string')).toEqual({ error: 'string' });
  });
});
