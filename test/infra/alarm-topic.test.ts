import type { Template } from 'aws-cdk-lib/assertions';
import { synthCoachApp, violationsIn } from './synth-coach-app';

const EMAIL = 'alarms@example.com';
let template: Template;
let report: ReturnType<typeof synthCoachApp>['validationReport'];

beforeAll(() => {
  // The bundle is coach-stack.test.ts's concern: no esbuild here.
  ({ template, validationReport: report } = synthCoachApp({ alarmEmail: EMAIL }, { bundle: false }));
});

describe('with -c alarmEmail', () => {
  it('creates one SNS topic with an e-mail subscription', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: EMAIL });
  });

  it('denies publishing to the topic without TLS (AwsSolutions-SNS3)', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy'));
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
    expect(JSON.stringify(policies)).toContain('"Effect":"Deny"');
  });

  it('sends every alarm to the topic', () => {
    const topicId = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(5);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('stays clean under cdk-nag AwsSolutions', () => {
    expect(violationsIn(report)).toEqual([]);
  });
});
