/**
 * Command-line options of `npm run deploy`: its own flags choose how the audio is rendered; every
 * other argument is passed to `cdk deploy` unchanged. Pure: the CLI passes in argv and the context
 * files' text.
 */
import { DEFAULT_AUDIO_DIR } from '../../infra/deploy-config';

/** Where `cdk deploy` writes the stack outputs; the skill-package tool reads them back. */
export const OUTPUTS_FILE = 'cdk-outputs.json';

export const USAGE = `Usage: npm run deploy -- -c skillId=amzn1.ask.skill.… [options] [cdk deploy arguments]

Renders the routine audio that changed (Amazon Polly, neural voice), then runs
cdk deploy --outputs-file ${OUTPUTS_FILE} with the other arguments.

  --local-audio   Render with the local engine (eSpeak NG) instead: no Polly costs, robotic voice
  --skip-render   Deploy what build/audio holds now (code-only redeploys)
  --help

Any other argument goes to cdk deploy: -c skillId=… (required), -c alarmEmail=…, -c audioDir=…,
-c audioDomain=… -c audioCertificateArn=…, --require-approval never, --profile …`;

/** The deploy arguments are unusable; the message says why, followed by the usage. */
export class DeployUsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`${message}\n\n${USAGE}`, options);
    this.name = 'DeployUsageError';
  }
}

/** How the audio is made before deploying. */
export type AudioRender = 'polly' | 'local' | 'skip';

export interface DeployOptions {
  readonly help: boolean;
  readonly audio: AudioRender;
  /** Where the render writes and the stack uploads from: `-c audioDir=…` if given. */
  readonly audioDir: string;
  /** The full `cdk` command line: `deploy --outputs-file cdk-outputs.json` and the rest. */
  readonly cdkArgs: readonly string[];
}

const OWN_FLAGS = { '--local-audio': 'local', '--skip-render': 'skip' } as const satisfies Record<string, AudioRender>;

/**
 * The `-c key=value` / `--context key=value` (or `--context=key=value`) pairs among cdk arguments,
 * last one winning, as the CDK CLI reads them.
 */
export function contextArgs(args: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  const add = (pair: string | undefined) => {
    const at = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && at > 0) context[pair.slice(0, at)] = pair.slice(at + 1);
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '-c' || arg === '--context') {
      add(args[i + 1]);
      i += 1;
    } else if (arg.startsWith('--context=')) {
      add(arg.slice('--context='.length));
    }
  }
  return context;
}

/** Parses argv (without node and script). */
export function parseDeployArgs(argv: readonly string[]): DeployOptions {
  let audio: AudioRender = 'polly';
  let help = false;
  const passed: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg in OWN_FLAGS) {
      const chosen = OWN_FLAGS[arg as keyof typeof OWN_FLAGS];
      if (audio !== 'polly' && audio !== chosen) {
        throw new DeployUsageError(
          '--local-audio and --skip-render exclude each other: render locally, or not at all.',
        );
      }
      audio = chosen;
    } else {
      passed.push(arg);
    }
  }
  if (passed[0] === 'deploy') {
    throw new DeployUsageError('Leave out "deploy": npm run deploy adds it (npm run deploy -- -c skillId=…).');
  }
  const audioDir = contextArgs(passed).audioDir ?? DEFAULT_AUDIO_DIR;
  const ownOutputs = passed.some((arg) => arg === '--outputs-file' || arg.startsWith('--outputs-file='));
  const cdkArgs = ['deploy', ...(ownOutputs ? [] : ['--outputs-file', OUTPUTS_FILE]), ...passed];
  return { help, audio, audioDir, cdkArgs };
}

/**
 * Whether synthesis will find a skill id: among the `-c` arguments, or in the context of cdk.json
 * or cdk.context.json. Checked before rendering, so a forgotten flag costs no Polly characters.
 *
 * @param contextFiles the text of cdk.json and cdk.context.json, where they exist
 */
export function hasSkillId(cdkArgs: readonly string[], contextFiles: readonly string[]): boolean {
  if (contextArgs(cdkArgs).skillId !== undefined) return true;
  return contextFiles.some((text) => {
    try {
      const parsed = JSON.parse(text) as { context?: Record<string, unknown>; skillId?: unknown };
      // cdk.json keeps context under "context"; cdk.context.json is the context itself.
      return typeof parsed.context?.skillId === 'string' || typeof parsed.skillId === 'string';
    } catch {
      return false; // cdk itself reports a broken file
    }
  });
}
