import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest } from '../../lambda/audio/manifest';
import { catalogue } from '../../lambda/content';
import {
  DEFAULT_OUT_DIR,
  ENGINES,
  type EngineFactories,
  loadPollyEngine,
  main,
  parseCli,
  UsageError,
} from '../../tools/render/cli';
import { toneEngine } from './tone-engine';

describe('npm run render arguments', () => {
  it('default to the local engine, every routine, build/audio', () => {
    expect(parseCli([])).toEqual({
      engine: 'local',
      routines: undefined,
      outDir: DEFAULT_OUT_DIR,
      cacheDir: undefined,
      concurrency: undefined,
      voice: undefined,
      region: undefined,
      help: false,
    });
  });

  it('take an engine, routines, folders and a concurrency', () => {
    const argv = [
      '--engine',
      'polly',
      '--routine',
      'foot',
      '--routine',
      'hand',
      '--out',
      'x',
      '--cache',
      'y',
      '--concurrency',
      '3',
      '--voice',
      'Amy',
      '--region',
      'eu-west-2',
    ];
    expect(parseCli(argv)).toEqual({
      engine: 'polly',
      routines: ['foot', 'hand'],
      outDir: 'x',
      cacheDir: 'y',
      concurrency: 3,
      voice: 'Amy',
      region: 'eu-west-2',
      help: false,
    });
  });

  it.each([
    [['--engine', 'festival'], /no engine called festival/],
    [['--routine', 'backRub'], /no routine backRub/],
    [['--concurrency', '0'], /whole number/],
    [['--concurrency', 'two'], /whole number/],
    [['--louder'], /Unknown option/],
    [['--voice', 'Amy'], /add --engine polly/],
    [['--engine', 'polly', '--voice', 'amy; rm'], /no voice called/],
    [['--engine', 'polly', '--region', 'moon-1'], /no AWS Region called moon-1/],
  ])('refuse %j with the usage', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(message);
    expect(() => parseCli(argv)).toThrow(/Usage: npm run render/);
  });
});

describe('npm run render', () => {
  const root = mkdtempSync(join(tmpdir(), 'render-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints the usage for --help and renders nothing', async () => {
    let printed = '';
    await main(['--help'], (text) => {
      printed += text;
    });
    expect(printed).toMatch(/^Usage: npm run render -- \[--engine local\|polly\]/);
  });

  it('renders the routines asked for with the engine asked for, says what it did, and closes the engine', async () => {
    const engine = toneEngine();
    let closed = false;
    const engines: EngineFactories = {
      local: () => {
        throw new Error('not this one');
      },
      polly: () => ({
        ...engine,
        close: async () => {
          closed = true;
        },
      }),
    };
    let printed = '';
    const outDir = join(root, 'audio');
    const argv = [
      '--engine',
      'polly',
      '--routine',
      'hand',
      '--out',
      outDir,
      '--cache',
      join(root, 'cache'),
      '--concurrency',
      '2',
    ];
    const progress: string[] = [];
    await main(
      argv,
      (text) => {
        printed += text;
      },
      engines,
      (message) => progress.push(message),
    );
    expect(progress[0]).toMatch(/^108 step variants: 0 already rendered; \d+ pieces of speech to make$/);
    const manifest = readManifest(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')));
    expect(Object.keys(manifest.steps)).toHaveLength((catalogue.get('hand')?.steps.length ?? 0) * 18);
    expect(printed).toMatch(
      /^108 step variants in \d+ files \([\d.]+ MB\): \d+ written, 0 unchanged, 0 old ones removed\n/,
    );
    expect(printed).toMatch(/speech: \d+ pieces synthesised \(\d+ characters\), 0 from the cache/);
    expect(printed).toContain(`manifest: ${join(outDir, 'manifest.json')} (render ${manifest.renderVersion})`);
    expect(closed).toBe(true);
    expect(existsSync(join(root, 'cache', 'speech'))).toBe(true);
  });

  it('stops at Ctrl-C, publishing nothing, and closes the engine', async () => {
    const outDir = join(root, 'interrupted');
    let closed = false;
    const interrupting = toneEngine({ before: () => void process.emit('SIGINT') });
    const engines: EngineFactories = {
      local: () => ({
        ...interrupting,
        close: async () => {
          closed = true;
        },
      }),
      polly: () => interrupting,
    };
    const run = main(
      ['--routine', 'hand', '--out', outDir, '--concurrency', '1'],
      () => {},
      engines,
      () => {},
    );
    await expect(run).rejects.toThrow(/render interrupted: nothing half-written was published/);
    expect(existsSync(join(outDir, 'manifest.json'))).toBe(false);
    expect(closed).toBe(true);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('makes the local engine by default', async () => {
    const engine = await ENGINES.local(parseCli([]));
    expect(engine.name).toBe('local');
    await engine.close?.();
  });

  it('loads the Polly engine only when asked, and says so when it cannot', async () => {
    await expect(loadPollyEngine('./no-such-engine')).rejects.toThrow();
  });

  it('makes a Polly engine from its module', async () => {
    const engine = await loadPollyEngine();
    expect(engine.name).toBe('polly');
    await engine.close?.();
  });

  it('makes the Polly engine with the voice asked for, which changes every content hash', async () => {
    const engine = await loadPollyEngine('./polly-engine', { voice: 'Matthew', region: 'eu-west-2' });
    expect(engine.voiceId).toBe('polly/neural/Matthew/pcm-16000');
    await engine.close?.();
  });
});
