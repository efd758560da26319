/**
 * Stored items and session attributes are read as untrusted: an item tampered with up to DynamoDB's
 * 400 KB limit, or session attributes swollen on their way back, still give small responses
 * (the whole response body must stay within 120 KB), and the user's real place, preferences and
 * practice survive. Through the real handler, real envelopes and the DynamoDB store on dynalite.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { catalogue, lines } from '../../lambda/content';
import { APPLIED_UPDATE_MEMORY } from '../../lambda/core/profile';
import { MAX_PRACTICE_MINUTES, MAX_STEP_ID_LENGTH, MAX_UPDATE_ID_LENGTH } from '../../lambda/core/untrusted-profile';
import { silentLogger } from '../../lambda/log';
import { createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore, partitionKeyOf } from '../../lambda/persistence/dynamo-store';
import { PARTITION_KEY } from '../../lambda/persistence/table';
import { createHandler } from '../../lambda/skill';
import { DEFAULT_START_AT, MAX_RESPONSE_BYTES, SimulatedDevice } from '../../tools/simulator/session-driver';
import { checkTurn } from '../support/dialogue';
import { startDynalite } from '../support/dynalite';
import { storeOnDynalite } from '../support/store-on-dynalite';

/**
 * The bound the tests hold responses to: a fifth of the platform's 120 KB, and near the 24 KB
 * that older Alexa documentation gave, so growth in what a session carries shows up long before
 * Alexa would reject an answer.
 */
const RESPONSE_BUDGET_BYTES = 24 * 1024;

/** DynamoDB's item size limit; the tampered item stays just under it. */
const MAX_ITEM_BYTES = 400 * 1024;

const TABLE = 'untrusted';

let documents: DynamoDBDocumentClient;
let store: DynamoUserStore;
const db = storeOnDynalite(TABLE);
beforeAll(() => {
  ({ documents, store } = db);
});

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** The device clock starts on Friday 27 November 2026; she practised Tuesday to Thursday. */
const REAL_DAYS = ['2026-11-24', '2026-11-25', '2026-11-26'];

/** What the user really has stored, with everything a tampered item can add around it. */
function tamperedItem(userId: string): Record<string, unknown> {
  const long = (length: number, index: number) => `${index}:`.padEnd(length, 'x');
  const item: Record<string, unknown> = {
    [PARTITION_KEY]: partitionKeyOf(userId),
    schemaVersion: 2,
    itemVersion: 7,
    preferences: { pressure: 'firm', pace: 'slower', speechRate: 'normal', flow: 'continuous', tone: long(5_000, 0) },
    preferencesAt: { pressure: 1_000, pace: 1_000, speechRate: 'later', flow: long(2_000, 1) },
    paused: { routineId: 'foot', stepIndex: 3, stepId: 'foot.heelSqueeze', at: 1_000, note: long(5_000, 2) },
    pausedAt: 1_000,
    history: {
      sessionsFinished: 12,
      // Thousands of "days" this week: long strings, numbers, maps, and the real days among them.
      daysThisWeek: [
        ...Array.from({ length: 900 }, (_, index) => long(100, index)),
        ...Array.from({ length: 300 }, (_, index) => index),
        { day: '2026-11-24' },
        ...REAL_DAYS,
        '2026-11-26',
      ],
      weekOf: '2026-11-23',
      minutesThisWeek: 30,
      lastPracticeDay: '2026-11-26',
      daysInARow: 3,
      notes: long(20_000, 3),
    },
    disclaimerHeard: true,
    screeningHeard: true,
    appliedUpdateIds: [
      ...Array.from({ length: 1_400 }, (_, index) => long(150, index)),
      ...Array.from({ length: 40 }, (_, index) => `amzn1.echo-api.request.${index}`),
    ],
    tags: Array.from({ length: 500 }, (_, index) => ({ index, text: long(60, index) })),
  };
  return item;
}

async function putRaw(item: Record<string, unknown>): Promise<void> {
  await documents.send(new PutCommand({ TableName: TABLE, Item: item }));
}

async function getRaw(userId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documents.send(
    new GetCommand({ TableName: TABLE, Key: { [PARTITION_KEY]: partitionKeyOf(userId) }, ConsistentRead: true }),
  );
  return Item;
}

function deviceFor(userId: string): SimulatedDevice {
  return new SimulatedDevice({ handler: createHandler({ store, logger: silentLogger }), userId });
}

/** Says a line, checks the response is valid, and returns it with its size in bytes. */
async function sayAndMeasure(device: SimulatedDevice, line: string): Promise<{ text: string; bytes: number }> {
  const turn = await device.say(line);
  checkTurn(turn);
  const response = turn.response as ResponseEnvelope;
  return { text: turn.text, bytes: bytesOf(response) };
}

