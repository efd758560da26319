import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  assertValidResponse,
  DEFAULT_START_AT,
  NO_SESSION_MESSAGE,
  responseProblems,
  SimulatedDevice,
} from '../../tools/simulator/session-driver';
import { readSsml } from '../../tools/simulator/ssml-reader';
import { REPO_ROOT, runSimulator, SIMULATOR_CLI } from '../support/simulator-cli';

describe('readSsml', () => {
  it('reads words, merges adjacent breaks into one pause, and times both', () => {
    const reading = readSsml(
      '<speak><p>Step two of six.</p><break time="10s"/> <break time="10s"/><s>Slow circles now.</s><break time="500ms"/></speak>',
    );
    expect(reading.text).toBe('Step two of six. [pause 20 s] Slow circles now. [pause 0.5 s]');
    // 7 words at 2.6 words a second, plus 20.5 s of breaks.
    expect(reading.seconds).toBeCloseTo(7 / 2.6 + 20.5, 5);
    expect(reading.breakSeconds).toBe(20.5);
  });

  it('slows speech inside <prosody rate>, and speaks a <sub> alias instead of its text', () => {
    const reading = readSsml(
      '<speak><prosody rate="50%">one two three four five six</prosody> <sub alias="counter pressure">CP</sub> &amp; <emphasis>done</emphasis></speak>',
    );
    expect(reading.text).toBe('one two three four five six counter pressure & done');
    expect(reading.seconds).toBeCloseTo(6 / (2.6 * 0.5) + 3 / 2.6, 5);
  });

  it('refuses SSML that is not well-formed', () => {
    expect(() => readSsml('<speak>salt & pepper</speak>')).toThrow(/not well-formed/);
  });
});

describe('responseProblems', () => {
  const ok = {
    version: '1.0',
    response: { outputSpeech: { type: 'SSML', ssml: '<speak>Hi.</speak>' }, shouldEndSession: true },
  };
  it('accepts a plain spoken answer', () => {
    expect(responseProblems(ok, 'IntentRequest')).toEqual([]);
    expect(() => assertValidResponse(ok, 'IntentRequest')).not.toThrow();
  });
  it('rejects broken SSML, silence where speech is expected, and speech at session end', () => {
    const broken = { version: '1.0', response: { outputSpeech: { type: 'SSML', ssml: '<speak>a <b></speak>' } } };
    expect(responseProblems(broken, 'IntentRequest').join()).toMatch(/not parsable/);
    expect(responseProblems({ version: '1.0', response: {} }, 'LaunchRequest')).toEqual([
      'a LaunchRequest answer has no outputSpeech',
    ]);
    expect(responseProblems(ok, 'SessionEndedRequest')).toEqual(['a SessionEndedRequest answer must not speak']);
    expect(() => assertValidResponse('nope')).toThrow('the response is not an object');
  });
});

/** A stand-in skill: records requests and answers with whatever the test queued. */
function fakeSkill() {
  const requests: RequestEnvelope[] = [];
  const answers: Array<Partial<ResponseEnvelope['response']> & { attributes?: Record<string, unknown> }> = [];
  const handler = async (event: RequestEnvelope): Promise<ResponseEnvelope> => {
    requests.push(event);
    if (event.request.type === 'SessionEndedRequest') return { version: '1.0', response: {} };
    const { attributes, ...response } = answers.shift() ?? {
      outputSpeech: { type: 'SSML', ssml: '<speak>Okay.</speak>' },
    };
    return { version: '1.0', sessionAttributes: attributes ?? { seen: requests.length }, response };
  };
  return { requests, answers, handler };
}

const speech = (ssml: string) => ({ type: 'SSML' as const, ssml: `<speak>${ssml}</speak>` });

