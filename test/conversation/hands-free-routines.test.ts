/**
 * Hands-free mode end to end: the real handler, with the simulator's timeline-only audio, on a
 * simulated Echo with an audio player, and where the saved place matters the DynamoDB store on
 * dynalite. What played is read from the player itself (its items and its clock), never from what
 * the skill says it did. Every line said and every request the device sends on its own is checked
 * as Alexa would check it (test/support/hands-free.ts).
 */
import fc from 'fast-check';
import { pointAt, RESUME_REWIND_MS } from '../../lambda/audio/points';
import { lines, ROUTINES } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import type { StepVariant } from '../../lambda/core/preferences';
import { type Logger, silentLogger } from '../../lambda/log';
import { createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore } from '../../lambda/persistence/dynamo-store';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler } from '../../lambda/skill';
import { planStep } from '../../tools/render/layout';
import type { Turn } from '../../tools/simulator/session-driver';
import { SimulatedDevice } from '../../tools/simulator/session-driver';
import { checkTurn } from '../support/dialogue';
import {
  directiveTypes,
  eventItem,
  eventsOf,
  fileOf,
  HandsFreeRig,
  onlyPlay,
  playsOf,
  routineOf,
} from '../support/hands-free';
import { storeOnDynalite } from '../support/store-on-dynalite';

const TABLE = 'hands-free-routines';
const running = storeOnDynalite(TABLE);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_127);
const DAY_SECONDS = 24 * 3600;
const foot = routineOf('foot');
const GENTLE: StepVariant = { pressure: 'gentle', speechRate: 'normal', pace: 'normal' };

let users = 0;
function newUser(): string {
  users += 1;
  return `amzn1.ask.account.hands-free-${users}`;
}

function dynamoRig(options: { logger?: Logger } = {}): { rig: HandsFreeRig; userId: string } {
  const userId = newUser();
  return { rig: new HandsFreeRig({ store: running.store, userId, ...options }), userId };
}

function memoryRig(): HandsFreeRig {
  return new HandsFreeRig({ store: new MemoryUserStore(), userId: newUser() });
}

async function storedProfile(userId: string, store: UserStore = running.store) {
  const stored = await store.load(userId);
  if (stored === undefined) throw new Error(`nothing stored for ${userId}`);
  return stored.profile;
}

/** Opens the skill, turns hands-free mode on, says `setup`, starts the routine and says ready: step 1 plays. */
async function startHandsFree(rig: HandsFreeRig, routine: Routine, setup: readonly string[] = []): Promise<Turn> {
  await rig.sayAll('open partner massage', 'turn on hands free mode', ...setup);
  const start = await rig.say(`start ${routine.name}`);
  expect(start.intent).toBe('StartRoutineIntent');
  expect(start.listening).toBe(true);
  expect(playsOf(start)).toEqual([]);
  const ready = await rig.say('ready');
  expect(ready.sessionEnded).toBe(true);
  const play = onlyPlay(ready);
  expect(play.behavior).toBe('REPLACE_ALL');
  expect(play.item).toMatchObject({ routineId: routine.id, stepIndex: 0, attempt: 1 });
  expect(play.offsetMs).toBe(0);
  return ready;
}

/** Says "Alexa, stop" (it reaches the skill as pause) and checks it opened the pause gateway on the step the player held. */
async function pauseGateway(rig: HandsFreeRig, word: 'stop' | 'pause' = 'stop') {
  const before = await rig.player();
  if (before.item === undefined) throw new Error('nothing to pause');
  const routine = routineOf(before.item.routineId);
  const pause = await rig.say(word);
  expect(pause.intent).toBe('AMAZON.PauseIntent');
  expect(pause.request?.session?.new).toBe(true);
  expect(pause.listening).toBe(true);
  expect(directiveTypes(pause)).toEqual(['AudioPlayer.Stop']);
  const stepIndex = before.item.stepIndex;
  expect(pause.text).toBe(
    `${lines.audioPausedAt(stepIndex + 1, routine.steps.length, routine.steps[stepIndex]?.title ?? '')} ${lines.audioPausedOptions}`,
  );
  return { pause, before, stoppedAt: before.offsetMs };
}

