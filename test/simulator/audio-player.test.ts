import type { RequestEnvelope } from 'ask-sdk-model';
import { NEARLY_FINISHED_AFTER_START_MS } from '../../tools/simulator/audio-player';
import {
  DEFAULT_START_AT,
  NO_SESSION_MESSAGE,
  notForTheSkillMessage,
  responseProblems,
  SimulatedDevice,
} from '../../tools/simulator/session-driver';
import {
  audioDevice,
  fakeAudioSkill,
  keyOf,
  play,
  playerOf,
  silence,
  timeline,
  urlOf,
} from '../support/fake-audio-skill';

const T0 = DEFAULT_START_AT;
const tokenOf = (envelope: RequestEnvelope) => (envelope.request as { token?: string }).token;

/** Starts stream A after 4 s of speech: the request goes out at T0 + 2 s, A starts at T0 + 6 s. */
const startA = {
  StartRoutineIntent: (_e: RequestEnvelope, answer: ReturnType<typeof play>) => {
    play(answer.speak(silence(4)), 'REPLACE_ALL', 'A', { title: 'Foot massage, step 1' }).withShouldEndSession(true);
  },
};
const A_STARTS = 6_000;
/** Continuous play: each stream, as it nears its end, queues the next (A, then B, then C). */
const queueNext = {
  'AudioPlayer.PlaybackNearlyFinished': (envelope: RequestEnvelope, answer: ReturnType<typeof play>) => {
    const next = { A: 'B', B: 'C' }[tokenOf(envelope) ?? ''];
    if (next) play(answer, 'ENQUEUE', next, { after: tokenOf(envelope) });
  },
};

describe('the simulated audio player: event timing', () => {
  it('starts the stream after the speech, sends NearlyFinished 3 s in and Finished at the end, then plays the queue', async () => {
    const skill = fakeAudioSkill({ ...startA, ...queueNext });
    const device = audioDevice(skill.handler);

    const turn = await device.say('ask partner massage to start foot massage');
    const events = await device.advance(300);

    expect(turn.sessionEnded).toBe(true);
    expect(turn.at).toBe(T0 + 2_000);
    expect(timeline(events, T0)).toEqual([
      ['PlaybackStarted', A_STARTS, 0],
      ['PlaybackNearlyFinished', A_STARTS + NEARLY_FINISHED_AFTER_START_MS, 3_000],
      ['PlaybackFinished', A_STARTS + 60_000, 60_000],
      ['PlaybackStarted', A_STARTS + 60_000, 0],
      ['PlaybackNearlyFinished', A_STARTS + 63_000, 3_000],
      ['PlaybackFinished', A_STARTS + 105_000, 45_000],
      ['PlaybackStarted', A_STARTS + 105_000, 0],
      ['PlaybackNearlyFinished', A_STARTS + 108_000, 3_000],
      ['PlaybackFinished', A_STARTS + 135_000, 30_000],
    ]);
    expect(events.map((event) => event.event?.token)).toEqual(['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C']);
    expect(events[0]?.event?.item?.title).toBe('Foot massage, step 1');
    expect(device.player?.activity).toBe('FINISHED');
  });

  it('sends events with no session, the token and offset in the request, and the player in the context', async () => {
    const skill = fakeAudioSkill({ ...startA, ...queueNext });
    const device = audioDevice(skill.handler);

    await device.say('ask partner massage to start foot massage');
    const [started, nearly] = await device.advance(10);

    // The spoken request: an audio device, and no player context before the skill has played.
    const spoken = skill.requests[0] as RequestEnvelope;
    expect(spoken.context.System.device?.supportedInterfaces).toEqual({ AudioPlayer: {} });
    expect(playerOf(spoken)).toBeUndefined();
    expect(started?.request?.session).toBeUndefined();
    expect(started?.request?.request).toMatchObject({
      type: 'AudioPlayer.PlaybackStarted',
      token: 'A',
      offsetInMilliseconds: 0,
      timestamp: '2026-11-27T19:00:06Z',
    });
    expect(playerOf(nearly?.request)).toEqual({ token: 'A', offsetInMilliseconds: 3_000, playerActivity: 'PLAYING' });
    expect(nearly?.response?.response.directives).toEqual([
      expect.objectContaining({ playBehavior: 'ENQUEUE', audioItem: expect.anything() }),
    ]);
    expect(device.player?.snapshot(device.clock).queue.map((item) => item.token)).toEqual(['B']);
  });

  it('can send NearlyFinished a fixed time before the end instead', async () => {
    const skill = fakeAudioSkill(startA);
    const device = audioDevice(skill.handler, { nearlyFinished: { beforeEndMs: 10_000 } });

    await device.say('ask partner massage to start foot massage');

    expect(timeline(await device.advance(100), T0)).toEqual([
      ['PlaybackStarted', A_STARTS, 0],
      ['PlaybackNearlyFinished', A_STARTS + 50_000, 50_000],
      ['PlaybackFinished', A_STARTS + 60_000, 60_000],
    ]);
  });

  it('delivers due events before a line is spoken, and keeps wait() returning only a timeout', async () => {
    const skill = fakeAudioSkill(startA);
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');

    expect(await device.wait(5)).toBeUndefined();
    const next = await device.say('next');

    expect(timeline(device.takeEvents(), T0)).toEqual([
      ['PlaybackStarted', A_STARTS, 0],
      ['PlaybackNearlyFinished', A_STARTS + 3_000, 3_000],
    ]);
    // Spoken at T0 + 9 s, when A had played 3 s.
    expect(playerOf(next.request)).toEqual({ token: 'A', offsetInMilliseconds: 3_000, playerActivity: 'PLAYING' });
  });
});