describe('SimulatedDevice', () => {
  it('sends nothing until the skill is invoked', async () => {
    const skill = fakeSkill();
    const device = new SimulatedDevice({ handler: skill.handler });
    const turn = await device.say('pause');
    expect(turn.request).toBeUndefined();
    expect(turn.text).toBe(NO_SESSION_MESSAGE);
    expect(skill.requests).toHaveLength(0);
  });

  it('opens a session, keeps its attributes, stamps each request the lag after its line, and speaks 2 s into the answer', async () => {
    const skill = fakeSkill();
    skill.answers.push(
      { outputSpeech: speech('Welcome.'), shouldEndSession: false, attributes: { coach: { mode: 'menu' } } },
      { outputSpeech: speech('Step one. <break time="10s"/><break time="10s"/> Done.'), shouldEndSession: false },
    );
    const device = new SimulatedDevice({ handler: skill.handler });
    const launch = await device.say('Alexa, open partner massage');
    const start = await device.say('start foot massage');

    expect(launch.request?.request.type).toBe('LaunchRequest');
    expect(launch.request?.session?.new).toBe(true);
    // Spoken at 0 s, sent at the lag (2 s); the answer plays from there and the next line comes 2 s in.
    expect(launch.request?.request.timestamp).toBe('2026-11-27T19:00:02Z');
    expect(start.intent).toBe('StartRoutineIntent');
    expect(start.request?.session?.new).toBe(false);
    expect(start.request?.session?.sessionId).toBe(launch.request?.session?.sessionId);
    expect(start.request?.session?.attributes).toEqual({ coach: { mode: 'menu' } });
    expect(start.request?.request.timestamp).toBe('2026-11-27T19:00:06Z');
    expect(start.text).toBe('Step one. [pause 20 s] Done.');
    expect(start.seconds).toBeCloseTo(3 / 2.6 + 20, 5);
    expect(start.listening).toBe(true);
    expect(device.clock).toBe(DEFAULT_START_AT + 8_000);
  });

  it('times the session out on an open mic: speech, 8 s, the reprompt, 8 s more', async () => {
    const skill = fakeSkill();
    // 13 words = 5 s of speech; the reprompt is 13 words = 5 s too.
    const thirteen = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    skill.answers.push({
      outputSpeech: speech(thirteen),
      reprompt: { outputSpeech: speech(thirteen) },
      shouldEndSession: false,
    });
    const device = new SimulatedDevice({ handler: skill.handler });
    await device.say('open partner massage');
    // The answer began at 2 s (the lag); the clock is at 4 s. Deadline: 2 + 5 + 8 + 5 + 8 = 28 s.
    expect(await device.wait(24)).toBeUndefined();
    expect(device.sessionOpen).toBe(true);
    const ended = await device.wait(1);
    expect(ended?.request?.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    expect(ended?.request?.request.timestamp).toBe('2026-11-27T19:00:28Z');
    expect(device.sessionOpen).toBe(false);
    expect(device.clock).toBe(DEFAULT_START_AT + 29_000);
  });

  it('closes the session when the answer ends it, and reopens only by invocation', async () => {
    const skill = fakeSkill();
    skill.answers.push(
      { outputSpeech: speech('Paused.'), shouldEndSession: true },
      { outputSpeech: speech('Picking up.'), shouldEndSession: false },
    );
    const device = new SimulatedDevice({ handler: skill.handler });
    const paused = await device.say('ask partner massage to pause');
    expect(paused.intent).toBe('AMAZON.PauseIntent');
    expect(paused.request?.session?.new).toBe(true);
    expect(paused.sessionEnded).toBe(true);
    expect((await device.say('resume')).request).toBeUndefined();
    const resumed = await device.say('ask partner massage to resume');
    expect(resumed.intent).toBe('AMAZON.ResumeIntent');
    expect(resumed.request?.session?.new).toBe(true);
    expect(resumed.request?.session?.sessionId).not.toBe(paused.request?.session?.sessionId);
  });

  it('without shouldEndSession: a voice-only device ends the session after the speech, a screen keeps it', async () => {
    for (const screen of [false, true]) {
      const skill = fakeSkill();
      skill.answers.push({ outputSpeech: speech('Step one. <break time="10s"/>') });
      const device = new SimulatedDevice({ handler: skill.handler, screen });
      await device.say('open partner massage');
      await device.wait(5);
      expect(device.sessionOpen).toBe(true);
      await device.wait(60);
      expect(device.sessionOpen).toBe(screen);
    }
  });

  it('ends the session with USER_INITIATED on newSession()', async () => {
    const skill = fakeSkill();
    skill.answers.push({ outputSpeech: speech('Which routine?'), shouldEndSession: false });
    const device = new SimulatedDevice({ handler: skill.handler });
    await device.say('open partner massage');
    const ended = await device.newSession();
    expect(ended?.request?.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' });
    expect(device.sessionOpen).toBe(false);
    expect(await device.newSession()).toBeUndefined();
  });

  it('reports a handler that throws or answers badly, and closes the session', async () => {
    const device = new SimulatedDevice({
      handler: async () => {
        throw new Error('boom');
      },
    });
    const turn = await device.say('open partner massage');
    expect(turn.error).toBe('boom');
    expect(device.sessionOpen).toBe(false);

    const skill = fakeSkill();
    skill.answers.push({ shouldEndSession: false });
    const silent = await new SimulatedDevice({ handler: skill.handler }).say('open partner massage');
    expect(silent.error).toMatch(/no outputSpeech/);
  });

  it('summarises the coach state from the session attributes', async () => {
    const skill = fakeSkill();
    const coach = {
      mode: 'paused',
      routineId: 'lowerBack',
      stepIndex: 1,
      prefs: { pressure: 'medium', pace: 'slower', speechRate: 'normal', flow: 'stepByStep' },
    };
    skill.answers.push({ outputSpeech: speech('Paused.'), shouldEndSession: false, attributes: { coach } });
    const device = new SimulatedDevice({
      handler: skill.handler,
      routineInfo: (id) => (id === 'lowerBack' ? { name: 'lower back relief', steps: 6 } : undefined),
    });
    expect(device.status()).toBe('no routine (no session)');
    await device.say('open partner massage');
    expect(device.status()).toBe(
      'lower back relief · step 2 of 6 · paused · pressure medium · pace slower · voice normal · flow stepByStep (session open)',
    );
  });
});

describe('the simulator CLI', () => {
  const root = REPO_ROOT;
  const tsx = SIMULATOR_CLI;
  const run = runSimulator;

  it('talks to the real skill with an in-memory store', () => {
    const result = run(['--memory'], 'open partner massage\nstart foot massage\n/status\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('alexa> ');
    expect(result.stdout).toMatch(/StartRoutineIntent routine=foot/);
    expect(result.stdout).toMatch(/^foot massage · step \d of \d+/m);
  });

  it('keeps a paused routine on disk between runs, through dynalite', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pmc-sim-'));
    try {
      const first = run(['--data-dir', dataDir], 'open partner massage\nstart lower back relief\nready\nnext\npause\n');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/AMAZON\.PauseIntent/);
      const second = run(['--data-dir', dataDir], 'open partner massage\nresume\nready\n');
      expect(second.status).toBe(0);
      const resumed = second.stdout.slice(second.stdout.indexOf('you> resume'));
      expect(resumed).toMatch(/picking up where you left off, at step 2/);
      expect(resumed.slice(resumed.indexOf('you> ready'))).toMatch(/Step 2 of/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('prints nothing on stderr with the DynamoDB store, under Node 20 too (the AWS SDK warns below Node 22)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pmc-sim-'));
    try {
      const result = run(['--data-dir', dataDir], 'open partner massage\nstart foot massage\nmore pressure\npause\n');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/AMAZON\.PauseIntent/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a locale without an interaction model in one line that names the locales with one', () => {
    const locales = readdirSync(join(root, 'interaction-models'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''));
    expect(locales).not.toContain('fr-FR');
    const result = run(['--memory', '--locale', 'fr-FR'], 'open partner massage\n');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('--locale fr-FR')]);
    for (const locale of locales) expect(result.stderr).toContain(locale);
  });

  it('ends quietly with status 0 when the reader closes the pipe (npm start | head -1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmc-sim-'));
    try {
      // Far more output than a pipe buffers, so the simulator is still writing when the pipe closes.
      const script = join(dir, 'script.txt');
      writeFileSync(script, ['open partner massage', ...Array(60).fill('start foot massage\nready')].join('\n'));
      const child = spawn(process.execPath, [...tsx, '--memory', '--script', script], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const first = await new Promise<string>((resolve) => {
        child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
          child.stdout.destroy();
          resolve(chunk);
        });
      });
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
        child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
      });
      expect(first).toMatch(/^you> open partner massage/);
      expect(stderr).toBe('');
      expect([code, signal]).toEqual([0, null]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