const VARIANTS: readonly { name: string; setup: readonly string[]; variant: StepVariant }[] = [
  { name: 'gentle', setup: [], variant: GENTLE },
  {
    name: 'firm, slower pace, slower speech',
    setup: ['more pressure', 'more pressure', 'slow down', 'speak more slowly'],
    variant: { pressure: 'firm', speechRate: 'slower', pace: 'slower' },
  },
  {
    name: 'medium, quicker',
    setup: ['more pressure', 'speed up'],
    variant: { pressure: 'medium', speechRate: 'normal', pace: 'quicker' },
  },
];
const FLOWS = [
  { flow: 'continuous', setup: [] as string[] },
  { flow: 'stepByStep', setup: ['wait for me after each step'] },
] as const;

describe('every routine played to its end as audio', () => {
  const cases = ROUTINES.flatMap((routine) =>
    FLOWS.flatMap((flow) =>
      VARIANTS.map((variant) => [routine.name, flow.flow, variant.name, routine, flow, variant] as const),
    ),
  );

  it.each(cases)(
    '%s, %s, %s: each step once and in order, the closing in the audio, practice counted once',
    async (_name, _flow, _variant, routine, flow, variant) => {
      const { rig, userId } = dynamoRig();
      const ready = await startHandsFree(rig, routine, [...flow.setup, ...variant.setup]);
      const last = routine.steps.length - 1;
      const from = rig.log.indexOf(ready);
      if (flow.flow === 'continuous') {
        const total = routine.steps.reduce(
          (sum, _step, stepIndex) => sum + fileOf({ routineId: routine.id, stepIndex, variant: variant.variant }).ms,
          0,
        );
        await rig.advanceMs(total + 60_000);
      } else {
        for (let stepIndex = 0; stepIndex <= last; stepIndex += 1) {
          await rig.untilFinished();
          if (stepIndex === last) break;
          const next = await rig.say('next');
          expect(next.intent).toBe('AMAZON.NextIntent');
          expect(next.text).toBe('');
          const play = onlyPlay(next);
          expect([play.behavior, play.item.stepIndex, play.offsetMs]).toEqual(['REPLACE_ALL', stepIndex + 1, 0]);
        }
      }
      // After the last step nothing more goes on: no request, no speech.
      expect(await rig.advance(600)).toEqual([]);
      expect(rig.device.sessionOpen).toBe(false);

      const after = rig.log.slice(from);
      const steps = routine.steps.map((_step, index) => index);
      // After "ready", only the player's reports reached the skill, and the "next"s said between steps.
      expect(after.slice(1).flatMap((turn) => (turn.event === undefined ? [turn.line] : []))).toEqual(
        flow.flow === 'stepByStep' ? steps.slice(1).map(() => 'next') : [],
      );
      const plays = after.flatMap(playsOf);
      expect(plays.map((play) => play.item.stepIndex)).toEqual(steps);
      expect(plays.map((play) => play.behavior)).toEqual(
        steps.map((index) => (index === 0 || flow.flow === 'stepByStep' ? 'REPLACE_ALL' : 'ENQUEUE')),
      );
      for (const play of plays) {
        expect(play.item).toMatchObject({
          routineId: routine.id,
          variant: variant.variant,
          flow: flow.flow,
          attempt: 1,
        });
      }
      const started = eventsOf(after, 'Started');
      const finished = eventsOf(after, 'Finished');
      expect(started.map((turn) => eventItem(turn).stepIndex)).toEqual(steps);
      expect(finished.map((turn) => eventItem(turn).stepIndex)).toEqual(steps);
      // Each step played whole, from its start to the end of its file.
      expect(started.map((turn) => turn.event?.offsetInMilliseconds)).toEqual(steps.map(() => 0));
      expect(finished.map((turn) => turn.event?.offsetInMilliseconds)).toEqual(
        finished.map((turn) => fileOf(eventItem(turn)).ms),
      );
      expect([...eventsOf(after, 'Stopped'), ...eventsOf(after, 'Failed')]).toEqual([]);
      // The routine's closing is the end of the last step's audio: its last segment, played through,
      // and the last thing the device sent; nothing was said after any of the player's reports.
      const lastFile = fileOf({ routineId: routine.id, stepIndex: last, variant: variant.variant });
      expect(lastFile.segments[lastFile.segments.length - 1]?.[1]).toBe('closingCue');
      const lastPlan = planStep(routine, last, variant.variant, lines);
      expect(lastPlan.items[lastPlan.items.length - 1]).toMatchObject({
        segment: 'closingCue',
        text: `${routine.closing} ${lines.routineFinished(routine.name)}`,
      });
      expect(after[after.length - 1]).toBe(finished[finished.length - 1]);
      for (const turn of after.filter((each) => each.event !== undefined)) {
        expect(turn.response?.response.outputSpeech).toBeUndefined();
      }
      const profile = await storedProfile(userId);
      expect(profile.history.sessionsFinished).toBe(1);
      expect(profile.paused).toBeNull();
    },
  );
});

