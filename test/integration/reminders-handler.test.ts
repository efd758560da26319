/**
 * Reminders and the device's time zone through the real handler: real request envelopes, the
 * skill's own Alexa API client over real HTTP to a loopback stand-in of Alexa's APIs, and the
 * DynamoDB store on dynalite. Every fault of an outside call gets a short truthful answer within
 * 3 s, and loses nothing stored.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createAlexaApi } from '../../lambda/alexa-api';
import { REMINDERS_SCOPE } from '../../lambda/handlers/permission';
import { silentLogger } from '../../lambda/log';
import { createHandler, type LambdaHandler } from '../../lambda/skill';
import { type AlexaApiStandIn, type StandInFault, startAlexaApiStandIn } from '../../tools/alexa-api/stand-in';
import { envelopeOf } from '../support/request-envelopes';
import { answerProblems } from '../support/response-checks';
import { storeOnDynalite } from '../support/store-on-dynalite';

const db = storeOnDynalite('reminders-handler');
let api: AlexaApiStandIn;
let handler: LambdaHandler;

/** The turn's answer must come within this, whatever an outside call does (the goal). */
const ANSWER_WITHIN_MS = 3_000;

beforeAll(async () => {
  api = await startAlexaApiStandIn();
  handler = createHandler({
    store: db.store,
    logger: silentLogger,
    alexaApi: createAlexaApi({ allowEndpoint: (url) => url.hostname === '127.0.0.1' }),
  });
});

afterAll(async () => {
  await api.close();
});

/** Friday 27 November 2026, 20:10 UTC: 12:10 in Los Angeles. */
const AT = Date.parse('2026-11-27T20:10:00Z');

let users = 0;

interface User {
  readonly userId: string;
  readonly token: string;
  readonly deviceId: string;
  granted: boolean;
  sessionId: string;
  attributes: Record<string, unknown>;
  isNew: boolean;
  at: number;
}

function newUser(timeZone = 'America/Los_Angeles', granted = true): User {
  users += 1;
  const user: User = {
    userId: `amzn1.ask.account.reminders-${users}`,
    token: `token-${users}`,
    deviceId: `amzn1.ask.device.reminders-${users}`,
    granted,
    sessionId: `session-${users}-1`,
    attributes: {},
    isNew: true,
    at: AT,
  };
  api.setTimeZone(user.deviceId, timeZone);
  if (granted) api.grant(user.token);
  return user;
}

