import { type CfnResource, RemovalPolicy, Size, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { AUDIO_CACHE_CONTROL } from './audio-hosting';

/** The render pipeline's index of what it wrote; it also writes the audio and the Now Playing art. */
export const AUDIO_MANIFEST_FILE = 'manifest.json';

/** The render pipeline's Now Playing pictures: `art/<area>-<hash>.png`, named by content like the MP3s. */
export const AUDIO_ART_PATTERN = 'art/*.png';

/**
 * How long edges and players may keep the manifest: its path is fixed and each render rewrites
 * it, so a minute after a deploy everyone sees the new one.
 */
export const MANIFEST_CACHE_CONTROL = 'public, max-age=60';

/** Content types the uploads set, by the file patterns each upload takes. */
export const AUDIO_CONTENT_TYPES = { audio: 'audio/mpeg', art: 'image/png', manifest: 'application/json' } as const;

/**
 * Room for the upload function to unpack the catalogue (it downloads the zipped asset and
 * extracts it in /tmp): 2 GiB holds several times the rendered catalogue, and /tmp beyond the
 * free 512 MB is billed only for the seconds a deploy runs.
 */
export const UPLOAD_EPHEMERAL_STORAGE = Size.gibibytes(2);

/** Properties of {@link AudioUpload}. */
export interface AudioUploadProps {
  /** Where the files go. */
  readonly bucket: s3.IBucket;
  /** The render pipeline's output folder (`build/audio`), with its manifest.json. */
  readonly sourceDir: string;
}

/**
 * Copies the rendered audio into the bucket at deploy time (`aws s3 sync` in a CDK-managed
 * function): the MP3 files and the Now Playing pictures as immutable, then the manifest that names them. Nothing is ever
 * deleted (prune off): a paused session may hold a token for a file an older render wrote.
 */
export class AudioUpload extends Construct {
  public readonly audio: s3deploy.BucketDeployment;
  public readonly art: s3deploy.BucketDeployment;
  public readonly manifest: s3deploy.BucketDeployment;
  /** The upload function's role: its own log group, the asset zip, and the audio bucket. */
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AudioUploadProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of the AWSLambdaBasicExecutionRole one BucketDeployment would
    // create (AwsSolutions-IAM4): logs go to this log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Partner Massage Coach: uploads rendered audio at deploy',
    });
    this.logGroup.grantWrite(this.role);

    const source = s3deploy.Source.asset(props.sourceDir);
    const common = {
      sources: [source],
      destinationBucket: props.bucket,
      prune: false,
      retainOnDelete: true,
      // Thousands of keys would not fit in the custom resource's 4 KB response.
      outputObjectKeys: false,
      role: this.role,
      logGroup: this.logGroup,
      ephemeralStorageSize: UPLOAD_EPHEMERAL_STORAGE,
    } satisfies Partial<s3deploy.BucketDeploymentProps>;

    this.audio = new s3deploy.BucketDeployment(this, 'Audio', {
      ...common,
      // `aws s3 sync` filters: later ones win, so this takes the MP3 files and nothing else.
      exclude: ['*'],
      include: ['*.mp3'],
      contentType: AUDIO_CONTENT_TYPES.audio,
      cacheControl: [s3deploy.CacheControl.fromString(AUDIO_CACHE_CONTROL)],
    });

    this.art = new s3deploy.BucketDeployment(this, 'Art', {
      ...common,
      exclude: ['*'],
      include: [AUDIO_ART_PATTERN],
      contentType: AUDIO_CONTENT_TYPES.art,
      cacheControl: [s3deploy.CacheControl.fromString(AUDIO_CACHE_CONTROL)],
    });

    this.manifest = new s3deploy.BucketDeployment(this, 'Manifest', {
      ...common,
      exclude: ['*'],
      include: [AUDIO_MANIFEST_FILE],
      contentType: AUDIO_CONTENT_TYPES.manifest,
      cacheControl: [s3deploy.CacheControl.fromString(MANIFEST_CACHE_CONTROL)],
    });
    // The manifest never names a file that is not there yet.
    this.manifest.node.addDependency(this.audio, this.art);

    const stack = Stack.of(this);
    Validations.of(this.role).acknowledge(
      ...bucketDeploymentWildcards(bucketLogicalId(stack, props.bucket)).map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: WILDCARD_REASON,
      })),
    );

    // The upload function is a stack-wide singleton that BucketDeployment creates next to this
    // construct, not inside it; acknowledge on that function alone.
    const uploadFunction = stack.node.children.find((child) => child.node.id.startsWith(UPLOAD_FUNCTION_ID_PREFIX));
    if (uploadFunction === undefined) throw new Error('BucketDeployment created no upload function');
    Validations.of(uploadFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "The upload function is aws-cdk-lib's own BucketDeployment handler (Python, with the AWS CLI layer); " +
        'its runtime is chosen and tested by aws-cdk-lib and moves with it. It runs only during a deploy, ' +
        'is invoked only by CloudFormation, and serves no user request.',
    });
  }
}

/** The construct id BucketDeployment gives its singleton function in the stack. */
const UPLOAD_FUNCTION_ID_PREFIX = 'Custom::CDKBucketDeployment';

function bucketLogicalId(stack: Stack, bucket: s3.IBucket): string {
  const cfnBucket = bucket.node.defaultChild as CfnResource | undefined;
  if (cfnBucket === undefined) throw new Error('AudioUpload needs a bucket defined in this app');
  return stack.getLogicalId(cfnBucket);
}

/**
 * The wildcards BucketDeployment's grants contain, each acknowledged by name so that any other
 * wildcard added to the role still fails synthesis: the action families `s3:GetObject*`,
 * `s3:GetBucket*`, `s3:List*`, `s3:DeleteObject*` and `s3:Abort*` (grantRead and grantReadWrite),
 * every key in the audio bucket, and every key in the CDK asset bucket, whose asset keys are only
 * known at deploy time.
 */
export function bucketDeploymentWildcards(audioBucketLogicalId: string): string[] {
  return [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    `Resource::<${audioBucketLogicalId}.Arn>/*`,
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
  ];
}

const WILDCARD_REASON =
  'BucketDeployment grants its upload function read on the CDK asset bucket (the zipped audio) and read-write ' +
  'on the audio bucket: `aws s3 sync` lists, reads and writes objects whose keys are the content hashes of ' +
  'files rendered at deploy time, so no fixed key list exists. The role serves only this upload, runs only ' +
  'during a CloudFormation deploy, and is scoped to those two buckets. DeleteObject* comes with grantReadWrite ' +
  'although prune is off and nothing is deleted.';
