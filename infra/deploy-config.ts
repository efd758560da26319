/**
 * Deployment settings read from CDK context (`cdk synth -c skillId=… -c alarmEmail=…`).
 * Nothing here looks anything up in an AWS account, so synthesis works offline.
 */
import type { Node } from 'constructs';

/** Context key for the Alexa skill id (required). */
export const SKILL_ID_CONTEXT = 'skillId';
/** Context key for the e-mail address that receives alarm notifications (optional). */
export const ALARM_EMAIL_CONTEXT = 'alarmEmail';

/** The form of an Alexa skill id, as the developer console shows it. */
const SKILL_ID_PATTERN = /^amzn1\.ask\.skill\.[0-9A-Za-z-]+$/;
/** Deliberately loose: SNS validates the address; this only catches obvious slips. */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface DeployConfig {
  /** The Alexa skill id: the Lambda permission's EventSourceToken and the handler's SKILL_ID. */
  readonly skillId: string;
  /** Where alarm notifications go; no SNS topic is created without it. */
  readonly alarmEmail?: string;
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
 * @throws DeployConfigError when `skillId` is missing or does not look like a skill id, or
 *   when `alarmEmail` is given but is not an e-mail address.
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
  return alarmEmail === undefined ? { skillId } : { skillId, alarmEmail };
}
