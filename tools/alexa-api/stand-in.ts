/**
 * A loopback stand-in for Alexa's Reminders and Settings APIs (node:http on 127.0.0.1, a free
 * port), for the integration tests and the local simulator. It answers the routes the skill uses
 * as the real service does, checks a reminder body strictly (a body the real API would refuse gets
 * a 400 here too), keeps reminders per access token, and can be told to fail: hang, drop the
 * connection, send a status, or send a body that is not JSON.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { services } from 'ask-sdk-model';
import { isTimeZone } from '../../lambda/core/local-time';
import { WEEKDAYS, type Weekday } from '../../lambda/core/schedule';

/** A reminder as the stand-in keeps it. */
export interface StoredReminder {
  readonly alertToken: string;
  /** The request body exactly as the client sent it (parsed JSON). */
  readonly request: services.reminderManagement.ReminderRequest;
  readonly status: 'ON' | 'COMPLETED';
  /** ISO time it was created. */
  readonly createdAt: string;
}

/** The routes a fault can be set on. */
export type StandInRoute = 'settings' | 'createReminder' | 'updateReminder' | 'deleteReminder' | 'listReminders';

/**
 * What a faulty call does instead of answering: never answer (hang), answer with this status,
 * answer 200/201 with a body that is not JSON (malformed), or drop the connection (reset).
 */
export type StandInFault =
  | { readonly kind: 'hang' }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'reset' };

export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
}

export interface AlexaApiStandIn {
  /** 'http://127.0.0.1:PORT', to pass as the access's endpoint. */
  readonly endpoint: string;
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
  /** Gives the reminders permission to this access token. */
  grant(token: string): void;
  /** Takes the reminders permission away: reminders calls with this token get 401. */
  revoke(token: string): void;
  /** The zone System.timeZone answers for this device; other devices get 404. */
  setTimeZone(deviceId: string, timeZone: string): void;
  /** Every reminder kept, of all tokens, in the order created. */
  reminders(): readonly StoredReminder[];
  /** The next `times` calls of the route fail this way. @default times 1 */
  fault(route: StandInRoute, fault: StandInFault, times?: number): void;
  /** Every request received, in order. */
  readonly requests: readonly StandInRequest[];
}

/** Largest request body read: a reminder body is well under 2 KB. */
const MAX_BODY_BYTES = 64 * 1024;

/** Reminders API paths. */
const REMINDERS_PATH = '/v1/alerts/reminders';
const SETTINGS_PATH = /^\/v2\/devices\/([^/]+)\/settings\/System\.timeZone$/;
const REMINDER_PATH = /^\/v1\/alerts\/reminders\/([^/]+)$/;

/** ISO date-time with optional fraction and offset (requestTime). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;
/** Local date-time with no offset: Alexa refuses a scheduledTime with one. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/;
const LOCALE = /^[a-z]{2}-[A-Z]{2}$/;

class BadRequest extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

/** A recurrence rule as the stand-in reads it. */
export interface ParsedRule {
  readonly freq: 'DAILY' | 'WEEKLY';
  readonly days: readonly Weekday[];
  readonly hour: number;
  readonly minute: number;
}

function ruleNumber(value: string | undefined, max: number, name: string): number {
  if (value === undefined || !/^\d{1,2}$/.test(value) || Number(value) > max) {
    throw new BadRequest('INVALID_RECURRENCE_RULE', `${name} must be a number from 0 to ${max}`);
  }
  return Number(value);
}

