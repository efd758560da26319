// CDK entry point (cdk.json "app"): `npm run synth -- -c skillId=amzn1.ask.skill.…`.
import { App } from 'aws-cdk-lib';
import { defineCoachApp } from './coach-app';
import { DeployConfigError } from './deploy-config';

try {
  defineCoachApp(new App());
} catch (error) {
  if (!(error instanceof DeployConfigError)) throw error;
  // A configuration mistake: the message says what to do; a stack trace would only bury it.
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