describe('"Alexa, pause" at any moment names the step that was playing, and resume goes on from just before it', () => {
  it('foot massage, paused at random moments and around every step change', async () => {
    // One run without a pause: when each step starts, by the player's clock, from the moment after "ready".
    const reference = memoryRig();
    await startHandsFree(reference, foot);
    const origin = reference.device.clock;
    const played = await reference.advance(3600);
    const starts = eventsOf(played, 'Started').map((turn) => (turn.at ?? 0) - origin);
    const end = (eventsOf(played, 'Finished').pop()?.at ?? 0) - origin;
    expect(starts).toHaveLength(foot.steps.length);

    const moment = fc.oneof(
      fc.integer({ min: 0, max: end - 1000 }),
      fc
        .tuple(fc.constantFrom(...starts), fc.integer({ min: -1500, max: 1500 }))
        .map(([start, delta]) => Math.max(0, start + delta)),
    );
    await fc.assert(
      fc.asyncProperty(moment, fc.constantFrom('stop', 'pause' as const), async (ms, word) => {
        const rig = memoryRig();
        await startHandsFree(rig, foot);
        await rig.advanceMs(ms);
        const { before, stoppedAt } = await pauseGateway(rig, word);
        const stepIndex = before.item?.stepIndex ?? -1;
        const stopped = eventsOf(rig.log, 'Stopped');
        if (before.started) expect(stopped.map((turn) => turn.event?.offsetInMilliseconds)).toEqual([stoppedAt]);
        const resume = await rig.say('resume');
        expect(resume.intent).toBe('AMAZON.ResumeIntent');
        expect(resume.sessionEnded).toBe(true);
        const play = onlyPlay(resume);
        expect(play.behavior).toBe('REPLACE_ALL');
        expect(play.item).toMatchObject({ routineId: 'foot', stepIndex, variant: GENTLE });
        // Within two seconds before where it stopped, never after it.
        expect(play.offsetMs).toBeLessThanOrEqual(stoppedAt);
        expect(play.offsetMs).toBeGreaterThanOrEqual(stoppedAt - 2_000);
        if (stoppedAt >= RESUME_REWIND_MS) expect(play.offsetMs).toBe(stoppedAt - RESUME_REWIND_MS);
      }),
      { numRuns: 40, seed: SEED },
    );
  });
});

describe('"Alexa, resume" while the audio plays', () => {
  it('changes nothing: the same step plays on, and the answer is one Alexa accepts', async () => {
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, 30_000);
    const before = await rig.player();
    const resume = await rig.say('resume');
    expect(resume.intent).toBe('AMAZON.ResumeIntent');
    expect(directiveTypes(resume)).toEqual([]);
    await rig.advance(10);
    expect(rig.after(resume).filter((turn) => turn.event?.type !== 'AudioPlayer.PlaybackNearlyFinished')).toEqual([]);
    const now = await rig.player();
    expect([now.token, now.activity]).toEqual([before.token, 'PLAYING']);
    expect(now.offsetMs).toBeGreaterThan(before.offsetMs);
  });
});