describe('the simulated audio player: the queue', () => {
  it('ignores an enqueued stream whose expectedPreviousToken is not the one that finished, and says so', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AudioPlayer.PlaybackNearlyFinished': (_e, answer) => void play(answer, 'ENQUEUE', 'B', { after: 'Z' }),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');

    const events = await device.advance(120);

    expect(timeline(events, T0)).toEqual([
      ['PlaybackStarted', A_STARTS, 0],
      ['PlaybackNearlyFinished', A_STARTS + 3_000, 3_000],
      ['PlaybackFinished', A_STARTS + 60_000, 60_000],
      ['notice', A_STARTS + 60_000, undefined],
    ]);
    expect(events[3]?.text).toMatch(
      /ignored the ENQUEUE of B: its expectedPreviousToken Z is not the token that finished, A/,
    );
    expect(device.player?.context(device.clock)).toEqual({
      token: 'A',
      offsetInMilliseconds: 60_000,
      playerActivity: 'FINISHED',
    });
  });

  it('replaces the queue on REPLACE_ENQUEUED and empties it on CLEAR_ENQUEUED, without touching the stream', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      ...queueNext,
      'PlaybackController.NextCommandIssued': (_e, answer) =>
        void play(answer, 'REPLACE_ENQUEUED', 'C', { after: 'A' }),
      'PlaybackController.PreviousCommandIssued': (_e, answer) =>
        void answer.addAudioPlayerClearQueueDirective('CLEAR_ENQUEUED'),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(10);

    const next = await device.press('next');
    const queued = device.player?.snapshot(device.clock).queue.map((item) => item.token);
    const events = await device.advance(60);

    expect(next.request?.session).toBeUndefined();
    expect(next.request?.request.type).toBe('PlaybackController.NextCommandIssued');
    expect(playerOf(next.request)).toEqual({ token: 'A', offsetInMilliseconds: 8_000, playerActivity: 'PLAYING' });
    expect(queued).toEqual(['C']);
    expect(events.map((event) => `${event.event?.type} ${event.event?.token}`)).toEqual([
      'AudioPlayer.PlaybackFinished A',
      'AudioPlayer.PlaybackStarted C',
      'AudioPlayer.PlaybackNearlyFinished C',
    ]);

    const previous = await device.press('previous');
    expect(previous.error).toBeUndefined();
    expect(device.takeEvents()).toEqual([]);
    expect(device.player?.activity).toBe('PLAYING');
  });

  it('keeps an enqueue sent while nothing plays in the queue, with a notice that it will not start', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AudioPlayer.PlaybackFinished': (envelope, answer) =>
        void play(answer, 'ENQUEUE', 'B', { after: tokenOf(envelope) }),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');

    const events = await device.advance(120);

    expect(events.at(-1)?.text).toMatch(/ENQUEUE of B while nothing plays \(FINISHED\)/);
    expect(device.player?.snapshot(device.clock).queue.map((item) => item.token)).toEqual(['B']);
  });
});

