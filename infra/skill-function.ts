import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AUDIO_BASE_URL } from '../lambda/audio/env';
import { AUDIO_MANIFEST_BUNDLE_FILE } from '../lambda/audio/source';
import { ENV } from '../lambda/persistence/table';

/** Repository root: the bundler resolves packages and the lock file from here. */
const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Alexa waits about 8 s for a skill's answer (alexa-platform.md, "Sessions and turn-taking").
 * 7 s stays under that, so a stuck turn ends in Lambda (and is logged) before Alexa gives up.
 */
export const SKILL_FUNCTION_TIMEOUT = Duration.seconds(7);

/**
 * 512 MB: Lambda allots CPU in proportion to memory, and a cold start spends most of its time
 * parsing the minified bundle (ask-sdk plus the AWS SDK v3). At 128 MB that parse is several
 * times slower (a quarter of the CPU); at 512 MB a cold start stays well inside the deadline, and
 * duration costs about $1 a month at the expected scale, mostly inside the free tier
 * (README.md, "Costs at the expected scale"). Tune with measured REPORT lines.
 */
export const SKILL_FUNCTION_MEMORY_MB = 512;

/** The rendered audio a skill function plays: where it is served, and its manifest. */
export interface SkillFunctionAudio {
  /** The HTTPS origin of the rendered audio, passed to the handler as AUDIO_BASE_URL. */
  readonly baseUrl: string;
  /**
   * The render manifest (build/audio/manifest.json), bundled beside index.js as
   * AUDIO_MANIFEST_BUNDLE_FILE, where the handler reads it on the first hands-free request.
   */
  readonly manifestFile: string;
}

/** Properties of {@link SkillFunction}. */
export interface SkillFunctionProps {
  /** The Alexa skill id: the trigger's EventSourceToken and the handler's SKILL_ID. */
  readonly skillId: string;
  /** The DynamoDB table name passed to the handler as TABLE_NAME. */
  readonly tableName: string;
  /**
   * The rendered audio, both its origin and its manifest, or neither: the handler offers hands-free
   * mode only with both.
   *
   * @default - no AUDIO_BASE_URL and no manifest in the bundle; the skill speaks with SSML only
   */
  readonly audio?: SkillFunctionAudio;
  /**
   * The handler's entry file; it must export `handler`.
   *
   * @default lambda/index.ts at the repository root
   */
  readonly entry?: string;
  /**
   * Memory in MB.
   *
   * @default SKILL_FUNCTION_MEMORY_MB (512)
   */
  readonly memorySize?: number;
  /**
   * How long the function's logs are kept.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Bundling hooks that copy `file` into the bundle as AUDIO_MANIFEST_BUNDLE_FILE, beside index.js.
 * The copy is made by Node (the one tool every machine that bundles has), so it works in any shell.
 * Uncompressed on purpose: the asset zip compresses it as well as gzip would, and reading it plain
 * saves the handler a gunzip.
 */
export function copyIntoBundle(file: string): nodejs.ICommandHooks {
  const copy = "require('node:fs').copyFileSync(process.argv[1], process.argv[2])";
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) => [
      `node -e "${copy}" ${JSON.stringify(file)} ${JSON.stringify(path.join(outputDir, AUDIO_MANIFEST_BUNDLE_FILE))}`,
    ],
  };
}

/**
 * The skill's Lambda function: Node.js 22 on arm64, one minified bundle that includes the AWS SDK,
 * its own log group and role (no managed policies), and the Alexa Skills Kit trigger for one skill.
 */
export class SkillFunction extends Construct {
  public readonly function: nodejs.NodejsFunction;
  public readonly logGroup: logs.LogGroup;
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SkillFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      // Logs are operational and short-lived; leaving them behind after `cdk destroy` only costs.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole (AwsSolutions-IAM4): the function
    // may write to its own log group only, and gets table access from UserTable.grantItemAccess.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Partner Massage Coach skill function',
    });
    this.logGroup.grantWrite(this.role);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry ?? path.join(REPO_ROOT, 'lambda', 'index.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? SKILL_FUNCTION_MEMORY_MB,
      timeout: SKILL_FUNCTION_TIMEOUT,
      role: this.role,
      logGroup: this.logGroup,
      description: 'Partner Massage Coach: Alexa custom skill endpoint',
      environment: {
        [ENV.tableName]: props.tableName,
        [ENV.skillId]: props.skillId,
        ...(props.audio === undefined ? {} : { [AUDIO_BASE_URL]: props.audio.baseUrl }),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: true,
        sourceMap: true,
        // Stack traces need the mappings only; leaving the sources out shrinks the map (and the zip).
        sourcesContent: false,
        target: 'node22',
        format: nodejs.OutputFormat.CJS,
        // Bundle the AWS SDK v3 too: AWS's advice for Node 22 (a pinned, tree-shaken client
        // loads faster than the runtime's copy and cannot change under us).
        externalModules: [],
        // Bundle with the locally installed esbuild; no Docker here or in CI.
        forceDockerBundling: false,
        ...(props.audio === undefined ? {} : { commandHooks: copyIntoBundle(props.audio.manifestFile) }),
      },
    });

    this.function.addPermission('AlexaSkillsKitTrigger', {
      principal: new iam.ServicePrincipal('alexa-appkit.amazon.com'),
      action: 'lambda:InvokeFunction',
      eventSourceToken: props.skillId,
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The runtime is pinned to nodejs22.x on purpose: the project targets and tests Node 22 ' +
        '(npm run test:node22 runs the bundle under a Node 22 binary). Moving to a newer runtime is ' +
        'a deliberate change made together with that parity check, not a side effect of a CDK upgrade.',
    });
  }
}
