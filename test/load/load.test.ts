/**
 * The short load run of `npm test` (`npm run load` is the long one): 40 users, about 1,500 turns
 * through the real handler and the DynamoDB store on dynalite in its own process, then a short
 * chaos run (faults from the loopback proxy, dynalite killed and restarted). Each test asserts one
 * claim on what the run measured; the checkers themselves are tested on hand-made bad input too.
 */
import { newProfile, type UserProfile } from '../../lambda/core/profile';
import { loadCli, main, parseLoadArgs, USAGE } from '../../tools/load/cli';
import { cpuSecondsOf, DynaliteProcess, freePort } from '../../tools/load/dynalite-process';
import { Histogram } from '../../tools/load/histogram';
import { formatLoadReport } from '../../tools/load/report';
import { type LoadResult, runLoad, TOKEN_PREFIX } from '../../tools/load/runner';
import { healthWordsIn, newLogScan, scanningLogger } from '../../tools/load/security';
import {
  differences,
  duplicatedPractice,
  expectedProfile,
  planRound,
  random,
  routineName,
} from '../../tools/load/users';

jest.setTimeout(90_000);

describe('load run on dynalite', () => {
  let result: LoadResult;
  beforeAll(async () => {
    result = await runLoad({ users: 40, turns: 1_500, seed: 7, containers: 4, sampleMs: 1_000 });
  });

  it('leaves every user item exactly as the sessions made it: no lost updates', () => {
    expect(result.usersChecked).toBe(40);
    expect(result.differenceSamples).toEqual([]);
    expect(result.lostUpdates).toBe(0);
  });

  it('counts no practice twice', () => {
    expect(result.duplicatedPractice).toBe(0);
  });

  it('answers every turn validly within Alexa’s 8 s', () => {
    expect(result.turns).toBeGreaterThanOrEqual(1_500);
    expect(result.errorSamples).toEqual([]);
    expect(result.latency.max).toBeLessThan(8_000);
  });

  it('went as scripted: each resume found its place, each pause named its step', () => {
    expect(result.scriptSurprises).toEqual({});
  });

  it('logs no user id, device id, access token or spoken line', () => {
    expect(result.logScan.lines).toBeGreaterThan(0);
    expect(result.logScan.samples).toEqual([]);
  });

  it('stores no health word in any item', () => {
    expect(result.itemsScanned).toBeGreaterThanOrEqual(40);
    expect(result.healthItems.samples).toEqual([]);
  });

  it('rejects requests for another skill under load, touching nothing', () => {
    expect(result.foreignSent).toBeGreaterThan(0);
    expect(result.foreignRejected).toBe(result.foreignSent);
    expect(result.foreignTouched).toBe(0);
  });

  it('reports the figures and ends with "lost updates: 0"', () => {
    const report = formatLoadReport(result, false);
    expect(report).toMatch(/\| turns per second +\| \d+/);
    expect(report).toMatch(/\| turn latency median \/ p99 \/ max +\| [\d.]+ ms \/ [\d.]+ ms \/ [\d.]+ ms/);
    expect(report).toMatch(/\| DynamoDB calls per turn +\| [\d.]+ \(GetItem/);
    expect(report.split('\n').at(-1)).toBe('lost updates: 0');
  });

  it('reports leaks, differences and the real number of lost updates', () => {
    const report = formatLoadReport(
      {
        ...result,
        logScan: { ...result.logScan, leaks: 1, samples: ['user id: {"event":"x"}'] },
        healthItems: { count: 1, samples: ['"dizzy"'] },
        errorSamples: ['"next": no response'],
        differenceSamples: ['user 3: paused'],
        scriptSurprises: { 'resume found no place': 2 },
        usersWrong: 1,
        usersWrongAfterUnsavedEnd: 1,
        lostUpdates: 3,
      },
      false,
    );
    expect(report).toMatch(/\| log lines leaking ids, tokens or speech +\| 1 of \d+ .*FAIL/);
    expect(report).toMatch(
      /\| users whose item is not what their sessions made +\| 1 of 40 \(1 after a session ended unsaved\)/,
    );
    for (const note of [
      '- LEAK user id',
      '- HEALTH WORD',
      '- turn error',
      '- difference user 3',
      '- script: resume found no place × 2',
    ]) {
      expect(report).toContain(note);
    }
    expect(report.split('\n').at(-1)).toBe('lost updates: 3');
  });
});

describe('a short soak', () => {
  it('runs for its minutes and checks the heap after GC, first minute against last', async () => {
    const soak = await runLoad({ users: 4, turns: 0, soakMinutes: 0.05, seed: 9, sampleMs: 400 });
    expect(soak.seconds).toBeGreaterThanOrEqual(3);
    expect(soak.gcExposed).toBe(true);
    expect(formatLoadReport(soak, true)).toMatch(/\| heap after GC, first → last minute +\| [\d.]+ → [\d.]+ MB/);
  });
});

describe('the load harness', () => {
  it('keeps latencies to within 1 %, max exact', () => {
    const histogram = new Histogram();
    expect(histogram.percentile(50)).toBeNaN();
    for (const ms of [0.0001, 1, 2, 3, 100]) histogram.add(ms);
    expect(histogram.percentile(0)).toBeCloseTo(0.001, 5);
    expect(histogram.percentile(60)).toBeGreaterThanOrEqual(2);
    expect(histogram.percentile(60)).toBeLessThanOrEqual(2.02);
    expect(histogram.percentile(100)).toBe(100);
  });

  it('starts dynalite in its own process once, and stops it once', async () => {
    const server = new DynaliteProcess(await freePort(), '', process.cwd());
    expect(cpuSecondsOf(undefined)).toBeUndefined();
    expect(cpuSecondsOf(2 ** 30)).toBeUndefined();
    await server.start();
    await server.start();
    expect(server.running).toBe(true);
    expect(server.cpuSeconds()).toBeGreaterThanOrEqual(0);
    await server.stop();
    await server.stop();
    expect(server.running).toBe(false);
  });
});

describe('load run with chaos', () => {
  let result: LoadResult;
  beforeAll(async () => {
    result = await runLoad({ users: 20, turns: 900, seed: 12, chaos: true, chaosShare: 0.8, sampleMs: 1_000 });
  });

  it('injected faults and crashed dynalite', () => {
    const faults = Object.entries(result.chaos ?? {}).filter(([action]) => action !== 'pass');
    expect(faults.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(0);
    expect(result.dynaliteRestarts).toBeGreaterThan(0);
  });

  it('answers every turn validly within Alexa’s 8 s', () => {
    expect(result.errorSamples).toEqual([]);
    expect(result.latency.max).toBeLessThan(8_000);
  });

  it('counts no practice twice', () => {
    expect(result.duplicatedPractice).toBe(0);
  });

  // A session's last save is tried again for up to 7 s of the turn (lambda/handlers/save.ts). With
  // the machine busy with the rest of the suite, a few such sessions can still run out of time; a
  // change lost anywhere else fails this. `npm run load -- --chaos` on its own ends with 0 lost.
  it('loses nothing but a change whose session ended unsaved after every try in its turn', () => {
    expect(result.usersWrong).toBe(result.usersWrongAfterUnsavedEnd);
    // A save that timed out may still have landed, so fewer can be missing than were unsaved.
    expect(result.practiceLost).toBeLessThanOrEqual(result.practiceEndedUnsaved);
  });

  it('logs no id, token or spoken line while the store fails', () => {
    expect(result.logScan.samples).toEqual([]);
  });

  it('reports what was injected and what the skill could not save', () => {
    const report = formatLoadReport(result, false);
    expect(report).toMatch(/\| chaos injected +\| \d+ s: .*dynalite restarts [1-9]/);
    expect(report).toMatch(/\| sessions ended with a change unsaved +\| \d+, holding \d+ finished routines/);
    expect(report.split('\n').at(-1)).toBe(`lost updates: ${result.lostUpdates}`);
  });
});

describe('npm run load', () => {
  it('reads its options', () => {
    expect(parseLoadArgs(['--users', '3', '--turns', '90', '--chaos', '--seed', '5', '--soak', '2'])).toEqual({
      users: 3,
      turns: 90,
      soakMinutes: 2,
      chaos: true,
      seed: 5,
      containers: 8,
    });
    expect(() => parseLoadArgs(['--users', 'many'])).toThrow(USAGE);
  });

  it('exits 1 on an option it cannot read, saying why', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await main(['--turns', 'lots']);
      expect(process.exitCode).toBe(1);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('--turns needs a number');
    } finally {
      process.exitCode = undefined;
      stderr.mockRestore();
    }
  });

  it('exits 1 when a check fails (no users: no items to scan, no request for another skill)', async () => {
    let written = '';
    expect(
      await loadCli(
        ['--users', '0', '--turns', '0'],
        (text) => (written += text),
        () => {},
      ),
    ).toBe(1);
    expect(written).toMatch(/\| stored items with a health word +\| 0 of 0 .*FAIL/);
  });

  it('runs a soak for its minutes, with chaos when asked', async () => {
    let written = '';
    let said = '';
    const code = await loadCli(
      ['--users', '2', '--soak', '0.02', '--chaos', '--seed', '4'],
      (text) => (written += text),
      (message) => (said += message),
    );
    expect(said).toContain('0.02 min soak, chaos');
    expect(written).toMatch(/\| turns \/ seconds +\| \d+ \/ [\d.]+ s/);
    expect(Number(/\| \d+ \/ ([\d.]+) s/.exec(written)?.[1])).toBeGreaterThanOrEqual(1.2);
    expect(written).toMatch(/\| chaos injected +\| .*dynalite restarts [1-9]/);
    expect([0, 1]).toContain(code);
  });

  it('prints its usage', async () => {
    let written = '';
    expect(
      await loadCli(
        ['--help'],
        (text) => (written += text),
        () => {},
      ),
    ).toBe(0);
    expect(written).toBe(`${USAGE}\n`);
  });

  it('runs a small load, prints the report and exits 0 when nothing is lost', async () => {
    let written = '';
    const code = await loadCli(
      ['--users', '3', '--turns', '60', '--seed', '2'],
      (text) => (written += text),
      () => {},
    );
    expect(written.trim().split('\n').at(-1)).toBe('lost updates: 0');
    expect(code).toBe(0);
  });
});

