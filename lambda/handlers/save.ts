/**
 * Saving a turn's change. A session's last answer (a routine's closing, a pause, the session's end)
 * is the last chance to save what the session did: nothing carries an unsaved change past it. So
 * such a save is tried again while the turn has time; any other turn saves once, and a failed save
 * is carried to the next turn in the session's attributes.
 */
import type { ProfileUpdate } from '../core/profile';
import { errorFields, type Logger } from '../log';
import { DEFAULT_OPERATION_DEADLINE_MS } from '../persistence/dynamo-store';
import type { StoredProfile, UserStore } from '../persistence/user-store';

/**
 * How long after a turn began a save that ends the session may still be tried: Alexa waits about
 * 8 s for the answer, and a try is begun only if it can fail (the store's own deadline per
 * operation) by then, with time left to answer.
 */
export const SESSION_END_SAVE_UNTIL_MS = 7_000;

/** The longest one try of a save takes to fail: the DynamoDB store's deadline per operation. */
const SAVE_TRY_MS = DEFAULT_OPERATION_DEADLINE_MS;

/**
 * The waits before each further try of a save that ends the session: a store restarting, throttled
 * or briefly unreachable gets chances until the turn runs out of time (SESSION_END_SAVE_UNTIL_MS);
 * a store that refuses connections fails fast, so the later waits are what spread the tries out.
 */
export const SESSION_END_SAVE_DELAYS_MS: readonly number[] = [200, 400, 800, 1_000, 1_000, 1_000, 1_000];

/** What a save needs beyond the update: whether the session ends, and when the turn began. */
export interface SaveContext {
  readonly store: UserStore;
  readonly logger: Logger;
  readonly endsSession: boolean;
  /** `turnClockMs()` when the turn began. */
  readonly startedAt: number;
}

/**
 * A monotonic clock in milliseconds, for how long a turn has run. `process.hrtime` rather than
 * `performance.now()`: the global `performance` loads Node's perf_hooks internals on first use,
 * about 1.5 ms of a cold start.
 */
export function turnClockMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Saves the update on `base` (see UserStore.save), once, or, when the session ends, again after
 * each of SESSION_END_SAVE_DELAYS_MS while a try can still fail in time. Throws the last error.
 */
export async function saveUpdate(
  context: SaveContext,
  userId: string,
  update: ProfileUpdate,
  base: StoredProfile | undefined,
): Promise<StoredProfile> {
  const delays = context.endsSession ? SESSION_END_SAVE_DELAYS_MS : [];
  for (let tries = 0; ; tries += 1) {
    try {
      const saved = await context.store.save(userId, update, base);
      if (tries > 0) context.logger.info('profile_saved_on_retry', { tries: tries + 1 });
      return saved;
    } catch (error) {
      context.logger.warn('profile_save_failed', errorFields(error));
      const delay = delays[tries];
      const elapsed = turnClockMs() - context.startedAt;
      if (delay === undefined || elapsed + delay + SAVE_TRY_MS > SESSION_END_SAVE_UNTIL_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
