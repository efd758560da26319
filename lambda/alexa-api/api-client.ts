/**
 * The HTTP transport under ask-sdk-model's service clients: global `fetch` with a timeout. It
 * replaces ask-sdk-core's DefaultApiClient, which has none, so a hanging Alexa API would hold the
 * turn past Alexa's deadline.
 */
import type { services } from 'ask-sdk-model';

/** Why an outside call gave no usable answer, as the skill decides what to say. */
export type CallFailure = 'noPermission' | 'notFound' | 'timeout' | 'unavailable' | 'refused';

/** An outside call's outcome; these calls never throw. */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: CallFailure; readonly status?: number };

/**
 * An outside call that failed, with the failure it counts as. The service clients rethrow what the
 * transport throws (after prefixing its message), so the failure travels on the error itself.
 */
export class AlexaApiError extends Error {
  /** The HTTP status, when there was one. */
  readonly status?: number;

  constructor(
    readonly failure: CallFailure,
    message: string,
    options?: ErrorOptions & { readonly status?: number },
  ) {
    super(message, options);
    this.name = 'AlexaApiError';
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** The failure an HTTP status (not 2xx) counts as. */
export function failureForStatus(status: number): CallFailure {
  if (status === 401 || status === 403) return 'noPermission';
  if (status === 404) return 'notFound';
  // 429 is throttling: like a 5xx, worth trying again later, not a refusal of this request.
  if (status === 429 || status >= 500) return 'unavailable';
  return 'refused';
}

/** The failure anything thrown by a service client counts as. */
export function failureOf(error: unknown): { readonly failure: CallFailure; readonly status?: number } {
  if (error instanceof AlexaApiError) {
    return error.status === undefined ? { failure: error.failure } : { failure: error.failure, status: error.status };
  }
  // ask-sdk-model's BaseServiceClient throws a plain Error named ServiceError with the status on it.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (error instanceof Error && error.name === 'ServiceError' && typeof status === 'number') {
    return { failure: failureForStatus(status), status };
  }
  // A body that does not parse (SyntaxError) or anything else unexpected: the service is not answering sensibly.
  return { failure: 'unavailable' };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * An `ApiClient` for one call: the whole exchange, headers and body, must finish within `timeoutMs`.
 * Network errors and timeouts come out as {@link AlexaApiError}; any HTTP status is returned, as the
 * `ApiClient` contract asks, for the service client to judge.
 */
export class FetchApiClient implements services.ApiClient {
  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const headers = new Headers();
    for (const { key, value } of request.headers) headers.append(key, value);
    try {
      const response = await this.fetchFn(request.url, {
        method: request.method,
        headers,
        signal,
        redirect: 'error',
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const body = await response.text();
      const responseHeaders: { key: string; value: string }[] = [];
      // Lower-case keys: BaseServiceClient looks for exactly 'content-type'.
      response.headers.forEach((value, key) => {
        responseHeaders.push({ key: key.toLowerCase(), value });
      });
      return { statusCode: response.status, headers: responseHeaders, body };
    } catch (error) {
      if (isTimeout(error) || signal.aborted) {
        throw new AlexaApiError('timeout', `no answer within ${this.timeoutMs} ms`, { cause: error });
      }
      throw new AlexaApiError('unavailable', 'request failed', { cause: error });
    }
  }
}
