import { runSimulator } from '../support/simulator-cli';

const run = runSimulator;

const SCRIPT = [
  '/device audio',
  '/player',
  '/button play',
  '/fail',
  '/button',
  '/device tv',
  'open partner massage',
  'turn on hands free mode',
  'start foot massage',
  'ready',
  '/wait 10',
  '/player',
  'more pressure',
  'stop',
  '/status',
  '/device voice',
  '/player',
  '/fail',
  '/button next',
].join('\n');

describe('the simulator CLI on /device audio', () => {
  it('says which audio it plays, runs the player on the clock, and shows events, Now Playing and the player', () => {
    const result = run(['--memory'], `${SCRIPT}\n`);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^\(audio: (playing the render in .*manifest\.json|no .*: playing a timeline-only manifest)/m,
    );
    expect(result.stdout.match(/\(audio: /g)).toHaveLength(1);
    expect(result.stdout).toContain('(device: Echo with an audio player; applies to new requests)');
    expect(result.stdout).toContain('player: idle; the skill has played nothing on this device');
    expect(result.stdout).toContain(
      '(the play button controls the audio that played last; this skill has played none here)',
    );
    expect(result.stdout).toContain('(nothing is playing, so nothing can fail)');
    expect(result.stdout).toContain('usage: /button play|pause|next|previous');
    expect(result.stdout).toContain('usage: /device screen|voice|audio');
    expect(result.stdout).toMatch(
      /\(ReadyIntent · .* · Play REPLACE_ALL foot massage step 1 of 7 \(gentle pressure.*· session ended\)/,
    );
    expect(result.stdout).toMatch(
      /^ {2}\d\d:\d\d:\d\d PlaybackStarted foot massage step 1 of 7 .* from 00:00 of \d\d:\d\d → /m,
    );
    expect(result.stdout).toMatch(/^♪ Now playing: .*\[foot massage step 1 of 7/m);
    expect(result.stdout).toMatch(
      /PlaybackNearlyFinished foot massage step 1 of 7 .* at 00:03 → Play ENQUEUE foot massage step 2/,
    );
    expect(result.stdout).toMatch(/^player: PLAYING · foot massage step 1 of 7 .* · 00:0\d of \d\d:\d\d\n/m);
    expect(result.stdout).toContain(
      '(while the audio plays, Alexa would not send "more pressure" to the skill: only pause, resume, next',
    );
    expect(result.stdout).toMatch(/\(AMAZON\.PauseIntent · .*Stop/);
    expect(result.stdout).toMatch(/PlaybackStopped foot massage step 1 of 7 .* at 00:\d\d → no directive/);
    expect(result.stdout).toContain('not an audio device: /device audio gives it a player');
    expect(result.stdout).toContain('(not an audio device: /device audio first)');
    expect(result.stdout).toContain('(this device has no playback buttons for the skill: /device audio first)');
  });

  it('prints the device requests as JSON lines too', () => {
    const result = run(
      ['--memory', '--json'],
      '/device audio\nopen partner massage\nturn on hands free mode\nstart foot massage\nready\n/wait 10\n',
    );
    const records = result.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            line: string;
            notice?: string;
            request?: { request: { type: string }; session?: unknown };
          },
      );

    expect(result.status).toBe(0);
    expect(records[0]).toEqual({ line: '/device audio', notice: expect.stringMatching(/^audio: /) });
    expect(records.slice(1).map((record) => record.request?.request.type)).toEqual([
      'LaunchRequest',
      'IntentRequest',
      'IntentRequest',
      'IntentRequest',
      'AudioPlayer.PlaybackStarted',
      'AudioPlayer.PlaybackNearlyFinished',
    ]);
    expect(records[5]?.request?.session).toBeUndefined();
  });

  it('lists the audio commands in --help', () => {
    const result = run(['--help'], '');
    expect(result.stdout).toMatch(/\/device audio {7}pretend to be an Echo with an audio player/);
    expect(result.stdout).toContain('/player');
    expect(result.stdout).toContain('/button play|pause|next|previous');
  });
});
