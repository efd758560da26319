/**
 * The simulated player in words, for the CLI: what an event was, what the skill answered, where the
 * player is and what is queued.
 */
import type { Directive } from 'ask-sdk-model';
import { type AudioItem, itemOf, type PlayerSnapshot } from './audio-player';
import { describeToken } from './audio-source';
import type { Turn } from './session-driver';

export type RoutineInfo = (id: string) => { name: string; steps: number } | undefined;

/** 83_500 ms as "01:23" (or "1:01:23" past an hour). */
export function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** What an answer's AudioPlayer directives do, in a few words each; empty when it holds none. */
export function describeDirectives(directives: readonly Directive[] | undefined, info?: RoutineInfo): string[] {
  return (directives ?? []).flatMap((directive): string[] => {
    const type = String(directive.type);
    if (type === 'AudioPlayer.Play') {
      const item = itemOf(directive);
      const behavior = String((directive as { playBehavior?: unknown }).playBehavior);
      const from = item.offsetInMilliseconds > 0 ? ` from ${minutesAndSeconds(item.offsetInMilliseconds)}` : '';
      return [`Play ${behavior} ${describeToken(item.token, info)}${from}`];
    }
    if (type === 'AudioPlayer.Stop') return ['Stop'];
    if (type === 'AudioPlayer.ClearQueue')
      return [`ClearQueue ${String((directive as { clearBehavior?: unknown }).clearBehavior)}`];
    return type.startsWith('AudioPlayer.') ? [type] : [];
  });
}

/** Now Playing, as the device shows it when a stream starts. */
export function nowPlaying(item: AudioItem, info?: RoutineInfo): string {
  const shown = [item.title, item.subtitle].filter((part) => part !== undefined && part !== '').join(' · ');
  return `♪ Now playing: ${shown || '(no title)'} [${describeToken(item.token, info)}]`;
}

/**
 * One request the device sent on its own (an event, a button), with the skill's answer:
 * "PlaybackNearlyFinished foot massage step 1 of 7 (…) at 00:03 → ENQUEUE …".
 */
export function describeDeviceTurn(turn: Turn, info?: RoutineInfo): string {
  const event = turn.event;
  const parts: string[] = [];
  if (event) {
    const name = event.type.replace('AudioPlayer.', '');
    const where =
      event.type === 'AudioPlayer.PlaybackStarted' && event.lengthMs !== undefined
        ? `from ${minutesAndSeconds(event.offsetInMilliseconds)} of ${minutesAndSeconds(event.lengthMs)}`
        : `at ${minutesAndSeconds(event.offsetInMilliseconds)}`;
    parts.push(`${name} ${describeToken(event.token, info)} ${where}`);
    if (event.error) parts.push(`${event.error.type}: ${event.error.message}`);
  } else {
    parts.push(String(turn.request?.request.type ?? turn.line));
  }
  const answer = describeDirectives(turn.response?.response.directives, info);
  const reply = turn.error !== undefined ? 'rejected' : answer.length > 0 ? answer.join('; ') : 'no directive';
  return `${parts.join(' · ')} → ${reply}`;
}

/** The player's state, in two or three lines. */
export function describePlayer(snapshot: PlayerSnapshot | undefined, info?: RoutineInfo): string {
  if (snapshot === undefined) return 'not an audio device: /device audio gives it a player';
  if (!snapshot.owner || snapshot.item === undefined)
    return 'player: idle; the skill has played nothing on this device';
  const length = snapshot.lengthMs === undefined ? 'unknown length' : minutesAndSeconds(snapshot.lengthMs);
  const state = [
    snapshot.activity,
    describeToken(snapshot.item.token, info),
    `${minutesAndSeconds(snapshot.offsetMs)} of ${length}`,
  ];
  if (snapshot.activity === 'PLAYING' && !snapshot.started) state.push('starts when Alexa has finished speaking');
  else if (snapshot.activity === 'PLAYING' && snapshot.heldUntil !== undefined) state.push('held while Alexa talks');
  const queued = snapshot.queue.map((item, index) => {
    // The device plays a queued stream only after the one its expectedPreviousToken names.
    const before = index === 0 ? snapshot.item?.token : snapshot.queue[index - 1]?.token;
    const expected = item.expectedPreviousToken;
    const stuck = expected !== undefined && expected !== before;
    return `${describeToken(item.token, info)}${stuck ? ` (expects ${expected}: will not play)` : ''}`;
  });
  const queue = `queue:  ${queued.length === 0 ? 'empty' : queued.join('; ')}`;
  return [`player: ${state.join(' · ')}`, `token:  ${snapshot.item.token}`, queue].join('\n');
}
