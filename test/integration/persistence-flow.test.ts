/**
 * The skill through its real handler against a real DynamoDB protocol server (dynalite on
 * loopback): places and preferences survive sessions and processes, the turn economy holds, a
 * server outage costs no answers, and disabling the skill forgets the user.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { lines } from '../../lambda/content';
import { SESSION_END_SAVE_UNTIL_MS } from '../../lambda/handlers/save';
import { silentLogger } from '../../lambda/log';
import { countCalls, createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore } from '../../lambda/persistence/dynamo-store';
import { createHandler } from '../../lambda/skill';
import { buildEnvelope } from '../../tools/simulator/envelope';
import { SimulatedDevice } from '../../tools/simulator/session-driver';
import { checkTurn, runDialogue } from '../support/dialogue';
import { type RunningDynalite, startDynalite } from '../support/dynalite';

let server: RunningDynalite;

beforeAll(async () => {
  server = await startDynalite();
});

afterAll(async () => {
  await server.stop();
});

function storeFor(tableName: string) {
  const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: server.endpoint });
  const counter = countCalls(client);
  const store = new DynamoUserStore({ client, tableName, createTableIfMissing: true });
  return { client, counter, store };
}

function deviceFor(store: DynamoUserStore, userId: string) {
  return new SimulatedDevice({ handler: createHandler({ store, logger: silentLogger }), userId });
}

describe('persistence through the handler', () => {
  it('pauses in one session and resumes at the same step in a later one, with the reads and writes of the turn economy', async () => {
    const first = storeFor('flow-a');
    const userId = 'amzn1.ask.account.flow-a';
    // The local server has no table until the first call creates it, as a deployed one always has.
    await first.store.load('amzn1.ask.account.nobody');
    first.counter.reset();
    await runDialogue(
      [
        { say: 'open partner massage' },
        { say: 'start lower back relief' },
        { say: 'ready' },
        { say: 'more pressure' },
        { say: 'next' },
        { say: 'pause', hears: /Paused at step 2/ },
      ],
      { device: deviceFor(first.store, userId) },
    );
    expect(first.counter.reads).toBe(1);
    // Launch writes the disclaimer flag, the first start the screening flag, more pressure the
    // level, pause the place; "ready" and "next" change nothing stored.
    expect(first.counter.writes).toBe(4);

    const later = storeFor('flow-a');
    const device = deviceFor(later.store, userId);
    await device.wait(2 * 86_400);
    await runDialogue(
      [
        { say: 'open partner massage', hears: /paused lower back relief at step 2/ },
        { say: 'yes', hears: [/picking up where you left off, at step 2/] },
        { say: 'ready', hears: [/^\s*Step 2 of 6/] },
        { say: 'how much longer' },
        { say: 'repeat that' },
      ],
      { device },
    );
    expect(later.counter.reads).toBe(1);
    expect(later.counter.writes).toBe(0);
    const stored = await later.store.load(userId);
    expect(stored?.profile.preferences.pressure).toBe('medium');
  });

  it('stores no raw user id and a TTL about 13 months ahead', async () => {
    const { client, store } = storeFor('flow-b');
    const userId = 'amzn1.ask.account.RAW-ID-flow-b';
    await runDialogue([{ say: 'ask partner massage to start hand massage' }, { say: 'pause' }], {
      device: deviceFor(store, userId),
    });
    const items = await client.send(new ScanCommand({ TableName: 'flow-b' }));
    expect(items.Items).toHaveLength(1);
    expect(JSON.stringify(items.Items)).not.toContain('RAW-ID');
    const ttl = Number(items.Items?.[0]?.expiresAt?.N);
    const months = (ttl * 1000 - Date.now()) / (30 * 86_400_000);
    expect(months).toBeGreaterThan(12.5);
    expect(months).toBeLessThan(13.5);
  });

  it('skill disabled without persistence deletes the item; with persistence keeps it', async () => {
    const { store } = storeFor('flow-c');
    const handler = createHandler({ store, logger: silentLogger });
    const userId = 'amzn1.ask.account.flow-c';
    await runDialogue([{ say: 'ask partner massage to start foot massage' }, { say: 'pause' }], {
      device: deviceFor(store, userId),
    });
    const ctx = { userId, sessionId: 'x', isNew: true, at: Date.now() };
    await handler(buildEnvelope({ type: 'AlexaSkillEvent.SkillDisabled', persisted: true }, ctx));
    expect(await store.load(userId)).toBeDefined();
    await handler(buildEnvelope({ type: 'AlexaSkillEvent.SkillDisabled', persisted: false }, ctx));
    expect(await store.load(userId)).toBeUndefined();
  });

  it('"forget me" by voice deletes after a yes', async () => {
    const { store } = storeFor('flow-d');
    const userId = 'amzn1.ask.account.flow-d';
    await runDialogue(
      [
        { say: 'ask partner massage to start foot massage' },
        { say: 'pause' },
        { say: 'ask partner massage to delete my data', hears: /Are you sure/ },
        { say: 'yes', hears: /deleted everything/ },
      ],
      { device: deviceFor(store, userId) },
    );
    expect(await store.load(userId)).toBeUndefined();
  });

  it('"forget me" while the server is down says the data could not be deleted, and keeps it', async () => {
    // Prepare: a server that keeps its data on disk, so what it holds can be read after a restart.
    const dataDir = await mkdtemp(join(tmpdir(), 'coach-dynalite-'));
    const local = await startDynalite({ path: dataDir });
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: local.endpoint });
    const store = new DynamoUserStore({ client, tableName: 'flow-g', createTableIfMissing: true });
    const userId = 'amzn1.ask.account.flow-g';
    const device = deviceFor(store, userId);
    try {
      await runDialogue(
        [
          { say: 'ask partner massage to start foot massage' },
          { say: 'pause', hears: /Paused at step 1/ },
          { say: 'ask partner massage to delete my data', hears: /Are you sure/, listening: true },
        ],
        { device },
      );
      await local.stop();

      // Act
      const answer = await device.say('yes');
      await local.restart();

      // Assess
      checkTurn(answer);
      expect(answer.text).toContain(lines.couldNotDelete);
      expect(answer.text).not.toContain(lines.forgotten);
      const stored = await store.load(userId);
      expect(stored?.profile.paused).toMatchObject({ routineId: 'foot', stepIndex: 0 });
    } finally {
      client.destroy();
      await local.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('two devices of one user interleaved turn by turn lose no update', async () => {
    const { store } = storeFor('flow-e');
    const userId = 'amzn1.ask.account.flow-e';
    const kitchen = deviceFor(store, userId);
    const bedroom = deviceFor(store, userId);
    await kitchen.say('open partner massage');
    await bedroom.say('open partner massage');
    await kitchen.say('more pressure');
    await bedroom.say('slow down');
    await kitchen.say('wait for me after each step');
    await bedroom.say('speak more slowly');
    const stored = await store.load(userId);
    expect(stored?.profile.preferences).toEqual({
      pressure: 'medium',
      pace: 'slower',
      speechRate: 'slower',
      flow: 'stepByStep',
      handsFree: 'off',
    });
  });

  it('a save that ends the session is tried again while the server restarts, and the place is kept', async () => {
    const local = await startDynalite();
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: local.endpoint });
    const store = new DynamoUserStore({ client, tableName: 'flow-h', createTableIfMissing: true });
    const userId = 'amzn1.ask.account.flow-h';
    const device = deviceFor(store, userId);
    try {
      await device.say('open partner massage');
      await device.say('start hand massage');
      await local.stop();
      // Back 0.6 s into the turn: the first try fails, a later one lands.
      const back = new Promise<void>((resolve) => setTimeout(() => resolve(local.restart()), 600));
      const started = Date.now();
      const paused = await device.say('pause');
      await back;
      expect(Date.now() - started).toBeLessThan(SESSION_END_SAVE_UNTIL_MS);
      expect(paused.text).toMatch(/Paused at step 1/);
      expect(paused.text).not.toContain(lines.couldNotSave(1));
      expect((await store.load(userId))?.profile.paused).toMatchObject({ routineId: 'hand', stepIndex: 0 });
    } finally {
      client.destroy();
      await local.stop();
    }
  });

  it('a store down through the whole turn: answered before Alexa gives up, saying where she was', async () => {
    const local = await startDynalite();
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: local.endpoint });
    const store = new DynamoUserStore({ client, tableName: 'flow-i', createTableIfMissing: true });
    const device = deviceFor(store, 'amzn1.ask.account.flow-i');
    try {
      await device.say('open partner massage');
      await device.say('start hand massage');
      await local.stop();
      const started = Date.now();
      const paused = await device.say('pause');
      expect(Date.now() - started).toBeLessThan(SESSION_END_SAVE_UNTIL_MS + 500);
      expect(paused.text).toContain(lines.couldNotSave(1));
    } finally {
      client.destroy();
    }
  });

  it('the server stopping mid-session costs no answer, and the place is saved once it is back', async () => {
    const local = await startDynalite();
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: local.endpoint });
    const store = new DynamoUserStore({ client, tableName: 'flow-f', createTableIfMissing: true });
    const userId = 'amzn1.ask.account.flow-f';
    const device = deviceFor(store, userId);
    await device.say('open partner massage');
    await device.say('start shoulders and neck');
    await local.stop();
    const started = Date.now();
    const duringOutage = await device.say('more pressure');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(duringOutage.error).toBeUndefined();
    expect(duringOutage.text).toMatch(/medium pressure/);
    await local.restart();
    const paused = await device.say('pause');
    expect(paused.text).toMatch(/Paused at step 1/);
    const stored = await store.load(userId);
    expect(stored?.profile.paused).toMatchObject({ routineId: 'shouldersNeck', stepIndex: 0 });
    expect(stored?.profile.preferences.pressure).toBe('medium');
    client.destroy();
    await local.stop();
  });
});
