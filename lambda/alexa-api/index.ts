/**
 * The skill's client for Alexa's outside APIs: Reminders and the device's Settings. Every call has
 * a timeout within the turn's budget, sends the access token only to Alexa's own hosts, and comes
 * back as a {@link CallResult}, never as a thrown error, so a handler can always answer.
 */
import { services } from 'ask-sdk-model';
import type { Logger } from '../log';
import { type CallFailure, type CallResult, FetchApiClient, failureOf } from './api-client';
import { type Deadline, OUTSIDE_CALL_TIMEOUT_MS } from './deadline';
import { type ReminderToSet, reminderRequest } from './reminders';
import { readDeviceTimeZone } from './settings';

export { AlexaApiError, type CallFailure, type CallResult, FetchApiClient, failureForStatus } from './api-client';
export { Deadline, OUTSIDE_CALL_TIMEOUT_MS, TURN_OUTSIDE_BUDGET_MS } from './deadline';
export { nextOccurrence, type ReminderToSet, recurrenceRule, reminderRequest } from './reminders';

/** What a request gives for calling Alexa: `context.System.apiEndpoint`, `apiAccessToken`, `device.deviceId`. */
export interface ApiAccess {
  readonly endpoint: string;
  readonly token: string;
  readonly deviceId?: string;
}

/** The outside calls the skill makes. Each resolves to a result; none throws. */
export interface AlexaApi {
  /** The device's time zone (Settings API, System.timeZone); needs `access.deviceId`. */
  timeZone(access: ApiAccess, deadline: Deadline): Promise<CallResult<string>>;
  /** Creates a reminder; the value is its alertToken. */
  createReminder(access: ApiAccess, reminder: ReminderToSet, deadline: Deadline): Promise<CallResult<string>>;
  /** Replaces the reminder `id`; the value is its alertToken. */
  updateReminder(
    access: ApiAccess,
    id: string,
    reminder: ReminderToSet,
    deadline: Deadline,
  ): Promise<CallResult<string>>;
  /** Deletes the reminder `id`; a 404 counts as done: it is gone already. */
  deleteReminder(access: ApiAccess, id: string, deadline: Deadline): Promise<CallResult<void>>;
}

/** Alexa's API hosts (North America, Europe, Far East), the only places the access token goes. */
const ALEXA_API_HOSTS: ReadonlySet<string> = new Set([
  'api.amazonalexa.com',
  'api.eu.amazonalexa.com',
  'api.fe.amazonalexa.com',
]);

/**
 * True only for `https://` on one of Alexa's API hosts, default port, no credentials in the URL.
 * The endpoint comes from the request envelope; checking it keeps a forged envelope from sending
 * the user's access token anywhere else.
 */
export function isAlexaEndpoint(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    ALEXA_API_HOSTS.has(url.hostname) &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** Options of {@link createAlexaApi}. */
export interface AlexaApiProps {
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Longest a single call may take (less if the turn's deadline has less left). @default OUTSIDE_CALL_TIMEOUT_MS */
  readonly callTimeoutMs?: number;
  /** Which endpoints the access token may go to. @default isAlexaEndpoint */
  readonly allowEndpoint?: (url: URL) => boolean;
  /** Where failed calls are logged (operation, failure, status; never the token). @default no logging */
  readonly logger?: Logger;
}

type Operation = 'timeZone' | 'createReminder' | 'updateReminder' | 'deleteReminder';

function parseEndpoint(endpoint: string): URL | undefined {
  try {
    return new URL(endpoint);
  } catch {
    return undefined;
  }
}

/** The client over real HTTP; tests point it at the loopback stand-in with `allowEndpoint`. */
export function createAlexaApi(options: AlexaApiProps = {}): AlexaApi {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const callTimeoutMs = options.callTimeoutMs ?? OUTSIDE_CALL_TIMEOUT_MS;
  const allowEndpoint = options.allowEndpoint ?? isAlexaEndpoint;

  function fail<T>(operation: Operation, failure: CallFailure, status?: number): CallResult<T> {
    options.logger?.warn('alexaApi.failed', { operation, failure, status });
    return status === undefined ? { ok: false, failure } : { ok: false, failure, status };
  }

  async function call<T>(
    operation: Operation,
    access: ApiAccess,
    deadline: Deadline,
    run: (configuration: services.ApiConfiguration) => Promise<T>,
  ): Promise<CallResult<T>> {
    const url = parseEndpoint(access.endpoint);
    if (url === undefined || !allowEndpoint(url)) return fail(operation, 'refused');
    const timeoutMs = deadline.timeoutFor(callTimeoutMs);
    if (timeoutMs <= 0) return fail(operation, 'timeout');
    const configuration: services.ApiConfiguration = {
      apiClient: new FetchApiClient(fetchFn, timeoutMs),
      apiEndpoint: url.origin,
      authorizationValue: access.token,
    };
    try {
      return { ok: true, value: await run(configuration) };
    } catch (error) {
      const { failure, status } = failureOf(error);
      return fail(operation, failure, status);
    }
  }

  function alertToken(response: services.reminderManagement.ReminderResponse | undefined, fallback?: string): string {
    const token = response?.alertToken ?? fallback;
    if (typeof token !== 'string' || token.length === 0) {
      throw new TypeError('the reminders answer has no alertToken');
    }
    return token;
  }

  return {
    timeZone(access, deadline) {
      const { deviceId } = access;
      // Without a device there is nothing to ask about; no request is sent.
      if (deviceId === undefined || deviceId.length === 0) return Promise.resolve(fail('timeZone', 'refused'));
      return call('timeZone', access, deadline, (configuration) => readDeviceTimeZone(configuration, deviceId));
    },
    createReminder(access, reminder, deadline) {
      return call('createReminder', access, deadline, async (configuration) => {
        const client = new services.reminderManagement.ReminderManagementServiceClient(configuration);
        return alertToken(await client.createReminder(reminderRequest(reminder)));
      });
    },
    updateReminder(access, id, reminder, deadline) {
      return call('updateReminder', access, deadline, async (configuration) => {
        const client = new services.reminderManagement.ReminderManagementServiceClient(configuration);
        return alertToken(await client.updateReminder(id, reminderRequest(reminder)), id);
      });
    },
    deleteReminder(access, id, deadline) {
      return call('deleteReminder', access, deadline, async (configuration) => {
        try {
          await new services.reminderManagement.ReminderManagementServiceClient(configuration).deleteReminder(id);
        } catch (error) {
          // Deleted already (by her, in the Alexa app, or by an earlier turn): what was asked is done.
          if (failureOf(error).failure !== 'notFound') throw error;
        }
      });
    },
  };
}
