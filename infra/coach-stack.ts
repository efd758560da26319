import * as path from 'node:path';
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic';
import { type AudioDomain, AudioHosting, asIBucket } from './audio-hosting';
import { AUDIO_MANIFEST_FILE, AudioUpload } from './audio-upload';
import { SkillAlarms } from './skill-alarms';
import { SkillFunction } from './skill-function';
import { OUTPUT_KEYS } from './stack-outputs';
import { UserTable } from './user-table';

/** The id of the synthesis warning about the rendered audio. */
export const AUDIO_WARNING_ID = 'partner-massage-coach:renderedAudio';

/** Properties of {@link CoachStack}. */
export interface CoachStackProps extends StackProps {
  /** The Alexa skill id (`amzn1.ask.skill.…`) the function accepts requests from. */
  readonly skillId: string;
  /**
   * An e-mail address for alarm notifications; an SNS topic is created only when it is given.
   *
   * @default - no topic; alarms show in the CloudWatch console only
   */
  readonly alarmEmail?: string;
  /**
   * The rendered audio folder to upload (the render pipeline's output, with its manifest.json).
   *
   * @default - nothing uploaded; the bucket and distribution are created empty
   */
  readonly audioSourceDir?: string;
  /**
   * Something about the rendered audio to show as a synthesis warning (why there is none, or
   * which files the upload leaves out).
   *
   * @default - no warning
   */
  readonly audioWarning?: string;
  /**
   * A custom domain for the audio.
   *
   * @default - the distribution's *.cloudfront.net name
   */
  readonly audioDomain?: AudioDomain;
}

/**
 * Everything the skill runs on: the users' table, the skill function with its Alexa trigger,
 * the rendered audio (S3 behind CloudFront) and alarms. Environment-agnostic (no account or Region
 * lookups), so it synthesises offline.
 */
export class CoachStack extends Stack {
  public readonly userTable: UserTable;
  public readonly skillFunction: SkillFunction;
  public readonly alarms: SkillAlarms;
  public readonly alarmTopic: AlarmTopic | undefined;
  public readonly audio: AudioHosting;
  public readonly audioUpload: AudioUpload | undefined;

  constructor(scope: Construct, id: string, props: CoachStackProps) {
    super(scope, id, {
      description: 'Partner Massage Coach: Alexa skill backend (Lambda, DynamoDB, audio on S3 and CloudFront, alarms)',
      ...props,
    });

    this.userTable = new UserTable(this, 'Users');
    this.audio = new AudioHosting(this, 'Audio', props.audioDomain === undefined ? {} : { domain: props.audioDomain });
    // The function plays audio only when this stack uploads a render: then it gets the origin and
    // the render's manifest; without one it gets neither and speaks every routine.
    this.skillFunction = new SkillFunction(this, 'Skill', {
      skillId: props.skillId,
      tableName: this.userTable.table.tableName,
      ...(props.audioSourceDir === undefined
        ? {}
        : {
            audio: {
              baseUrl: this.audio.baseUrl,
              manifestFile: path.join(props.audioSourceDir, AUDIO_MANIFEST_FILE),
            },
          }),
    });
    this.userTable.grantItemAccess(this.skillFunction.function);

    this.audioUpload =
      props.audioSourceDir === undefined
        ? undefined
        : new AudioUpload(this, 'AudioUpload', {
            bucket: asIBucket(this.audio.bucket),
            sourceDir: props.audioSourceDir,
          });
    // New code goes live only once the audio it may name is in the bucket.
    if (this.audioUpload !== undefined) this.skillFunction.function.node.addDependency(this.audioUpload);
    if (props.audioWarning !== undefined) {
      Annotations.of(this.audio).addWarningV2(AUDIO_WARNING_ID, props.audioWarning);
    }

    this.alarmTopic =
      props.alarmEmail === undefined ? undefined : new AlarmTopic(this, 'AlarmTopic', { email: props.alarmEmail });
    this.alarms = new SkillAlarms(this, 'Alarms', {
      function: this.skillFunction.function,
      table: this.userTable.table,
      ...(this.alarmTopic === undefined ? {} : { topic: this.alarmTopic.topic }),
    });

    new CfnOutput(this, OUTPUT_KEYS.functionArn, {
      value: this.skillFunction.function.functionArn,
      description: 'Skill endpoint: npm run skill-package -- --lambda-arn <this value>',
    });
    new CfnOutput(this, OUTPUT_KEYS.tableName, {
      value: this.userTable.table.tableName,
      description: 'Users table (retained on stack deletion; delete it explicitly to remove user data)',
    });
    new CfnOutput(this, OUTPUT_KEYS.audioBaseUrl, {
      value: this.audio.baseUrl,
      description:
        'HTTPS origin of the rendered audio (the skill function has it as AUDIO_BASE_URL when the stack uploads a render)',
    });
    new CfnOutput(this, OUTPUT_KEYS.audioBucketName, {
      value: this.audio.bucket.bucketName,
      description: 'Bucket holding the rendered audio (retained on stack deletion)',
    });
  }
}
