import {
  type DeploySteps,
  describeRender,
  POLLY_NEURAL_USD_PER_MILLION_CHARACTERS,
  type RenderReport,
  runDeploy,
} from '../../tools/deploy/deploy';
import { contextArgs, DeployUsageError, hasSkillId, OUTPUTS_FILE, parseDeployArgs } from '../../tools/deploy/options';
import { TEST_SKILL_ID } from './synth-coach-app';

const SKILL = ['-c', `skillId=${TEST_SKILL_ID}`];

const REPORT: RenderReport = {
  steps: 1584,
  filesWritten: 12,
  filesReused: 1572,
  piecesSynthesized: 30,
  piecesFromCache: 2000,
  charactersSynthesized: 250_000,
  bytes: 300 * 1024 * 1024,
  seconds: 42,
};

/** Steps that record what was called, in order; cdk answers with `cdkExit`. */
function recordingSteps(options: { cdkExit?: number; renderError?: Error; contextFiles?: string[] } = {}) {
  const calls: string[] = [];
  const logged: string[] = [];
  const steps: DeploySteps = {
    async render(engine, outDir) {
      calls.push(`render ${engine} ${outDir}`);
      if (options.renderError !== undefined) throw options.renderError;
      return REPORT;
    },
    async cdk(args) {
      calls.push(`cdk ${args.join(' ')}`);
      return options.cdkExit ?? 0;
    },
    contextFiles: () => options.contextFiles ?? [],
    log: (line) => logged.push(line),
  };
  return { steps, calls, logged };
}

describe('deploy arguments', () => {
  it('renders with Polly by default and passes every other argument to cdk deploy with the outputs file', () => {
    expect(parseDeployArgs([...SKILL, '-c', 'alarmEmail=a@example.com', '--require-approval', 'never'])).toEqual({
      help: false,
      audio: 'polly',
      audioDir: 'build/audio',
      cdkArgs: [
        'deploy',
        '--outputs-file',
        OUTPUTS_FILE,
        ...SKILL,
        '-c',
        'alarmEmail=a@example.com',
        '--require-approval',
        'never',
      ],
    });
    expect(OUTPUTS_FILE).toBe('cdk-outputs.json');
  });

  it.each([
    [['--local-audio'], 'local'],
    [['--skip-render'], 'skip'],
    [['--local-audio', '--local-audio'], 'local'],
  ])('%j renders %s, and is not passed to cdk', (flags, audio) => {
    const options = parseDeployArgs([...flags, ...SKILL]);
    expect(options.audio).toBe(audio);
    expect(options.cdkArgs).toEqual(['deploy', '--outputs-file', OUTPUTS_FILE, ...SKILL]);
  });

  it('refuses --local-audio with --skip-render', () => {
    expect(() => parseDeployArgs(['--local-audio', '--skip-render'])).toThrow(DeployUsageError);
    expect(() => parseDeployArgs(['--skip-render', '--local-audio'])).toThrow(/exclude each other[\s\S]*Usage:/);
  });

  it('refuses a "deploy" it would add itself', () => {
    expect(() => parseDeployArgs(['deploy', ...SKILL])).toThrow(/Leave out "deploy"/);
  });

  it('keeps an outputs file given on the command line instead of its own', () => {
    expect(parseDeployArgs(['--outputs-file', 'x.json', ...SKILL]).cdkArgs).toEqual([
      'deploy',
      '--outputs-file',
      'x.json',
      ...SKILL,
    ]);
    expect(parseDeployArgs(['--outputs-file=x.json']).cdkArgs).toEqual(['deploy', '--outputs-file=x.json']);
  });

  it('renders into the folder -c audioDir names, which the stack uploads from', () => {
    expect(parseDeployArgs([...SKILL, '--context', 'audioDir=out/audio']).audioDir).toBe('out/audio');
  });

  it('reads -c, --context and --context= pairs, the last one winning', () => {
    expect(
      contextArgs(['-c', 'a=1', '--context', 'b=2=3', '--context=c=4', '-c', 'a=5', '-c', 'broken', '-c']),
    ).toEqual({ a: '5', b: '2=3', c: '4' });
  });

  it('finds a skill id in the arguments, in cdk.json context or in cdk.context.json', () => {
    expect(hasSkillId(SKILL, [])).toBe(true);
    expect(hasSkillId([], [JSON.stringify({ context: { skillId: TEST_SKILL_ID } })])).toBe(true);
    expect(hasSkillId([], [JSON.stringify({ skillId: TEST_SKILL_ID })])).toBe(true);
    expect(hasSkillId([], [JSON.stringify({ context: {} }), 'not json'])).toBe(false);
  });
});