describe('the simulated audio player: stopping', () => {
  it('pauses by voice where the user spoke, and resumes from the offset it reported, days later, without the name', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AMAZON.PauseIntent': (_e, answer) => void answer.addAudioPlayerStopDirective().withShouldEndSession(true),
      'AMAZON.ResumeIntent': (envelope, answer) => {
        const at = playerOf(envelope)?.offsetInMilliseconds ?? 0;
        play(answer, 'REPLACE_ALL', 'A2', { offset: at - 2_000 }).withShouldEndSession(true);
      },
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(22); // the clock is at T0 + 26 s: A has played 20 s

    const pause = await device.say('stop');
    const stopped = device.takeEvents();
    await device.advance(3 * 24 * 3600);
    const resume = await device.say('resume');
    const resumed = device.takeEvents();

    expect(pause.intent).toBe('AMAZON.PauseIntent');
    expect(pause.request?.session).toMatchObject({ new: true, attributes: {} });
    expect(playerOf(pause.request)).toEqual({ token: 'A', offsetInMilliseconds: 20_000, playerActivity: 'PLAYING' });
    expect(timeline(stopped, T0).slice(-1)).toEqual([['PlaybackStopped', 28_000, 20_000]]);
    expect(playerOf(stopped.at(-1)?.request)?.playerActivity).toBe('STOPPED');
    expect(resume.intent).toBe('AMAZON.ResumeIntent');
    expect(playerOf(resume.request)).toEqual({ token: 'A', offsetInMilliseconds: 20_000, playerActivity: 'STOPPED' });
    expect(resumed.map((event) => [event.event?.type, event.event?.token, event.event?.offsetInMilliseconds])).toEqual([
      ['AudioPlayer.PlaybackStarted', 'A2', 18_000],
    ]);
  });

  it('stops at the offset of the moment a button is pressed on ClearQueue CLEAR_ALL, and empties the queue', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      ...queueNext,
      'PlaybackController.PauseCommandIssued': (_e, answer) =>
        void answer.addAudioPlayerClearQueueDirective('CLEAR_ALL'),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(31); // T0 + 35 s: A has played 29 s, B is queued

    const button = await device.press('pause');
    const events = device.takeEvents();

    expect(playerOf(button.request)).toEqual({ token: 'A', offsetInMilliseconds: 29_000, playerActivity: 'PLAYING' });
    expect(timeline(events, T0).slice(-1)).toEqual([['PlaybackStopped', 35_000, 29_000]]);
    expect(device.player?.snapshot(device.clock)).toMatchObject({ activity: 'STOPPED', offsetMs: 29_000, queue: [] });
    expect(await device.advance(120)).toEqual([]);
  });

  it('on REPLACE_ALL during playback: PlaybackStopped for the old stream at once, the new one after the speech', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      MorePressureIntent: (envelope, answer) => {
        const at = playerOf(envelope)?.offsetInMilliseconds ?? 0;
        play(answer.speak(silence(3)), 'REPLACE_ALL', 'A2', { offset: at }).withShouldEndSession(true);
      },
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(12); // T0 + 16 s: A has played 10 s

    const turn = await device.say('ask partner massage to more pressure');
    const events = [...device.takeEvents(), ...(await device.advance(10))];

    expect(turn.intent).toBe('MorePressureIntent');
    expect(playerOf(turn.request)).toEqual({ token: 'A', offsetInMilliseconds: 10_000, playerActivity: 'PLAYING' });
    expect(timeline(events, T0)).toEqual([
      ['PlaybackStopped', 18_000, 10_000],
      ['PlaybackStarted', 21_000, 10_000],
      ['PlaybackNearlyFinished', 24_000, 13_000],
    ]);
    expect(events.at(-1)?.event?.token).toBe('A2');
  });
});

