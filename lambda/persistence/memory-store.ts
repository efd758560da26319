import type { ProfileUpdate } from '../core/profile';
import { applyUpdate, newProfile } from '../core/profile';
import type { StoredProfile, UserStore } from './user-store';

/** A UserStore held in memory, for tests and throwaway simulator runs. */
export class MemoryUserStore implements UserStore {
  private readonly items = new Map<string, StoredProfile>();

  async load(userId: string): Promise<StoredProfile | undefined> {
    return this.items.get(userId);
  }

  /** Ignores `base`: the map always holds the current profile. */
  async save(userId: string, update: ProfileUpdate, _base?: StoredProfile): Promise<StoredProfile> {
    const current = this.items.get(userId) ?? { profile: newProfile(), version: 0 };
    const next = { profile: applyUpdate(current.profile, update), version: current.version + 1 };
    this.items.set(userId, next);
    return next;
  }

  async delete(userId: string): Promise<void> {
    this.items.delete(userId);
  }
}
