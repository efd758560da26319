/**
 * What the skill does when the device's audio player reports on an item of its own. These reports
 * come outside any session, may be answered with audio directives only, and carry no preferences:
 * the item (its token) says the routine, step, variant and flow, so deciding needs no stored
 * profile, and the one write some of them make is a merge the store applies to whatever it holds.
 */
import type { Catalogue, Routine } from '../catalogue';
import { routineSeconds } from '../pacing';
import { type PlayerPlace, type PlayItem, STEP_START } from '../player';
import { DEFAULT_PREFERENCES } from '../preferences';
import type { PausedPlace, ProfileUpdate } from '../profile';
import type { Wording } from '../wording';
import { nowPlaying } from './delivery';
import type { AudioInstruction } from './plan';

export type PlaybackReport = 'started' | 'nearlyFinished' | 'finished' | 'stopped' | 'failed';

export interface PlaybackInput {
  readonly report: PlaybackReport;
  readonly player: PlayerPlace;
  /** Epoch ms of the request. */
  readonly now: number;
  readonly catalogue: Catalogue;
  readonly wording: Wording;
}

export interface PlaybackDecision {
  readonly audio?: AudioInstruction;
  /** A change to save; its id is the item's and the report's, so a repeated report changes nothing twice. */
  readonly update?: ProfileUpdate;
}

/**
 * - started: the step is now the place to come back to (a step change is the one write while it plays).
 * - nearlyFinished: in continuous flow the next step is queued behind this one, in the same
 *   variant; in step-by-step flow nothing is (the step's last words say "Alexa, next").
 * - finished: the last step's end records the practice (once per item) and clears the place; in
 *   step-by-step flow the next step becomes the place.
 * - stopped: the place keeps where in the step it stopped.
 * - failed: the step is tried once more from where it failed; if that fails too, the place says so,
 *   and the next request speaks the step instead.
 * Reports about a routine or step the catalogue lacks change nothing.
 */
export function decidePlayback(input: PlaybackInput): PlaybackDecision {
  const { player, now } = input;
  const { item } = player;
  const routine = input.catalogue.get(item.routineId);
  if (routine === undefined || item.stepIndex >= routine.steps.length) return {};
  const last = item.stepIndex === routine.steps.length - 1;
  const place = (stepIndex: number, extra: Partial<PausedPlace> = {}) => placeOf(routine, stepIndex, now, extra);
  switch (input.report) {
    case 'started':
      return { update: paused(item, 'started', place(item.stepIndex), now) };
    case 'nearlyFinished':
      if (last || item.flow !== 'continuous') return {};
      return { audio: queueNext(input, routine, item) };
    case 'finished':
      if (last) return { update: finishedRoutine(routine, item, now) };
      if (item.flow === 'stepByStep') return { update: paused(item, 'finished', place(item.stepIndex + 1), now) };
      return {};
    case 'stopped':
      return { update: paused(item, 'stopped', place(item.stepIndex, { point: player.point }), now) };
    case 'failed':
      if (item.attempt === 1) {
        const retry: PlayItem = { ...item, attempt: 2, issuedAt: issueTime(now) };
        const audio: AudioInstruction = {
          kind: 'play',
          item: retry,
          from: player.point,
          enqueue: false,
          nowPlaying: nowPlaying(input.wording, routine, item.stepIndex),
        };
        return { audio };
      }
      return {
        update: paused(item, 'failed', place(item.stepIndex, { point: player.point, audioFailed: true }), now),
      };
  }
}

function issueTime(now: number): number {
  return Math.max(0, Math.floor(now));
}

function queueNext(input: PlaybackInput, routine: Routine, item: PlayItem): AudioInstruction {
  const next: PlayItem = { ...item, stepIndex: item.stepIndex + 1, attempt: 1, issuedAt: issueTime(input.now) };
  return {
    kind: 'play',
    item: next,
    from: STEP_START,
    enqueue: true,
    nowPlaying: nowPlaying(input.wording, routine, next.stepIndex),
  };
}

/** The id of a report's change: the item (routine, step, issue time, attempt) and the report. */
function updateId(item: PlayItem, report: PlaybackReport): string {
  return `play:${item.routineId}/${item.stepIndex + 1}/${item.issuedAt.toString(36)}.${item.attempt}:${report}`;
}

function placeOf(routine: Routine, stepIndex: number, at: number, extra: Partial<PausedPlace>): PausedPlace {
  const stepId = routine.steps[stepIndex]?.id;
  return { routineId: routine.id, stepIndex, ...(stepId !== undefined ? { stepId } : {}), ...extra, at };
}

/** A place the player reports: it applies unless the place changed to something else after the item was issued. */
function paused(item: PlayItem, report: PlaybackReport, place: PausedPlace | null, now: number): ProfileUpdate {
  const reportedFor = { routineId: item.routineId, stepIndex: item.stepIndex, issuedAt: item.issuedAt };
  return { id: updateId(item, report), paused: { place, at: now, reportedFor } };
}

/** The last step played to its end: practice counted once for the item, and the place cleared. */
function finishedRoutine(routine: Routine, item: PlayItem, now: number): ProfileUpdate {
  const minutes = Math.round(routineSeconds(routine, { ...DEFAULT_PREFERENCES, ...item.variant }) / 60);
  return {
    ...paused(item, 'finished', null, now),
    practice: [{ routineId: routine.id, at: now, minutes }],
  };
}
