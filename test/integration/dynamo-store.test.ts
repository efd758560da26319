/**
 * DynamoUserStore against a real dynalite server on loopback, through the real SDK client built by
 * createDynamoClient. Faults dynalite cannot produce (throttling, a server that never answers) come
 * from tiny loopback servers that speak just enough HTTP, so the SDK's own retry path is exercised.
 */
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net';
import { DescribeTableCommand, type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { newProfile, type PracticeEntry, type ProfileUpdate } from '../../lambda/core/profile';
import {
  BoundedRetryStrategy,
  type CallCounter,
  countCalls,
  createDynamoClient,
  createStoreFromEnv,
  type DynamoClientOptions,
  MAX_ATTEMPTS,
  RETRY_DELAY_MS,
  WORST_CASE_CALL_MS,
  worstCaseCallMs,
} from '../../lambda/persistence/dynamo-client';
import {
  DEFAULT_OPERATION_DEADLINE_MS,
  DynamoUserStore,
  type DynamoUserStoreOptions,
  firstItemVersion,
  partitionKeyOf,
} from '../../lambda/persistence/dynamo-store';
import { CURRENT_SCHEMA_VERSION, migrateItem } from '../../lambda/persistence/migrations';
import { ITEM_TTL_SECONDS } from '../../lambda/persistence/table';
import { type StoredProfile, StoreError } from '../../lambda/persistence/user-store';
import { type RunningDynalite, startDynalite } from '../support/dynalite';

/** A failure must reach the caller well inside Alexa's 8 s deadline. */
const FAIL_FAST_BOUND_MS = 3_000;

/** Small client timeouts, so a test of a dead or silent server waits milliseconds, not 2.1 s. */
const FAST_TIMEOUTS: DynamoClientOptions = { connectionTimeoutMs: 50, requestTimeoutMs: 150, retryDelayMs: 20 };

/**
 * The most a timed failure may take: three times its worst case plus a fixed margin, so a loaded CI
 * machine still passes. Only an upper bound: nothing is gained by failing a test for being quick.
 */
function upperBoundMs(worstCaseMs: number): number {
  return 3 * worstCaseMs + 500;
}

/** Monday 6 January 2025, 20:00 UTC. */
const T0 = Date.UTC(2025, 0, 6, 20);
/** When this test file started: every item it creates is newer. */
const FILE_STARTED = Date.now();

/** A new item's version: the time it was created, in ms, during this file's run. */
function isFirstVersion(version: number): boolean {
  return version >= firstItemVersion(FILE_STARTED) && version <= firstItemVersion(Date.now());
}
const DAY_MS = 86_400_000;

let server: RunningDynalite;
const clients: DynamoDBClient[] = [];
let tableCounter = 0;

function newClient(endpoint = server.endpoint, timeouts: DynamoClientOptions = {}): DynamoDBClient {
  const client = createDynamoClient({ DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'us-east-1' }, timeouts);
  clients.push(client);
  return client;
}

function newTableName(): string {
  tableCounter += 1;
  return `coach-test-${tableCounter}`;
}

interface Device {
  readonly store: DynamoUserStore;
  readonly client: DynamoDBClient;
  readonly counter: CallCounter;
}

/** A store on its own client, as a separate device (Lambda container) would have. */
function device(
  tableName: string,
  options: Partial<DynamoUserStoreOptions> = {},
  endpoint?: string,
  timeouts: DynamoClientOptions = {},
): Device {
  const client = newClient(endpoint, timeouts);
  const counter = countCalls(client);
  const store = new DynamoUserStore({ client, tableName, createTableIfMissing: true, ...options });
  return { store, client, counter };
}

/** A store on a fresh table that already exists, with the counter reset. */
async function readyDevice(options: Partial<DynamoUserStoreOptions> = {}): Promise<Device & { tableName: string }> {
  const tableName = newTableName();
  const created = device(tableName, options);
  await created.store.load('warm-up');
  created.counter.reset();
  return { ...created, tableName };
}

async function scanTable(tableName: string): Promise<Record<string, unknown>[]> {
  const documents = DynamoDBDocumentClient.from(newClient());
  const { Items } = await documents.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return Items ?? [];
}

async function putRaw(tableName: string, item: Record<string, unknown>): Promise<void> {
  const documents = DynamoDBDocumentClient.from(newClient());
  await documents.send(new PutCommand({ TableName: tableName, Item: item }));
}

function practice(at: number, minutes = 10): PracticeEntry {
  return { routineId: 'lowerBack', at, minutes };
}

async function elapsedRejection(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected the operation to fail');
}

/** The calls a store made to set up its table. */
function tableCalls(counter: CallCounter): { CreateTable: number; DescribeTable: number } {
  return { CreateTable: counter.byCommand.CreateTable ?? 0, DescribeTable: counter.byCommand.DescribeTable ?? 0 };
}

/**
 * Holds every client's CreateTable until all of them have sent one, so each store has already seen
 * the table missing and the race happens on every run, not by luck. Returns how each attempt ended:
 * `created`, or the error's name.
 */
function raceCreateTable(racers: readonly DynamoDBClient[]): string[] {
  const outcomes: string[] = [];
  let arrived = 0;
  let allArrived: () => void = () => {};
  const barrier = new Promise<void>((resolve) => {
    allArrived = resolve;
  });
  // A store that never sends CreateTable must fail an assertion, not hang the test.
  const giveUp = new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref());
  for (const client of racers) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'CreateTableCommand') return next(args);
        arrived += 1;
        if (arrived === racers.length) allArrived();
        await Promise.race([barrier, giveUp]);
        try {
          const result = await next(args);
          outcomes.push('created');
          return result;
        } catch (error) {
          outcomes.push((error as Error).name);
          throw error;
        }
      },
      { step: 'initialize', name: 'raceCreateTable' },
    );
  }
  return outcomes;
}

