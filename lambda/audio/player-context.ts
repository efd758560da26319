/**
 * Reads where the device's audio player is from a request: the token the skill sent (which names
 * the step, variant and flow) and the offset the device reports, mapped onto the step's file in the
 * render manifest. Untrusted throughout: anything that is not one of the skill's tokens is no
 * player of ours.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import type { PlayerActivity, PlayerPlace } from '../core/player';
import { stepFile } from './manifest';
import { pointAt } from './points';
import type { AudioSource } from './source';
import { parseAudioToken } from './token';

/** Every device state AudioPlayer reports, as the core sees it. */
const ACTIVITIES: Readonly<Record<string, PlayerActivity>> = {
  PLAYING: 'playing',
  BUFFER_UNDERRUN: 'playing',
  PAUSED: 'stopped',
  STOPPED: 'stopped',
  FINISHED: 'finished',
  IDLE: 'idle',
};

/** What each AudioPlayer event says the player is doing. */
const EVENT_ACTIVITIES: Readonly<Record<string, PlayerActivity>> = {
  'AudioPlayer.PlaybackStarted': 'playing',
  'AudioPlayer.PlaybackNearlyFinished': 'playing',
  'AudioPlayer.PlaybackFinished': 'finished',
  'AudioPlayer.PlaybackStopped': 'stopped',
  'AudioPlayer.PlaybackFailed': 'stopped',
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The token, offset and activity a request reports: an AudioPlayer event's own, else the context's. */
function reported(envelope: RequestEnvelope): { token: unknown; offsetMs: unknown; activity: PlayerActivity } {
  const request = record(envelope.request);
  const type = typeof request.type === 'string' ? request.type : '';
  const eventActivity = EVENT_ACTIVITIES[type];
  const context = record(record(envelope.context).AudioPlayer);
  if (eventActivity !== undefined && request.token !== undefined) {
    return { token: request.token, offsetMs: request.offsetInMilliseconds, activity: eventActivity };
  }
  const playerActivity = typeof context.playerActivity === 'string' ? context.playerActivity : '';
  return {
    token: context.token,
    offsetMs: context.offsetInMilliseconds,
    activity: ACTIVITIES[playerActivity] ?? 'idle',
  };
}

/**
 * Where the player is in one of the skill's items, or undefined when it holds nothing of the
 * skill's (no token, another skill's, a malformed one) or the skill has no audio. The offset is
 * clamped to the step's file; a step variant the current render lacks (a token from an older
 * render) counts from the step's start.
 */
export function playerOf(envelope: RequestEnvelope, source: AudioSource | undefined): PlayerPlace | undefined {
  if (source === undefined) return undefined;
  const { token, offsetMs, activity } = reported(envelope);
  const item = parseAudioToken(token);
  if (item === undefined) return undefined;
  const { renderVersion: _render, ...played } = item;
  const file = stepFile(source.manifest(), played);
  const ms = typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? Math.max(0, offsetMs) : 0;
  if (file === undefined) return { item: played, offset: 0, point: { segment: 0, fraction: 0 }, activity };
  const within = Math.min(ms, file.ms);
  return { item: played, offset: within / 1000, point: pointAt(file, within), activity };
}

/** The token the player holds, as the request reports it: an enqueue must name it. */
export function reportedToken(envelope: RequestEnvelope): string | undefined {
  const { token } = reported(envelope);
  return typeof token === 'string' ? token : undefined;
}

/** Whether the device has an audio player, from the request's supported interfaces. */
export function deviceHasAudioPlayer(envelope: RequestEnvelope): boolean {
  const device = record(record(record(envelope.context).System).device);
  return record(device.supportedInterfaces).AudioPlayer !== undefined;
}
