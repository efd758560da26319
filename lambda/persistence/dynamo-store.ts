/**
 * The UserStore on DynamoDB (AWS SDK v3): one item per user, keyed by a hash of the Alexa userId,
 * written with conditional puts on an item version so two devices never clobber each other.
 */
import { createHash } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  type DescribeTableCommandOutput,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { applyUpdate, newProfile, type ProfileUpdate, type UserProfile } from '../core/profile';
import { sanitizeProfile } from '../core/untrusted-profile';
import { CURRENT_SCHEMA_VERSION, migrateItem, type RawItem } from './migrations';
import { ITEM_TTL_SECONDS, PARTITION_KEY, TTL_ATTRIBUTE } from './table';
import { type StoredProfile, StoreError, type UserStore } from './user-store';

/** Item attribute: the version of the item's layout, for migrations. */
export const SCHEMA_VERSION_ATTRIBUTE = 'schemaVersion';
/** Item attribute: bumped on every write; writes are conditional on it. */
export const ITEM_VERSION_ATTRIBUTE = 'itemVersion';

/** How many times a save re-reads and retries after another device wrote first. */
export const DEFAULT_MAX_CONFLICT_RETRIES = 3;

/**
 * A whole store operation (every read, write and retry in it) gives up after this. A save without a
 * base, or one that meets conflicts, makes several calls; this keeps the total inside the turn's
 * budget (Alexa's 8 s deadline) even if each call alone stays under its own timeout.
 */
export const DEFAULT_OPERATION_DEADLINE_MS = 2_500;

/** Creating a table on a local server takes well under this (dynalite's default is 0.5 s). */
const TABLE_ACTIVE_WAIT_MS = 10_000;
const TABLE_POLL_INTERVAL_MS = 50;

export interface DynamoUserStoreOptions {
  /**
   * The DynamoDB client. Items are turned to and from DynamoDB's attribute values with
   * @aws-sdk/util-dynamodb, as lib-dynamodb's DocumentClient does, without its extra client layer
   * on every call (and in the bundle a cold start parses).
   */
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /**
   * Create the table (on-demand, key `pk`) on the first operation if it is missing, and again if it
   * disappears (a local server restarted). For local servers only; in AWS the stack owns the table.
   * @default false
   */
  readonly createTableIfMissing?: boolean;
  /** @default DEFAULT_MAX_CONFLICT_RETRIES (3) */
  readonly maxConflictRetries?: number;
  /** @default DEFAULT_OPERATION_DEADLINE_MS (2.5 s) */
  readonly operationDeadlineMs?: number;
  /** Epoch ms. @default Date.now */
  readonly now?: () => number;
}

/** The key of the item whose partition key is `pk`, as DynamoDB takes it. */
function keyOf(pk: string): Record<string, { S: string }> {
  return { [PARTITION_KEY]: { S: pk } };
}