describe('deploy steps', () => {
  it('renders with Polly, then deploys, and exits with cdk’s code', async () => {
    const { steps, calls } = recordingSteps({ cdkExit: 3 });
    await expect(runDeploy(SKILL, steps)).resolves.toBe(3);
    expect(calls).toEqual([
      'render polly build/audio',
      `cdk deploy --outputs-file ${OUTPUTS_FILE} -c skillId=${TEST_SKILL_ID}`,
    ]);
  });

  it('renders with the local engine for --local-audio', async () => {
    const { steps, calls } = recordingSteps();
    await expect(runDeploy(['--local-audio', ...SKILL], steps)).resolves.toBe(0);
    expect(calls[0]).toBe('render local build/audio');
    expect(calls).toHaveLength(2);
  });

  it('deploys without rendering for --skip-render', async () => {
    const { steps, calls, logged } = recordingSteps();
    await expect(runDeploy([...SKILL, '--skip-render'], steps)).resolves.toBe(0);
    expect(calls).toEqual([`cdk deploy --outputs-file ${OUTPUTS_FILE} -c skillId=${TEST_SKILL_ID}`]);
    expect(logged[0]).toMatch(/render: skipped/);
  });

  it('neither renders nor deploys without a skill id, and says how to pass one', async () => {
    const { steps, calls, logged } = recordingSteps();
    await expect(runDeploy(['-c', 'alarmEmail=a@example.com'], steps)).resolves.toBe(1);
    expect(calls).toEqual([]);
    expect(logged.join('\n')).toMatch(/Missing the Alexa skill id: npm run deploy -- -c skillId=amzn1\.ask\.skill\./);
  });

  it('takes the skill id from cdk.context.json', async () => {
    const { steps, calls } = recordingSteps({ contextFiles: [JSON.stringify({ skillId: TEST_SKILL_ID })] });
    await expect(runDeploy(['--skip-render'], steps)).resolves.toBe(0);
    expect(calls).toEqual([`cdk deploy --outputs-file ${OUTPUTS_FILE}`]);
  });

  it('does not deploy after a failed render', async () => {
    const { steps, calls, logged } = recordingSteps({ renderError: new Error('Polly SynthesizeSpeech failed') });
    await expect(runDeploy(SKILL, steps)).rejects.toThrow('Polly SynthesizeSpeech failed');
    expect(calls).toEqual(['render polly build/audio']);
    expect(logged.join('\n')).not.toMatch(/^cdk /m);
  });

  it('prints usage for --help and for bad flags, and runs nothing', async () => {
    const help = recordingSteps();
    await expect(runDeploy(['--help'], help.steps)).resolves.toBe(0);
    expect(help.logged[0]).toMatch(/^Usage: npm run deploy/);
    const bad = recordingSteps();
    await expect(runDeploy(['--skip-render', '--local-audio', ...SKILL], bad.steps)).resolves.toBe(1);
    expect(bad.logged[0]).toMatch(/exclude each other/);
    expect([...help.calls, ...bad.calls]).toEqual([]);
  });

  it('reports what the render did, with the Polly characters and their cost', () => {
    const usd = (250_000 / 1_000_000) * POLLY_NEURAL_USD_PER_MILLION_CHARACTERS;
    expect(describeRender('polly', REPORT)).toBe(
      'render (polly): 1584 step variants, 12 files written, 1572 unchanged, 300.0 MB in all, 42.0 s; ' +
        `250,000 characters sent to Polly (about $${usd.toFixed(2)})`,
    );
    expect(describeRender('local', REPORT)).not.toMatch(/Polly/);
  });
});
