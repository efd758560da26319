/**
 * End to end: the real skill, given the simulator's timeline-only audio, on a simulated Echo with
 * an audio player. Only the AudioPlayer protocol is checked here (what plays, queues and stops, and
 * that every answer is one Alexa accepts), not the wording.
 */
import { join } from 'node:path';
import { parseAudioToken } from '../../lambda/audio/token';
import { silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { simulatorAudio } from '../../tools/simulator/audio-source';
import { SimulatedDevice, type Turn } from '../../tools/simulator/session-driver';
import { checkTurn } from '../support/dialogue';
import { playerOf } from '../support/fake-audio-skill';

/** "Started foot/1", "NearlyFinished foot/1 → ENQUEUE foot/2 after foot/1", a notice… */
function protocol(turns: readonly Turn[]): string[] {
  const step = (token: unknown) => {
    const item = parseAudioToken(token);
    return item ? `${item.routineId}/${item.stepIndex + 1}` : String(token);
  };
  return turns.map((turn) => {
    if (!turn.request) return `notice: ${turn.text}`;
    const name = turn.event
      ? `${turn.event.type.replace('AudioPlayer.Playback', '')} ${step(turn.event.token)}`
      : turn.intent;
    const directives = (turn.response?.response.directives ?? []).map((directive) => {
      const play = directive as { playBehavior?: string; audioItem?: { stream?: Record<string, unknown> } };
      if (directive.type !== 'AudioPlayer.Play') return directive.type.replace('AudioPlayer.', '');
      const stream = play.audioItem?.stream ?? {};
      const after = stream.expectedPreviousToken === undefined ? '' : ` after ${step(stream.expectedPreviousToken)}`;
      return `${play.playBehavior} ${step(stream.token)}${after}`;
    });
    return [name, ...directives].join(' → ');
  });
}

describe('hands-free mode on a simulated Echo with an audio player', () => {
  it('plays a routine step after step, pauses by voice, and resumes without the name days later', async () => {
    const audio = simulatorAudio({ renderDir: join(__dirname, 'no-render-here') });
    const handler = createHandler({ store: new MemoryUserStore(), logger: silentLogger, audio: audio.source });
    const device = new SimulatedDevice({ handler, audioPlayer: true, player: { lengthOf: audio.lengthOf } });
    const said: Turn[] = [];
    const say = async (line: string) => {
      const turn = await device.say(line);
      checkTurn(turn);
      said.push(turn);
      return turn;
    };

    for (const line of ['open partner massage', 'turn on hands free mode', 'start foot massage']) await say(line);
    const ready = await say('ready');
    const playing = [...device.takeEvents(), ...(await device.advance(150))];
    const pause = await say('stop');
    const paused = [...device.takeEvents(), ...(await device.advance(2 * 24 * 3600))];
    const resume = await say('resume');
    const resumed = [...device.takeEvents(), ...(await device.advance(10))];

    expect(audio.kind).toBe('timeline');
    expect(protocol([ready])).toEqual(['ReadyIntent → REPLACE_ALL foot/1']);
    expect(ready.sessionEnded).toBe(true);
    // Step 1 of foot massage lasts 89 s at the default variant.
    expect(protocol(playing)).toEqual([
      'Started foot/1',
      'NearlyFinished foot/1 → ENQUEUE foot/2 after foot/1',
      'Finished foot/1',
      'Started foot/2',
      'NearlyFinished foot/2 → ENQUEUE foot/3 after foot/2',
    ]);
    expect(pause.intent).toBe('AMAZON.PauseIntent');
    expect(playerOf(pause.request)).toMatchObject({ playerActivity: 'PLAYING' });
    expect(protocol([pause])).toEqual(['AMAZON.PauseIntent → Stop']);
    expect(protocol(paused)[0]).toBe('Stopped foot/2');
    expect(resume.intent).toBe('AMAZON.ResumeIntent');
    expect(resume.request?.session?.new).toBe(true);
    expect(playerOf(resume.request)).toMatchObject({ playerActivity: 'STOPPED' });
    expect(protocol([resume])).toEqual(['AMAZON.ResumeIntent → REPLACE_ALL foot/2']);
    expect(protocol(resumed)[0]).toBe('Started foot/2');
    for (const turn of [...playing, ...paused, ...resumed]) expect(turn.error).toBeUndefined();
  });
});
