import { App } from 'aws-cdk-lib';
import { defineCoachApp } from '../../infra/coach-app';
import { DeployConfigError, readDeployConfig } from '../../infra/deploy-config';
import { TEST_SKILL_ID } from './synth-coach-app';

function appWith(context: Record<string, unknown>): App {
  return new App({ context });
}

describe('deploy context', () => {
  it('fails synthesis with a clear message when skillId is missing', () => {
    expect(() => defineCoachApp(appWith({}))).toThrow(DeployConfigError);
    expect(() => defineCoachApp(appWith({}))).toThrow(/Missing the Alexa skill id.*-c skillId=amzn1\.ask\.skill\./);
  });

  it('rejects a value that is not a skill id', () => {
    expect(() => readDeployConfig(appWith({ skillId: 'my-skill' }).node)).toThrow(/not an Alexa skill id/);
  });

  it('rejects an alarm e-mail that is not an address', () => {
    expect(() => readDeployConfig(appWith({ skillId: TEST_SKILL_ID, alarmEmail: 'ops' }).node)).toThrow(
      /not an e-mail address/,
    );
  });

  it('reads the skill id and the optional alarm e-mail', () => {
    expect(readDeployConfig(appWith({ skillId: TEST_SKILL_ID }).node)).toEqual({ skillId: TEST_SKILL_ID });
    expect(readDeployConfig(appWith({ skillId: TEST_SKILL_ID, alarmEmail: 'ops@example.com' }).node)).toEqual({
      skillId: TEST_SKILL_ID,
      alarmEmail: 'ops@example.com',
    });
  });
});
