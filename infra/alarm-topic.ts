import { Validations } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Properties of {@link AlarmTopic}. */
export interface AlarmTopicProps {
  /** The address subscribed to alarm notifications; AWS sends it a confirmation e-mail first. */
  readonly email: string;
}

/** An SNS topic that carries alarm notifications to one e-mail address. */
export class AlarmTopic extends Construct {
  public readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Partner Massage Coach alarms',
      // Denies publishing over plain HTTP (AwsSolutions-SNS3).
      enforceSSL: true,
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));

    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Not encrypted at rest with KMS: messages are CloudWatch alarm state changes (alarm name, metric, ' +
        'threshold) and hold no user data. The AWS-managed SNS key cannot be used by CloudWatch alarms, so ' +
        'encryption would need a customer-managed key (about 1 USD a month plus key policy upkeep) for no ' +
        'confidentiality gain.',
    });
  }
}
