/**
 * Hands-free mode end to end: the real handler, given the simulator's timeline-only audio, on a
 * simulated Echo with an audio player. Every line said and every request the device sends on its
 * own is checked as Alexa would check it, and the player's own state (its clock, its current item)
 * is read back so tests compare the skill's answers with what was really playing.
 */
import { join } from 'node:path';
import type { Directive, RequestEnvelope } from 'ask-sdk-model';
import { type AudioManifest, audioUrl, type RenderedFile, stepFile } from '../../lambda/audio/manifest';
import { parseAudioToken } from '../../lambda/audio/token';
import { catalogue, lines } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import type { PlayItem } from '../../lambda/core/player';
import { type Logger, silentLogger } from '../../lambda/log';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler, type LambdaHandler } from '../../lambda/skill';
import type { PlayerActivity } from '../../tools/simulator/audio-player';
import { simulatorAudio } from '../../tools/simulator/audio-source';
import { SimulatedDevice, type Turn } from '../../tools/simulator/session-driver';
import { checkTurn } from './dialogue';

/** The simulator's audio with no render on disk: the timeline-only manifest, no files. */
export const AUDIO = simulatorAudio({ renderDir: join(__dirname, 'no-render-here') });
export const MANIFEST: AudioManifest = AUDIO.source.manifest();

export type PlayDirective = Extract<Directive, { type: 'AudioPlayer.Play' }>;

/** One Play directive, read back: its item, offset and behaviour. */
export interface Played {
  readonly behavior: string;
  readonly item: PlayItem;
  readonly token: string;
  readonly offsetMs: number;
  readonly expectedPreviousToken: string | undefined;
  readonly directive: PlayDirective;
}

export function routineOf(id: string): Routine {
  const routine = catalogue.get(id);
  if (routine === undefined) throw new Error(`no routine ${id}`);
  return routine;
}

/** The item a token names (without its render version); throws for a token that is not the skill's. */
export function itemOfToken(token: unknown): PlayItem {
  const parsed = parseAudioToken(token);
  if (parsed === undefined) throw new Error(`not one of the skill's tokens: ${String(token)}`);
  const { renderVersion: _render, ...item } = parsed;
  return item;
}

export function fileOf(item: Pick<PlayItem, 'routineId' | 'stepIndex' | 'variant'>): RenderedFile {
  const file = stepFile(MANIFEST, item);
  if (file === undefined) throw new Error(`no file for ${item.routineId}/${item.stepIndex + 1}`);
  return file;
}

/** The Play directives of a turn's answer. */
export function playsOf(turn: Turn): Played[] {
  const directives = turn.response?.response.directives ?? [];
  return directives
    .filter((directive): directive is PlayDirective => directive.type === 'AudioPlayer.Play')
    .map((directive) => {
      const stream = directive.audioItem?.stream;
      return {
        behavior: String(directive.playBehavior),
        item: itemOfToken(stream?.token),
        token: String(stream?.token),
        offsetMs: stream?.offsetInMilliseconds ?? 0,
        expectedPreviousToken: stream?.expectedPreviousToken,
        directive,
      };
    });
}

/** The one Play of a turn's answer; throws when there is not exactly one. */
export function onlyPlay(turn: Turn): Played {
  const plays = playsOf(turn);
  const [play] = plays;
  if (plays.length !== 1 || play === undefined) {
    throw new Error(`"${turn.line}": expected one Play, got ${plays.length}: ${JSON.stringify(directiveTypes(turn))}`);
  }
  return play;
}

export function directiveTypes(turn: Turn): string[] {
  return (turn.response?.response.directives ?? []).map((directive) => directive.type);
}

/** The player's events among turns, of one kind ('Started', 'Finished'…). */
export function eventsOf(turns: readonly Turn[], kind: string): Turn[] {
  return turns.filter((turn) => turn.event?.type === `AudioPlayer.Playback${kind}`);
}

/** The item an event turn reports on. */
export function eventItem(turn: Turn): PlayItem {
  return itemOfToken(turn.event?.token);
}