describe('the simulated audio player: talking over it', () => {
  it('holds the stream while Alexa answers and plays on from the same offset once she is done', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      StatusIntent: (_e, answer) => void answer.speak(silence(5)).withShouldEndSession(true),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(12); // T0 + 16 s: A has played 10 s

    const turn = await device.say('ask partner massage how much longer');
    const during = device.player?.snapshot(T0 + 20_000);
    const events = await device.advance(100);

    expect(playerOf(turn.request)).toEqual({ token: 'A', offsetInMilliseconds: 10_000, playerActivity: 'PLAYING' });
    expect(during).toMatchObject({ activity: 'PLAYING', offsetMs: 10_000, heldUntil: T0 + 23_000 });
    // Held from T0 + 16 s (spoken) to T0 + 23 s (the answer's 5 s, from T0 + 18 s): 7 s later than planned.
    expect(timeline(events, T0).at(-1)).toEqual(['PlaybackFinished', A_STARTS + 60_000 + 7_000, 60_000]);
  });

  it('stays held while the mic is open, and plays on when the session times out', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AMAZON.PauseIntent': (_e, answer) => void answer.speak(silence(2)).withShouldEndSession(false),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(12); // A has played 10 s

    const turn = await device.say('pause');
    const events = await device.advance(100);

    expect(turn.listening).toBe(true);
    // Spoken at T0 + 16 s, answered at T0 + 18 s, 2 s of speech, 8 s of open mic: the session ends at T0 + 28 s.
    expect(timeline(events, T0)).toEqual([
      ['SessionEndedRequest', 28_000, undefined],
      ['PlaybackFinished', 28_000 + 50_000, 60_000],
    ]);
  });

  it('starts a stream the answer queued behind its speech as soon as it is spoken, even if the user talks first', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AMAZON.NextIntent': (_e, answer) => void answer.speak(silence(1)).withShouldEndSession(true),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');

    // 2 s into the 4 s of speech: the stream has not started, but the device already holds it.
    const turn = await device.say('next');
    const events = [...device.takeEvents(), ...(await device.advance(1))];

    expect(playerOf(turn.request)).toEqual({ token: 'A', offsetInMilliseconds: 0, playerActivity: 'PLAYING' });
    expect(device.player?.snapshot(device.clock).started).toBe(true);
    // "next" went out at T0 + 6 s; its answer took 1 s.
    expect(timeline(events, T0)).toEqual([['PlaybackStarted', 7_000, 0]]);
  });
});

describe('the simulated device with an audio player: what reaches the skill', () => {
  const stop = (_e: RequestEnvelope, answer: ReturnType<typeof play>) =>
    void answer.addAudioPlayerStopDirective().withShouldEndSession(true);

  it('sends the player intents without the name while the skill owns the player, and nothing else', async () => {
    const skill = fakeAudioSkill({ ...startA, 'AMAZON.PauseIntent': stop });
    const device = audioDevice(skill.handler);

    const before = await device.say('pause');
    await device.say('ask partner massage to start foot massage');
    await device.advance(10);
    const custom = await device.say('more pressure');
    const held = device.player?.snapshot(device.clock).heldUntil;
    const named = await device.say('ask partner massage to more pressure');
    const builtIns = [];
    for (const line of ['next', 'go back', 'repeat that', 'start over', 'cancel', 'shuffle', 'loop off', 'resume']) {
      builtIns.push((await device.say(line)).intent);
    }
    await device.say('stop');
    const stopped = await device.say('more pressure');

    expect(before.text).toBe(NO_SESSION_MESSAGE);
    expect(before.request).toBeUndefined();
    expect(custom.request).toBeUndefined();
    expect(custom.text).toBe(notForTheSkillMessage('more pressure'));
    expect(held).toBeUndefined();
    expect(named.intent).toBe('MorePressureIntent');
    expect(named.request?.session?.new).toBe(true);
    expect(playerOf(named.request)?.token).toBe('A');
    expect(builtIns).toEqual([
      'AMAZON.NextIntent',
      'AMAZON.PreviousIntent',
      'AMAZON.RepeatIntent',
      'AMAZON.StartOverIntent',
      'AMAZON.CancelIntent',
      'AMAZON.ShuffleOnIntent',
      'AMAZON.LoopOffIntent',
      'AMAZON.ResumeIntent',
    ]);
    expect(skill.requests.map(keyOf)).toContain('AMAZON.PauseIntent');
    expect(stopped.text).toBe(NO_SESSION_MESSAGE);
  });

  it('hears "stop" as StopIntent inside a session, and sends every request of it the player context', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AMAZON.PauseIntent': (_e, answer) =>
        void answer.addAudioPlayerStopDirective().speak('Paused.').reprompt('Say resume.').withShouldEndSession(false),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');
    await device.advance(10);

    await device.say('pause');
    const stop = await device.say('stop');

    expect(stop.intent).toBe('AMAZON.StopIntent');
    expect(stop.request?.session?.new).toBe(false);
    // "pause" was spoken at T0 + 14 s, when A had played 8 s.
    expect(playerOf(stop.request)).toEqual({ token: 'A', offsetInMilliseconds: 8_000, playerActivity: 'STOPPED' });
  });

  it('on a device without a player: no AudioPlayer interface, no name-free intents, and Play is an error', async () => {
    const skill = fakeAudioSkill(startA);
    const device = new SimulatedDevice({ handler: skill.handler });

    const turn = await device.say('ask partner massage to start foot massage');

    expect(turn.request?.context.System.device?.supportedInterfaces).toEqual({});
    expect(turn.error).toMatch(/AudioPlayer directives to a device without an audio player/);
    expect((await device.say('pause')).text).toBe(NO_SESSION_MESSAGE);
    expect(await device.press('play')).toMatchObject({
      request: undefined,
      text: expect.stringMatching(/played none/),
    });
  });

  it('drops the player when the device stops being an audio device', async () => {
    const skill = fakeAudioSkill(startA);
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');

    device.audioPlayer = true;
    const kept = device.player;
    device.audioPlayer = false;

    expect(kept?.owner).toBe(true);
    expect(device.player).toBeUndefined();
    expect(await device.advance(100)).toEqual([]);
  });
});

