import { App } from 'aws-cdk-lib';
import { defineCoachApp } from '../../infra/coach-app';
import { DEFAULT_AUDIO_DIR, DeployConfigError, readDeployConfig } from '../../infra/deploy-config';
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

  it('reads the skill id and the optional alarm e-mail, with build/audio as the default audio folder', () => {
    expect(readDeployConfig(appWith({ skillId: TEST_SKILL_ID }).node)).toEqual({
      skillId: TEST_SKILL_ID,
      audioDir: DEFAULT_AUDIO_DIR,
    });
    expect(DEFAULT_AUDIO_DIR).toBe('build/audio');
    expect(readDeployConfig(appWith({ skillId: TEST_SKILL_ID, alarmEmail: 'ops@example.com' }).node)).toEqual({
      skillId: TEST_SKILL_ID,
      alarmEmail: 'ops@example.com',
      audioDir: DEFAULT_AUDIO_DIR,
    });
  });

  it('reads another audio folder and a custom audio domain with its certificate', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
    const context = { skillId: TEST_SKILL_ID, audioDir: 'out/audio', audioDomain: 'audio.example.com', certificateArn };
    expect(readDeployConfig(appWith({ ...context, audioCertificateArn: certificateArn }).node)).toEqual({
      skillId: TEST_SKILL_ID,
      audioDir: 'out/audio',
      audioDomain: { name: 'audio.example.com', certificateArn },
    });
  });

  it.each([
    [{ audioDomain: 'audio.example.com' }, /needs both -c audioDomain=.* and -c audioCertificateArn=/],
    [{ audioCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }, /needs both/],
    [
      { audioDomain: 'not a host', audioCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
      /audioDomain="not a host" is not a host name/,
    ],
    [
      { audioDomain: 'audio.example.com', audioCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' },
      /not an ACM certificate ARN in us-east-1/,
    ],
  ])('rejects an incomplete or malformed custom audio domain: %j', (context, message) => {
    expect(() => readDeployConfig(appWith({ skillId: TEST_SKILL_ID, ...context }).node)).toThrow(message);
  });
});
