/**
 * The Alexa API client over real HTTP against the loopback stand-in: round trips, what the stand-in
 * received, permissions, every fault and the CallResult it becomes, timeouts within the turn's
 * Deadline, the endpoint allow-list, and the stand-in's strict body checks.
 */
import {
  type AlexaApi,
  type ApiAccess,
  createAlexaApi,
  Deadline,
  isAlexaEndpoint,
  type ReminderToSet,
  reminderRequest,
} from '../../lambda/alexa-api';
import {
  type AlexaApiStandIn,
  describeReminder,
  type StandInFault,
  type StandInRoute,
  startAlexaApiStandIn,
} from '../../tools/alexa-api/stand-in';

/** Small injected per-call timeout for the hang cases. */
const SHORT_TIMEOUT_MS = 150;
/** Slack for a loaded machine on top of a timeout: an upper bound only. */
const MARGIN_MS = 500;
const ROOMY_BUDGET_MS = 5_000;

const NOW = Date.parse('2026-06-10T06:30:00Z');
const evening: ReminderToSet = {
  schedule: { days: [], hour: 20, minute: 0 },
  timeZone: 'America/Los_Angeles',
  locale: 'en-US',
  text: 'Time to practise the massage routine',
  now: NOW,
};
const twiceWeekly: ReminderToSet = {
  schedule: { days: ['MO', 'TH'], hour: 19, minute: 0 },
  timeZone: 'Europe/London',
  locale: 'en-GB',
  text: 'Practice time',
  now: NOW,
};

let standIn: AlexaApiStandIn;
let access: ApiAccess;
let api: AlexaApi;
const roomy = () => new Deadline(ROOMY_BUDGET_MS);

beforeEach(async () => {
  standIn = await startAlexaApiStandIn();
  access = { endpoint: standIn.endpoint, token: 'token-a', deviceId: 'device-1' };
  standIn.grant('token-a');
  standIn.setTimeZone('device-1', 'America/Los_Angeles');
  api = createAlexaApi({ allowEndpoint: () => true });
});

afterEach(async () => {
  await standIn.close();
});

