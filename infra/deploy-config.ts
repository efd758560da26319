/**
 * Deployment settings read from CDK context (`cdk synth -c skillId=… -c alarmEmail=…`).
 * Nothing here looks anything up in an AWS account, so synthesis works offline.
 */
import type { Node } from 'constructs';

/** Context key for the Alexa skill id (required). */
export const SKILL_ID_CONTEXT = 'skillId';
/** Context key for the e-mail address that receives alarm notifications (optional). */
export const ALARM_EMAIL_CONTEXT = 'alarmEmail';
/** Context key for the rendered audio folder (optional; default build/audio). */
export const AUDIO_DIR_CONTEXT = 'audioDir';
/** Context keys for a custom audio domain and its us-east-1 ACM certificate (optional, both or neither). */
export const AUDIO_DOMAIN_CONTEXT = 'audioDomain';
export const AUDIO_CERTIFICATE_CONTEXT = 'audioCertificateArn';

/** Where `npm run render` writes, relative to the repository root. */
export const DEFAULT_AUDIO_DIR = 'build/audio';

/** The form of an Alexa skill id, as the developer console shows it. */
const SKILL_ID_PATTERN = /^amzn1\.ask\.skill\.[0-9A-Za-z-]+$/;
/** Deliberately loose: SNS validates the address; this only catches obvious slips. */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** A host name: dot-separated labels of letters, digits and hyphens. */
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** CloudFront takes certificates from ACM in us-east-1 only. */
const CLOUDFRONT_CERTIFICATE_PATTERN = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;

export interface DeployConfig {
  /** The Alexa skill id: the Lambda permission's EventSourceToken and the handler's SKILL_ID. */
  readonly skillId: string;
  /** Where alarm notifications go; no SNS topic is created without it. */
  readonly alarmEmail?: string;
  /** The rendered audio folder, as given (relative to the working directory) or the default. */
  readonly audioDir: string;
  /** A custom domain for the audio and the certificate that covers it. */
  readonly audioDomain?: { readonly name: string; readonly certificateArn: string };
}

/** The deployment context is missing or malformed. */
export class DeployConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DeployConfigError';
  }
}

function contextString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new DeployConfigError(`Context value "${key}" must be a string, got ${typeof value}.`);
  }
  return value.trim();
}

/**
 * Reads and checks the deployment context.
 *
 * @throws DeployConfigError when `skillId` is missing or does not look like a skill id, when
 *   `alarmEmail` is given but is not an e-mail address, or when only one of `audioDomain` and
 *   `audioCertificateArn` is given or either is malformed.
 */
export function readDeployConfig(node: Node): DeployConfig {
  const skillId = contextString(node, SKILL_ID_CONTEXT);
  if (skillId === undefined) {
    throw new DeployConfigError(
      'Missing the Alexa skill id. Create the skill first (developer console or ASK CLI), then pass its id: ' +
        'npm run synth -- -c skillId=amzn1.ask.skill.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx ' +
        '(the same -c flag works for npm run deploy).',
    );
  }
  if (!SKILL_ID_PATTERN.test(skillId)) {
    throw new DeployConfigError(
      `Context value skillId="${skillId}" is not an Alexa skill id (expected amzn1.ask.skill.<id>).`,
    );
  }
  const alarmEmail = contextString(node, ALARM_EMAIL_CONTEXT);
  if (alarmEmail !== undefined && !EMAIL_PATTERN.test(alarmEmail)) {
    throw new DeployConfigError(`Context value alarmEmail="${alarmEmail}" is not an e-mail address.`);
  }
  const audioDir = contextString(node, AUDIO_DIR_CONTEXT) ?? DEFAULT_AUDIO_DIR;
  const audioDomain = readAudioDomain(node);
  return {
    skillId,
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    audioDir,
    ...(audioDomain === undefined ? {} : { audioDomain }),
  };
}

function readAudioDomain(node: Node): DeployConfig['audioDomain'] {
  const name = contextString(node, AUDIO_DOMAIN_CONTEXT);
  const certificateArn = contextString(node, AUDIO_CERTIFICATE_CONTEXT);
  if (name === undefined && certificateArn === undefined) return undefined;
  if (name === undefined || certificateArn === undefined) {
    throw new DeployConfigError(
      `A custom audio domain needs both -c ${AUDIO_DOMAIN_CONTEXT}=<host name> and ` +
        `-c ${AUDIO_CERTIFICATE_CONTEXT}=<ACM certificate ARN in us-east-1>.`,
    );
  }
  if (!DOMAIN_PATTERN.test(name)) {
    throw new DeployConfigError(`Context value ${AUDIO_DOMAIN_CONTEXT}="${name}" is not a host name.`);
  }
  if (!CLOUDFRONT_CERTIFICATE_PATTERN.test(certificateArn)) {
    throw new DeployConfigError(
      `Context value ${AUDIO_CERTIFICATE_CONTEXT}="${certificateArn}" is not an ACM certificate ARN in us-east-1 ` +
        '(CloudFront uses certificates from that Region only).',
    );
  }
  return { name, certificateArn };
}