/** The envelope as the user's device sends it: the stand-in's endpoint, the token, the permission. */
function withAccess(envelope: RequestEnvelope, user: User): RequestEnvelope {
  const system = envelope.context.System;
  const permissions = user.granted
    ? { consentToken: user.token, scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' } } }
    : { scopes: { [REMINDERS_SCOPE]: { status: 'DENIED' } } };
  return {
    ...envelope,
    context: {
      ...envelope.context,
      System: {
        ...system,
        apiEndpoint: api.endpoint,
        apiAccessToken: user.token,
        device: { ...system.device, deviceId: user.deviceId },
        user: { ...system.user, permissions },
      },
    },
  } as RequestEnvelope;
}

interface Answer {
  readonly response: ResponseEnvelope;
  readonly said: string;
  readonly ms: number;
}

async function send(user: User, type: 'LaunchRequest' | 'IntentRequest' | 'Connections.Response', request = {}) {
  const envelope = withAccess(
    envelopeOf(
      type,
      {
        userId: user.userId,
        deviceId: user.deviceId,
        sessionId: user.sessionId,
        isNew: user.isNew,
        attributes: user.attributes,
        at: user.at,
        locale: 'en-US',
      },
      request,
    ),
    user,
  );
  const started = performance.now();
  const response = await handler(envelope);
  const ms = performance.now() - started;
  expect(answerProblems(response, type)).toEqual([]);
  user.at += 5_000;
  if (response.response.shouldEndSession === true) {
    user.isNew = true;
    user.attributes = {};
    user.sessionId = `${user.sessionId}+`;
  } else {
    user.isNew = false;
    user.attributes = response.sessionAttributes ?? {};
  }
  const speech = response.response.outputSpeech;
  const said =
    speech?.type === 'SSML'
      ? speech.ssml
          .replace(/<[^>]+>/g, '')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&')
      : '';
  return { response, said, ms } satisfies Answer;
}

function intent(name: string, slots: Record<string, string> = {}) {
  return {
    intent: {
      name,
      confirmationStatus: 'NONE',
      slots: Object.fromEntries(Object.entries(slots).map(([slot, value]) => [slot, { name: slot, value }])),
    },
  };
}

const remindAtEightEvening = () => intent('RemindMeIntent', { time: '20:00' });

function askForDirective(response: ResponseEnvelope) {
  return response.response.directives?.find((directive) => directive.type === 'Connections.SendRequest') as
    | { name: string; token: string; payload: Record<string, unknown> }
    | undefined;
}

/** Every reminder the stand-in holds, in the order made (tests in this file run one at a time). */
function allReminders() {
  return api.reminders();
}

async function stored(user: User) {
  return (await db.store.load(user.userId))?.profile;
}

describe('the device time zone', () => {
  it('is read once on a first session, kept in the profile, and not read again', async () => {
    const user = newUser('Asia/Kolkata');
    await send(user, 'LaunchRequest');
    // With its offset (+5:30, which Kolkata keeps), so later launches read her day without Intl.
    expect((await stored(user))?.timeZone).toEqual({
      id: 'Asia/Kolkata',
      at: AT,
      offset: { minutes: 330, from: expect.any(Number), until: expect.any(Number) },
    });
    const reads = () => api.requests.filter((request) => request.path.includes(user.deviceId)).length;
    expect(reads()).toBe(1);
    user.isNew = true;
    user.attributes = {};
    await send(user, 'LaunchRequest');
    expect(reads()).toBe(1);
  });

  it.each<[string, StandInFault]>([
    ['hangs', { kind: 'hang' }],
    ['fails with a 500', { kind: 'status', status: 500 }],
    ['answers garbage', { kind: 'malformed' }],
  ])('when the settings call %s, the launch still answers within 3 s, and no zone is kept', async (_title, fault) => {
    const user = newUser();
    api.fault('settings', fault);
    const { said, ms } = await send(user, 'LaunchRequest');
    expect(said).toMatch(/Welcome to Partner Massage Coach/);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect((await stored(user))?.timeZone ?? null).toBeNull();
  });
});

describe('setting a reminder by voice', () => {
  it('with the permission: set at Alexa in her zone, said in plain words, and only its id and schedule stored', async () => {
    const user = newUser('America/Los_Angeles');
    await send(user, 'LaunchRequest');
    const before = allReminders().length;
    const { said } = await send(user, 'IntentRequest', remindAtEightEvening());
    expect(said).toMatch(/I'll remind you to practice every day at 8 in the evening, in your time zone\./);
    const made = allReminders().slice(before);
    expect(made).toHaveLength(1);
    const trigger = made[0]?.request.trigger;
    expect(trigger?.timeZoneId).toBe('America/Los_Angeles');
    expect(trigger?.recurrence?.recurrenceRules).toEqual(['FREQ=DAILY;BYHOUR=20;BYMINUTE=0;BYSECOND=0;INTERVAL=1']);
    expect(made[0]?.request.alertInfo?.spokenInfo?.content?.[0]?.locale).toBe('en-US');
    const profile = await stored(user);
    expect(profile?.reminder).toEqual({ id: made[0]?.alertToken, schedule: { days: [], hour: 20, minute: 0 } });
  });

  it('without it: Alexa asks by voice, then an accepted answer sets the reminder the token carried', async () => {
    const user = newUser('Europe/London', false);
    await send(user, 'LaunchRequest');
    const asked = await send(
      user,
      'IntentRequest',
      intent('RemindMeIntent', { dayOne: 'monday', dayTwo: 'thursday', time: '19:00' }),
    );
    const directive = askForDirective(asked.response);
    expect(directive?.name).toBe('AskFor');
    expect(directive?.payload).toMatchObject({ permissionScope: REMINDERS_SCOPE });
    expect(asked.response.response.shouldEndSession).toBe(true);
    expect(asked.response.response.reprompt).toBeUndefined();
    // Alexa asked, she approved.
    user.granted = true;
    api.grant(user.token);
    const before = allReminders().length;
    const { said } = await send(user, 'Connections.Response', {
      name: 'AskFor',
      status: { code: '200', message: 'OK' },
      token: directive?.token,
      payload: { permissionScope: REMINDERS_SCOPE, status: 'ACCEPTED' },
    });
    expect(said).toMatch(/remind you to practice on Mondays and Thursdays at 7 in the evening/);
    const made = allReminders().slice(before);
    expect(made[0]?.request.trigger?.recurrence?.recurrenceRules?.[0]).toMatch(/^FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19/);
  });

  it.each(['DENIED', 'NOT_ANSWERED'])('a permission answer of %s sets nothing and says so', async (status) => {
    const user = newUser('Europe/London', false);
    const asked = await send(user, 'IntentRequest', remindAtEightEvening());
    const before = api.reminders().length;
    const { said } = await send(user, 'Connections.Response', {
      name: 'AskFor',
      status: { code: '200', message: 'OK' },
      token: askForDirective(asked.response)?.token,
      payload: { permissionScope: REMINDERS_SCOPE, status },
    });
    expect(said).toMatch(/I haven't set a reminder/);
    expect(api.reminders().length).toBe(before);
    expect((await stored(user))?.reminder ?? null).toBeNull();
  });

  it("an accepted answer whose token is not the skill's asks for the time instead of guessing", async () => {
    const user = newUser();
    const { said, response } = await send(user, 'Connections.Response', {
      name: 'AskFor',
      status: { code: '200', message: 'OK' },
      token: 'reminder:{"hour":99}',
      payload: { permissionScope: REMINDERS_SCOPE, status: 'ACCEPTED' },
    });
    expect(said).toMatch(/When would you like it/);
    expect(response.response.shouldEndSession).toBe(false);
  });
});

describe('faults of the reminders call', () => {
  it.each<[string, StandInFault, RegExp]>([
    ['hangs', { kind: 'hang' }, /didn't answer in time, so I haven't set a reminder/],
    ['fails with a 500', { kind: 'status', status: 500 }, /aren't working just now, so I haven't set a reminder/],
    ['is throttled (429)', { kind: 'status', status: 429 }, /aren't working just now/],
    [
      'refuses the request (400)',
      { kind: 'status', status: 400 },
      /wouldn't take that one, so I haven't set a reminder/,
    ],
    ['drops the connection', { kind: 'reset' }, /aren't working just now/],
    ['answers garbage', { kind: 'malformed' }, /aren't working just now/],
  ])('when creating it %s: answered within 3 s, nothing set, nothing lost', async (_title, fault, heard) => {
    const user = newUser();
    await send(user, 'IntentRequest', intent('AMAZON.HelpIntent'));
    await db.store.save(user.userId, { id: `prefs-${users}`, preferences: { pressure: { value: 'light', at: AT } } });
    const before = await stored(user);
    api.fault('createReminder', fault);
    user.isNew = true;
    user.attributes = {};
    const { said, ms } = await send(user, 'IntentRequest', remindAtEightEvening());
    expect(said).toMatch(heard);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    const after = await stored(user);
    expect(after?.reminder ?? null).toBeNull();
    expect(after?.preferences).toEqual(before?.preferences);
  });

  it('a 403 (permission taken back in the app) asks for the permission again', async () => {
    const user = newUser();
    api.fault('createReminder', { kind: 'status', status: 403 });
    const { response } = await send(user, 'IntentRequest', remindAtEightEvening());
    expect(askForDirective(response)?.name).toBe('AskFor');
  });
});

describe('changing and stopping', () => {
  async function userWithReminder(): Promise<User> {
    const user = newUser();
    await send(user, 'IntentRequest', remindAtEightEvening());
    expect((await stored(user))?.reminder).not.toBeNull();
    return user;
  }

  it('"change my reminder to seven" updates the same reminder at Alexa', async () => {
    const user = await userWithReminder();
    const id = (await stored(user))?.reminder?.id;
    const { said } = await send(user, 'IntentRequest', intent('ChangeReminderIntent', { time: '19:00' }));
    expect(said).toMatch(/Your reminder is now every day at 7 in the evening/);
    const kept = api.reminders().find((reminder) => reminder.alertToken === id);
    expect(kept?.request.trigger?.recurrence?.recurrenceRules?.[0]).toMatch(/BYHOUR=19;/);
  });

  it('a change to a reminder deleted in the Alexa app meanwhile sets a new one', async () => {
    const user = await userWithReminder();
    const before = allReminders().length;
    api.fault('updateReminder', { kind: 'status', status: 404 });
    const { said } = await send(user, 'IntentRequest', intent('ChangeReminderIntent', { time: '21:00' }));
    expect(said).toMatch(/Your reminder is now every day at 9 in the evening/);
    expect(allReminders().length).toBe(before + 1);
    expect((await stored(user))?.reminder?.id).toBe(allReminders().at(-1)?.alertToken);
  });

  it('"stop reminding me" deletes it at Alexa and forgets it', async () => {
    const user = await userWithReminder();
    const id = (await stored(user))?.reminder?.id;
    const { said } = await send(user, 'IntentRequest', intent('StopRemindersIntent'));
    expect(said).toMatch(/removed your practice reminder/);
    expect(api.reminders().some((reminder) => reminder.alertToken === id)).toBe(false);
    expect((await stored(user))?.reminder ?? null).toBeNull();
  });

  it('a reminder deleted in the Alexa app meanwhile counts as stopped', async () => {
    const user = await userWithReminder();
    api.fault('deleteReminder', { kind: 'status', status: 404 });
    const { said } = await send(user, 'IntentRequest', intent('StopRemindersIntent'));
    expect(said).toMatch(/removed your practice reminder/);
  });

  it('a hanging delete answers within 3 s, keeps the reminder on record, and says it is still on', async () => {
    const user = await userWithReminder();
    api.fault('deleteReminder', { kind: 'hang' });
    const { said, ms } = await send(user, 'IntentRequest', intent('StopRemindersIntent'));
    expect(said).toMatch(/your reminder is still on/);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect((await stored(user))?.reminder).not.toBeNull();
  });
});

/** "Remind me at eight in the evening" as a one-shot request of its own, with the user's access. */
function remindMeAlone(user: User): RequestEnvelope {
  const context = {
    userId: user.userId,
    deviceId: user.deviceId,
    sessionId: 's',
    isNew: true,
    at: AT,
    locale: 'en-US',
  };
  return withAccess(envelopeOf('IntentRequest', context, remindAtEightEvening()), user);
}

describe("a request that gives no access to Alexa's APIs", () => {
  it('sets nothing and says reminders are not working, without calling anything', async () => {
    const user = newUser();
    const seen = api.requests.length;
    const envelope = remindMeAlone(user);
    const { apiAccessToken: _token, ...system } = envelope.context.System;
    const response = await handler({
      ...envelope,
      context: { ...envelope.context, System: system },
    } as RequestEnvelope);
    expect(api.requests.length).toBe(seen);
    expect(JSON.stringify(response.response.outputSpeech)).toMatch(/aren&apos;t working just now/);
  });
});

describe('an envelope whose endpoint is not Alexa', () => {
  it('sends the access token nowhere, and sets nothing', async () => {
    const strict = createHandler({ store: db.store, logger: silentLogger, alexaApi: createAlexaApi() });
    const user = newUser();
    const seen = api.requests.length;
    const envelope = remindMeAlone(user);
    const response = await strict(envelope);
    expect(api.requests.length).toBe(seen);
    expect(JSON.stringify(response.response.outputSpeech)).toMatch(/haven&apos;t set a reminder/);
  });
});
