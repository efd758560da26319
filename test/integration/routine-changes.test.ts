/**
 * Items stored by earlier releases, read by a release whose routines gained and lost steps: schema-1
 * items and schema-2 items from before step ids were kept, and places saved with a step id. Through
 * the real handler, real envelopes and the DynamoDB store on dynalite. Every offer names a step the
 * routine has, with its title; resuming goes there; pausing again stores the step's id.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { lines } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import { silentLogger } from '../../lambda/log';
import { type DynamoUserStore, partitionKeyOf } from '../../lambda/persistence/dynamo-store';
import { CURRENT_SCHEMA_VERSION } from '../../lambda/persistence/migrations';
import { PARTITION_KEY } from '../../lambda/persistence/table';
import { createHandler } from '../../lambda/skill';
import { DEFAULT_START_AT, SimulatedDevice } from '../../tools/simulator/session-driver';
import {
  ADDED_STEP,
  changedCatalogue,
  changedFoot,
  foot,
  hand,
  indexOf,
  REMOVED_STEP,
  shortenedHand,
} from '../support/changed-catalogue';
import { runDialogue } from '../support/dialogue';
import { storeOnDynalite } from '../support/store-on-dynalite';

const TABLE = 'routine-changes';
const PAUSED_AT = DEFAULT_START_AT - 3 * 86_400_000;

let documents: DynamoDBDocumentClient;
let store: DynamoUserStore;
const db = storeOnDynalite(TABLE);
beforeAll(() => {
  ({ documents, store } = db);
});

/** An item as the first release wrote it: flat attributes, no schema version. */
function schema1(routineId: string, stepIndex: number): Record<string, unknown> {
  return {
    itemVersion: 4,
    pressure: 'medium',
    pausedRoutine: routineId,
    pausedStep: stepIndex,
    sessionsFinished: 3,
    heardDisclaimer: true,
    updatedAt: PAUSED_AT,
  };
}

/** An item as schema 2 was written, with a step id only when `stepId` is given. */
function schema2(routineId: string, stepIndex: number, stepId?: string): Record<string, unknown> {
  return {
    schemaVersion: 2,
    itemVersion: 9,
    preferences: { pressure: 'medium', pace: 'normal', speechRate: 'normal', flow: 'continuous' },
    preferencesAt: { pressure: PAUSED_AT, pace: 0, speechRate: 0, flow: 0 },
    paused: { routineId, stepIndex, ...(stepId !== undefined ? { stepId } : {}), at: PAUSED_AT },
    pausedAt: PAUSED_AT,
    history: { sessionsFinished: 3, daysThisWeek: [], weekOf: '', minutesThisWeek: 0, lastPracticeDay: null },
    disclaimerHeard: true,
    screeningHeard: true,
    appliedUpdateIds: ['amzn1.echo-api.request.earlier'],
  };
}

function titleAt(routine: Routine, index: number): string {
  const step = routine.steps[index];
  if (!step) throw new Error(`${routine.id} has no step ${index}`);
  return step.title;
}

const heelNow = indexOf(changedFoot, 'foot.heelSqueeze');
const removedAt = indexOf(foot, REMOVED_STEP.id);
const handLast = shortenedHand.steps.length - 1;

interface Case {
  readonly item: Record<string, unknown>;
  readonly routine: Routine;
  /** Where the place reads now. */
  readonly at: number;
  readonly offer: string;
}

