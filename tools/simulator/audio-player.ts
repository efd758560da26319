/**
 * The simulated Echo's audio player: one current stream, a queue behind it, and the AudioPlayer
 * events a device sends, timed against the simulated clock. Pure: it never calls the skill. The
 * device (session-driver.ts) asks it what is due (`nextDueAt`, `step`), sends each event to the
 * skill as a request with no session, and hands the response's directives back (`apply`).
 *
 * How it plays (AudioPlayer interface reference, and shared docs/alexa-platform.md):
 * - A stream plays from its `offsetInMilliseconds` against the clock. PlaybackStarted goes out when
 *   it starts; PlaybackNearlyFinished NEARLY_FINISHED_AFTER_START_MS of playing after the start (a
 *   device sends it once the stream is buffered, which for a step's small MP3 is within seconds),
 *   or, with `{ beforeEndMs }`, that long before the end; PlaybackFinished at the end. Then the
 *   first queued stream starts at once, but only if its expectedPreviousToken is the token that
 *   finished: one that names another token is dropped, with a notice, as a device drops it.
 * - Play REPLACE_ALL stops the current stream (PlaybackStopped with its offset, when it had
 *   started), empties the queue and starts the new one; ENQUEUE adds to the queue;
 *   REPLACE_ENQUEUED replaces the queue. Stop, and ClearQueue CLEAR_ALL, stop the current stream
 *   (PlaybackStopped with its offset); CLEAR_ENQUEUED empties the queue only.
 * - While the user talks to Alexa, and while Alexa answers, the player is held (ducked): the offset
 *   stops moving and requests report PLAYING at the offset of the moment the user spoke. When the
 *   dialog is over (`releaseAt`), playback goes on from there, or a stream the answer started
 *   begins: speech in a response plays before its audio.
 * - A stream whose length the player cannot learn (a URL the render does not hold) fails as it
 *   starts: PlaybackFailed MEDIA_ERROR_INVALID_REQUEST, as for an HTTP 404. `fail()` fails the
 *   current stream on demand.
 * Events due at the same moment go out in this order: what a directive caused (PlaybackStopped,
 * PlaybackFailed, notices), PlaybackStarted, PlaybackNearlyFinished, PlaybackFinished.
 */
import type { Directive } from 'ask-sdk-model';

export type PlayerActivity = 'IDLE' | 'PLAYING' | 'PAUSED' | 'STOPPED' | 'FINISHED' | 'BUFFER_UNDERRUN';

export type PlayerEventType =
  | 'AudioPlayer.PlaybackStarted'
  | 'AudioPlayer.PlaybackNearlyFinished'
  | 'AudioPlayer.PlaybackFinished'
  | 'AudioPlayer.PlaybackStopped'
  | 'AudioPlayer.PlaybackFailed';

/** PlaybackNearlyFinished this long into playing a stream, by default. */
export const NEARLY_FINISHED_AFTER_START_MS = 3_000;

/** When PlaybackNearlyFinished goes out: this long after a stream starts, or this long before its end. */
export type NearlyFinishedTiming = { readonly afterStartMs: number } | { readonly beforeEndMs: number };

export interface PlayerOptions {
  /** A stream's length in ms, from its URL; undefined makes it fail as it starts. */
  readonly lengthOf: (url: string) => number | undefined;
  /** @default { afterStartMs: NEARLY_FINISHED_AFTER_START_MS } */
  readonly nearlyFinished?: NearlyFinishedTiming;
}

/** One stream, as a Play directive gave it. */
export interface AudioItem {
  readonly token: string;
  readonly url: string;
  readonly offsetInMilliseconds: number;
  readonly expectedPreviousToken?: string;
  readonly title?: string;
  readonly subtitle?: string;
}

/** context.AudioPlayer: what every request carries while the skill owns the player. */
export interface PlayerContext {
  readonly token: string;
  readonly offsetInMilliseconds: number;
  readonly playerActivity: PlayerActivity;
}

export interface PlaybackError {
  readonly type: string;
  readonly message: string;
}

