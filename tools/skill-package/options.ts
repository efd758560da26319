/**
 * Command-line options of the skill-package tool, and where the Lambda ARN comes from.
 * Pure: the CLI passes in argv, the environment and the outputs file's text.
 */
import { parseArgs } from 'node:util';
import { OUTPUT_KEYS, STACK_NAME } from '../../infra/stack-outputs';
import { PLACEHOLDER_URLS, SkillPackageError } from './manifest';

/** Environment variables that may carry the legal URLs instead of flags. */
export const URL_ENV = {
  privacyPolicyUrl: 'SKILL_PRIVACY_POLICY_URL',
  termsOfUseUrl: 'SKILL_TERMS_OF_USE_URL',
} as const;

export const USAGE = `Usage: npm run skill-package -- [options]

Writes build/skill-package/ (skill.json and interactionModels/custom/<locale>.json).

  --lambda-arn <arn>           The skill function's ARN. Default: read from the outputs file.
  --outputs-file <path>        cdk deploy --outputs-file result. Default: cdk-outputs.json
  --privacy-policy-url <url>   Default: $${URL_ENV.privacyPolicyUrl}, else a placeholder
  --terms-of-use-url <url>     Default: $${URL_ENV.termsOfUseUrl}, else a placeholder
  --models-dir <dir>           Default: interaction-models
  --out-dir <dir>              Default: build/skill-package
  --help`;

export interface SkillPackageOptions {
  readonly help: boolean;
  readonly lambdaArn: string | undefined;
  readonly outputsFile: string;
  readonly privacyPolicyUrl: string;
  readonly termsOfUseUrl: string;
  /** Which legal URLs are still placeholders (for a warning). */
  readonly placeholders: readonly string[];
  readonly modelsDir: string;
  readonly outDir: string;
}

/** Parses argv (without node and script) and the environment into options. */
export function parseOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'lambda-arn': { type: 'string' },
        'outputs-file': { type: 'string', default: 'cdk-outputs.json' },
        'privacy-policy-url': { type: 'string' },
        'terms-of-use-url': { type: 'string' },
        'models-dir': { type: 'string', default: 'interaction-models' },
        'out-dir': { type: 'string', default: 'build/skill-package' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SkillPackageError(`${(error as Error).message}\n\n${USAGE}`, { cause: error });
  }
  const str = (key: string): string | undefined => {
    const value = values[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const placeholders: string[] = [];
  const url = (flag: string, key: keyof typeof URL_ENV): string => {
    const value = str(flag) ?? env[URL_ENV[key]];
    if (value !== undefined && value !== '') return value;
    placeholders.push(flag);
    return PLACEHOLDER_URLS[key];
  };
  const options: SkillPackageOptions = {
    help: values.help === true,
    lambdaArn: str('lambda-arn'),
    outputsFile: str('outputs-file') ?? 'cdk-outputs.json',
    privacyPolicyUrl: url('privacy-policy-url', 'privacyPolicyUrl'),
    termsOfUseUrl: url('terms-of-use-url', 'termsOfUseUrl'),
    placeholders,
    modelsDir: str('models-dir') ?? 'interaction-models',
    outDir: str('out-dir') ?? 'build/skill-package',
  };
  return options;
}

/**
 * The skill function's ARN: the flag if given, else the stack output in the outputs file.
 *
 * @param outputsText the outputs file's content, or undefined when the file does not exist
 * @throws SkillPackageError naming both ways to supply it when neither does
 */
export function resolveLambdaArn(options: SkillPackageOptions, outputsText: string | undefined): string {
  if (options.lambdaArn !== undefined) return options.lambdaArn;
  const howTo =
    'Pass --lambda-arn arn:aws:lambda:<region>:<account>:function:<name>, or deploy first with ' +
    '`npm run deploy -- -c skillId=amzn1.ask.skill.…`, which writes cdk-outputs.json.';
  if (outputsText === undefined) {
    throw new SkillPackageError(`No Lambda ARN: no --lambda-arn flag and no ${options.outputsFile}. ${howTo}`);
  }
  let outputs: unknown;
  try {
    outputs = JSON.parse(outputsText);
  } catch (error) {
    throw new SkillPackageError(`${options.outputsFile} is not JSON. ${howTo}`, { cause: error });
  }
  const stack = (outputs as Record<string, unknown> | null)?.[STACK_NAME];
  const arn = (stack as Record<string, unknown> | null | undefined)?.[OUTPUT_KEYS.functionArn];
  if (typeof arn !== 'string') {
    throw new SkillPackageError(
      `No Lambda ARN: ${options.outputsFile} has no ${STACK_NAME}.${OUTPUT_KEYS.functionArn}. ${howTo}`,
    );
  }
  return arn;
}