/** The item's partition key for a userId: the raw id is never stored. */
export function partitionKeyOf(userId: string): string {
  return `user#${createHash('sha256').update(userId, 'utf8').digest('hex')}`;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

/**
 * The version a new item starts at: the time it is created, in ms; each write then adds one. An item
 * deleted ("forget me", skill disabled) and created again so never repeats a version that an open
 * session on another device still holds as its write base: that session's conditional write fails,
 * it re-reads, and its change is applied to the new item instead of putting the deleted data back.
 */
export function firstItemVersion(now: number): number {
  return Math.max(1, Math.floor(now));
}

/** The stored profile an item holds, whatever schema version it was written with. */
export function parseStoredItem(raw: RawItem): StoredProfile {
  let migrated: RawItem;
  try {
    migrated = migrateItem(raw);
  } catch {
    // A migration bug must not lock a user out: read what can be read.
    migrated = raw;
  }
  const version = migrated[ITEM_VERSION_ATTRIBUTE];
  return {
    profile: sanitizeProfile(migrated),
    version: typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0,
  };
}

export class DynamoUserStore implements UserStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly createTableIfMissing: boolean;
  private readonly maxConflictRetries: number;
  private readonly operationDeadlineMs: number;
  private readonly now: () => number;
  private tableReady: Promise<void> | undefined;

  constructor(options: DynamoUserStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.createTableIfMissing = options.createTableIfMissing ?? false;
    this.maxConflictRetries = Math.max(0, options.maxConflictRetries ?? DEFAULT_MAX_CONFLICT_RETRIES);
    this.operationDeadlineMs = options.operationDeadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
    this.now = options.now ?? Date.now;
  }

  /** One GetItem (strongly consistent). */
  async load(userId: string): Promise<StoredProfile | undefined> {
    return this.operation('load', (signal) => this.read(partitionKeyOf(userId), signal));
  }

  /**
   * Applies the update to what is stored and writes it conditionally on the item version.
   * With `base` (exactly what load() or save() last returned in this session, not a locally
   * changed copy) the usual case is one PutItem and no read; without it, one GetItem and one
   * PutItem. Each conflict costs one more GetItem and PutItem, at most `maxConflictRetries` times.
   * An update whose id the profile already holds writes nothing.
   */
  async save(userId: string, update: ProfileUpdate, base?: StoredProfile): Promise<StoredProfile> {
    const pk = partitionKeyOf(userId);
    return this.operation('save', async (signal) => {
      let current = base;
      for (let conflicts = 0; ; conflicts += 1) {
        current ??= (await this.read(pk, signal)) ?? { profile: newProfile(), version: 0 };
        const profile = applyUpdate(current.profile, update);
        if (profile === current.profile && current.version > 0) return current;
        const version = current.version === 0 ? firstItemVersion(this.now()) : current.version + 1;
        const next: StoredProfile = { profile, version };
        try {
          await this.write(pk, next, current.version, signal);
          return next;
        } catch (error) {
          if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
          if (conflicts >= this.maxConflictRetries) {
            throw new StoreError(`save gave up after ${conflicts + 1} conflicting writes`, { cause: error });
          }
          current = undefined;
        }
      }
    });
  }

  /** One DeleteItem. */
  async delete(userId: string): Promise<void> {
    const pk = partitionKeyOf(userId);
    await this.operation('delete', async (signal) => {
      await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: keyOf(pk) }), {
        abortSignal: signal,
      });
    });
  }

  private async read(pk: string, signal: AbortSignal): Promise<StoredProfile | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: keyOf(pk), ConsistentRead: true }),
      { abortSignal: signal },
    );
    return Item === undefined ? undefined : parseStoredItem(unmarshall(Item));
  }

  private async write(pk: string, next: StoredProfile, expectedVersion: number, signal: AbortSignal): Promise<void> {
    const at = this.now();
    const profile: UserProfile = next.profile;
    const item: RawItem = {
      [PARTITION_KEY]: pk,
      [SCHEMA_VERSION_ATTRIBUTE]: CURRENT_SCHEMA_VERSION,
      [ITEM_VERSION_ATTRIBUTE]: next.version,
      preferences: profile.preferences,
      preferencesAt: profile.preferencesAt,
      paused: profile.paused,
      pausedAt: profile.pausedAt,
      history: profile.history,
      disclaimerHeard: profile.disclaimerHeard,
      screeningHeard: profile.screeningHeard,
      handsFreeOffered: profile.handsFreeOffered,
      timeZone: profile.timeZone,
      reminder: profile.reminder,
      reminderAt: profile.reminderAt,
      reminderOffered: profile.reminderOffered,
      appliedUpdateIds: profile.appliedUpdateIds,
      updatedAt: at,
      [TTL_ATTRIBUTE]: Math.floor(at / 1000) + ITEM_TTL_SECONDS,
    };
    // Version 0 means "nothing stored yet", which also covers an old item that never had a version.
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(#pk) OR attribute_not_exists(#version)' }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
          };
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: marshall(item, { removeUndefinedValues: true }),
        ...condition,
        ExpressionAttributeNames:
          expectedVersion === 0
            ? { '#pk': PARTITION_KEY, '#version': ITEM_VERSION_ATTRIBUTE }
            : { '#version': ITEM_VERSION_ATTRIBUTE },
      }),
      { abortSignal: signal },
    );
  }

  /**
   * Runs one store operation under the deadline, wrapping every failure in StoreError. Messages
   * name the operation only: the userId never reaches a message or a log.
   */
  private async operation<T>(name: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      try {
        return await run(AbortSignal.timeout(this.operationDeadlineMs));
      } catch (error) {
        if (!this.createTableIfMissing || errorName(error) !== 'ResourceNotFoundException') throw error;
        // No table yet on the local server (first use, or it restarted): create it and try once more.
        // Asking first would cost a DescribeTable on every cold start.
        this.tableReady = undefined;
        await this.ensureTable();
        return await run(AbortSignal.timeout(this.operationDeadlineMs));
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`DynamoDB ${name} failed: ${errorName(error) ?? 'unknown error'}`, { cause: error });
    }
  }

  private ensureTable(): Promise<void> {
    if (!this.createTableIfMissing) return Promise.resolve();
    if (this.tableReady === undefined) {
      const attempt = this.createTable();
      this.tableReady = attempt;
      // A failed attempt (server not up yet) is not remembered: the next operation tries again.
      attempt.catch(() => {
        if (this.tableReady === attempt) this.tableReady = undefined;
      });
    }
    return this.tableReady;
  }

  private async createTable(): Promise<void> {
    if ((await this.describeTable()) === 'ACTIVE') return;
    try {
      await this.client.send(
        new CreateTableCommand({
          TableName: this.tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: PARTITION_KEY, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }],
        }),
      );
    } catch (error) {
      // Another store (or process) created it first; it may still be CREATING.
      if (errorName(error) !== 'ResourceInUseException') throw error;
    }
    const giveUpAt = Date.now() + TABLE_ACTIVE_WAIT_MS;
    while ((await this.describeTable()) !== 'ACTIVE') {
      if (Date.now() > giveUpAt) throw new StoreError(`table did not become active within ${TABLE_ACTIVE_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, TABLE_POLL_INTERVAL_MS));
    }
  }

  /** The table's status, or undefined when it does not exist. */
  private async describeTable(): Promise<string | undefined> {
    let output: DescribeTableCommandOutput;
    try {
      output = await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined;
      throw error;
    }
    return output.Table?.TableStatus;
  }
}