describe('a stored item tampered with up to the item size limit', () => {
  it('gives responses far under the 120 KB limit all through a session, and keeps her place, preferences and practice', async () => {
    // Prepare
    const userId = 'amzn1.ask.account.tampered-item';
    const item = tamperedItem(userId);
    expect(bytesOf(item)).toBeGreaterThan(MAX_ITEM_BYTES * 0.8);
    expect(bytesOf(item)).toBeLessThan(MAX_ITEM_BYTES);
    await putRaw(item);
    const device = deviceFor(userId);

    // Act
    const turns = [];
    for (const line of ['open partner massage', 'what step are we on', 'yes', 'ready', 'more pressure', 'pause']) {
      turns.push({ line, ...(await sayAndMeasure(device, line)) });
    }

    // Assess
    const largest = Math.max(...turns.map((turn) => turn.bytes));
    expect(largest).toBeLessThan(RESPONSE_BUDGET_BYTES);
    expect(largest).toBeLessThan(MAX_RESPONSE_BYTES);
    const [launch, status, yes, ready] = turns;
    expect(launch?.text).toContain(lines.practiceThisWeek(4, 'evening', 3));
    expect(launch?.text).toContain(lines.offerResume('foot massage', 4, 'cupping the heel'));
    expect(status?.text).toContain(lines.offerResume('foot massage', 4, 'cupping the heel'));
    expect(yes?.text).toContain(lines.resumingAt('foot massage', 4));
    expect(ready?.text).toMatch(/^\s*Step 4 of 7\. Cupping the heel\./);
    const stored = await store.load(userId);
    expect(stored?.profile.preferences).toEqual({
      pressure: 'firm',
      pace: 'slower',
      speechRate: 'normal',
      flow: 'continuous',
      handsFree: 'off',
    });
    expect(stored?.profile.history).toMatchObject({
      sessionsFinished: 12,
      daysThisWeek: REAL_DAYS,
      weekOf: '2026-11-23',
      lastPracticeDay: '2026-11-26',
      daysInARow: 3,
    });
    expect(stored?.profile.paused).toMatchObject({ routineId: 'foot', stepId: 'foot.heelSqueeze' });
  });

  it('is written back small once the session saves', async () => {
    // Prepare
    const userId = 'amzn1.ask.account.tampered-rewritten';
    await putRaw(tamperedItem(userId));
    const device = deviceFor(userId);

    // Act: "more pressure" at the menu changes a preference, so the item is written.
    await sayAndMeasure(device, 'open partner massage');
    await sayAndMeasure(device, 'less pressure');

    // Assess
    const raw = await getRaw(userId);
    expect(raw?.preferences).toMatchObject({ pressure: 'medium', pace: 'slower' });
    expect(bytesOf(raw)).toBeLessThan(6 * 1024);
  });
});

describe('session attributes swollen on their way back', () => {
  it('are read within their caps, so the next response stays small and the session goes on', async () => {
    // Prepare: a normal session, then every attribute the skill reads back grown past its cap.
    const userId = 'amzn1.ask.account.tampered-session';
    const device = deviceFor(userId);
    await sayAndMeasure(device, 'open partner massage');
    await sayAndMeasure(device, 'start foot massage');
    const attributes = device.sessionAttributes as Record<string, unknown>;
    const profile = attributes.profile as Record<string, unknown>;
    const big = (length: number) => 'y'.repeat(length);
    const swollenProfile = {
      ...profile,
      appliedUpdateIds: Array.from({ length: 2_000 }, (_, index) => `${index}${big(100)}`),
      history: {
        ...(profile.history as object),
        daysThisWeek: Array.from({ length: 2_000 }, () => big(60)),
        weekOf: big(10_000),
        lastPracticeDay: big(10_000),
      },
      paused: { routineId: 'hand', stepIndex: 2, stepId: big(10_000), at: 5 },
    };
    attributes.profile = swollenProfile;
    attributes.stored = swollenProfile;
    attributes.pending = {
      id: 'amzn1.echo-api.request.pending',
      preferences: { pace: { value: big(20_000), at: 5 }, pressure: { value: 'medium', at: DEFAULT_START_AT } },
      paused: { place: { routineId: 'hand', stepIndex: 2, stepId: big(10_000), at: 5 }, at: 5 },
      practice: Array.from({ length: 2_000 }, () => ({ routineId: 'hand', at: DEFAULT_START_AT, minutes: 8 })),
    };
    const coach = attributes.coach as Record<string, unknown>;
    attributes.coach = {
      ...coach,
      played: { sentAt: 5, spans: Array.from({ length: 5_000 }, (_, index) => [0, index, index + 1, 0]) },
      note: big(50_000),
    };
    expect(bytesOf(attributes)).toBeGreaterThan(400 * 1024);

    // Act
    const ready = await sayAndMeasure(device, 'ready');
    const pause = await sayAndMeasure(device, 'pause');

    // Assess
    expect(ready.bytes).toBeLessThan(RESPONSE_BUDGET_BYTES);
    expect(pause.bytes).toBeLessThan(RESPONSE_BUDGET_BYTES);
    expect(ready.text).toMatch(/^\s*Step 1 of 7\./);
    expect(pause.text).toContain('Paused at step');
    const stored = await store.load(userId);
    expect(stored?.profile.preferences.pressure).toBe('medium');
    expect(stored?.profile.paused?.routineId).toBe('foot');
    expect(bytesOf(await getRaw(userId))).toBeLessThan(6 * 1024);
  });
});

