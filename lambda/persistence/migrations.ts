/**
 * Brings a stored item from any earlier schema version to the current one, one step per version.
 * Migration happens on read, in memory; the next write stores the item at the current version.
 *
 * Schema 1 (the first release; items without `schemaVersion` are schema 1):
 * ```
 * pk              'user#' + sha256 hex of the userId
 * itemVersion     number; may be missing on items written before conditional writes
 * pressure        'gentle' | 'medium' | 'firm'
 * pace            'slower' | 'normal' | 'quicker'
 * speechRate      'slower' | 'normal'            (there was no `flow` yet)
 * pausedRoutine   routine id, when a routine was paused
 * pausedStep      step index within pausedRoutine
 * sessionsFinished number of finished routines
 * heardDisclaimer boolean
 * updatedAt       epoch ms of the last write
 * expiresAt       TTL, epoch seconds
 * ```
 * Schema 1 had no per-field change times and no weekly history: a device that saved overwrote the
 * whole item. Schema 2 nests `preferences`, keeps `preferencesAt` and `pausedAt` for per-field
 * last-writer-wins merges, a `history` object, and `appliedUpdateIds` for idempotent updates.
 *
 * Later schema-2 items keep `paused.stepId`, the paused step's stable id, beside its index. It is
 * optional, so it needed no new version: a place without it (schema 1, or schema 2 before it) is
 * read by its index, and the coach fits either to the routine as the catalogue has it now
 * (`fitPlace`). Whatever a migration returns is read field by field within caps (`sanitizeProfile`).
 */
import { emptyHistory } from '../core/profile';

/** The schema version this code writes. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Items are plain attribute maps as the DocumentClient returns them. */
export type RawItem = Record<string, unknown>;

/** The schema version an item claims; missing or unreadable means schema 1. */
export function schemaVersionOf(raw: RawItem): number {
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Schema 1 → 2: flat attributes become the nested profile fields. */
function fromSchema1(raw: RawItem): RawItem {
  const {
    pressure,
    pace,
    speechRate,
    pausedRoutine,
    pausedStep,
    sessionsFinished,
    heardDisclaimer,
    schemaVersion: _schemaVersion,
    ...kept
  } = raw;
  // Schema 1 knew only when the item as a whole changed; that is the best guess for every field.
  // Any change a device makes after the upgrade is later, so it still wins the merge.
  const changedAt = finiteOr(raw.updatedAt, 0);
  const preferences: Record<string, unknown> = {};
  if (pressure !== undefined) preferences.pressure = pressure;
  if (pace !== undefined) preferences.pace = pace;
  if (speechRate !== undefined) preferences.speechRate = speechRate;
  const paused =
    typeof pausedRoutine === 'string' && typeof pausedStep === 'number'
      ? { routineId: pausedRoutine, stepIndex: pausedStep, at: changedAt }
      : null;
  return {
    ...kept,
    schemaVersion: 2,
    preferences,
    preferencesAt: { pressure: changedAt, pace: changedAt, speechRate: changedAt, flow: 0 },
    paused,
    pausedAt: paused === null ? 0 : changedAt,
    history: { ...emptyHistory(), sessionsFinished: finiteOr(sessionsFinished, 0) },
    disclaimerHeard: heardDisclaimer === true,
    appliedUpdateIds: [],
  };
}

/** MIGRATIONS[n] turns a schema-n item into a schema-(n+1) item. */
const MIGRATIONS: Readonly<Record<number, (raw: RawItem) => RawItem>> = {
  1: fromSchema1,
};

/**
 * Returns the item at the current schema version. An item from a newer schema (written by a later
 * release, e.g. before a rollback) is returned unchanged: the caller reads what it can of it.
 */
export function migrateItem(raw: RawItem): RawItem {
  let version = schemaVersionOf(raw);
  let item = raw;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (step === undefined) break;
    item = step(item);
    version += 1;
  }
  return item;
}
