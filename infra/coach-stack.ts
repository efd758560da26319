import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic';
import { SkillAlarms } from './skill-alarms';
import { SkillFunction } from './skill-function';
import { OUTPUT_KEYS } from './stack-outputs';
import { UserTable } from './user-table';

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
}

/**
 * Everything the skill runs on: the users' table, the skill function with its Alexa trigger,
 * and alarms. Environment-agnostic (no account or Region lookups), so it synthesises offline.
 */
export class CoachStack extends Stack {
  public readonly userTable: UserTable;
  public readonly skillFunction: SkillFunction;
  public readonly alarms: SkillAlarms;
  public readonly alarmTopic: AlarmTopic | undefined;

  constructor(scope: Construct, id: string, props: CoachStackProps) {
    super(scope, id, {
      description: 'Partner Massage Coach: Alexa skill backend (Lambda, DynamoDB, alarms)',
      ...props,
    });

    this.userTable = new UserTable(this, 'Users');
    this.skillFunction = new SkillFunction(this, 'Skill', {
      skillId: props.skillId,
      tableName: this.userTable.table.tableName,
    });
    this.userTable.grantItemAccess(this.skillFunction.function);

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
  }
}
