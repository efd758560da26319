import type { Directive } from 'ask-sdk-model';
import { SimulatedAudioPlayer } from '../../tools/simulator/audio-player';
import {
  describeDeviceTurn,
  describeDirectives,
  describePlayer,
  minutesAndSeconds,
  nowPlaying,
} from '../../tools/simulator/player-text';
import { audioDevice, fakeAudioSkill, lengthOf, play, silence, urlOf } from '../support/fake-audio-skill';

const TOKEN = 'pmc1|hand/3/medium.slower.quicker|r1|c.1.lz0';
const info = (id: string) => (id === 'hand' ? { name: 'hand massage', steps: 6 } : undefined);

describe('the player in words', () => {
  it('writes times as mm:ss, and h:mm:ss past an hour', () => {
    expect([0, 83_999, 3_600_000 + 61_000, -5].map(minutesAndSeconds)).toEqual(['00:00', '01:23', '1:01:01', '00:00']);
  });

  it('says what each AudioPlayer directive does, and ignores the others', () => {
    const directives = [
      {
        type: 'AudioPlayer.Play',
        playBehavior: 'ENQUEUE',
        audioItem: {
          stream: { url: urlOf('A'), token: TOKEN, offsetInMilliseconds: 65_000, expectedPreviousToken: 'A' },
        },
      },
      { type: 'AudioPlayer.Stop' },
      { type: 'AudioPlayer.ClearQueue', clearBehavior: 'CLEAR_ENQUEUED' },
      { type: 'AudioPlayer.Unheard' },
      { type: 'Dialog.Delegate' },
    ] as unknown as Directive[];

    expect(describeDirectives(directives, info)).toEqual([
      'Play ENQUEUE hand massage step 3 of 6 (medium pressure, slower voice, quicker pace) from 01:05',
      'Stop',
      'ClearQueue CLEAR_ENQUEUED',
      'AudioPlayer.Unheard',
    ]);
    expect(describeDirectives(undefined)).toEqual([]);
  });

  it('shows Now Playing from the metadata, or says there is none', () => {
    const item = { token: TOKEN, url: urlOf('A'), offsetInMilliseconds: 0 };
    expect(nowPlaying({ ...item, title: 'Hand massage', subtitle: 'Step 3' }, info)).toBe(
      '♪ Now playing: Hand massage · Step 3 [hand massage step 3 of 6 (medium pressure, slower voice, quicker pace)]',
    );
    expect(nowPlaying(item)).toMatch(/^♪ Now playing: \(no title\) \[hand step 3/);
  });

  it('describes the events the device sent and what the skill answered', async () => {
    const skill = fakeAudioSkill({
      StartRoutineIntent: (_e, answer) =>
        void play(answer.speak(silence(1)), 'REPLACE_ALL', 'A').withShouldEndSession(true),
      'AudioPlayer.PlaybackNearlyFinished': (_e, answer) => void play(answer, 'ENQUEUE', 'B', { after: 'A' }),
      'PlaybackController.PauseCommandIssued': (_e, answer) => void answer.speak('No.'),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    const [started, nearly] = await device.advance(5);
    const [failed] = await device.failPlayback({ type: 'MEDIA_ERROR_UNKNOWN', message: 'gone' });
    const button = await device.press('pause');

    expect(started && describeDeviceTurn(started)).toBe('PlaybackStarted A from 00:00 of 01:00 → no directive');
    expect(nearly && describeDeviceTurn(nearly)).toBe('PlaybackNearlyFinished A at 00:03 → Play ENQUEUE B');
    expect(failed && describeDeviceTurn(failed)).toBe(
      'PlaybackFailed A at 00:06 · MEDIA_ERROR_UNKNOWN: gone → no directive',
    );
    expect(describeDeviceTurn(button)).toBe('PlaybackController.PauseCommandIssued → rejected');
  });

  it("describes the player's state and its queue, flagging a queued stream that will not play", () => {
    const player = new SimulatedAudioPlayer({ lengthOf });
    expect(describePlayer(undefined)).toMatch(/^not an audio device/);
    expect(describePlayer(player.snapshot(0))).toMatch(/^player: idle/);

    player.apply(
      [
        {
          type: 'AudioPlayer.Play',
          playBehavior: 'REPLACE_ALL',
          audioItem: { stream: { url: urlOf('A'), token: TOKEN, offsetInMilliseconds: 0 } },
        },
      ] as unknown as Directive[],
      0,
    );
    const waiting = describePlayer(player.snapshot(0), info);
    expect(player.step(0)).toMatchObject({ type: 'AudioPlayer.PlaybackStarted' });
    player.holdForDialog(2);
    const held = describePlayer(player.snapshot(5), info);
    player.apply(
      [
        {
          type: 'AudioPlayer.Play',
          playBehavior: 'ENQUEUE',
          audioItem: { stream: { url: urlOf('B'), token: 'B', expectedPreviousToken: TOKEN } },
        },
        {
          type: 'AudioPlayer.Play',
          playBehavior: 'ENQUEUE',
          audioItem: { stream: { url: urlOf('C'), token: 'C', expectedPreviousToken: 'Z' } },
        },
      ] as unknown as Directive[],
      5,
    );

    expect(waiting).toMatch(/^player: PLAYING · hand massage step 3 of 6 .* · 00:00 of 01:00 · starts when Alexa/);
    expect(held).toMatch(/· held while Alexa talks\ntoken: {2}pmc1\|hand\/3/);
    expect(describePlayer(player.snapshot(5), info).split('\n')[2]).toBe('queue:  B; C (expects Z: will not play)');
  });
});