/** Reads an iCalendar rule of the kinds Alexa takes for a daily or weekly reminder; throws a BadRequest. */
export function parseRule(rule: unknown): ParsedRule {
  if (typeof rule !== 'string') throw new BadRequest('INVALID_RECURRENCE_RULE', 'a recurrence rule must be a string');
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const match = /^([A-Z]+)=([A-Z0-9,]+)$/.exec(part);
    if (match === null || parts.has(match[1] as string)) {
      throw new BadRequest('INVALID_RECURRENCE_RULE', `cannot read "${part}" in the recurrence rule`);
    }
    parts.set(match[1] as string, match[2] as string);
  }
  for (const key of parts.keys()) {
    if (!['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'BYSECOND', 'INTERVAL'].includes(key)) {
      throw new BadRequest('INVALID_RECURRENCE_RULE', `${key} is not supported in a recurrence rule`);
    }
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') {
    throw new BadRequest('INVALID_RECURRENCE_RULE', 'FREQ must be DAILY or WEEKLY');
  }
  const hour = ruleNumber(parts.get('BYHOUR'), 23, 'BYHOUR');
  const minute = ruleNumber(parts.get('BYMINUTE'), 59, 'BYMINUTE');
  if (parts.has('BYSECOND')) ruleNumber(parts.get('BYSECOND'), 59, 'BYSECOND');
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !/^[1-9]\d?$/.test(interval)) {
    throw new BadRequest('INVALID_RECURRENCE_RULE', 'INTERVAL must be a positive number');
  }
  const byDay = parts.get('BYDAY');
  if (freq === 'DAILY') {
    if (byDay !== undefined) throw new BadRequest('INVALID_RECURRENCE_RULE', 'a DAILY rule takes no BYDAY');
    return { freq, days: [], hour, minute };
  }
  const days = byDay?.split(',') ?? [];
  if (
    days.length === 0 ||
    new Set(days).size !== days.length ||
    !days.every((day) => (WEEKDAYS as readonly string[]).includes(day))
  ) {
    throw new BadRequest('INVALID_RECURRENCE_RULE', 'a WEEKLY rule needs BYDAY with distinct days MO..SU');
  }
  return { freq, days: days as Weekday[], hour, minute };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validDateTime(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && pattern.test(value) && !Number.isNaN(Date.parse(value.slice(0, 19)));
}

/** Checks a reminder body as the Reminders API does; throws a BadRequest naming the first fault. */
function checkReminderBody(body: unknown): services.reminderManagement.ReminderRequest {
  if (!isRecord(body)) throw new BadRequest('INVALID_REQUEST', 'the body must be a JSON object');
  if (!validDateTime(body.requestTime, ISO_TIME)) {
    throw new BadRequest('INVALID_REQUEST_TIME', 'requestTime must be an ISO 8601 date-time');
  }
  const trigger = body.trigger;
  if (!isRecord(trigger)) throw new BadRequest('INVALID_TRIGGER', 'trigger is missing');
  if (trigger.type !== 'SCHEDULED_ABSOLUTE') {
    throw new BadRequest('INVALID_TRIGGER_TYPE', 'trigger.type must be SCHEDULED_ABSOLUTE');
  }
  if (!validDateTime(trigger.scheduledTime, LOCAL_TIME)) {
    throw new BadRequest('INVALID_TRIGGER_SCHEDULED_TIME_FORMAT', 'scheduledTime must be a local date-time, no offset');
  }
  if (trigger.timeZoneId !== undefined && !isTimeZone(trigger.timeZoneId)) {
    throw new BadRequest('INVALID_TIME_ZONE', 'timeZoneId must be an IANA time zone');
  }
  if (trigger.recurrence !== undefined) {
    const recurrence = trigger.recurrence;
    if (!isRecord(recurrence)) throw new BadRequest('INVALID_TRIGGER_RECURRENCE', 'recurrence must be an object');
    if (recurrence.startDateTime !== undefined && !validDateTime(recurrence.startDateTime, LOCAL_TIME)) {
      throw new BadRequest('INVALID_TRIGGER_RECURRENCE', 'startDateTime must be a local date-time, no offset');
    }
    const rules = recurrence.recurrenceRules;
    if (!Array.isArray(rules) || rules.length === 0) {
      throw new BadRequest('INVALID_RECURRENCE_RULE', 'recurrenceRules must be a non-empty array');
    }
    for (const rule of rules) parseRule(rule);
  }
  const alertInfo = body.alertInfo;
  const spokenInfo = isRecord(alertInfo) ? alertInfo.spokenInfo : undefined;
  const content = isRecord(spokenInfo) ? spokenInfo.content : undefined;
  if (!Array.isArray(content) || content.length === 0) {
    throw new BadRequest('INVALID_ALERT_INFO', 'alertInfo.spokenInfo.content must be a non-empty array');
  }
  for (const item of content) {
    if (!isRecord(item) || typeof item.locale !== 'string' || !LOCALE.test(item.locale)) {
      throw new BadRequest('INVALID_LOCALE', 'each spoken content needs a locale like en-US');
    }
    if (typeof item.text !== 'string' || item.text.trim().length === 0) {
      throw new BadRequest('INVALID_ALERT_INFO', 'each spoken content needs a text');
    }
  }
  const push = body.pushNotification;
  if (!isRecord(push) || (push.status !== 'ENABLED' && push.status !== 'DISABLED')) {
    throw new BadRequest('INVALID_PUSH_NOTIFICATION', 'pushNotification.status must be ENABLED or DISABLED');
  }
  return body as services.reminderManagement.ReminderRequest;
}