describe('the simulated audio player: failures', () => {
  it('fails a stream it cannot fetch as it starts, with the error and the playback state', async () => {
    const skill = fakeAudioSkill({
      StartRoutineIntent: (_e, answer) =>
        void play(answer, 'REPLACE_ALL', 'X', { url: 'https://audio.test/missing.mp3' }).withShouldEndSession(true),
    });
    const device = audioDevice(skill.handler);

    await device.say('ask partner massage to start foot massage');
    const [failed] = device.takeEvents();

    expect(failed?.request?.request).toMatchObject({
      type: 'AudioPlayer.PlaybackFailed',
      token: 'X',
      error: { type: 'MEDIA_ERROR_INVALID_REQUEST', message: `https://audio.test/missing.mp3: not found (HTTP 404)` },
      currentPlaybackState: { token: 'X', offsetInMilliseconds: 0, playerActivity: 'BUFFER_UNDERRUN' },
    });
    expect(device.player?.activity).toBe('STOPPED');
  });

  it('fails the playing stream on demand, and says so when nothing plays', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AudioPlayer.PlaybackFailed': (envelope, answer) =>
        void play(answer, 'REPLACE_ALL', 'A2', { offset: playerOf(envelope)?.offsetInMilliseconds ?? 0 }),
    });
    const device = audioDevice(skill.handler);
    expect((await device.failPlayback())[0]?.text).toMatch(/nothing is playing/);
    await device.say('ask partner massage to start foot massage');
    await device.advance(16); // A has played 14 s

    const turns = await device.failPlayback({ type: 'MEDIA_ERROR_INTERNAL_DEVICE_ERROR', message: 'boom' });
    const restarted = await device.advance(1);

    expect(turns.map((turn) => turn.event?.type)).toEqual([
      'AudioPlayer.PlaybackFailed',
      'AudioPlayer.PlaybackStarted',
    ]);
    expect(turns[0]?.request?.request).toMatchObject({
      offsetInMilliseconds: 14_000,
      error: { type: 'MEDIA_ERROR_INTERNAL_DEVICE_ERROR', message: 'boom' },
      currentPlaybackState: { token: 'A', offsetInMilliseconds: 14_000, playerActivity: 'PLAYING' },
    });
    expect(turns[1]?.event).toMatchObject({ token: 'A2', offsetInMilliseconds: 14_000 });
    expect(restarted).toEqual([]);
  });
});

