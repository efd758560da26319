/**
 * End to end: the real skill, its real client for Alexa's APIs over HTTP on loopback, the local
 * stand-in of those APIs, and a simulated Echo that answers the reminders permission as Alexa
 * does (her own question, then Connections.Response) in its own time zone. And the same through
 * the simulator's command line, as `npm start` runs it.
 */
import { performance } from 'node:perf_hooks';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createAlexaApi } from '../../lambda/alexa-api';
import { silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { type AlexaApiStandIn, describeReminder, startAlexaApiStandIn } from '../../tools/alexa-api/stand-in';
import { REMINDERS_SCOPE, SimulatedDevice, type Turn } from '../../tools/simulator/session-driver';
import { checkTurn } from '../support/dialogue';
import { runSimulator } from '../support/simulator-cli';

const TOKEN = 'sim-access-token.test';
const DEVICE = 'amzn1.ask.device.sim-test';

let standIn: AlexaApiStandIn;

beforeEach(async () => {
  standIn = await startAlexaApiStandIn();
});

afterEach(async () => {
  await standIn.close();
});

function deviceIn(timeZone: string, granted = false): SimulatedDevice {
  standIn.setTimeZone(DEVICE, timeZone);
  const endpoint = new URL(standIn.endpoint);
  const alexaApi = createAlexaApi({ allowEndpoint: (url) => url.origin === endpoint.origin });
  return new SimulatedDevice({
    handler: createHandler({ store: new MemoryUserStore(), logger: silentLogger, alexaApi }),
    deviceId: DEVICE,
    apiAccessToken: TOKEN,
    apiEndpoint: standIn.endpoint,
    permissionHost: standIn,
    ...(granted ? { grantedScopes: [REMINDERS_SCOPE] } : {}),
  });
}

async function say(device: SimulatedDevice, line: string): Promise<Turn> {
  const turn = await device.say(line);
  checkTurn(turn);
  return turn;
}

/** Hand massage from the start to its closing, saying next at each step: the answer offers a reminder. */
async function finishHandMassage(device: SimulatedDevice): Promise<Turn> {
  for (const line of ['open partner massage', 'start hand massage', 'ready']) await say(device, line);
  for (let step = 0; step < 10; step += 1) {
    const turn = await say(device, 'next');
    if (/reminder/.test(turn.text)) return turn;
  }
  throw new Error('hand massage never came to its closing');
}

function scopeStatus(request: RequestEnvelope | undefined): unknown {
  return request?.context.System.user.permissions?.scopes?.[REMINDERS_SCOPE]?.status;
}

const described = () => standIn.reminders().map(describeReminder);

describe('reminders on a simulated Echo, against the stand-in of Alexa’s APIs', () => {
  it('a finished routine, yes, "I approve": a daily reminder in the device’s time zone; "stop reminding me" removes it', async () => {
    const device = deviceIn('America/Los_Angeles');

    const closing = await finishHandMassage(device);
    const yes = await say(device, 'yes');
    const approve = await say(device, 'I approve');

    // 19:1x UTC on the simulated clock is 11:1x in Los Angeles: the offer is for 11 a.m. there.
    expect(closing.text).toMatch(/Would you like a reminder every day at 11 in the morning\?/);
    expect(closing.request?.context.System.apiEndpoint).toBe(standIn.endpoint);
    expect(closing.request?.context.System.device?.deviceId).toBe(DEVICE);
    expect(scopeStatus(yes.request)).toBe('DENIED');
    const askFor = yes.response?.response.directives?.find((directive) => directive.type === 'Connections.SendRequest');
    expect(askFor).toMatchObject({ name: 'AskFor', payload: { permissionScope: REMINDERS_SCOPE } });
    expect(yes.sessionEnded).toBe(true);
    expect(yes.alexaAsks).toMatch(/^To set reminders, you need to allow Partner Massage Coach/);
    expect(approve.request?.request).toMatchObject({
      type: 'Connections.Response',
      name: 'AskFor',
      status: { code: '200' },
      token: (askFor as { token?: string }).token,
      payload: { permissionScope: REMINDERS_SCOPE, status: 'ACCEPTED' },
    });
    expect(approve.request?.session?.new).toBe(true);
    expect(scopeStatus(approve.request)).toBe('GRANTED');
    expect(approve.request?.context.System.user.permissions?.consentToken).toEqual(expect.any(String));
    expect(approve.text).toBe("Done. I'll remind you to practice every day at 11 in the morning, in your time zone.");
    expect(described()).toEqual(['every day at 11:00 (America/Los_Angeles)']);
    expect(standIn.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);

    await say(device, 'open partner massage');
    const stop = await say(device, 'stop reminding me');
    expect(stop.intent).toBe('StopRemindersIntent');
    expect(stop.text).toMatch(/removed your practice reminder/);
    expect(described()).toEqual([]);
  });

  it('"remind me on Mondays and Thursdays at seven in the evening" sets a weekly reminder at 19:00', async () => {
    const device = deviceIn('Europe/London', true);

    await say(device, 'open partner massage');
    const turn = await say(device, 'remind me on Mondays and Thursdays at seven in the evening');

    expect(turn.intent).toBe('RemindMeIntent');
    expect(turn.request?.request).toMatchObject({
      intent: { slots: { dayOne: { value: 'mondays' }, dayTwo: { value: 'thursdays' }, time: { value: '19:00' } } },
    });
    expect(described()).toEqual(['Mondays and Thursdays at 19:00 (Europe/London)']);
  });

  it('saying no to Alexa’s question sets nothing, and the skill says so', async () => {
    const device = deviceIn('America/New_York');

    await finishHandMassage(device);
    await say(device, 'yes');
    const no = await say(device, 'no');

    expect(no.request?.request).toMatchObject({ type: 'Connections.Response', payload: { status: 'DENIED' } });
    expect(no.text).toMatch(/I haven't set a reminder/);
    expect(device.hasPermission()).toBe(false);
    expect(described()).toEqual([]);
  });

  it('no answer before her mic closes is NOT_ANSWERED, and nothing is set', async () => {
    const device = deviceIn('America/New_York');

    await finishHandMassage(device);
    await say(device, 'yes');
    expect(device.awaitingConsent).toBe(true);
    const turns = await device.advance(30);

    const answer = turns.find((turn) => turn.request?.request.type === 'Connections.Response');
    expect(answer?.request?.request).toMatchObject({ payload: { status: 'NOT_ANSWERED' } });
    expect(answer?.text).toMatch(/I haven't set a reminder/);
    expect(device.awaitingConsent).toBe(false);
    expect(described()).toEqual([]);
  });

  it('a reminders call that hangs still gets an answer within 3 s, saying nothing was set', async () => {
    const device = deviceIn('Europe/London', true);
    await say(device, 'open partner massage');
    standIn.fault('createReminder', { kind: 'hang' });

    const started = performance.now();
    const turn = await say(device, 'remind me at eight pm');
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(3000);
    expect(turn.text).toMatch(/didn't answer in time, so I haven't set a reminder/);
    expect(described()).toEqual([]);
  });
});

describe('reminders through the simulator CLI', () => {
  it('does what the issue asks: finish, accept, grant, /reminders lists it in the zone; stop removes it', () => {
    const script = [
      'open partner massage',
      'start hand massage',
      'ready',
      ...Array<string>(6).fill('next'),
      'yes',
      'I approve',
      '/reminders',
      'open partner massage',
      'stop reminding me',
      '/reminders',
      '/permission revoke',
      '/permission maybe',
      '/time-zone Mars/Olympus',
      '/time-zone Europe/Paris',
      '/fault createReminder sometimes',
      '/fault createReminder hang',
      '/quit',
    ].join('\n');

    const result = runSimulator(['--memory', '--time-zone', 'America/Los_Angeles'], `${script}\n`);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\(AMAZON\.YesIntent · .*AskFor reminders permission · session ended\)/);
    expect(result.stdout).toMatch(/^Alexa: To set reminders, you need to allow Partner Massage Coach/m);
    expect(result.stdout).toMatch(/^alexa> Done\. I'll remind you to practice every day at 11 in the morning/m);
    expect(result.stdout).toMatch(/\(Connections\.Response ACCEPTED · /);
    expect(result.stdout).toMatch(
      /you> \/reminders\nreminder: every day at 11:00 \(America\/Los_Angeles\)\n[\s\S]*you> \/reminders\nNo reminders\.\n/,
    );
    expect(result.stdout).toContain('(reminders permission taken back; applies to new requests)');
    expect(result.stdout).toContain('usage: /permission grant|revoke');
    expect(result.stdout).toContain('usage: /time-zone ZONE');
    expect(result.stdout).toContain("(the Echo's time zone is now Europe/Paris");
    expect(result.stdout).toContain('usage: /fault settings|createReminder|');
    expect(result.stdout).toContain('(the next call to createReminder will hang)');
  });

  it('refuses a --time-zone that is not one, and lists the reminder commands in --help', () => {
    const bad = runSimulator(['--memory', '--time-zone', 'Nowhere/Special'], '');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--time-zone Nowhere/Special: not an IANA time zone');

    const help = runSimulator(['--help'], '');
    expect(help.stdout).toContain('--time-zone ZONE');
    expect(help.stdout).toContain('/reminders');
    expect(help.stdout).toMatch(/\/time-zone ZONE .*\n.*30 days/);
    expect(help.stdout).toContain('/permission grant|revoke');
    expect(help.stdout).toContain('/fault ROUTE hang|500|403|reset [TIMES]');
  });
});