/** context.AudioPlayer.token of a request: the token the player holds as it is sent. */
function contextToken(request: RequestEnvelope | undefined): string | undefined {
  const player = (request?.context as { AudioPlayer?: { token?: unknown } } | undefined)?.AudioPlayer;
  return typeof player?.token === 'string' ? player.token : undefined;
}

/**
 * What Alexa or a device would reject in the Play directives of an answer, beyond the simulator's
 * own checks: a URL that is not the file the token's variant names, Now Playing metadata that is not
 * the routine's name and "Step N of M: title", and an enqueue that does not follow the playing token.
 */
export function playProblems(turn: Turn): string[] {
  const problems: string[] = [];
  for (const play of playsOf(turn)) {
    const routine = routineOf(play.item.routineId);
    const step = routine.steps[play.item.stepIndex];
    if (step === undefined) {
      problems.push(`Play of a step ${routine.id} lacks: ${play.token}`);
      continue;
    }
    const subtitle = `Step ${play.item.stepIndex + 1} of ${routine.steps.length}: ${step.title}`;
    const metadata = play.directive.audioItem?.metadata;
    if (metadata?.title !== routine.name) problems.push(`Now Playing title ${JSON.stringify(metadata?.title)}`);
    if (
      metadata?.subtitle !== subtitle ||
      subtitle !== lines.nowPlayingStep(play.item.stepIndex + 1, routine.steps.length, step.title)
    ) {
      problems.push(`Now Playing subtitle ${JSON.stringify(metadata?.subtitle)}, not ${JSON.stringify(subtitle)}`);
    }
    const url = play.directive.audioItem?.stream?.url;
    if (url !== audioUrl(AUDIO.source.baseUrl, fileOf(play.item).path))
      problems.push(`Play url ${url} is not the file of ${play.token}`);
    if (play.behavior === 'ENQUEUE') {
      const playing = turn.event?.token ?? contextToken(turn.request);
      if (play.expectedPreviousToken !== playing) {
        problems.push(`ENQUEUE expects ${play.expectedPreviousToken}, but the player holds ${playing}`);
      }
    }
  }
  return problems;
}

/** Throws for anything wrong with a turn: an error, an answer Alexa would reject, a device notice. */
export function checkHandsFreeTurn(turn: Turn): void {
  // A notice: the device did something the skill did not ask for (dropped an enqueue, failed nothing).
  if (turn.request === undefined) throw new Error(`the device: ${turn.text}`);
  checkTurn(turn);
  const problems = playProblems(turn);
  if (problems.length > 0) throw new Error(`"${turn.line}": ${problems.join('; ')}`);
}

/** The player as it is now, by its own clock. */
export interface PlayerNow {
  readonly item: PlayItem | undefined;
  readonly token: string | undefined;
  readonly offsetMs: number;
  readonly lengthMs: number | undefined;
  readonly activity: PlayerActivity;
  readonly started: boolean;
}

export interface RigOptions {
  readonly store: UserStore;
  readonly userId?: string;
  readonly logger?: Logger;
}

/**
 * A simulated Echo with an audio player, running the real handler. Every turn it takes (said, or
 * sent by the device on its own) is checked and kept in `log`, in order.
 */
export class HandsFreeRig {
  readonly device: SimulatedDevice;
  readonly log: Turn[] = [];
  private handler: LambdaHandler;

  constructor(private readonly options: RigOptions) {
    this.handler = this.handlerFor(options.store);
    this.device = new SimulatedDevice({
      handler: (event, context) => this.handler(event, context),
      audioPlayer: true,
      player: { lengthOf: AUDIO.lengthOf },
      ...(options.userId !== undefined ? { userId: options.userId } : {}),
    });
  }

  /** From now on the skill uses this store (a store that went down mid-routine). */
  useStore(store: UserStore): void {
    this.handler = this.handlerFor(store);
  }

  private handlerFor(store: UserStore): LambdaHandler {
    return createHandler({ store, logger: this.options.logger ?? silentLogger, audio: AUDIO.source });
  }