describe('answers to the player', () => {
  it('fails loudly, and plays nothing, when an answer to an AudioPlayer event speaks', async () => {
    const skill = fakeAudioSkill({
      ...startA,
      'AudioPlayer.PlaybackStarted': (_e, answer) =>
        void play(answer.speak('Step one.'), 'ENQUEUE', 'B', { after: 'A' }),
    });
    const device = audioDevice(skill.handler);
    await device.say('ask partner massage to start foot massage');

    const [started] = await device.advance(5);

    expect(started?.error).toBe(
      'AudioPlayer.PlaybackStarted: invalid response: a AudioPlayer.PlaybackStarted answer may hold AudioPlayer directives only, not outputSpeech',
    );
    expect(device.player?.snapshot(device.clock).queue).toEqual([]);
  });

  it.each([
    ['a card', { card: { type: 'Simple', title: 't', content: 'c' } }, /not card/],
    ['a reprompt', { reprompt: { outputSpeech: { type: 'PlainText', text: 'Hm?' } } }, /not reprompt/],
    ['another directive', { directives: [{ type: 'Dialog.Delegate' }] }, /not Dialog\.Delegate/],
  ])('rejects %s in the answer to a PlaybackController request', (_what, response, problem) => {
    const problems = responseProblems({ version: '1.0', response }, 'PlaybackController.NextCommandIssued');
    expect(problems.join('; ')).toMatch(problem);
  });

  const playDirective = (stream: Record<string, unknown>, playBehavior = 'REPLACE_ALL') => ({
    type: 'AudioPlayer.Play',
    playBehavior,
    audioItem: { stream: { url: urlOf('A'), token: 'A', offsetInMilliseconds: 0, ...stream } },
  });

  it.each([
    ['an http URL', [playDirective({ url: 'http://audio.test/A.mp3' })], /is not HTTPS/],
    ['no token', [playDirective({ token: '' })], /token must be 1 to 1024/],
    ['a token over 1024 characters', [playDirective({ token: 'x'.repeat(1025) })], /token must be 1 to 1024/],
    ['a fractional offset', [playDirective({ offsetInMilliseconds: 1.5 })], /not whole ms/],
    ['ENQUEUE without expectedPreviousToken', [playDirective({}, 'ENQUEUE')], /ENQUEUE without expectedPreviousToken/],
    ['REPLACE_ALL with one', [playDirective({ expectedPreviousToken: 'Z' })], /REPLACE_ALL with expectedPreviousToken/],
    ['an unknown play behaviour', [playDirective({}, 'SHUFFLE')], /playBehavior "SHUFFLE"/],
    ['two Plays', [playDirective({}), playDirective({})], /2 AudioPlayer.Play directives/],
    ['an unknown clear behaviour', [{ type: 'AudioPlayer.ClearQueue', clearBehavior: 'ALL' }], /clearBehavior "ALL"/],
  ])('rejects a directive with %s', (_what, directives, problem) => {
    expect(
      responseProblems({ version: '1.0', response: { directives } }, 'AudioPlayer.PlaybackNearlyFinished').join(),
    ).toMatch(problem);
  });

  it('accepts a well-formed Play to an event, and wants shouldEndSession true with a Play to a spoken request', () => {
    const enqueue = {
      version: '1.0',
      response: { directives: [playDirective({ expectedPreviousToken: 'A' }, 'ENQUEUE')] },
    };
    const spoken = { version: '1.0', response: { directives: [playDirective({})] } };

    expect(responseProblems(enqueue, 'AudioPlayer.PlaybackNearlyFinished')).toEqual([]);
    expect(responseProblems(spoken, 'IntentRequest')).toEqual([
      'a IntentRequest answer with AudioPlayer.Play must set shouldEndSession true',
    ]);
    expect(
      responseProblems({ ...spoken, response: { ...spoken.response, shouldEndSession: true } }, 'IntentRequest'),
    ).toEqual([]);
  });

  it('turns a spoken request whose Play leaves the session open into an error', async () => {
    const skill = fakeAudioSkill({
      StartRoutineIntent: (_e, answer) => void play(answer.speak('Here.'), 'REPLACE_ALL', 'A'),
    });
    const device = audioDevice(skill.handler);

    const turn = await device.say('ask partner massage to start foot massage');

    expect(turn.error).toMatch(/must set shouldEndSession true/);
    expect(device.player?.owner).toBe(false);
  });
});