function causeName(error: unknown): string | undefined {
  const cause = (error as { cause?: { name?: unknown } }).cause;
  return typeof cause?.name === 'string' ? cause.name : undefined;
}

interface FakeServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Accepts TCP connections and never answers, like a DynamoDB endpoint behind a black hole. */
async function startSilentServer(): Promise<FakeServer & { connections(): number }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: TcpServer = createTcpServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => {});
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    connections: () => connections,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers every request with HTTP 400 and the given DynamoDB error type, counting requests. */
async function startErrorServer(type: string): Promise<FakeServer & { requests(): number }> {
  let requests = 0;
  const server: HttpServer = createHttpServer((request, response) => {
    requests += 1;
    request.resume();
    request.on('end', () => {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: type, message: 'Injected by the test.' }));
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(async () => {
  server = await startDynalite();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});

describe('DynamoUserStore against dynalite', () => {
  describe('the table', () => {
    it('is created on first use, once per store instance', async () => {
      // Prepare
      const tableName = newTableName();
      const { store, counter } = device(tableName);

      // Act
      const missing = await store.load('user-a');
      const afterFirstUse = tableCalls(counter);
      await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      await store.load('user-a');
      await store.delete('user-a');
      await store.load('user-a');

      // Assess
      expect(missing).toBeUndefined();
      const { Table } = await newClient().send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(afterFirstUse.CreateTable).toBe(1);
      // Described before creating and until ACTIVE, then never asked about again by this store.
      expect(tableCalls(counter)).toEqual(afterFirstUse);
    });

    it('is created once when two stores race to create it', async () => {
      // Prepare
      const tableName = newTableName();
      const first = device(tableName);
      const second = device(tableName);
      const outcomes = raceCreateTable([first.client, second.client]);

      // Act
      const results = await Promise.all([first.store.load('user-a'), second.store.load('user-b')]);
      const afterRace = [tableCalls(first.counter), tableCalls(second.counter)];
      const saves = await Promise.all([
        first.store.save('user-a', { id: 'u1', disclaimerHeard: true }),
        second.store.save('user-b', { id: 'u1', disclaimerHeard: true }),
      ]);

      // Assess
      expect(results).toEqual([undefined, undefined]);
      // Each store tried once; the loser was told the table exists and went on without failing.
      expect([...outcomes].sort()).toEqual(['ResourceInUseException', 'created']);
      expect(afterRace.map((calls) => calls.CreateTable)).toEqual([1, 1]);
      // Each user's item is new: it starts at the time it was created.
      for (const saved of saves) expect(isFirstVersion(saved.version)).toBe(true);
      expect([tableCalls(first.counter), tableCalls(second.counter)]).toEqual(afterRace);
      expect((await scanTable(tableName)).map((item) => item.pk).sort()).toEqual(
        [partitionKeyOf('user-a'), partitionKeyOf('user-b')].sort(),
      );
    });

    it('missing without createTableIfMissing is a StoreError', async () => {
      // Prepare
      const { store, counter } = device(newTableName(), { createTableIfMissing: false });

      // Act
      const { error } = await elapsedRejection(store.load('user-a'));

      // Assess
      expect(error).toBeInstanceOf(StoreError);
      expect(causeName(error)).toBe('ResourceNotFoundException');
      expect(counter.byCommand.CreateTable).toBeUndefined();
    });
  });

  describe('load and save', () => {
    it('loads undefined for a user with nothing stored', async () => {
      // Prepare
      const { store, counter } = await readyDevice();

      // Act
      const loaded = await store.load('nobody');

      // Assess
      expect(loaded).toBeUndefined();
      expect(counter.reads).toBe(1);
    });

    it('round-trips a saved profile', async () => {
      // Prepare
      const { store } = await readyDevice();
      const update: ProfileUpdate = {
        id: 'u1',
        preferences: { pressure: { value: 'firm', at: T0 }, flow: { value: 'stepByStep', at: T0 } },
        paused: { place: { routineId: 'foot', stepIndex: 3, at: T0 }, at: T0 },
        practice: [practice(T0, 12)],
        disclaimerHeard: true,
      };

      // Act
      const saved = await store.save('user-a', update);
      const loaded = await store.load('user-a');

      // Assess
      expect(isFirstVersion(saved.version)).toBe(true);
      expect(loaded).toEqual(saved);
      expect(loaded?.profile.preferences).toEqual({
        pressure: 'firm',
        pace: 'normal',
        speechRate: 'normal',
        flow: 'stepByStep',
        handsFree: 'off',
      });
      expect(loaded?.profile.paused).toEqual({ routineId: 'foot', stepIndex: 3, at: T0 });
      expect(loaded?.profile.history).toMatchObject({ sessionsFinished: 1, minutesThisWeek: 12, daysInARow: 1 });
      expect(loaded?.profile.appliedUpdateIds).toEqual(['u1']);
    });

    it('keys the item by a hash and stores the raw userId nowhere', async () => {
      // Prepare
      const { store, tableName } = await readyDevice();
      const userId = 'amzn1.ask.account.AHXYZSECRET123';
      const expectedKey = `user#${createHash('sha256').update(userId).digest('hex')}`;

      // Act
      await store.save(userId, { id: 'u1', preferences: { pace: { value: 'slower', at: T0 } } });
      const items = await scanTable(tableName);

      // Assess
      expect(items).toHaveLength(1);
      expect(items[0]?.pk).toBe(expectedKey);
      expect(partitionKeyOf(userId)).toBe(expectedKey);
      const stored = JSON.stringify(items);
      expect(stored).not.toContain(userId);
      expect(stored).not.toContain('AHXYZSECRET123');
    });

    it('sets the TTL about 13 months ahead and refreshes it on a later write', async () => {
      // Prepare
      let now = T0;
      const { store, tableName } = await readyDevice({ now: () => now });

      // Act
      await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      const [first] = await scanTable(tableName);
      now = T0 + 30 * DAY_MS;
      await store.save('user-a', { id: 'u2', practice: [practice(now)] });
      const [second] = await scanTable(tableName);

      // Assess
      const firstExpiry = first?.expiresAt as number;
      const daysAhead = (firstExpiry - T0 / 1000) / 86_400;
      expect(daysAhead).toBeGreaterThanOrEqual(390);
      expect(daysAhead).toBeLessThanOrEqual(400);
      expect(firstExpiry).toBe(Math.floor(T0 / 1000) + ITEM_TTL_SECONDS);
      expect(second?.expiresAt).toBe(firstExpiry + 30 * 86_400);
      expect(second?.updatedAt).toBe(now);
    });

    it('increments itemVersion on every write and stores the current schema version', async () => {
      // Prepare
      const { store, tableName } = await readyDevice();

      // Act
      const versions: number[] = [];
      let base: StoredProfile | undefined;
      for (const id of ['u1', 'u2', 'u3']) {
        base = await store.save('user-a', { id, practice: [practice(T0)] }, base);
        versions.push(base.version);
      }
      const [item] = await scanTable(tableName);

      // Assess
      const [first = 0] = versions;
      expect(isFirstVersion(first)).toBe(true);
      expect(versions).toEqual([first, first + 1, first + 2]);
      expect(item?.itemVersion).toBe(first + 2);
      expect(item?.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect((await store.load('user-a'))?.profile.history.sessionsFinished).toBe(3);
    });

    it('writes nothing when the update was already applied', async () => {
      // Prepare
      const { store, counter } = await readyDevice();
      const update: ProfileUpdate = { id: 'u1', practice: [practice(T0)] };
      const saved = await store.save('user-a', update);
      counter.reset();

      // Act
      const again = await store.save('user-a', update, saved);
      const fromNewRead = await store.save('user-a', update);

      // Assess
      expect(again).toEqual(saved);
      expect(fromNewRead).toEqual(saved);
      expect(counter.writes).toBe(0);
      expect(counter.reads).toBe(1);
    });
  });

  describe('migrations', () => {
    it('reads a schema-1 item written by the first release and rewrites it at the current schema', async () => {
      // Prepare
      const { store, tableName } = await readyDevice();
      await putRaw(tableName, {
        pk: partitionKeyOf('user-old'),
        itemVersion: 7,
        pressure: 'medium',
        pace: 'quicker',
        speechRate: 'slower',
        pausedRoutine: 'shouldersNeck',
        pausedStep: 2,
        sessionsFinished: 5,
        heardDisclaimer: true,
        updatedAt: T0 - DAY_MS,
        expiresAt: Math.floor(T0 / 1000),
      });

      // Act
      const loaded = await store.load('user-old');
      const saved = await store.save(
        'user-old',
        { id: 'u1', preferences: { pace: { value: 'normal', at: T0 } }, practice: [practice(T0)] },
        loaded,
      );
      const [item] = await scanTable(tableName);

      // Assess
      expect(loaded?.version).toBe(7);
      expect(loaded?.profile.preferences).toEqual({
        pressure: 'medium',
        pace: 'quicker',
        speechRate: 'slower',
        flow: 'continuous',
        handsFree: 'off',
      });
      expect(loaded?.profile.paused).toEqual({ routineId: 'shouldersNeck', stepIndex: 2, at: T0 - DAY_MS });
      expect(loaded?.profile.history.sessionsFinished).toBe(5);
      expect(loaded?.profile.disclaimerHeard).toBe(true);
      expect(saved.version).toBe(8);
      expect(saved.profile.preferences.pace).toBe('normal');
      expect(saved.profile.history.sessionsFinished).toBe(6);
      expect(item).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, itemVersion: 8 });
      for (const old of ['pressure', 'pace', 'speechRate', 'pausedRoutine', 'pausedStep', 'heardDisclaimer']) {
        expect(item).not.toHaveProperty(old);
      }
    });

    it('saves over a schema-1 item that never had an itemVersion', async () => {
      // Prepare
      const { store: oldStore, tableName } = await readyDevice();
      await putRaw(tableName, { pk: partitionKeyOf('user-old'), pressure: 'firm', sessionsFinished: 2 });

      // Act
      const loaded = await oldStore.load('user-old');
      const saved = await oldStore.save('user-old', { id: 'u1', practice: [practice(T0)] }, loaded);

      // Assess
      expect(loaded?.version).toBe(0);
      expect(isFirstVersion(saved.version)).toBe(true);
      expect(saved.profile.preferences.pressure).toBe('firm');
      expect((await oldStore.load('user-old'))?.profile.history.sessionsFinished).toBe(3);
    });

    it('reads what it can of an item from a newer schema without failing', async () => {
      // Prepare
      const { store, tableName } = await readyDevice();
      await putRaw(tableName, {
        pk: partitionKeyOf('user-future'),
        schemaVersion: 9,
        itemVersion: 4,
        preferences: { pressure: 'firm', pace: 'warp-speed' },
        history: 'a shape this release does not know',
        somethingNew: { nested: [1, 2, 3] },
      });

      // Act
      const loaded = await store.load('user-future');

      // Assess
      expect(loaded?.version).toBe(4);
      expect(loaded?.profile.preferences).toEqual({
        pressure: 'firm',
        pace: 'normal',
        speechRate: 'normal',
        flow: 'continuous',
        handsFree: 'off',
      });
      expect(loaded?.profile.history.sessionsFinished).toBe(0);
    });

    it('migrateItem treats an item without schemaVersion as schema 1 and leaves newer ones alone', () => {
      // Prepare
      const legacy = { pk: 'user#x', itemVersion: 1, pressure: 'firm', updatedAt: 5 };
      const future = { pk: 'user#x', schemaVersion: 3, preferences: { pressure: 'firm' } };

      // Act
      const migrated = migrateItem(legacy);
      const untouched = migrateItem(future);

      // Assess
      expect(migrated).toMatchObject({
        schemaVersion: 2,
        itemVersion: 1,
        preferences: { pressure: 'firm' },
        preferencesAt: { pressure: 5, pace: 5, speechRate: 5, flow: 0 },
        paused: null,
        disclaimerHeard: false,
      });
      expect(migrated).not.toHaveProperty('pressure');
      expect(untouched).toBe(future);
    });
  });

  describe('two devices', () => {
    it('after "forget me" on one device, an older session on another cannot write the deleted data back', async () => {
      // Prepare: the bedroom's session read the profile with a paused place; the kitchen forgets it all.
      const { store: kitchen, tableName } = await readyDevice();
      const bedroom = new DynamoUserStore({ client: newClient(), tableName });
      const paused = { place: { routineId: 'foot', stepIndex: 3, at: T0 }, at: T0 } as const;
      const bedroomBase = await kitchen.save('couple', { id: 'before', paused, disclaimerHeard: true });
      await kitchen.delete('couple');
      // The kitchen starts again and writes as often as the old item had been written.
      const again = await kitchen.save('couple', { id: 'again-1', practice: [practice(T0 + 2_000)] });

      // Act: the bedroom's open session saves a preference on its old base.
      const saved = await bedroom.save(
        'couple',
        { id: 'bedroom-1', preferences: { pressure: { value: 'firm', at: T0 + 3_000 } } },
        bedroomBase,
      );

      // Assess: its change lands on the new item; the deleted place does not come back, and the
      // kitchen's practice since is kept.
      expect(saved.profile.paused).toBeNull();
      expect(saved.profile.preferences.pressure).toBe('firm');
      expect(saved.profile.history.sessionsFinished).toBe(1);
      const [item] = await scanTable(tableName);
      expect(item?.paused).toBeNull();
      // The new item's versions never repeat the old one's.
      expect(again.version).not.toBe(bedroomBase.version);
    });

    it('interleaving saves lose nothing: per-field last writer by time, history summed, retries counted once', async () => {
      // Prepare
      const tableName = (await readyDevice()).tableName;
      const kitchen = device(tableName);
      const bedroom = device(tableName);
      const start = await kitchen.store.save('couple', { id: 'start', disclaimerHeard: true });
      const kitchenBase = await kitchen.store.load('couple');
      const bedroomBase = await bedroom.store.load('couple');
      bedroom.counter.reset();
      const bedroomUpdate: ProfileUpdate = {
        id: 'bedroom-1',
        // Changed earlier than the kitchen's pressure, but saved later: the kitchen's must win.
        preferences: { pressure: { value: 'gentle', at: T0 + 1_000 }, pace: { value: 'slower', at: T0 + 1_500 } },
        practice: [practice(T0 + 1_500, 15)],
      };

      // Act
      const kitchenFirst = await kitchen.store.save(
        'couple',
        { id: 'kitchen-1', preferences: { pressure: { value: 'firm', at: T0 + 2_000 } }, practice: [practice(T0, 10)] },
        kitchenBase,
      );
      const bedroomFirst = await bedroom.store.save('couple', bedroomUpdate, bedroomBase);
      const bedroomFirstCalls = { ...bedroom.counter.byCommand };
      const kitchenSecond = await kitchen.store.save(
        'couple',
        { id: 'kitchen-2', paused: { place: { routineId: 'hand', stepIndex: 1, at: T0 + 3_000 }, at: T0 + 3_000 } },
        kitchenFirst,
      );
      bedroom.counter.reset();
      // The bedroom never heard back from its first save (say it timed out) and sends it again.
      const bedroomRetry = await bedroom.store.save('couple', bedroomUpdate, bedroomBase);
      const final = await kitchen.store.load('couple');

      // Assess
      const v = start.version;
      expect(isFirstVersion(v)).toBe(true);
      expect([kitchenFirst.version, bedroomFirst.version, kitchenSecond.version]).toEqual([v + 1, v + 2, v + 3]);
      // Its base was stale: one conflict, one re-read, one more write.
      expect(bedroomFirstCalls).toEqual({ PutItem: 2, GetItem: 1 });
      expect(bedroomRetry).toEqual(final);
      expect(bedroom.counter.writes).toBe(1);
      expect(bedroom.counter.byCommand.PutItem).toBe(1);
      expect(final?.version).toBe(v + 3);
      expect(final?.profile.preferences.pressure).toBe('firm');
      expect(final?.profile.preferences.pace).toBe('slower');
      expect(final?.profile.paused).toEqual({ routineId: 'hand', stepIndex: 1, at: T0 + 3_000 });
      expect(final?.profile.history.sessionsFinished).toBe(2);
      expect(final?.profile.history.minutesThisWeek).toBe(25);
      expect(final?.profile.disclaimerHeard).toBe(true);
      expect(final?.profile.appliedUpdateIds).toEqual(['start', 'kitchen-1', 'bedroom-1', 'kitchen-2']);
    });

    it('gives up with a StoreError at once on a stale base when no conflict retries are allowed', async () => {
      // Prepare
      const { store, counter } = await readyDevice({ maxConflictRetries: 0 });
      const stale = await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      await store.save('user-a', { id: 'u2', practice: [practice(T0)] }, stale);
      counter.reset();

      // Act
      const { error } = await elapsedRejection(store.save('user-a', { id: 'u3', practice: [practice(T0)] }, stale));

      // Assess
      expect(error).toBeInstanceOf(StoreError);
      expect(causeName(error)).toBe('ConditionalCheckFailedException');
      expect(counter.writes).toBe(1);
      expect(counter.reads).toBe(0);
      expect((await store.load('user-a'))?.profile.history.sessionsFinished).toBe(1);
    });

    it('retries a bounded number of times when another device always writes first', async () => {
      // Prepare
      const { store, client, counter, tableName } = await readyDevice({ maxConflictRetries: 2 });
      const base = await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      const rival = newClient();
      // Just before each of this store's writes, the rival bumps the item version.
      client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'PutItemCommand') {
            await rival.send(
              new UpdateItemCommand({
                TableName: tableName,
                Key: { pk: { S: partitionKeyOf('user-a') } },
                UpdateExpression: 'ADD itemVersion :one',
                ExpressionAttributeValues: { ':one': { N: '1' } },
              }),
            );
          }
          return next(args);
        },
        { step: 'initialize', name: 'rivalWritesFirst' },
      );
      counter.reset();

      // Act
      const { error } = await elapsedRejection(store.save('user-a', { id: 'u2', practice: [practice(T0)] }, base));

      // Assess
      expect(error).toBeInstanceOf(StoreError);
      expect(causeName(error)).toBe('ConditionalCheckFailedException');
      expect(counter.writes).toBe(3);
      expect(counter.reads).toBe(2);
    });
  });

  describe('call economy', () => {
    it('costs one read for a load and one write for a save with a base', async () => {
      // Prepare
      const { store, counter } = await readyDevice();
      await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      counter.reset();

      // Act
      const loaded = await store.load('user-a');
      await store.save('user-a', { id: 'u2', preferences: { pace: { value: 'slower', at: T0 } } }, loaded);

      // Assess
      expect(counter.reads).toBe(1);
      expect(counter.writes).toBe(1);
      expect(counter.byCommand).toEqual({ GetItem: 1, PutItem: 1 });
    });

    it('costs one read and one write for a save without a base, and one write for a delete', async () => {
      // Prepare
      const { store, counter } = await readyDevice();

      // Act
      await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      const afterSave = { ...counter.byCommand };
      await store.delete('user-a');

      // Assess
      expect(afterSave).toEqual({ GetItem: 1, PutItem: 1 });
      expect(counter.byCommand).toEqual({ GetItem: 1, PutItem: 1, DeleteItem: 1 });
      expect(counter.reads).toBe(1);
      expect(counter.writes).toBe(2);
    });
  });

  describe('delete', () => {
    it('removes the item, and deleting a missing user is fine', async () => {
      // Prepare
      const { store, tableName } = await readyDevice();
      await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      await store.save('user-b', { id: 'u1', disclaimerHeard: true });

      // Act
      await store.delete('user-a');
      await store.delete('never-stored');

      // Assess
      expect(await store.load('user-a')).toBeUndefined();
      const items = await scanTable(tableName);
      expect(items.map((item) => item.pk)).toEqual([partitionKeyOf('user-b')]);
    });
  });
});

