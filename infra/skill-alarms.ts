import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The operations the store performs (UserTable's USER_ITEM_ACTIONS); each has its own metric. */
const STORE_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
];

/** One evaluation window: long enough to collect a few turns at low traffic. */
const ALARM_PERIOD = Duration.minutes(5);

/** Properties of {@link SkillAlarms}. */
export interface SkillAlarmsProps {
  /** The skill's function. */
  readonly function: lambda.IFunction;
  /** The users' table. */
  readonly table: dynamodb.Table;
  /**
   * Where alarm state changes are sent.
   *
   * @default - no action; the alarms are visible in the CloudWatch console only
   */
  readonly topic?: sns.ITopic;
  /**
   * The p99 duration that counts as "near Alexa's deadline" (the function times out at 7 s,
   * Alexa gives up at about 8 s).
   *
   * @default Duration.seconds(5)
   */
  readonly durationThreshold?: Duration;
}

/**
 * CloudWatch alarms for the things that make the skill fall silent: function errors, throttles,
 * slow turns, and DynamoDB system errors or throttling. DynamoDB user errors (bad requests,
 * failed conditions) are excluded: conditional-write conflicts are expected and retried.
 */
export class SkillAlarms extends Construct {
  public readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: SkillAlarmsProps) {
    super(scope, id);
    const operations = STORE_OPERATIONS;
    const durationThreshold = props.durationThreshold ?? Duration.seconds(5);

    const atLeastOne = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };

    this.alarms = [
      new cloudwatch.Alarm(this, 'FunctionErrors', {
        ...atLeastOne,
        alarmDescription: 'The skill function threw or timed out: the user heard a generic failure.',
        metric: props.function.metricErrors({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
      }),
      new cloudwatch.Alarm(this, 'FunctionThrottles', {
        ...atLeastOne,
        alarmDescription: 'Invocations were throttled (account concurrency): Alexa got no answer.',
        metric: props.function.metricThrottles({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
      }),
      new cloudwatch.Alarm(this, 'FunctionDurationP99', {
        threshold: durationThreshold.toMilliseconds(),
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `p99 turn time above ${durationThreshold.toSeconds()} s: close to Alexa's 8 s deadline.`,
        metric: props.function.metricDuration({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.p(99) }),
      }),
      new cloudwatch.Alarm(this, 'TableSystemErrors', {
        ...atLeastOne,
        alarmDescription: 'DynamoDB returned 5xx errors; turns fell back to session state.',
        metric: props.table.metricSystemErrorsForOperations({ operations, period: ALARM_PERIOD }),
      }),
      new cloudwatch.Alarm(this, 'TableThrottledRequests', {
        ...atLeastOne,
        alarmDescription: 'DynamoDB throttled requests to the users table.',
        metric: props.table.metricThrottledRequestsForOperations({ operations, period: ALARM_PERIOD }),
      }),
    ];

    if (props.topic !== undefined) {
      const action = new actions.SnsAction(props.topic);
      for (const alarm of this.alarms) alarm.addAlarmAction(action);
    }
  }
}