interface Kept {
  reminder: StoredReminder;
  readonly owner: string;
  updatedTime: string;
  version: number;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { code, message });
}

function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  return match?.[1];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new BadRequest('PAYLOAD_TOO_LARGE', 'the body is too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function routeOf(method: string, path: string): { route: StandInRoute; id?: string } | undefined {
  const settings = SETTINGS_PATH.exec(path);
  if (settings !== null && method === 'GET')
    return { route: 'settings', id: decodeURIComponent(settings[1] as string) };
  if (path === REMINDERS_PATH) {
    if (method === 'POST') return { route: 'createReminder' };
    if (method === 'GET') return { route: 'listReminders' };
    return undefined;
  }
  const one = REMINDER_PATH.exec(path);
  if (one === null) return undefined;
  const id = decodeURIComponent(one[1] as string);
  if (method === 'PUT') return { route: 'updateReminder', id };
  if (method === 'DELETE') return { route: 'deleteReminder', id };
  return undefined;
}

/** Starts the stand-in on 127.0.0.1 at a free port. */
export async function startAlexaApiStandIn(): Promise<AlexaApiStandIn> {
  const granted = new Set<string>();
  const zones = new Map<string, string>();
  const kept = new Map<string, Kept>();
  const faults = new Map<StandInRoute, { fault: StandInFault; left: number }>();
  const requests: StandInRequest[] = [];
  const sockets = new Set<Socket>();

  function takeFault(route: StandInRoute): StandInFault | undefined {
    const planned = faults.get(route);
    if (planned === undefined) return undefined;
    planned.left -= 1;
    if (planned.left <= 0) faults.delete(route);
    return planned.fault;
  }

  function answer(reminder: Kept): services.reminderManagement.ReminderResponse {
    const { alertToken, status, createdAt } = reminder.reminder;
    return {
      alertToken,
      createdTime: createdAt,
      updatedTime: reminder.updatedTime,
      status,
      version: String(reminder.version),
      href: `${REMINDERS_PATH}/${alertToken}`,
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const authorization = request.headers.authorization;
    requests.push(authorization === undefined ? { method, path } : { method, path, authorization });
    const matched = routeOf(method, path);
    if (matched === undefined) return sendError(response, 404, 'NOT_FOUND', `no route ${method} ${path}`);
    const { route, id } = matched;

    const fault = takeFault(route);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') return sendError(response, fault.status, 'FAULT', `scripted ${fault.status}`);
    if (fault?.kind === 'malformed') {
      response.writeHead(route === 'createReminder' ? 201 : 200, { 'content-type': 'application/json' });
      response.end('{"alertToken": "cut off');
      return;
    }

    const token = bearer(authorization);
    if (token === undefined) return sendError(response, 401, 'UNAUTHORIZED', 'no access token');
    if (route === 'settings') {
      const zone = zones.get(id as string);
      if (zone === undefined) return sendError(response, 404, 'DEVICE_NOT_FOUND', 'unknown device');
      return sendJson(response, 200, zone);
    }
    if (!granted.has(token)) {
      return sendError(response, 401, 'UNAUTHORIZED', 'the user has not granted the reminders permission');
    }

    const now = new Date().toISOString();
    const own = id === undefined ? undefined : kept.get(id);
    const ownedHere = own !== undefined && own.owner === token ? own : undefined;
    switch (route) {
      case 'listReminders': {
        const alerts = [...kept.values()]
          .filter((entry) => entry.owner === token)
          .map((entry) => ({ ...answer(entry), ...entry.reminder.request }));
        return sendJson(response, 200, { totalCount: String(alerts.length), alerts });
      }
      case 'deleteReminder':
        if (ownedHere === undefined) return sendError(response, 404, 'ALERT_NOT_FOUND', 'no such reminder');
        kept.delete(ownedHere.reminder.alertToken);
        response.writeHead(200);
        response.end();
        return;
      case 'createReminder':
      case 'updateReminder': {
        if (route === 'updateReminder' && ownedHere === undefined) {
          return sendError(response, 404, 'ALERT_NOT_FOUND', 'no such reminder');
        }
        let body: services.reminderManagement.ReminderRequest;
        try {
          const text = await readBody(request);
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            throw new BadRequest('INVALID_REQUEST', 'the body is not JSON');
          }
          body = checkReminderBody(parsed);
        } catch (error) {
          if (error instanceof BadRequest) return sendError(response, 400, error.code, error.message);
          throw error;
        }
        if (ownedHere !== undefined) {
          ownedHere.reminder = { ...ownedHere.reminder, request: body };
          ownedHere.updatedTime = now;
          ownedHere.version += 1;
          return sendJson(response, 200, answer(ownedHere));
        }
        const alertToken = randomUUID();
        const entry: Kept = {
          reminder: { alertToken, request: body, status: 'ON', createdAt: now },
          owner: token,
          updatedTime: now,
          version: 1,
        };
        kept.set(alertToken, entry);
        return sendJson(response, 201, answer(entry));
      }
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'stand-in failure');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A hanging request keeps its socket open; close() would wait for it forever.
        for (const socket of sockets) socket.destroy();
      });
    },
    grant: (token) => {
      granted.add(token);
    },
    revoke: (token) => {
      granted.delete(token);
    },
    setTimeZone: (deviceId, timeZone) => {
      zones.set(deviceId, timeZone);
    },
    reminders: () => [...kept.values()].map((entry) => entry.reminder),
    fault: (route, fault, times = 1) => {
      faults.set(route, { fault, left: times });
    },
  };
}

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Mondays',
  TU: 'Tuesdays',
  WE: 'Wednesdays',
  TH: 'Thursdays',
  FR: 'Fridays',
  SA: 'Saturdays',
  SU: 'Sundays',
};

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A reminder said plainly, for the simulator's /reminders: "every day at 20:00 (America/Los_Angeles)",
 * "Mondays and Thursdays at 19:00 (Europe/London)".
 */
export function describeReminder(reminder: StoredReminder): string {
  const trigger = reminder.request.trigger;
  const zone = trigger?.timeZoneId ?? "the device's time zone";
  const rule = trigger?.recurrence?.recurrenceRules?.[0];
  if (rule === undefined) return `once at ${(trigger?.scheduledTime ?? '').replace('T', ' ').slice(0, 16)} (${zone})`;
  const parsed = parseRule(rule);
  const time = `${String(parsed.hour).padStart(2, '0')}:${String(parsed.minute).padStart(2, '0')}`;
  const days = parsed.freq === 'DAILY' ? 'every day' : listed(parsed.days.map((day) => DAY_NAMES[day]));
  return `${days} at ${time} (${zone})`;
}
