/**
 * Composition root: the Lambda entry point. The DynamoDB store when TABLE_NAME is set (always on
 * Lambda), else an in-memory store. The rendered audio when AUDIO_BASE_URL is set and the render
 * manifest is bundled beside this file (the stack does both only when it hosts rendered audio),
 * else none: routines are spoken. Alexa's settings and reminders APIs, at the endpoint each request
 * names (Amazon's hosts only). One client and one skill per container.
 */
import * as path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createAlexaApi } from './alexa-api';
import { AUDIO_MANIFEST_BUNDLE_FILE, type AudioSource, audioSourceFromEnv } from './audio/source';
import { consoleLogger, errorFields } from './log';
import { createStoreFromEnv } from './persistence/dynamo-client';
import { MemoryUserStore } from './persistence/memory-store';
import { ENV } from './persistence/table';
import type { UserStore } from './persistence/user-store';
import { createHandler, type LambdaHandler } from './skill';

let skillHandler: LambdaHandler | undefined;

function storeFromEnv(): UserStore {
  return process.env[ENV.tableName] ? createStoreFromEnv(process.env).store : new MemoryUserStore();
}

/**
 * The rendered audio from the environment. A misconfigured origin is logged and the skill runs
 * without audio (routines spoken), rather than failing every request.
 */
function audioFromEnv(): AudioSource | undefined {
  try {
    // In the bundle, __dirname is the folder of index.js; run from source (tests, the simulator),
    // lambda/, which holds no manifest.
    return audioSourceFromEnv(process.env, path.join(__dirname, AUDIO_MANIFEST_BUNDLE_FILE));
  } catch (error) {
    consoleLogger.error('audio_source_invalid', errorFields(error));
    return undefined;
  }
}

export const handler = async (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> => {
  if (skillHandler === undefined) {
    const audio = audioFromEnv();
    skillHandler = createHandler({
      store: storeFromEnv(),
      skillId: process.env[ENV.skillId] || undefined,
      ...(audio === undefined ? {} : { audio }),
      alexaApi: createAlexaApi(),
    });
  }
  return skillHandler(event, context);
};