describe('a change said in the pause gateway resumes the same step in the new variant at the same point', () => {
  const changes = [
    { say: 'more pressure', intent: 'MorePressureIntent', variant: { ...GENTLE, pressure: 'medium' } },
    { say: 'slower', intent: 'SlowerIntent', variant: { ...GENTLE, pace: 'slower' } },
    { say: 'speak more slowly', intent: 'SpeakSlowerIntent', variant: { ...GENTLE, speechRate: 'slower' } },
  ] as const;
  const before = fileOf({ routineId: 'foot', stepIndex: 1, variant: GENTLE });
  const segmentStart = (segment: number) => before.segments[segment]?.[0] ?? Number.NaN;
  // Paused in step 2: in its introduction, 40% into its third stretch, and a second into its fourth
  // (the rewind then starts in the stretch before).
  const moments = [
    { where: 'in the introduction', ms: Math.round(segmentStart(1) * 0.5), segment: 0 },
    { where: 'in a cue', ms: Math.round(segmentStart(2) + 0.4 * (segmentStart(3) - segmentStart(2))), segment: 2 },
    { where: 'just after a cue starts', ms: segmentStart(3) + 1000, segment: 3 },
  ];
  const cases = changes.flatMap((change) =>
    moments.map((moment) => [change.say, moment.where, change, moment] as const),
  );

  it.each(cases)('"%s" paused %s', async (_say, _where, change, moment) => {
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, moment.ms);
    const { stoppedAt } = await pauseGateway(rig);
    expect(stoppedAt).toBe(moment.ms);
    const changed = await rig.say(change.say);
    expect(changed.intent).toBe(change.intent);
    expect(changed.sessionEnded).toBe(true);
    const play = onlyPlay(changed);
    expect(play.behavior).toBe('REPLACE_ALL');
    expect(play.item).toMatchObject({ routineId: 'foot', stepIndex: 1, variant: change.variant, attempt: 1 });
    const after = fileOf(play.item);
    // The new variant's cues fall elsewhere: the same point is another offset.
    expect(after.segments).not.toEqual(before.segments);
    const point = pointAt(before, stoppedAt);
    expect(point.segment).toBe(moment.segment);
    if (point.segment === 0) {
      // New words in the introduction are heard whole: the step starts again.
      expect(play.offsetMs).toBe(0);
    } else {
      const landed = pointAt(after, play.offsetMs + RESUME_REWIND_MS);
      const stretch = (after.segments[point.segment + 1]?.[0] ?? after.ms) - (after.segments[point.segment]?.[0] ?? 0);
      expect(landed.segment).toBe(point.segment);
      expect(Math.abs(landed.fraction - point.fraction)).toBeLessThanOrEqual(1 / stretch);
    }
    // The step plays on from there in the new variant.
    await rig.advance(60);
    const started = eventsOf(rig.after(changed), 'Started')[0];
    expect(started?.event?.token).toBe(play.token);
    expect(started?.event?.offsetInMilliseconds).toBe(play.offsetMs);
  });
});

