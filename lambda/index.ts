/**
 * Composition root: the Lambda entry point. The DynamoDB store when TABLE_NAME is set (always on
 * Lambda), else an in-memory store. One client and one skill per container.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createStoreFromEnv } from './persistence/dynamo-client';
import { MemoryUserStore } from './persistence/memory-store';
import { ENV } from './persistence/table';
import type { UserStore } from './persistence/user-store';
import { createHandler, type LambdaHandler } from './skill';

let skillHandler: LambdaHandler | undefined;

function storeFromEnv(): UserStore {
  return process.env[ENV.tableName] ? createStoreFromEnv(process.env).store : new MemoryUserStore();
}

export const handler = async (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> => {
  skillHandler ??= createHandler({ store: storeFromEnv(), skillId: process.env[ENV.skillId] || undefined });
  return skillHandler(event, context);
};