/** Every attribute the skill reads back, grown past its cap, with values right at each cap among them. */
function swell(attributes: Record<string, unknown>): void {
  const atCap = (index: number) => `${index}:`.padEnd(MAX_UPDATE_ID_LENGTH, 'i');
  const ids = [
    ...Array.from({ length: 1_000 }, (_, index) => `${index}:`.padEnd(MAX_UPDATE_ID_LENGTH + 1, 'o')),
    ...Array.from({ length: APPLIED_UPDATE_MEMORY }, (_, index) => atCap(index)),
  ];
  for (const key of ['profile', 'stored']) {
    const profile = attributes[key] as Record<string, unknown> | undefined;
    if (profile === undefined) continue;
    const history = profile.history as Record<string, unknown>;
    attributes[key] = {
      ...profile,
      appliedUpdateIds: ids,
      history: { ...history, daysThisWeek: [...Array.from({ length: 1_000 }, () => 'z'.repeat(50)), '2026-11-26'] },
      note: 'n'.repeat(20_000),
    };
  }
  const place = { routineId: 'hand', stepIndex: 2, stepId: 'hand.'.padEnd(MAX_STEP_ID_LENGTH, 's'), at: 1_000 };
  attributes.pending = {
    id: atCap(99),
    preferences: {
      pressure: { value: 'gentle', at: 1 },
      pace: { value: 'p'.repeat(20_000), at: 1 },
      speechRate: { value: 'normal', at: 1 },
      flow: { value: 'continuous', at: 1 },
    },
    paused: { place, at: 1_000 },
    practice: Array.from({ length: 1_000 }, () => ({ routineId: 'hand', at: 1_000, minutes: MAX_PRACTICE_MINUTES })),
  };
  attributes.coach = { ...(attributes.coach as object), note: 'c'.repeat(20_000) };
}

describe('every turn of every routine with its attributes swollen before it', () => {
  it.each(catalogue.routines.map((routine) => [routine.name]))(
    '%s, from launch to the closing, answers within the budget',
    async (name) => {
      // Prepare
      const device = deviceFor(`amzn1.ask.account.swollen-${name.replace(/ /g, '-')}`);
      const sizes: number[] = [];

      // Act
      sizes.push((await sayAndMeasure(device, 'open partner massage')).bytes);
      for (const line of [`start ${name}`, 'ready', ...Array.from({ length: 12 }, () => 'yes')]) {
        if (!device.sessionOpen) break;
        swell(device.sessionAttributes as Record<string, unknown>);
        sizes.push((await sayAndMeasure(device, line)).bytes);
      }

      // Assess
      expect(device.sessionOpen).toBe(false);
      expect(Math.max(...sizes)).toBeLessThan(RESPONSE_BUDGET_BYTES);
    },
  );
});

describe('the largest answer the skill gives', () => {
  it('with every attribute at its cap, an unsaved update carried on and the longest speech, stays within the budget', async () => {
    // Prepare: the store goes down, so the update stays unsaved and travels in the attributes.
    const local = await startDynalite();
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: local.endpoint });
    const downStore = new DynamoUserStore({ client, tableName: 'down', createTableIfMissing: true });
    const handler = createHandler({ store: downStore, logger: silentLogger });
    const device = new SimulatedDevice({ handler, userId: 'amzn1.ask.account.largest' });
    try {
      await sayAndMeasure(device, 'open partner massage');
      await sayAndMeasure(device, 'start labour counter pressure practice');
      await local.stop();
      const attributes = device.sessionAttributes as Record<string, unknown>;
      swell(attributes);
      // The preferences that give the most SSML (the benchmark's largest response).
      const longest = { pressure: 'gentle', pace: 'quicker', speechRate: 'slower', flow: 'continuous' };
      for (const key of ['profile', 'stored']) {
        attributes[key] = { ...(attributes[key] as object), preferences: longest };
      }

      // Act
      const ready = await sayAndMeasure(device, 'ready');

      // Assess
      expect(ready.text).toMatch(/^\s*Step 1 of/);
      expect(device.sessionAttributes?.pending).toMatchObject({ practice: expect.any(Array) });
      expect(ready.bytes).toBeLessThan(RESPONSE_BUDGET_BYTES);
    } finally {
      client.destroy();
      await local.stop();
    }
  });
});