describe('next, previous, go to step and start over', () => {
  // Step 2 of foot massage ends and step 3 starts at the same moment on the player's clock.
  const around = [
    { when: 'just before step 3 starts', deltaMs: -250, playing: 1 },
    { when: 'a millisecond before step 3 starts', deltaMs: -1, playing: 1 },
    { when: 'a millisecond after step 3 starts', deltaMs: 1, playing: 2 },
    { when: 'just after step 3 starts', deltaMs: 250, playing: 2 },
  ];
  const cases = (['next', 'previous'] as const).flatMap((say) =>
    around.map((moment) => [say, moment.when, say, moment] as const),
  );

  it.each(cases)('"%s" %s acts on the step the player holds', async (_say, _when, say, moment) => {
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    const stepTwo = fileOf({ routineId: 'foot', stepIndex: 1, variant: GENTLE });
    await rig.playTo(1, 0);
    await rig.advanceMs(stepTwo.ms + moment.deltaMs);
    const now = await rig.player();
    expect([now.item?.stepIndex, now.activity, now.started]).toEqual([moment.playing, 'PLAYING', true]);
    const turn = await rig.say(say);
    expect(turn.intent).toBe(say === 'next' ? 'AMAZON.NextIntent' : 'AMAZON.PreviousIntent');
    const play = onlyPlay(turn);
    const expected = moment.playing + (say === 'next' ? 1 : -1);
    expect([play.behavior, play.item.stepIndex, play.offsetMs]).toEqual(['REPLACE_ALL', expected, 0]);
    await rig.advance(10);
    expect(eventsOf(rig.after(turn), 'Started').map((event) => eventItem(event).stepIndex)).toEqual([expected]);
  });

  it('"go to step 3" with the name while it plays, and "go to step 5" in the pause gateway, play that step from its start', async () => {
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(0, 30_000);
    const oneShot = await rig.say('ask partner massage to go to step 3');
    expect(oneShot.intent).toBe('GoToStepIntent');
    expect(onlyPlay(oneShot)).toMatchObject({ behavior: 'REPLACE_ALL', item: { stepIndex: 2 }, offsetMs: 0 });
    await rig.playTo(2, 10_000);
    await pauseGateway(rig);
    const gateway = await rig.say('go to step 5');
    expect(onlyPlay(gateway)).toMatchObject({ behavior: 'REPLACE_ALL', item: { stepIndex: 4 }, offsetMs: 0 });
    await rig.advance(30);
    expect(eventsOf(rig.after(gateway), 'Started').map((turn) => eventItem(turn).stepIndex)).toEqual([4]);
  });

  it('"start over" said without the name plays step 1 from its start', async () => {
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(3, 20_000);
    const again = await rig.say('start over');
    expect(again.intent).toBe('AMAZON.StartOverIntent');
    expect(onlyPlay(again)).toMatchObject({ behavior: 'REPLACE_ALL', item: { stepIndex: 0 }, offsetMs: 0 });
    await rig.advance(10);
    expect(eventsOf(rig.after(again), 'Started').map((turn) => eventItem(turn).stepIndex)).toEqual([0]);
  });
});

describe('cancel and pause, then resume a day later', () => {
  it('after cancel nothing replays: resume says nothing is paused', async () => {
    const { rig, userId } = dynamoRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, 40_000);
    const cancel = await rig.say('cancel');
    expect(cancel.intent).toBe('AMAZON.CancelIntent');
    expect(cancel.sessionEnded).toBe(true);
    expect(cancel.response?.response.directives).toEqual([
      { type: 'AudioPlayer.ClearQueue', clearBehavior: 'CLEAR_ALL' },
    ]);
    expect(cancel.text).toBe(lines.audioCancelled(foot.name, 2));
    // The device reports the stop; it does not bring the place back.
    expect(eventsOf(rig.log, 'Stopped')).toHaveLength(1);
    expect((await storedProfile(userId)).paused).toBeNull();
    expect(await rig.advance(DAY_SECONDS)).toEqual([]);
    const resume = await rig.say('resume');
    expect(resume.intent).toBe('AMAZON.ResumeIntent');
    expect(resume.request?.session?.new).toBe(true);
    expect(directiveTypes(resume)).toEqual([]);
    expect(resume.text.startsWith(lines.nothingPaused)).toBe(true);
    expect(eventsOf(await rig.advance(120), 'Started')).toEqual([]);
    expect((await storedProfile(userId)).paused).toBeNull();
  });

  it('after pause, resume a day later plays the step on from just before where it stopped', async () => {
    const { rig, userId } = dynamoRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, 40_000);
    const { stoppedAt } = await pauseGateway(rig);
    // Nobody answers the gateway: the session times out.
    const later = await rig.advance(DAY_SECONDS);
    expect(later.map((turn) => turn.request?.request.type)).toEqual(['SessionEndedRequest']);
    expect((await storedProfile(userId)).paused).toMatchObject({
      routineId: 'foot',
      stepIndex: 1,
      point: pointAt(fileOf({ routineId: 'foot', stepIndex: 1, variant: GENTLE }), stoppedAt),
    });
    const resume = await rig.say('resume');
    expect(resume.request?.session?.new).toBe(true);
    const play = onlyPlay(resume);
    expect(play.item).toMatchObject({ routineId: 'foot', stepIndex: 1, variant: GENTLE });
    expect(play.offsetMs).toBe(stoppedAt - RESUME_REWIND_MS);
    await rig.advance(10);
    expect(eventsOf(rig.after(resume), 'Started').map((turn) => turn.event?.offsetInMilliseconds)).toEqual([
      stoppedAt - RESUME_REWIND_MS,
    ]);
  });
});