describe('DynamoUserStore when DynamoDB misbehaves', () => {
  it('fails fast with a StoreError while the server is down, and works again once it is back', async () => {
    // Prepare
    const local = await startDynalite();
    try {
      const { store } = device('coach-outage', {}, local.endpoint, FAST_TIMEOUTS);
      const before = await store.save('user-a', { id: 'u1', disclaimerHeard: true });
      await local.stop();

      // Act
      const load = await elapsedRejection(store.load('user-a'));
      const save = await elapsedRejection(store.save('user-a', { id: 'u2', practice: [practice(T0)] }, before));
      await local.restart();
      const after = await store.save('user-a', { id: 'u2', practice: [practice(T0)] }, before);

      // Assess
      expect(load.error).toBeInstanceOf(StoreError);
      expect(save.error).toBeInstanceOf(StoreError);
      expect(load.ms).toBeLessThan(upperBoundMs(worstCaseCallMs(FAST_TIMEOUTS)));
      expect(save.ms).toBeLessThan(upperBoundMs(worstCaseCallMs(FAST_TIMEOUTS)));
      // The restarted server is empty: the table is created again and the save starts a new item.
      expect(isFirstVersion(after.version)).toBe(true);
      expect((await store.load('user-a'))?.profile.history.sessionsFinished).toBe(1);
    } finally {
      await local.stop();
    }
  });

  it('gives up on a server that accepts connections but never answers, within the timeouts', async () => {
    // Prepare
    const silent = await startSilentServer();
    try {
      const { store } = device('coach-silent', { createTableIfMissing: false }, silent.endpoint, FAST_TIMEOUTS);

      // Act
      const { error, ms } = await elapsedRejection(store.load('user-a'));

      // Assess
      expect(error).toBeInstanceOf(StoreError);
      expect(causeName(error)).toBe('TimeoutError');
      expect(ms).toBeLessThan(upperBoundMs(worstCaseCallMs(FAST_TIMEOUTS)));
      expect(silent.connections()).toBe(MAX_ATTEMPTS);
    } finally {
      await silent.close();
    }
  });

  it('stops a whole operation at its deadline, however many calls it still had to make', async () => {
    // Prepare
    const silent = await startSilentServer();
    const deadlineMs = 100;
    try {
      // The client keeps its production timeouts: left to them, the save would take 2.1 s or more.
      const { store } = device(
        'coach-silent',
        { createTableIfMissing: false, operationDeadlineMs: deadlineMs },
        silent.endpoint,
      );

      // Act
      const { error, ms } = await elapsedRejection(store.save('user-a', { id: 'u1', disclaimerHeard: true }));

      // Assess
      expect(upperBoundMs(deadlineMs)).toBeLessThan(WORST_CASE_CALL_MS);
      expect(error).toBeInstanceOf(StoreError);
      expect(ms).toBeLessThan(upperBoundMs(deadlineMs));
      expect(silent.connections()).toBe(1);
    } finally {
      await silent.close();
    }
  });

  it('keeps the production worst case for one call and one operation well inside the turn deadline', () => {
    expect(WORST_CASE_CALL_MS).toBeLessThan(FAIL_FAST_BOUND_MS);
    expect(DEFAULT_OPERATION_DEADLINE_MS).toBeLessThan(FAIL_FAST_BOUND_MS);
  });

  it.each([
    [
      'ProvisionedThroughputExceededException',
      'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    ],
    ['ThrottlingException', 'com.amazon.coral.availability#ThrottlingException'],
  ])('turns %s into a StoreError after one retry, not a hang', async (name, type) => {
    // Prepare
    const throttling = await startErrorServer(type);
    try {
      const { store } = device('coach-throttled', { createTableIfMissing: false }, throttling.endpoint);

      // Act
      const load = await elapsedRejection(store.load('user-a'));
      const save = await elapsedRejection(store.save('user-a', { id: 'u1', disclaimerHeard: true }));

      // Assess
      expect(load.error).toBeInstanceOf(StoreError);
      expect(causeName(load.error)).toBe(name);
      expect(save.error).toBeInstanceOf(StoreError);
      expect(load.ms).toBeLessThan(FAIL_FAST_BOUND_MS);
      expect(save.ms).toBeLessThan(FAIL_FAST_BOUND_MS);
      // The save stopped at its failed read: two operations, MAX_ATTEMPTS requests each.
      expect(throttling.requests()).toBe(2 * MAX_ATTEMPTS);
    } finally {
      await throttling.close();
    }
  });

  it('does not let the SDK retry a failed condition: the store decides', async () => {
    // Prepare
    const conflicting = await startErrorServer('com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException');
    try {
      const { store } = device(
        'coach-conflict',
        { createTableIfMissing: false, maxConflictRetries: 0 },
        conflicting.endpoint,
      );

      // Act
      const { error } = await elapsedRejection(
        store.save('user-a', { id: 'u2', disclaimerHeard: true }, { profile: newProfile(), version: 3 }),
      );

      // Assess
      expect(error).toBeInstanceOf(StoreError);
      expect(causeName(error)).toBe('ConditionalCheckFailedException');
      expect(conflicting.requests()).toBe(1);
    } finally {
      await conflicting.close();
    }
  });
});

describe('BoundedRetryStrategy', () => {
  it.each(['TRANSIENT', 'THROTTLING', 'SERVER_ERROR'] as const)(
    'retries once, after the fixed delay, on %s',
    async (errorType) => {
      // Prepare
      const strategy = new BoundedRetryStrategy(MAX_ATTEMPTS, RETRY_DELAY_MS);
      const first = await strategy.acquireInitialRetryToken();

      // Act
      const retry = await strategy.refreshRetryTokenForRetry(first, { errorType });

      // Assess
      expect(retry.getRetryDelay()).toBe(RETRY_DELAY_MS);
      await expect(strategy.refreshRetryTokenForRetry(retry, { errorType })).rejects.toThrow();
    },
  );

  it('never retries a client error', async () => {
    // Prepare
    const strategy = new BoundedRetryStrategy(MAX_ATTEMPTS, RETRY_DELAY_MS);
    const first = await strategy.acquireInitialRetryToken();

    // Act
    const retry = strategy.refreshRetryTokenForRetry(first, { errorType: 'CLIENT_ERROR' });

    // Assess
    await expect(retry).rejects.toThrow();
  });
});

describe('createStoreFromEnv', () => {
  it('requires TABLE_NAME', () => {
    // Prepare
    const env = { DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' };

    // Act
    const build = () => createStoreFromEnv(env);

    // Assess
    expect(build).toThrow(/TABLE_NAME/);
  });

  it('builds one store per environment that creates its table on a local endpoint', async () => {
    // Prepare
    const env = { TABLE_NAME: newTableName(), DYNAMODB_ENDPOINT: server.endpoint };

    // Act
    const first = createStoreFromEnv(env);
    const second = createStoreFromEnv({ ...env });
    const saved = await first.store.save('user-a', { id: 'u1', disclaimerHeard: true });

    // Assess
    expect(second.client).toBe(first.client);
    expect(second.store).toBe(first.store);
    expect(isFirstVersion(saved.version)).toBe(true);
    expect(first.counter.byCommand.CreateTable).toBe(1);
    expect(first.counter.writes).toBe(1);
    first.client.destroy();
  });
});
