import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CoachStack } from './coach-stack';
import { readDeployConfig } from './deploy-config';
import { STACK_NAME } from './stack-outputs';

/**
 * Adds the skill's stack to `app` from its context (`-c skillId=…`, optional `-c alarmEmail=…`)
 * and registers the cdk-nag AwsSolutions checks, which run when the app is synthesised: a finding
 * that is not acknowledged (with a written reason) fails synthesis.
 *
 * @throws DeployConfigError when the context lacks a valid skill id
 */
export function defineCoachApp(app: App): CoachStack {
  const config = readDeployConfig(app.node);
  const stack = new CoachStack(app, STACK_NAME, {
    skillId: config.skillId,
    ...(config.alarmEmail === undefined ? {} : { alarmEmail: config.alarmEmail }),
  });
  // writeSuppressionsToCloudFormation keeps each acknowledgement and its reason in the template.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return stack;
}