describe('when the device cannot play the audio', () => {
  it('a failure is retried once, from where it failed, and plays on', async () => {
    const { rig } = dynamoRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, 30_000);
    const [failed, ...rest] = await rig.fail();
    if (failed === undefined) throw new Error('nothing failed');
    expect(failed.event?.type).toBe('AudioPlayer.PlaybackFailed');
    const retry = onlyPlay(failed);
    expect(retry.behavior).toBe('REPLACE_ALL');
    expect(retry.item).toMatchObject({ routineId: 'foot', stepIndex: 1, attempt: 2, variant: GENTLE });
    expect(retry.offsetMs).toBe(30_000 - RESUME_REWIND_MS);
    expect(rest.map((turn) => [turn.event?.type, turn.event?.token, turn.event?.offsetInMilliseconds])).toEqual([
      ['AudioPlayer.PlaybackStarted', retry.token, retry.offsetMs],
    ]);
    await rig.advance(20);
    const now = await rig.player();
    expect([now.token, now.activity, now.offsetMs]).toEqual([retry.token, 'PLAYING', retry.offsetMs + 20_000]);
  });

  it('a second failure leaves it stopped, and the next resume speaks the step with an apology, listening', async () => {
    const { rig, userId } = dynamoRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, 30_000);
    const first = await rig.fail();
    expect(first.map((turn) => turn.event?.type)).toEqual([
      'AudioPlayer.PlaybackFailed',
      'AudioPlayer.PlaybackStarted',
    ]);
    await rig.advance(5);
    const second = await rig.fail();
    expect(second.map((turn) => turn.event?.type)).toEqual(['AudioPlayer.PlaybackFailed']);
    expect(second[0]?.response?.response).toEqual({});
    expect(await rig.advance(60)).toEqual([]);
    expect((await rig.player()).activity).toBe('STOPPED');
    expect((await storedProfile(userId)).paused).toMatchObject({ routineId: 'foot', stepIndex: 1, audioFailed: true });
    const resume = await rig.say('resume');
    expect(resume.intent).toBe('AMAZON.ResumeIntent');
    expect(directiveTypes(resume)).toEqual([]);
    expect(resume.text.startsWith(lines.audioFailed)).toBe(true);
    // The step that failed, spoken from its start.
    expect(resume.text.slice(lines.audioFailed.length).trimStart()).toMatch(
      new RegExp(`^Step 2 of ${foot.steps.length}\\. ${foot.steps[1]?.title}\\.`, 'i'),
    );
    expect(resume.listening).toBe(true);
    expect(resume.response?.response.shouldEndSession).toBe(false);
  });
});

