/**
 * The store interface the skill talks to. Implementations hash the Alexa userId themselves;
 * callers pass the raw id and never log it.
 */
import type { ProfileUpdate, UserProfile } from '../core/profile';

export interface StoredProfile {
  readonly profile: UserProfile;
  /** Item version, for conditional writes; 0 when nothing is stored yet. */
  readonly version: number;
}

export interface UserStore {
  /** The stored profile, or undefined when the user has none. Throws StoreError on failure. */
  load(userId: string): Promise<StoredProfile | undefined>;
  /**
   * Applies an update to what is stored now, conditional on the item version; on a conflict it
   * re-reads, re-applies and retries a bounded number of times. Returns what was written.
   * `base`, when given, is exactly what load() or save() last returned for this user (not a copy
   * changed locally): a store may write conditionally on it without reading first, so the usual
   * save is one write. Stores may ignore it.
   */
  save(userId: string, update: ProfileUpdate, base?: StoredProfile): Promise<StoredProfile>;
  /** Forgets the user entirely. */
  delete(userId: string): Promise<void>;
}

/** A store operation failed; `cause` keeps the underlying error. */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
  }
}
