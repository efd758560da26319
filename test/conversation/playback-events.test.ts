/**
 * The audio player's reports and buttons through the real handler, with the real store on
 * dynalite: what each answers (audio directives only), what it writes, and how a later name-free
 * request goes on from the token alone when the store is down.
 */
import type { Directive, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { stepFile } from '../../lambda/audio/manifest';
import { pointAt, RESUME_REWIND_MS } from '../../lambda/audio/points';
import { buildAudioToken, parseAudioToken } from '../../lambda/audio/token';
import { catalogue, lines } from '../../lambda/content';
import type { PlayItem } from '../../lambda/core/player';
import { createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore } from '../../lambda/persistence/dynamo-store';
import { createHandler } from '../../lambda/skill';
import type { PlayerEventType } from '../../tools/simulator/audio-player';
import { simulatorAudio } from '../../tools/simulator/audio-source';
import { buildEnvelope, buildEventEnvelope, type EventContext } from '../../tools/simulator/envelope';
import { playItem } from '../support/play-items';
import { answerProblems, speechOf, spokenText } from '../support/response-checks';
import { storeOnDynalite } from '../support/store-on-dynalite';

const TABLE = 'playback-events';
const running = storeOnDynalite(TABLE);
const audio = simulatorAudio({ renderDir: '/nonexistent-render' });
const manifest = audio.source.manifest();
const T0 = Date.parse('2026-11-27T20:00:00Z');
const foot = catalogue.get('foot');
if (foot === undefined) throw new Error('no foot');

let users = 0;
function newUser(): string {
  users += 1;
  return `amzn1.ask.account.playback-${users}`;
}

function itemOf(partial: Partial<PlayItem> = {}): PlayItem {
  return playItem({ issuedAt: T0 - 60_000, ...partial });
}

function tokenOf(item: PlayItem): string {
  return buildAudioToken(item, manifest.renderVersion);
}

function ctx(userId: string, at: number, token: string, offset: number, activity = 'PLAYING'): EventContext {
  return {
    userId,
    at,
    audioPlayer: true,
    player: { token, offsetInMilliseconds: offset, playerActivity: activity as never },
  };
}

async function send(handler: ReturnType<typeof createHandler>, envelope: RequestEnvelope): Promise<ResponseEnvelope> {
  const reply = await handler(envelope);
  expect(answerProblems(reply, envelope.request.type)).toEqual([]);
  return reply;
}

function report(type: PlayerEventType, userId: string, item: PlayItem, offset: number, at = T0): RequestEnvelope {
  const token = tokenOf(item);
  return buildEventEnvelope({ type, token, offsetInMilliseconds: offset }, ctx(userId, at, token, offset));
}

function plays(reply: ResponseEnvelope): Extract<Directive, { type: 'AudioPlayer.Play' }>[] {
  return (reply.response.directives ?? []).filter(
    (directive): directive is Extract<Directive, { type: 'AudioPlayer.Play' }> => directive.type === 'AudioPlayer.Play',
  );
}

describe('the player’s reports through the handler', () => {
  const handler = () => createHandler({ store: running.store, audio: audio.source });

  it('a step started is saved as the place; nothing is played or said', async () => {
    const userId = newUser();
    const reply = await send(handler(), report('AudioPlayer.PlaybackStarted', userId, itemOf(), 0));
    expect(reply.response).toEqual({});
    expect(reply.sessionAttributes).toBeUndefined();
    expect((await running.store.load(userId))?.profile.paused).toMatchObject({ routineId: 'foot', stepIndex: 1 });
  });

  it('nearly finished queues the next step with the playing token as the one it follows, writing nothing', async () => {
    const userId = newUser();
    const played = itemOf();
    const reply = await send(handler(), report('AudioPlayer.PlaybackNearlyFinished', userId, played, 50_000));
    const [play] = plays(reply);
    expect(play?.playBehavior).toBe('ENQUEUE');
    expect(play?.audioItem?.stream?.expectedPreviousToken).toBe(tokenOf(played));
    expect(play?.audioItem?.stream?.offsetInMilliseconds).toBe(0);
    expect(parseAudioToken(play?.audioItem?.stream?.token)).toMatchObject({ routineId: 'foot', stepIndex: 2 });
    expect(play?.audioItem?.stream?.url).toMatch(/^https:\/\//);
    expect(play?.audioItem?.metadata).toEqual({
      title: foot.name,
      subtitle: lines.nowPlayingStep(3, foot.steps.length, foot.steps[2]?.title ?? ''),
    });
    expect(await running.store.load(userId)).toBeUndefined();
  });

  it('a stop keeps the point in the step; a name-free resume days later plays on from just before it', async () => {
    const userId = newUser();
    const played = itemOf();
    const file = stepFile(manifest, played);
    if (file === undefined) throw new Error('no file');
    const stoppedAt = Math.round(file.ms * 0.6);
    await send(handler(), report('AudioPlayer.PlaybackStarted', userId, played, 0, T0 - 50_000));
    await send(handler(), report('AudioPlayer.PlaybackStopped', userId, played, stoppedAt));
    expect((await running.store.load(userId))?.profile.paused?.point).toEqual(pointAt(file, stoppedAt));
    const days = T0 + 3 * 86_400_000;
    const resume = buildEnvelope(
      { type: 'IntentRequest', intent: 'AMAZON.ResumeIntent' },
      { ...ctx(userId, days, tokenOf(played), stoppedAt, 'STOPPED'), sessionId: 'resume', isNew: true },
    );
    const [play] = plays(await send(handler(), resume));
    expect(play?.playBehavior).toBe('REPLACE_ALL');
    expect(parseAudioToken(play?.audioItem?.stream?.token)).toMatchObject({ stepIndex: 1, attempt: 1 });
    const offset = play?.audioItem?.stream?.offsetInMilliseconds ?? -1;
    expect(stoppedAt - offset).toBeGreaterThanOrEqual(RESUME_REWIND_MS - 1);
    expect(stoppedAt - offset).toBeLessThanOrEqual(RESUME_REWIND_MS + 1);
  });

  it('a failure is retried once from where it failed; after the second the next request speaks the step', async () => {
    const userId = newUser();
    const played = itemOf();
    const first = await send(handler(), report('AudioPlayer.PlaybackFailed', userId, played, 20_000));
    const [retry] = plays(first);
    expect(retry?.playBehavior).toBe('REPLACE_ALL');
    const retried = parseAudioToken(retry?.audioItem?.stream?.token);
    expect(retried).toMatchObject({ stepIndex: 1, attempt: 2 });
    if (retried === undefined) throw new Error('no retry');
    const { renderVersion: _render, ...retryItem } = retried;
    const second = await send(handler(), report('AudioPlayer.PlaybackFailed', userId, retryItem, 20_000, T0 + 2000));
    expect(second.response).toEqual({});
    const resume = buildEnvelope(
      { type: 'IntentRequest', intent: 'AMAZON.ResumeIntent' },
      { ...ctx(userId, T0 + 10_000, tokenOf(retryItem), 20_000, 'STOPPED'), sessionId: 'after-failure', isNew: true },
    );
    const reply = await send(handler(), resume);
    expect(plays(reply)).toEqual([]);
    expect(spokenText(speechOf(reply)[0] ?? '')).toContain(lines.audioFailed);
    expect(reply.response.shouldEndSession).toBe(false);
  });

  it('the player’s buttons answer with directives only', async () => {
    const userId = newUser();
    const token = tokenOf(itemOf());
    const next = await send(
      handler(),
      buildEventEnvelope({ type: 'PlaybackController', button: 'next' }, ctx(userId, T0, token, 5000)),
    );
    expect(parseAudioToken(plays(next)[0]?.audioItem?.stream?.token)).toMatchObject({ stepIndex: 2 });
    expect(next.response.outputSpeech).toBeUndefined();
    expect(next.response.shouldEndSession).toBeUndefined();
    const pause = await send(
      handler(),
      buildEventEnvelope({ type: 'PlaybackController', button: 'pause' }, ctx(userId, T0, token, 5000)),
    );
    expect(pause.response).toEqual({ directives: [{ type: 'AudioPlayer.Stop' }] });
    expect(pause.sessionAttributes).toBeUndefined();
  });

  it('reports and buttons about audio that is not the skill’s change nothing', async () => {
    const userId = newUser();
    const foreign = {
      userId,
      at: T0,
      audioPlayer: true,
      player: { token: 'amzn1.music.123', offsetInMilliseconds: 10, playerActivity: 'PLAYING' as never },
    };
    const started = await send(
      handler(),
      buildEventEnvelope(
        { type: 'AudioPlayer.PlaybackStarted', token: 'amzn1.music.123', offsetInMilliseconds: 0 },
        foreign,
      ),
    );
    const button = await send(handler(), buildEventEnvelope({ type: 'PlaybackController', button: 'play' }, foreign));
    expect(started.response).toEqual({});
    expect(button.response).toEqual({});
    expect(await running.store.load(userId)).toBeUndefined();
  });
});

describe('with the store down', () => {
  it('every report still answers, and a name-free resume goes on from the token alone', async () => {
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
    const dead = new DynamoUserStore({ client, tableName: TABLE, operationDeadlineMs: 300 });
    const logged: string[] = [];
    const handler = createHandler({ store: dead, audio: audio.source, logger: logOf(logged) });
    const userId = newUser();
    const played = itemOf({ stepIndex: 3 });
    const file = stepFile(manifest, played);
    if (file === undefined) throw new Error('no file');
    const started = await send(handler, report('AudioPlayer.PlaybackStarted', userId, played, 0));
    expect(started.response).toEqual({});
    const stopped = await send(handler, report('AudioPlayer.PlaybackStopped', userId, played, 30_000));
    expect(stopped.response).toEqual({});
    expect(logged).toContain('playback_save_failed');
    const resume = buildEnvelope(
      { type: 'IntentRequest', intent: 'AMAZON.ResumeIntent' },
      { ...ctx(userId, T0 + 5000, tokenOf(played), 30_000, 'STOPPED'), sessionId: 'dead-store', isNew: true },
    );
    const [play] = plays(await send(handler, resume));
    expect(parseAudioToken(play?.audioItem?.stream?.token)).toMatchObject({ routineId: 'foot', stepIndex: 3 });
    expect(play?.audioItem?.stream?.offsetInMilliseconds).toBe(30_000 - RESUME_REWIND_MS);
    client.destroy();
  });
});

function logOf(events: string[]) {
  const log = (event: string) => {
    events.push(event);
  };
  return { info: log, warn: log, error: log };
}
