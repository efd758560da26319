import * as fs from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage, Duration, type ILocalBundling, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AUDIO_BASE_URL } from '../lambda/audio/env';
import { AUDIO_MANIFEST_BUNDLE_FILE } from '../lambda/audio/source';
import { ENV } from '../lambda/persistence/table';
import { bundleSkillSync, LAMBDA_ENTRY } from '../tools/build';

/** Repository root: the skill's sources are found from here. */
const REPO_ROOT = path.resolve(__dirname, '..');

/** The bundle's file in the asset: the function's handler is `index.handler`. */
export const SKILL_BUNDLE_FILE = 'index.js';

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
 * Builds the skill function's asset with the project's own build, in this process: the bundle
 * exactly as `npm run build` and the bench make it (tools/build.ts: index.js, its map, and the
 * credential chain in credential-chain.js beside it), plus the render manifest, when there is one,
 * copied beside index.js as AUDIO_MANIFEST_BUNDLE_FILE. Uncompressed on purpose: the asset zip
 * compresses it as well as gzip would, and reading it plain saves the handler a gunzip.
 *
 * Its fields are part of the asset's cache key in CDK, so two functions with different entries or
 * manifests in one synthesis get two assets.
 */
export class SkillBundling implements ILocalBundling {
  constructor(
    /** The handler's entry file. */
    readonly entry: string,
    /** The render manifest to copy beside index.js, if any. */
    readonly manifestFile: string | undefined,
  ) {}

  /** Always bundles (or throws with esbuild's message): CDK never falls back to Docker. */
  tryBundle(outputDir: string): boolean {
    bundleSkillSync(path.join(outputDir, SKILL_BUNDLE_FILE), this.entry);
    if (this.manifestFile !== undefined) {
      fs.copyFileSync(this.manifestFile, path.join(outputDir, AUDIO_MANIFEST_BUNDLE_FILE));
    }
    return true;
  }
}

/**
 * The skill's Lambda function: Node.js 22 on arm64, the project's minified bundle that includes the
 * AWS SDK (built by {@link SkillBundling}, no Docker), its own log group and role (no managed
 * policies), and the Alexa Skills Kit trigger for one skill.
 */
export class SkillFunction extends Construct {
  public readonly function: lambda.Function;
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

    const entry = props.entry ?? path.join(REPO_ROOT, LAMBDA_ENTRY);
    this.function = new lambda.Function(this, 'Function', {
      // The asset is what the build wrote, hashed by its content: a new bundle or manifest deploys
      // new code, an unchanged one does not. The source folder is only where CDK looks when a
      // synthesis skips bundling (`cdk synth --exclusively` of another stack).
      code: lambda.Code.fromAsset(path.dirname(entry), {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          local: new SkillBundling(entry, props.audio?.manifestFile),
          // Required by the type, never pulled: local bundling always succeeds or throws.
          image: DockerImage.fromRegistry('unused-local-bundling-only'),
        },
      }),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? SKILL_FUNCTION_MEMORY_MB,
      timeout: SKILL_FUNCTION_TIMEOUT,
      role: this.role,
      logGroup: this.logGroup,
      description: 'Partner Massage Coach: Alexa custom skill endpoint',
      // No NODE_OPTIONS=--enable-source-maps: it makes Node read and parse index.js.map at every
      // cold start (tens of ms). lambda/log.ts maps a logged error's frames instead, on first need.
      environment: {
        [ENV.tableName]: props.tableName,
        [ENV.skillId]: props.skillId,
        ...(props.audio === undefined ? {} : { [AUDIO_BASE_URL]: props.audio.baseUrl }),
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
