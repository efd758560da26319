/**
 * The bench's hands-free figures, on a short schedule: routines through the real handler on the
 * simulated Echo (calls counted on dynalite), and a few pauses, against the timeline-only audio.
 */
import { join } from 'node:path';
import { silentLogger } from '../../lambda/log';
import { countCalls, createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore } from '../../lambda/persistence/dynamo-store';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { callBound, callsPass, positionErrors, type RoutineCalls } from '../../tools/bench/hands-free';
import { HANDS_FREE_BENCH, handsFreeFigures } from '../../tools/bench/hands-free-figures';
import { RoutineRun, seedReturningUser, spokenSteps } from '../../tools/bench/routine-run';
import { simulatorAudio } from '../../tools/simulator/audio-source';
import type { SkillHandler } from '../../tools/simulator/session-driver';
import { type RunningDynalite, startDynalite } from '../support/dynalite';

const audio = simulatorAudio({ renderDir: join(__dirname, 'no-render-here') });

describe('the bench figures for hands-free mode', () => {
  let server: RunningDynalite;
  beforeAll(async () => {
    server = await startDynalite();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('counts each routine and flow, spoken and hands free, and measures where pauses land', async () => {
    const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: server.endpoint });
    const store = new DynamoUserStore({ client, tableName: 'bench-hands-free', createTableIfMissing: true });
    await store.load('amzn1.ask.account.nobody');
    const messages: string[] = [];
    const result = await handsFreeFigures(store, countCalls(client), audio, (m) => messages.push(m), {
      ...HANDS_FREE_BENCH,
      everySeconds: 150,
    });

    expect(result.calls.map((c) => [c.spec.delivery, c.spec.flow, c.paused, c.finished])).toEqual([
      ['spoken', 'continuous', false, true],
      ['handsFree', 'continuous', false, true],
      ['spoken', 'stepByStep', false, true],
      ['handsFree', 'stepByStep', false, true],
      ['spoken', 'continuous', true, true],
      ['handsFree', 'continuous', true, true],
    ]);
    for (const calls of result.calls) {
      expect(calls.invocations).toBe(calls.userTurns + calls.playerEvents + calls.sessionEnds);
      expect(calls.reads).toBeGreaterThanOrEqual(1);
      expect(calls.playerEvents > 0).toBe(calls.spec.delivery === 'handsFree');
    }
    // Foot massage: seven steps, each started by the player and finished.
    expect(result.calls[1]?.reports).toEqual({ started: 7, stopped: 0, finished: 7 });
    expect(result.figures).toHaveLength(9);
    expect(result.figures.filter((f) => f.pass === false).map((f) => f.figure)).toEqual([]);
    expect(result.figures[0]?.measured).toMatch(/^\d+ \(\d+ turns, 0 events\); \d+ R, \d+ W$/);

    const { handsFree, spoken, lagged } = result.positions;
    expect(handsFree.samples.length).toBeGreaterThanOrEqual(4);
    expect(handsFree.maxS).toBeLessThan(0.01);
    expect(handsFree.wrongSteps).toBe(0);
    // Spoken, whole-second timestamps alone put it up to a second off; a lag of 1 to 3 s, up to 2.
    expect(spoken.maxS).toBeLessThanOrEqual(1);
    expect(lagged.maxS).toBeLessThanOrEqual(2);
    expect(messages[0]).toMatch(/^hands-free mode: foot massage/);
  });
});

describe('the hands-free bench helpers', () => {
  it('bounds calls by sessions, changes and the reports that may write', () => {
    const calls: RoutineCalls = {
      spec: { routineId: 'foot', delivery: 'handsFree', flow: 'continuous' },
      paused: false,
      invocations: 24,
      userTurns: 3,
      playerEvents: 21,
      sessionEnds: 0,
      sessions: 1,
      saves: 0,
      reports: { started: 7, stopped: 0, finished: 7 },
      retries: 0,
      reads: 9,
      writes: 8,
      minutes: 11,
      finished: true,
    };
    expect(callBound(calls)).toEqual({ reads: 9, writes: 8 });
    expect(callsPass(calls)).toBe(true);
    // A finish that wrote in continuous flow, or a routine that did not end, fails.
    expect(callsPass({ ...calls, reads: 10, writes: 9 })).toBe(false);
    expect(callsPass({ ...calls, finished: false })).toBe(false);
    expect(callBound({ ...calls, spec: { ...calls.spec, flow: 'stepByStep' } })).toEqual({ reads: 15, writes: 14 });
  });

  it('reads where each step begins in a spoken answer, and where its last step ends', () => {
    const ssml =
      '<speak>Step 1 of 7. One two three four. <break time="10s"/> Step 2 of 7. Five six. <break time="5s"/> ' +
      'Ready for step 3?</speak>';
    const steps = spokenSteps(ssml);
    expect(steps.headings.map((h) => h.stepIndex)).toEqual([0, 1]);
    expect(steps.headings[0]?.at).toBe(0);
    expect(steps.headings[1]?.at).toBeGreaterThan(10);
    expect(steps.contentEnd).toBeGreaterThan((steps.headings[1]?.at ?? 0) + 5);
  });

  it('takes the place hands free from the player, exactly, at the moments asked', async () => {
    const spec = { routineId: 'hand', delivery: 'handsFree', flow: 'continuous' } as const;
    const errors = await positionErrors(audio, spec, { everySeconds: 7, moments: [12.5, 300.25] });
    expect(errors.samples.map((s) => [Math.round(s.momentS * 100) / 100, s.truthStep === s.skillStep])).toEqual([
      [12.5, true],
      [300.25, true],
    ]);
    expect(errors.maxS).toBeLessThan(0.01);
  });

  it('stops a run that goes wrong and says where: here a skill that loses the session on "next"', async () => {
    const store = new MemoryUserStore();
    const spec = { routineId: 'foot', delivery: 'spoken', flow: 'stepByStep' } as const;
    await seedReturningUser(store, 'amzn1.ask.account.bench-lost', spec);
    const skill = createHandler({ store, logger: silentLogger, audio: audio.source });
    const forgetful: SkillHandler = (event, context) => {
      const request = event.request;
      const next = request.type === 'IntentRequest' && request.intent.name === 'AMAZON.NextIntent';
      const session = event.session && next ? { ...event.session, new: true, attributes: {} } : event.session;
      return skill(session ? { ...event, session } : event, context);
    };
    const run = new RoutineRun(forgetful, audio, spec, 'amzn1.ask.account.bench-lost');
    await run.start();
    await run.until(Number.POSITIVE_INFINITY);
    expect(run.done).toBe(false);
    expect(run.problem).toMatch(/^"next" after step 1 answered "There's no routine going/);
  });
});
