/**
 * The DynamoDB store against a dynalite server on loopback, for a test file: started before its
 * tests (with the table created, as a deployed one always exists) and stopped after them.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore } from '../../lambda/persistence/dynamo-store';
import { type RunningDynalite, startDynalite } from './dynalite';

export interface StoreOnDynalite {
  server: RunningDynalite;
  /** For reading and writing items directly, as another release or a tamperer would. */
  documents: DynamoDBDocumentClient;
  store: DynamoUserStore;
}

/** Registers the file's beforeAll and afterAll; the fields are set once its tests run. */
export function storeOnDynalite(table: string): StoreOnDynalite {
  const running = {} as StoreOnDynalite;
  beforeAll(async () => {
    running.server = await startDynalite();
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: running.server.endpoint });
    running.documents = DynamoDBDocumentClient.from(client);
    running.store = new DynamoUserStore({ client, tableName: table, createTableIfMissing: true });
    // The local server has no table until the first call creates it.
    await running.store.load('amzn1.ask.account.nobody');
  });
  afterAll(async () => {
    running.documents?.destroy();
    await running.server?.stop();
  });
  return running;
}