async function listReminders(token: string): Promise<{ totalCount: string; alerts: { alertToken: string }[] }> {
  const response = await fetch(`${standIn.endpoint}/v1/alerts/reminders`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as { totalCount: string; alerts: { alertToken: string }[] };
}

describe('round trips', () => {
  it('reads the device time zone from System.timeZone', async () => {
    const result = await api.timeZone(access, roomy());

    expect(result).toEqual({ ok: true, value: 'America/Los_Angeles' });
    expect(standIn.requests).toEqual([
      { method: 'GET', path: '/v2/devices/device-1/settings/System.timeZone', authorization: 'Bearer token-a' },
    ]);
  });

  it('answers notFound for a device the settings do not know', async () => {
    const result = await api.timeZone({ ...access, deviceId: 'device-unknown' }, roomy());

    expect(result).toEqual({ ok: false, failure: 'notFound', status: 404 });
  });

  it('refuses a time zone read without a device id and sends nothing', async () => {
    const result = await api.timeZone({ endpoint: standIn.endpoint, token: 'token-a' }, roomy());

    expect(result).toEqual({ ok: false, failure: 'refused' });
    expect(standIn.requests).toHaveLength(0);
  });

  it('creates a reminder: the value is the alertToken and the stand-in got the body reminderRequest builds', async () => {
    const result = await api.createReminder(access, evening, roomy());

    const stored = standIn.reminders();
    expect(stored).toHaveLength(1);
    expect(result).toEqual({ ok: true, value: stored[0]?.alertToken });
    expect(stored[0]?.request).toEqual(reminderRequest(evening));
    expect(stored[0]?.status).toBe('ON');
    expect(standIn.requests).toEqual([
      { method: 'POST', path: '/v1/alerts/reminders', authorization: 'Bearer token-a' },
    ]);
    expect(describeReminder(stored[0] as (typeof stored)[number])).toBe('every day at 20:00 (America/Los_Angeles)');
  });

  it('updates a reminder in place: same alertToken, the new body kept', async () => {
    const created = await api.createReminder(access, evening, roomy());
    const id = created.ok ? created.value : 'none';

    const result = await api.updateReminder(access, id, twiceWeekly, roomy());

    expect(result).toEqual({ ok: true, value: id });
    expect(standIn.reminders().map((reminder) => reminder.request)).toEqual([reminderRequest(twiceWeekly)]);
    expect(standIn.requests.at(-1)).toEqual({
      method: 'PUT',
      path: `/v1/alerts/reminders/${id}`,
      authorization: 'Bearer token-a',
    });
    expect(describeReminder(standIn.reminders()[0] as never)).toBe('Mondays and Thursdays at 19:00 (Europe/London)');
  });

  it('answers notFound when updating a reminder that is not there', async () => {
    const result = await api.updateReminder(access, 'no-such-reminder', evening, roomy());

    expect(result).toEqual({ ok: false, failure: 'notFound', status: 404 });
  });

  it('deletes a reminder, and the list no longer has it', async () => {
    const first = await api.createReminder(access, evening, roomy());
    await api.createReminder(access, twiceWeekly, roomy());
    expect((await listReminders('token-a')).totalCount).toBe('2');

    const result = await api.deleteReminder(access, first.ok ? first.value : 'none', roomy());

    expect(result).toEqual({ ok: true, value: undefined });
    const list = await listReminders('token-a');
    expect(list.totalCount).toBe('1');
    expect(list.alerts.map((alert) => alert.alertToken)).not.toContain(first.ok ? first.value : 'none');
  });

  it('counts deleting a reminder that is gone already (404) as done', async () => {
    const result = await api.deleteReminder(access, 'gone-already', roomy());

    expect(result).toEqual({ ok: true, value: undefined });
    expect(standIn.requests).toEqual([
      { method: 'DELETE', path: '/v1/alerts/reminders/gone-already', authorization: 'Bearer token-a' },
    ]);
  });

  it('lists only the reminders of the access token that made them', async () => {
    standIn.grant('token-b');
    await api.createReminder(access, evening, roomy());

    expect((await listReminders('token-b')).totalCount).toBe('0');
    expect((await listReminders('token-a')).totalCount).toBe('1');
  });
});

describe('permission', () => {
  it('answers noPermission (401) for a token never granted', async () => {
    const result = await api.createReminder({ ...access, token: 'token-stranger' }, evening, roomy());

    expect(result).toEqual({ ok: false, failure: 'noPermission', status: 401 });
    expect(standIn.reminders()).toHaveLength(0);
  });

  it('answers noPermission once the permission is revoked, and works again when granted', async () => {
    standIn.revoke('token-a');
    const revoked = await api.createReminder(access, evening, roomy());
    standIn.grant('token-a');
    const granted = await api.createReminder(access, evening, roomy());

    expect(revoked).toEqual({ ok: false, failure: 'noPermission', status: 401 });
    expect(granted.ok).toBe(true);
  });
});

type Call = (client: AlexaApi, deadline: Deadline) => Promise<unknown>;
const CALLS: Record<Exclude<StandInRoute, 'listReminders'>, Call> = {
  settings: (client, deadline) => client.timeZone(access, deadline),
  createReminder: (client, deadline) => client.createReminder(access, evening, deadline),
  updateReminder: (client, deadline) => client.updateReminder(access, 'any-id', evening, deadline),
  deleteReminder: (client, deadline) => client.deleteReminder(access, 'any-id', deadline),
};
const ROUTES = Object.keys(CALLS) as (keyof typeof CALLS)[];

describe('faults become CallResults', () => {
  const faults: [string, StandInFault, unknown][] = [
    ['401', { kind: 'status', status: 401 }, { ok: false, failure: 'noPermission', status: 401 }],
    ['403', { kind: 'status', status: 403 }, { ok: false, failure: 'noPermission', status: 403 }],
    ['429', { kind: 'status', status: 429 }, { ok: false, failure: 'unavailable', status: 429 }],
    ['500', { kind: 'status', status: 500 }, { ok: false, failure: 'unavailable', status: 500 }],
    ['503', { kind: 'status', status: 503 }, { ok: false, failure: 'unavailable', status: 503 }],
    ['400', { kind: 'status', status: 400 }, { ok: false, failure: 'refused', status: 400 }],
    ['409', { kind: 'status', status: 409 }, { ok: false, failure: 'refused', status: 409 }],
    ['a body that is not JSON', { kind: 'malformed' }, { ok: false, failure: 'unavailable' }],
    ['a dropped connection', { kind: 'reset' }, { ok: false, failure: 'unavailable' }],
  ];
  const cases = ROUTES.flatMap((route) => faults.map(([name, fault, expected]) => ({ route, name, fault, expected })));

  it.each(cases)('$route: $name gives $expected.failure', async ({ route, fault, expected }) => {
    standIn.fault(route, fault);

    const result = await CALLS[route](api, roomy());

    expect(result).toEqual(expected);
  });

  it.each(ROUTES)('%s: a 404 is notFound, except for delete where it means done', async (route) => {
    standIn.fault(route, { kind: 'status', status: 404 });

    const result = await CALLS[route](api, roomy());

    expect(result).toEqual(
      route === 'deleteReminder' ? { ok: true, value: undefined } : { ok: false, failure: 'notFound', status: 404 },
    );
  });

  it('a fault lasts for the number of calls it was set for', async () => {
    standIn.fault('createReminder', { kind: 'status', status: 503 }, 2);

    const results = [
      await api.createReminder(access, evening, roomy()),
      await api.createReminder(access, evening, roomy()),
      await api.createReminder(access, evening, roomy()),
    ];

    expect(results.map((result) => result.ok)).toEqual([false, false, true]);
  });

  it('answers unavailable when the connection is refused', async () => {
    const endpoint = standIn.endpoint;
    await standIn.close();

    const result = await api.createReminder({ ...access, endpoint }, evening, roomy());

    expect(result).toEqual({ ok: false, failure: 'unavailable' });
    standIn = await startAlexaApiStandIn();
  });
});

describe('timeouts', () => {
  it.each(ROUTES)('%s: a hanging call answers timeout within the call timeout', async (route) => {
    const quick = createAlexaApi({ allowEndpoint: () => true, callTimeoutMs: SHORT_TIMEOUT_MS });
    standIn.fault(route, { kind: 'hang' });

    const started = performance.now();
    const result = await CALLS[route](quick, roomy());
    const elapsed = performance.now() - started;

    expect(result).toEqual({ ok: false, failure: 'timeout' });
    expect(elapsed).toBeLessThan(SHORT_TIMEOUT_MS + MARGIN_MS);
  });

  it('two hanging calls share one Deadline: the second gets only what is left, then nothing', async () => {
    const patient = createAlexaApi({ allowEndpoint: () => true, callTimeoutMs: 10_000 });
    standIn.fault('settings', { kind: 'hang' });
    standIn.fault('createReminder', { kind: 'hang' });
    const deadline = new Deadline(2 * SHORT_TIMEOUT_MS);

    const started = performance.now();
    const first = await patient.timeZone(access, deadline);
    const second = await patient.createReminder(access, evening, deadline);
    const third = await patient.deleteReminder(access, 'any-id', deadline);
    const elapsed = performance.now() - started;

    expect([first, second, third]).toEqual([
      { ok: false, failure: 'timeout' },
      { ok: false, failure: 'timeout' },
      { ok: false, failure: 'timeout' },
    ]);
    expect(elapsed).toBeLessThan(2 * SHORT_TIMEOUT_MS + MARGIN_MS);
    expect(standIn.requests.map((request) => request.method)).not.toContain('DELETE');
  });

  it('a Deadline with no time left answers timeout at once, without a request', async () => {
    const spent = new Deadline(0);

    const result = await api.createReminder(access, evening, spent);

    expect(result).toEqual({ ok: false, failure: 'timeout' });
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('endpoint allow-list', () => {
  it('by default refuses the loopback endpoint and sends it nothing, token included', async () => {
    const guarded = createAlexaApi();

    const results = await Promise.all([
      guarded.timeZone(access, roomy()),
      guarded.createReminder(access, evening, roomy()),
      guarded.updateReminder(access, 'id', evening, roomy()),
      guarded.deleteReminder(access, 'id', roomy()),
    ]);

    expect(results).toEqual(Array(4).fill({ ok: false, failure: 'refused' }));
    expect(standIn.requests).toHaveLength(0);
  });

  it('refuses an endpoint that is not a URL', async () => {
    const result = await api.createReminder({ ...access, endpoint: 'not a url' }, evening, roomy());

    expect(result).toEqual({ ok: false, failure: 'refused' });
  });

  it.each([
    ['https://api.amazonalexa.com', true],
    ['https://api.eu.amazonalexa.com', true],
    ['https://api.fe.amazonalexa.com/', true],
    ['https://api.amazonalexa.com:443', true],
    ['http://api.amazonalexa.com', false],
    ['https://api.amazonalexa.com:8443', false],
    ['https://api.amazonalexa.com.evil.example', false],
    ['https://evil.example/api.amazonalexa.com', false],
    ['https://user:pass@api.amazonalexa.com', false],
    ['http://127.0.0.1:8080', false],
  ])('isAlexaEndpoint(%s) is %s', (url, expected) => {
    expect(isAlexaEndpoint(new URL(url))).toBe(expected);
  });
});

describe('the stand-in checks reminder bodies as the real service does', () => {
  const valid = reminderRequest(twiceWeekly) as Record<string, unknown> & {
    trigger: Record<string, unknown> & { recurrence: Record<string, unknown> };
  };
  const withTrigger = (trigger: Record<string, unknown>) => ({ ...valid, trigger: { ...valid.trigger, ...trigger } });
  const withRule = (rule: unknown) =>
    withTrigger({ recurrence: { ...valid.trigger.recurrence, recurrenceRules: [rule] } });
  const { requestTime: _requestTime, ...noRequestTime } = valid;
  const { pushNotification: _push, ...noPush } = valid;

  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{', /not JSON/],
    ['requestTime missing', noRequestTime, /requestTime/],
    ['requestTime not a date', { ...valid, requestTime: 'yesterday' }, /requestTime/],
    ['trigger missing', { ...valid, trigger: undefined }, /trigger/],
    ['trigger.type relative', withTrigger({ type: 'SCHEDULED_RELATIVE' }), /trigger\.type/],
    ['scheduledTime with an offset', withTrigger({ scheduledTime: '2026-06-11T19:00:00Z' }), /scheduledTime/],
    ['scheduledTime missing', withTrigger({ scheduledTime: undefined }), /scheduledTime/],
    ['timeZoneId unknown', withTrigger({ timeZoneId: 'Mars/Base' }), /timeZoneId/],
    [
      'rules empty',
      withTrigger({ recurrence: { startDateTime: '2026-06-11T19:00:00', recurrenceRules: [] } }),
      /recurrenceRules/,
    ],
    ['FREQ monthly', withRule('FREQ=MONTHLY;BYHOUR=19;BYMINUTE=0'), /FREQ/],
    ['BYHOUR missing', withRule('FREQ=DAILY;BYMINUTE=0;BYSECOND=0;INTERVAL=1'), /BYHOUR/],
    ['BYMINUTE 60', withRule('FREQ=DAILY;BYHOUR=19;BYMINUTE=60'), /BYMINUTE/],
    ['WEEKLY without BYDAY', withRule('FREQ=WEEKLY;BYHOUR=19;BYMINUTE=0'), /BYDAY/],
    ['BYDAY not a day', withRule('FREQ=WEEKLY;BYDAY=MO,XX;BYHOUR=19;BYMINUTE=0'), /BYDAY/],
    ['a rule that is not key=value', withRule('every day at seven'), /cannot read/],
    ['spoken content empty', { ...valid, alertInfo: { spokenInfo: { content: [] } } }, /content/],
    [
      'locale malformed',
      { ...valid, alertInfo: { spokenInfo: { content: [{ locale: 'english', text: 'x' }] } } },
      /locale/,
    ],
    ['text blank', { ...valid, alertInfo: { spokenInfo: { content: [{ locale: 'en-GB', text: ' ' }] } } }, /text/],
    ['pushNotification missing', noPush, /pushNotification/],
  ])('rejects a body with %s: 400 with a message', async (_name, body, message) => {
    const response = await fetch(`${standIn.endpoint}/v1/alerts/reminders`, {
      method: 'POST',
      headers: { authorization: 'Bearer token-a', 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const answer = (await response.json()) as { message: string };

    expect(response.status).toBe(400);
    expect(answer.message).toMatch(message);
    expect(standIn.reminders()).toHaveLength(0);
  });

  it('accepts the body reminderRequest builds, daily and weekly', async () => {
    for (const body of [reminderRequest(evening), valid]) {
      const response = await fetch(`${standIn.endpoint}/v1/alerts/reminders`, {
        method: 'POST',
        headers: { authorization: 'Bearer token-a', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
    }
    expect(standIn.reminders()).toHaveLength(2);
  });
});