/** An event the device sends to the skill. */
export interface PlayerEvent {
  readonly kind: 'event';
  readonly type: PlayerEventType;
  /** Epoch ms it goes out. */
  readonly at: number;
  readonly token: string;
  readonly offsetInMilliseconds: number;
  /** context.AudioPlayer of the request. */
  readonly context: PlayerContext;
  /** PlaybackStarted: the stream, for Now Playing; its length when known. */
  readonly item?: AudioItem;
  readonly lengthMs?: number;
  /** PlaybackFailed only. */
  readonly error?: PlaybackError;
  readonly currentPlaybackState?: PlayerContext;
}

/** Something the device did without telling the skill (an enqueue it dropped). */
export interface PlayerNotice {
  readonly kind: 'notice';
  readonly at: number;
  readonly text: string;
}

export type PlayerHappening = PlayerEvent | PlayerNotice;

/** The player at a moment, for `/player` and `--realtime`. */
export interface PlayerSnapshot {
  readonly owner: boolean;
  readonly activity: PlayerActivity;
  readonly item: AudioItem | undefined;
  readonly lengthMs: number | undefined;
  readonly offsetMs: number;
  /** PlaybackStarted has gone out for the current stream. */
  readonly started: boolean;
  /** Held while the user and Alexa talk: until the dialog ends ('dialog'), or until that moment. */
  readonly heldUntil: number | 'dialog' | undefined;
  readonly queue: readonly AudioItem[];
  /** Bumped each time the stream starts or goes on moving: a new run for a real player to follow. */
  readonly run: number;
}