describe('with DynamoDB down mid-routine', () => {
  it('every report and turn still answers, and resume goes on from the token alone', async () => {
    const logged: string[] = [];
    const log = (event: string) => {
      logged.push(event);
    };
    const logger: Logger = { info: log, warn: log, error: log };
    const { rig } = dynamoRig({ logger });
    await startHandsFree(rig, foot, ['more pressure']);
    await rig.playTo(1, 20_000);
    const client = createDynamoClient(
      { AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' },
      { connectionTimeoutMs: 100, requestTimeoutMs: 200, retryDelayMs: 10 },
    );
    try {
      rig.useStore(new DynamoUserStore({ client, tableName: TABLE, operationDeadlineMs: 500 }));
      // Step 2 plays to its end and step 3 is queued, starts and is paused; each report tries to save.
      await rig.playTo(2, 50_000);
      const { stoppedAt } = await pauseGateway(rig);
      const resume = await rig.say('resume');
      const play = onlyPlay(resume);
      expect(play.item).toMatchObject({ routineId: 'foot', stepIndex: 2, variant: { ...GENTLE, pressure: 'medium' } });
      expect(play.offsetMs).toBe(stoppedAt - RESUME_REWIND_MS);
      await rig.advance(10);
      expect(eventsOf(rig.after(resume), 'Started').map((turn) => turn.event?.token)).toEqual([play.token]);
      expect(logged).toEqual(expect.arrayContaining(['playback_save_failed', 'profile_load_failed']));
      expect(logged).not.toContain('handler_failed');
    } finally {
      client.destroy();
    }
  });
});

describe('safety while the audio plays', () => {
  /** The answer to a warning sign in the spoken flow, mid-routine. */
  async function spokenAnswer(line: string): Promise<Turn> {
    const device = new SimulatedDevice({
      handler: createHandler({ store: new MemoryUserStore(), logger: silentLogger }),
    });
    for (const each of ['open partner massage', 'start foot massage', 'ready']) checkTurn(await device.say(each));
    const turn = await device.say(line);
    checkTurn(turn);
    return turn;
  }

  it('"ask partner massage, she\'s bleeding heavily" stops the audio with the same answer as spoken', async () => {
    const spoken = await spokenAnswer("she's bleeding heavily");
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(1, 30_000);
    const turn = await rig.say("ask partner massage, she's bleeding heavily");
    expect(turn.intent).toBe('WarningSignIntent');
    expect(turn.text).toBe(spoken.text);
    expect(turn.sessionEnded).toBe(true);
    expect(turn.reprompt).toBeUndefined();
    expect(directiveTypes(turn)).toEqual(['AudioPlayer.Stop']);
    expect((await rig.player()).activity).toBe('STOPPED');
    expect(eventsOf(await rig.advance(600), 'Started')).toEqual([]);
  });

  it('said after "Alexa, pause", it gets the same answer and nothing plays again', async () => {
    const spoken = await spokenAnswer("she's bleeding heavily");
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(2, 15_000);
    await pauseGateway(rig);
    const turn = await rig.say("she's bleeding heavily");
    expect(turn.text).toBe(spoken.text);
    expect(turn.sessionEnded).toBe(true);
    expect(playsOf(turn)).toEqual([]);
    expect(eventsOf(await rig.advance(600), 'Started')).toEqual([]);
  });

  it('"it hurts" in the gateway halts: nothing plays until "carry on", which plays the step from its start', async () => {
    const spoken = await spokenAnswer('it hurts');
    const rig = memoryRig();
    await startHandsFree(rig, foot);
    await rig.playTo(2, 45_000);
    await pauseGateway(rig);
    const hurt = await rig.say('it hurts');
    expect(hurt.intent).toBe('DiscomfortIntent');
    expect(hurt.text).toBe(spoken.text);
    expect(hurt.listening).toBe(true);
    expect(directiveTypes(hurt)).toEqual([]);
    expect(await rig.advance(4)).toEqual([]);
    const okay = await rig.say('okay');
    expect(okay.listening).toBe(true);
    expect(directiveTypes(okay)).toEqual([]);
    expect(await rig.advance(4)).toEqual([]);
    expect((await rig.player()).activity).toBe('STOPPED');
    const carryOn = await rig.say('carry on');
    const play = onlyPlay(carryOn);
    expect(play).toMatchObject({ behavior: 'REPLACE_ALL', item: { routineId: 'foot', stepIndex: 2 }, offsetMs: 0 });
    await rig.advance(10);
    expect(eventsOf(rig.after(carryOn), 'Started').map((turn) => turn.event?.token)).toEqual([play.token]);
  });
});