const cases: readonly (readonly [string, Case])[] = [
  [
    'a schema-1 place within the routine reads by its index, as it always did',
    {
      item: schema1('foot', 3),
      routine: changedFoot,
      at: 3,
      offer: lines.offerResume(foot.name, 4, titleAt(changedFoot, 3)),
    },
  ],
  [
    'a schema-1 place past the end of a routine that lost steps reads as its last step, saying it changed',
    {
      item: schema1('hand', hand.steps.length - 1),
      routine: shortenedHand,
      at: handLast,
      offer: lines.offerResumeChanged(hand.name, handLast + 1, titleAt(shortenedHand, handLast)),
    },
  ],
  [
    'a schema-2 place from before step ids, past the end, reads as the last step, saying it changed',
    {
      item: schema2('hand', 30),
      routine: shortenedHand,
      at: handLast,
      offer: lines.offerResumeChanged(hand.name, handLast + 1, titleAt(shortenedHand, handLast)),
    },
  ],
  [
    'a place saved with its step id follows the step to its new number when a step was added before it',
    {
      item: schema2('foot', 3, 'foot.heelSqueeze'),
      routine: changedFoot,
      at: heelNow,
      offer: lines.offerResume(foot.name, heelNow + 1, titleAt(changedFoot, heelNow)),
    },
  ],
  [
    'a place on a step that was taken out reads at the same number, saying the routine changed',
    {
      item: schema2('foot', removedAt, REMOVED_STEP.id),
      routine: changedFoot,
      at: removedAt,
      offer: lines.offerResumeChanged(foot.name, removedAt + 1, titleAt(changedFoot, removedAt)),
    },
  ],
];

describe('a stored place in a routine that gained or lost steps', () => {
  it.each(cases)('%s; resuming goes there and pausing again keeps the step id', async (label, c) => {
    // Prepare
    const userId = `amzn1.ask.account.${label.slice(0, 40).replace(/\W+/g, '-')}`;
    await documents.send(
      new PutCommand({ TableName: TABLE, Item: { [PARTITION_KEY]: partitionKeyOf(userId), ...c.item } }),
    );
    const handler = createHandler({ store, catalogue: changedCatalogue, logger: silentLogger });
    const device = new SimulatedDevice({ handler, userId });
    const title = titleAt(c.routine, c.at);
    const stepIntro = new RegExp(`^\\s*Step ${c.at + 1} of ${c.routine.steps.length}\\. ${title}\\.`, 'i');

    // Act
    const [launch, yes, ready, pause] = await runDialogue(
      [
        { say: 'open partner massage', listening: true },
        { say: 'yes' },
        { say: 'ready', hears: stepIntro },
        { say: 'pause', ends: true },
      ],
      { device },
    );
    const { Item } = await documents.send(
      new GetCommand({ TableName: TABLE, Key: { [PARTITION_KEY]: partitionKeyOf(userId) }, ConsistentRead: true }),
    );

    // Assess
    expect(launch?.text).toContain(c.offer);
    expect(yes?.text).toContain(lines.resumingAt(c.routine.name, c.at + 1));
    expect(pause?.text).toContain(lines.pausedAt(c.routine.name, c.at + 1, title));
    expect(ready?.text).not.toMatch(/step \d+, \./);
    expect(Item).toMatchObject({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      paused: { routineId: c.routine.id, stepIndex: c.at, stepId: c.routine.steps[c.at]?.id },
      preferences: { pressure: 'medium' },
      history: { sessionsFinished: 3 },
    });
  });

  it('"resume" straight away says the routine changed, once, and picks up at the nearest step', async () => {
    // Prepare
    const userId = 'amzn1.ask.account.resume-one-shot';
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { [PARTITION_KEY]: partitionKeyOf(userId), ...schema2('foot', removedAt, REMOVED_STEP.id) },
      }),
    );
    const handler = createHandler({ store, catalogue: changedCatalogue, logger: silentLogger });
    const device = new SimulatedDevice({ handler, userId });

    // Act
    const [resume] = await runDialogue([{ say: 'ask partner massage to resume', listening: true }], { device });

    // Assess
    expect(resume?.text).toContain(lines.resumingChanged(foot.name, removedAt + 1));
    expect(resume?.text.match(/has changed since you paused it/g)).toHaveLength(1);
  });

  it('the added step is part of the routine from the start', () => {
    expect(changedFoot.steps[1]).toBe(ADDED_STEP);
    expect(changedFoot.steps).toHaveLength(foot.steps.length);
    expect(changedFoot.steps.map((step) => step.id)).not.toContain(REMOVED_STEP.id);
  });
});