interface Current {
  readonly item: AudioItem;
  readonly lengthMs: number | undefined;
  started: boolean;
  nearlyFinishedSent: boolean;
  /** Offset at which PlaybackNearlyFinished goes out. */
  nearlyFinishedAt: number;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The stream of a Play directive (checked before it gets here: see responseProblems). */
export function itemOf(directive: Directive): AudioItem {
  const audioItem = (
    directive as { audioItem?: { stream?: Record<string, unknown>; metadata?: Record<string, unknown> } }
  ).audioItem;
  const stream = audioItem?.stream ?? {};
  const offset = stream.offsetInMilliseconds;
  const expected = text(stream.expectedPreviousToken);
  const title = text(audioItem?.metadata?.title);
  const subtitle = text(audioItem?.metadata?.subtitle);
  return {
    token: text(stream.token) ?? '',
    url: text(stream.url) ?? '',
    offsetInMilliseconds: typeof offset === 'number' && offset > 0 ? offset : 0,
    ...(expected !== undefined ? { expectedPreviousToken: expected } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(subtitle !== undefined ? { subtitle } : {}),
  };
}

export class SimulatedAudioPlayer {
  /** The skill played on this device, so requests carry context.AudioPlayer (even days later). */
  owner = false;
  private activityNow: PlayerActivity = 'IDLE';
  private current: Current | undefined;
  private queue: AudioItem[] = [];
  /** Offset (ms) of the current stream at `since`; it moves on from there only while playing freely. */
  private offset = 0;
  private since = 0;
  private hold: number | 'dialog' | undefined;
  private outbox: PlayerHappening[] = [];
  private runs = 0;
  private readonly lengthOf: PlayerOptions['lengthOf'];
  private readonly nearlyFinished: NearlyFinishedTiming;

  constructor(options: PlayerOptions) {
    this.lengthOf = options.lengthOf;
    this.nearlyFinished = options.nearlyFinished ?? { afterStartMs: NEARLY_FINISHED_AFTER_START_MS };
  }

  get activity(): PlayerActivity {
    return this.activityNow;
  }

  /** The stream is playing and not held: its offset moves with the clock. */
  private get moving(): boolean {
    return this.activityNow === 'PLAYING' && this.hold === undefined && this.current?.started === true;
  }

  /** The current stream's offset at `at` (ms). */
  offsetAt(at: number): number {
    if (!this.moving) return this.offset;
    const played = this.offset + Math.max(0, at - this.since);
    return Math.min(played, this.current?.lengthMs ?? played);
  }

  /** context.AudioPlayer at `at`; undefined while the skill has never played here. */
  context(at: number): PlayerContext | undefined {
    if (!this.owner || this.current === undefined) return undefined;
    return {
      token: this.current.item.token,
      offsetInMilliseconds: Math.round(this.offsetAt(at)),
      playerActivity: this.activityNow,
    };
  }

  snapshot(at: number): PlayerSnapshot {
    return {
      owner: this.owner,
      activity: this.activityNow,
      item: this.current?.item,
      lengthMs: this.current?.lengthMs,
      offsetMs: this.offsetAt(at),
      started: this.current?.started ?? false,
      heldUntil: this.hold,
      queue: [...this.queue],
      run: this.runs,
    };
  }

  /** The user began speaking to Alexa at `at`: hold the player there until the dialog ends. */
  holdForDialog(at: number): void {
    if (this.moving) {
      this.offset = this.offsetAt(at);
      this.since = at;
    }
    this.hold = 'dialog';
  }

  /** The dialog ends at `at` (Alexa's answer has been spoken and no mic is open): play on from then. */
  releaseAt(at: number): void {
    if (this.hold !== undefined) this.hold = at;
  }

  /** Applies an answer's AudioPlayer directives at `at`; other directives are not the player's. */
  apply(directives: readonly Directive[] | undefined, at: number): void {
    for (const directive of directives ?? []) {
      const record = directive as { type: string; playBehavior?: unknown; clearBehavior?: unknown };
      if (record.type === 'AudioPlayer.Play') this.play(itemOf(directive), String(record.playBehavior), at);
      else if (record.type === 'AudioPlayer.Stop') this.stop(at);
      else if (record.type === 'AudioPlayer.ClearQueue') {
        this.queue = [];
        if (record.clearBehavior === 'CLEAR_ALL') this.stop(at);
      }
    }
  }

  /** Fails the current stream now (the network dropped, the file is corrupt); false if nothing plays. */
  fail(at: number, error: PlaybackError): boolean {
    const current = this.current;
    if (current === undefined || this.activityNow !== 'PLAYING') return false;
    const offset = Math.round(this.offsetAt(at));
    const state: PlayerContext = { token: current.item.token, offsetInMilliseconds: offset, playerActivity: 'PLAYING' };
    this.settle('STOPPED', offset, at);
    this.outbox.push(this.event('AudioPlayer.PlaybackFailed', at, { error, currentPlaybackState: state }));
    return true;
  }

  /** When the next thing is due (an event, or the end of a hold), or undefined when nothing is. */
  nextDueAt(): number | undefined {
    const first = this.outbox[0];
    if (first !== undefined) return first.at;
    if (typeof this.hold === 'number') return this.hold;
    const current = this.current;
    if (this.activityNow !== 'PLAYING' || this.hold !== undefined || current === undefined) return undefined;
    if (!current.started) return this.since;
    const end = current.lengthMs ?? this.offset;
    const until = (offset: number) => this.since + Math.max(0, offset - this.offset);
    return current.nearlyFinishedSent ? until(end) : Math.min(until(current.nearlyFinishedAt), until(end));
  }

  /**
   * Takes one step, if one is due by `until`: an event to send or a notice (returned), or a change
   * with nothing to tell ('changed'). Undefined when nothing is due.
   */
  step(until: number): PlayerHappening | 'changed' | undefined {
    const due = this.nextDueAt();
    if (due === undefined || due > until) return undefined;
    const first = this.outbox.shift();
    if (first !== undefined) return first;
    if (typeof this.hold === 'number') {
      this.since = this.hold;
      this.hold = undefined;
      this.runs += 1;
      return 'changed';
    }
    const current = this.current as Current;
    if (!current.started) return this.start(current, due);
    if (!current.nearlyFinishedSent) {
      // Due before the end, or at the same moment (a stream shorter than the lead): it goes first.
      current.nearlyFinishedSent = true;
      return this.event('AudioPlayer.PlaybackNearlyFinished', due);
    }
    return this.finish(current, due);
  }

  private start(current: Current, at: number): PlayerHappening {
    if (current.lengthMs === undefined) {
      this.settle('STOPPED', this.offset, at);
      return this.event('AudioPlayer.PlaybackFailed', at, {
        error: { type: 'MEDIA_ERROR_INVALID_REQUEST', message: `${current.item.url}: not found (HTTP 404)` },
        currentPlaybackState: {
          token: current.item.token,
          offsetInMilliseconds: this.offset,
          playerActivity: 'BUFFER_UNDERRUN',
        },
      });
    }
    current.started = true;
    this.offset = Math.min(this.offset, current.lengthMs);
    this.since = at;
    this.runs += 1;
    current.nearlyFinishedAt =
      'afterStartMs' in this.nearlyFinished
        ? Math.min(this.offset + this.nearlyFinished.afterStartMs, current.lengthMs)
        : Math.max(this.offset, current.lengthMs - this.nearlyFinished.beforeEndMs);
    return this.event('AudioPlayer.PlaybackStarted', at, { item: current.item, lengthMs: current.lengthMs });
  }

  /** The stream ends: PlaybackFinished, and the next queued stream that names it starts at once. */
  private finish(current: Current, at: number): PlayerHappening {
    const finishedToken = current.item.token;
    this.settle('FINISHED', current.lengthMs ?? this.offset, at);
    const finished = this.event('AudioPlayer.PlaybackFinished', at);
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      const expected = next.expectedPreviousToken;
      if (expected === undefined || expected === finishedToken) {
        this.begin(next, at);
        break;
      }
      this.outbox.push({
        kind: 'notice',
        at,
        text:
          `the device ignored the ENQUEUE of ${next.token}: its expectedPreviousToken ${expected} ` +
          `is not the token that finished, ${finishedToken}`,
      });
    }
    return finished;
  }

  private play(item: AudioItem, behavior: string, at: number): void {
    this.owner = true;
    if (behavior === 'REPLACE_ALL') {
      this.stop(at);
      this.queue = [];
      this.begin(item, at);
      return;
    }
    if (behavior === 'REPLACE_ENQUEUED') this.queue = [item];
    else this.queue.push(item);
    if (this.activityNow !== 'PLAYING') {
      this.outbox.push({
        kind: 'notice',
        at,
        text:
          `${behavior} of ${item.token} while nothing plays (${this.activityNow}): a device starts a queued ` +
          'stream only when the one before it finishes, so this one waits for a Play REPLACE_ALL',
      });
    }
  }

  /** A new current stream, to start as soon as the player is not held. */
  private begin(item: AudioItem, at: number): void {
    const lengthMs = this.lengthOf(item.url);
    this.current = { item, lengthMs, started: false, nearlyFinishedSent: false, nearlyFinishedAt: 0 };
    this.activityNow = 'PLAYING';
    this.offset = item.offsetInMilliseconds;
    this.since = at;
  }

  /** Stops the current stream at `at`: PlaybackStopped with its offset, if it had started. */
  private stop(at: number): void {
    const current = this.current;
    if (current === undefined || this.activityNow !== 'PLAYING') return;
    const offset = Math.round(this.offsetAt(at));
    this.settle('STOPPED', offset, at);
    if (current.started) this.outbox.push(this.event('AudioPlayer.PlaybackStopped', at));
  }

  private settle(activity: PlayerActivity, offset: number, at: number): void {
    this.activityNow = activity;
    this.offset = offset;
    this.since = at;
  }

  private event(type: PlayerEventType, at: number, extra: Partial<PlayerEvent> = {}): PlayerEvent {
    const current = this.current as Current;
    const offsetInMilliseconds = Math.round(this.offsetAt(at));
    return {
      kind: 'event',
      type,
      at,
      token: current.item.token,
      offsetInMilliseconds,
      context: { token: current.item.token, offsetInMilliseconds, playerActivity: this.activityNow },
      ...extra,
    };
  }
}