describe('the load checks catch what they look for', () => {
  const rounds = [planRound(random(3), 0, undefined), planRound(random(4), 1, undefined)];
  const expected = expectedProfile(rounds);
  if (!expected) throw new Error('no expected profile');
  const last = rounds[1];
  if (!last) throw new Error('no round');
  const right: UserProfile = {
    ...newProfile(),
    preferences: { ...newProfile().preferences, pressure: expected.pressure, pace: expected.pace },
    paused: { routineId: last.z, stepIndex: last.m - 1, at: 1 },
    history: {
      sessionsFinished: expected.sessionsFinished,
      daysThisWeek: expected.daysThisWeek,
      weekOf: '2026-11-23',
      minutesThisWeek: 30,
      lastPracticeDay: expected.lastPracticeDay,
      daysInARow: expected.daysInARow,
      recentRoutines: expected.recentRoutines,
    },
  };

  it('finds the whole item missing, and holds nothing twice in it', () => {
    expect(differences(expected, undefined)).toEqual([
      { field: 'item', expected: 'a stored profile', stored: undefined },
    ]);
    expect(duplicatedPractice(expected, undefined)).toBe(0);
  });

  it('expects nothing before a round, and counts days in a row from the last gap', () => {
    expect(expectedProfile([])).toBeUndefined();
    const withGap = expectedProfile([planRound(random(5), 0, undefined), planRound(random(6), 2, undefined)]);
    expect(withGap?.daysInARow).toBe(2);
    expect(withGap?.sessionsFinished).toBe(4);
    expect(() => routineName('labourCounterPressure')).toThrow('no script name');
  });

  it('finds no difference in the profile the script made', () => {
    expect(differences(expected, right)).toEqual([]);
  });

  it.each([
    ['a lost pause', { ...right, paused: null }, 'paused'],
    [
      'a lost pressure change',
      { ...right, preferences: { ...right.preferences, pressure: 'medium' } },
      'preferences.pressure',
    ],
    [
      'a lost practice',
      { ...right, history: { ...right.history, sessionsFinished: expected.sessionsFinished - 1 } },
      'history.sessionsFinished',
    ],
  ] as const)('finds %s', (_name, stored, field) => {
    expect(differences(expected, stored as UserProfile).map((d) => d.field)).toContain(field);
  });

  it('counts a practice day held twice and a routine counted twice', () => {
    const days = right.history.daysThisWeek;
    const twice = {
      ...right,
      history: {
        ...right.history,
        daysThisWeek: [...days, days[0] ?? ''],
        sessionsFinished: expected.sessionsFinished + 1,
      },
    };
    expect(duplicatedPractice(expected, twice)).toBe(2);
  });

  it.each([
    ['a user id', { user: 'amzn1.ask.account.abc' }],
    ['a device id', { device: 'amzn1.ask.device.abc' }],
    ['an access token', { token: `${TOKEN_PREFIX}-1-2-0` }],
    ['a spoken phrase', { heard: 'She said: her feet are swollen' }],
    ['a spoken word', { heard: 'next' }],
  ])('flags a log line holding %s', (_name, fields) => {
    const scan = newLogScan();
    scanningLogger(['her feet are swollen', 'next'], TOKEN_PREFIX, scan).warn('event', fields);
    expect(scan.leaks).toBe(1);
  });

  it('lets an intent name through', () => {
    const scan = newLogScan();
    scanningLogger(['next', 'pause'], TOKEN_PREFIX, scan).info('unknown_intent', { intent: 'AMAZON.NextIntent' });
    expect(scan.samples).toEqual([]);
  });

  it('flags an item holding a health word', () => {
    expect(healthWordsIn([{ pk: 'user#1', note: 'she felt dizzy' }]).count).toBe(1);
  });
});