  private keep(turns: readonly Turn[]): Turn[] {
    for (const turn of turns) {
      checkHandsFreeTurn(turn);
      this.log.push(turn);
    }
    return [...turns];
  }

  /** Says a line; what the device did first, and the events the answer caused at once, go to `log` too. */
  async say(line: string): Promise<Turn> {
    const turn = await this.device.say(line);
    const events = this.device.takeEvents();
    const before = events.filter((event) => (event.at ?? 0) < (turn.at ?? 0));
    this.keep(before);
    this.keep([turn]);
    this.keep(events.filter((event) => !before.includes(event)));
    return turn;
  }

  /** What the device sent after a turn, up to now (the events its answer caused included). */
  after(turn: Turn): Turn[] {
    const index = this.log.indexOf(turn);
    if (index < 0) throw new Error(`"${turn.line}" is not in the log`);
    return this.log.slice(index + 1);
  }

  /** Says each line in turn. */
  async sayAll(...said: string[]): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (const line of said) turns.push(await this.say(line));
    return turns;
  }

  /** Lets time pass; returns what the device sent meanwhile (the events caused by the last line included). */
  async advance(seconds: number): Promise<Turn[]> {
    return this.keep(await this.device.advance(seconds));
  }

  /** The stream breaks off now: PlaybackFailed goes to the skill; returns what the device sent. */
  async fail(): Promise<Turn[]> {
    return this.keep(await this.device.failPlayback());
  }

  async advanceMs(ms: number): Promise<Turn[]> {
    return this.advance(ms / 1000);
  }

  /** The player now, by its own clock (every event due by now sent first). */
  async player(): Promise<PlayerNow> {
    this.keep(await this.device.advance(0));
    const player = this.device.player;
    if (player === undefined) throw new Error('no audio player');
    const snapshot = player.snapshot(this.device.clock);
    const token = snapshot.item?.token;
    return {
      item: token === undefined ? undefined : itemOfToken(token),
      token,
      offsetMs: Math.round(snapshot.offsetMs),
      lengthMs: snapshot.lengthMs,
      activity: snapshot.activity,
      started: snapshot.started,
    };
  }

  /**
   * Plays on until the player is `offsetMs` into step `stepIndex` of the routine it plays (steps
   * before it play to their ends, as they would). Throws if the routine never gets there.
   */
  async playTo(stepIndex: number, offsetMs: number): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (let guard = 0; guard < 200; guard += 1) {
      const now = await this.player();
      const at = now.item?.stepIndex;
      if (now.activity !== 'PLAYING' || at === undefined || at > stepIndex) {
        throw new Error(`the player never reached step ${stepIndex + 1} at ${offsetMs} ms: ${JSON.stringify(now)}`);
      }
      if (!now.started) {
        // Held while Alexa speaks: the stream starts when the answer is over.
        turns.push(...(await this.advance(0.5)));
      } else if (at < stepIndex) {
        turns.push(...(await this.advanceMs((now.lengthMs ?? now.offsetMs) - now.offsetMs)));
      } else {
        if (offsetMs < now.offsetMs) throw new Error(`step ${stepIndex + 1} is at ${now.offsetMs} ms already`);
        turns.push(...(await this.advanceMs(offsetMs - now.offsetMs)));
        return turns;
      }
    }
    throw new Error(`the player never reached step ${stepIndex + 1}`);
  }

  /** Plays on until the current stream finishes; returns what the device sent meanwhile. */
  async untilFinished(): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (let guard = 0; guard < 50; guard += 1) {
      const now = await this.player();
      if (now.activity !== 'PLAYING') throw new Error(`nothing plays to finish: ${JSON.stringify(now)}`);
      const step = now.started ? (now.lengthMs ?? now.offsetMs) - now.offsetMs : 500;
      const taken = await this.advanceMs(Math.max(step, 1));
      turns.push(...taken);
      if (eventsOf(taken, 'Finished').length > 0) return turns;
    }
    throw new Error('the stream never finished');
  }
}
