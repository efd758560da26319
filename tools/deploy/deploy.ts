/**
 * `npm run deploy` as steps: check the arguments, render the audio that changed, then
 * `cdk deploy`. The render and the cdk process are injected, so the order and the arguments are
 * tested without AWS; cli.ts supplies the real ones.
 */
import type { RenderSummary } from '../render/pipeline';
import { type AudioRender, DeployUsageError, hasSkillId, parseDeployArgs, USAGE } from './options';

/**
 * Amazon Polly's list price for neural voices, USD per million characters (us-east-1, at the
 * time of writing): only for the estimate printed after a render.
 */
export const POLLY_NEURAL_USD_PER_MILLION_CHARACTERS = 16;

/** What a render reports: the fields of the render pipeline's summary this tool prints. */
export type RenderReport = Pick<
  RenderSummary,
  | 'steps'
  | 'filesWritten'
  | 'filesReused'
  | 'piecesSynthesized'
  | 'piecesFromCache'
  | 'charactersSynthesized'
  | 'bytes'
  | 'seconds'
>;

export interface DeploySteps {
  /** Renders the catalogue with the engine into `outDir`; unchanged steps are reused. */
  render(engine: Exclude<AudioRender, 'skip'>, outDir: string): Promise<RenderReport>;
  /** Runs the cdk CLI with these arguments and resolves to its exit code. */
  cdk(args: readonly string[]): Promise<number>;
  /** The text of cdk.json and cdk.context.json, where they exist. */
  contextFiles(): readonly string[];
  /** Progress and results for the person deploying. */
  log(line: string): void;
}

/** One line saying what the render did and, for Polly, what it cost. */
export function describeRender(engine: Exclude<AudioRender, 'skip'>, report: RenderReport): string {
  const mb = (report.bytes / 1024 / 1024).toFixed(1);
  const base =
    `render (${engine}): ${report.steps} step variants, ${report.filesWritten} files written, ` +
    `${report.filesReused} unchanged, ${mb} MB in all, ${report.seconds.toFixed(1)} s`;
  if (engine !== 'polly') return base;
  const usd = (report.charactersSynthesized / 1_000_000) * POLLY_NEURAL_USD_PER_MILLION_CHARACTERS;
  return `${base}; ${report.charactersSynthesized.toLocaleString('en-US')} characters sent to Polly (about $${usd.toFixed(2)})`;
}

/**
 * Runs the deploy and resolves to the process exit code: cdk's own, or 1 for arguments that would
 * fail anyway (reported before anything is rendered or deployed).
 *
 * @throws whatever the render throws: nothing is deployed after a failed render
 */
export async function runDeploy(argv: readonly string[], steps: DeploySteps): Promise<number> {
  let options: ReturnType<typeof parseDeployArgs>;
  try {
    options = parseDeployArgs(argv);
  } catch (error) {
    if (!(error instanceof DeployUsageError)) throw error;
    steps.log(error.message);
    return 1;
  }
  if (options.help) {
    steps.log(USAGE);
    return 0;
  }
  if (!hasSkillId(options.cdkArgs, steps.contextFiles())) {
    steps.log(
      'Missing the Alexa skill id: npm run deploy -- -c skillId=amzn1.ask.skill.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx ' +
        '(README, "Deploy"). Nothing was rendered or deployed.',
    );
    return 1;
  }

  if (options.audio === 'skip') {
    steps.log(`render: skipped (--skip-render); deploying what ${options.audioDir} holds`);
  } else {
    steps.log(`render: ${options.audio === 'polly' ? 'Amazon Polly' : 'local engine'} into ${options.audioDir}`);
    const report = await steps.render(options.audio, options.audioDir);
    steps.log(describeRender(options.audio, report));
  }

  steps.log(`cdk ${options.cdkArgs.join(' ')}`);
  return steps.cdk(options.cdkArgs);
}
