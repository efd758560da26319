/**
 * `--realtime` on an audio device: plays the local MP3 of the stream the simulated player is
 * playing, from its offset, with the first command-line player found (mpg123, ffplay, mpv), and
 * stops it when the player stops, is held or moves to another stream. Without a player program, or
 * without rendered files (the timeline-only manifest), the CLI shows progress instead.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { AUDIO_FORMAT } from '../../lambda/audio/stream-format';
import type { PlayerSnapshot } from './audio-player';

type Program = 'mpg123' | 'ffplay' | 'mpv';
const PROGRAMS: readonly Program[] = ['mpg123', 'ffplay', 'mpv'];
const FRAME_MS = (AUDIO_FORMAT.samplesPerFrame * 1000) / AUDIO_FORMAT.sampleRate;

function installed(program: string): boolean {
  return spawnSync('which', [program], { stdio: 'ignore' }).status === 0;
}

function argsFor(program: Program, file: string, offsetMs: number): string[] {
  const seconds = (offsetMs / 1000).toFixed(3);
  switch (program) {
    case 'mpg123':
      return ['-q', '-k', String(Math.floor(offsetMs / FRAME_MS)), file];
    case 'ffplay':
      return ['-nodisp', '-autoexit', '-loglevel', 'quiet', '-ss', seconds, file];
    case 'mpv':
      return ['--no-video', '--really-quiet', `--start=${seconds}`, file];
  }
}

export class RealtimeAudio {
  private child: ChildProcess | undefined;
  private playing: string | undefined;

  private constructor(
    readonly program: Program,
    private readonly localFile: (url: string) => string | undefined,
  ) {}

  /** A follower when a player program is installed; undefined otherwise. */
  static find(localFile: (url: string) => string | undefined): RealtimeAudio | undefined {
    const program = PROGRAMS.find(installed);
    return program === undefined ? undefined : new RealtimeAudio(program, localFile);
  }

  /** True when the snapshot's stream has a local file this follower can play. */
  canPlay(snapshot: PlayerSnapshot): boolean {
    return snapshot.item !== undefined && this.localFile(snapshot.item.url) !== undefined;
  }

  /** Starts, keeps or stops the program to match the player. */
  follow(snapshot: PlayerSnapshot): void {
    const moving = snapshot.activity === 'PLAYING' && snapshot.started && snapshot.heldUntil === undefined;
    const file = moving && snapshot.item ? this.localFile(snapshot.item.url) : undefined;
    const key = file === undefined ? undefined : `${snapshot.item?.token}#${snapshot.run}`;
    if (key === this.playing) return;
    this.stop();
    if (file === undefined) return;
    this.playing = key;
    this.child = spawn(this.program, argsFor(this.program, file, snapshot.offsetMs), { stdio: 'ignore' });
    this.child.on('error', () => this.stop());
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
    this.playing = undefined;
  }
}
