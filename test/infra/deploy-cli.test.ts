import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENGINES, main, type RenderDependencies, renderAudio, STEPS, spawnCdk } from '../../tools/deploy/cli';
import type { DeploySteps, RenderReport } from '../../tools/deploy/deploy';
import { OUTPUTS_FILE } from '../../tools/deploy/options';
import type { SpeechEngine } from '../../tools/render/engine';
import { REPO_ROOT, TEST_SKILL_ID } from './synth-coach-app';

const SKILL = ['-c', `skillId=${TEST_SKILL_ID}`];

const REPORT: RenderReport = {
  steps: 1,
  filesWritten: 1,
  filesReused: 0,
  piecesSynthesized: 1,
  piecesFromCache: 0,
  charactersSynthesized: 10,
  bytes: 1024,
  seconds: 1,
};

describe('main', () => {
  it('reports a failed render and exits 1 without deploying', async () => {
    const calls: string[] = [];
    const logged: string[] = [];
    const steps: DeploySteps = {
      render: () => Promise.reject(new Error('Polly SynthesizeSpeech failed')),
      cdk: async (args) => {
        calls.push(args.join(' '));
        return 0;
      },
      contextFiles: () => [],
      log: (line) => logged.push(line),
    };
    await expect(main(SKILL, steps)).resolves.toBe(1);
    expect(calls).toEqual([]);
    expect(logged.at(-1)).toBe('deploy: Polly SynthesizeSpeech failed; nothing was deployed.');
  });

  it('passes on the exit code of a deploy', async () => {
    const steps: DeploySteps = {
      render: async () => REPORT,
      cdk: async () => 0,
      contextFiles: () => [],
      log: () => {},
    };
    await expect(main([...SKILL, '--skip-render'], steps)).resolves.toBe(0);
  });
});

describe('the real steps', () => {
  function fakeEngine(closed: string[]): SpeechEngine {
    return {
      name: 'local',
      voiceId: 'fake',
      synthesize: () => Promise.reject(new Error('not used')),
      close: async () => {
        closed.push('closed');
      },
    };
  }

  it('renders into the folder under the repository root with the chosen engine, and closes it', async () => {
    const closed: string[] = [];
    const seen: { outDir: string; engine: string; signal: boolean }[] = [];
    const deps: RenderDependencies = {
      engines: { polly: () => ({ ...fakeEngine(closed), voiceId: 'polly' }), local: () => fakeEngine(closed) },
      renderCatalogue: async (options) => {
        seen.push({ outDir: options.outDir, engine: options.engine.voiceId, signal: options.signal !== undefined });
        return REPORT;
      },
      progress: () => {},
    };
    const listeners = process.listenerCount('SIGINT');
    await expect(renderAudio('polly', 'build/audio', deps)).resolves.toBe(REPORT);
    expect(seen).toEqual([{ outDir: path.join(REPO_ROOT, 'build', 'audio'), engine: 'polly', signal: true }]);
    expect(closed).toEqual(['closed']);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('closes the engine when the render fails', async () => {
    const closed: string[] = [];
    const deps: RenderDependencies = {
      engines: { polly: () => fakeEngine(closed), local: () => fakeEngine(closed) },
      renderCatalogue: () => Promise.reject(new Error('espeak-ng not found')),
      progress: () => {},
    };
    await expect(renderAudio('local', '/tmp/audio', deps)).rejects.toThrow('espeak-ng not found');
    expect(closed).toEqual(['closed']);
  });

  it('has a Polly and a local engine', async () => {
    expect(ENGINES.polly().name).toBe('polly');
    const local = ENGINES.local();
    expect(local.name).toBe('local');
    await local.close?.();
  });

  it('logs to stderr', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      STEPS.log('render: skipped');
      expect(write).toHaveBeenCalledWith('render: skipped\n');
    } finally {
      write.mockRestore();
    }
  });

  describe('cdk', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-cdk-'));
      // Stands in for aws-cdk/bin/cdk: records its arguments and working folder, exits with a chosen code.
      fs.writeFileSync(
        path.join(dir, 'cdk.js'),
        `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'args.json'))}, ` +
          'JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));\n' +
          'process.exit(Number(process.argv[process.argv.length - 1]) || 0);\n',
      );
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('runs cdk in the repository root with the arguments and resolves to its exit code', async () => {
      await expect(spawnCdk(['deploy', '--outputs-file', OUTPUTS_FILE, '7'], path.join(dir, 'cdk.js'))).resolves.toBe(
        7,
      );
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'args.json'), 'utf8'))).toEqual({
        args: ['deploy', '--outputs-file', OUTPUTS_FILE, '7'],
        cwd: REPO_ROOT,
      });
    });

    it('runs the repository’s own cdk by default', async () => {
      await expect(STEPS.cdk(['--version'])).resolves.toBe(0);
    });
  });

  it('runs as npm run deploy does, and stops before rendering on bad flags', () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const help = spawnSync(tsx, ['tools/deploy/cli.ts', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stderr).toMatch(/^Usage: npm run deploy -- -c skillId=/);
    const bad = spawnSync(tsx, ['tools/deploy/cli.ts', '--local-audio', '--skip-render'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/exclude each other/);
  });

  it('reads cdk.json among the context files', () => {
    const files = STEPS.contextFiles();
    expect(files.some((text) => JSON.parse(text).app === 'npx tsx infra/app.ts')).toBe(true);
  });
});
