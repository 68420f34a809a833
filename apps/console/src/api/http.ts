/** a failed request: HTTP status (0 when the server could not be reached), a code and words */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

/** every REST helper answers with this; none throws */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Turns a reply body into the expected type, or `undefined` when it is not that shape.
 * 204 replies pass `null`.
 */
export type ReadReply<T> = (body: unknown) => T | undefined;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A small JSON client for the console's same-origin REST API. The session cookie and the page's
 * Origin go along by themselves (same origin), which the server's CSRF check needs.
 *
 * @example
 * const http = new HttpClient();
 * const me = await http.get('/api/me', readMe);
 * if (!me.ok && me.error.status === 401) showLogin();
 */
export class HttpClient {
  readonly #fetch: FetchLike;

  constructor(fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  get<T>(path: string, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.request('GET', path, undefined, read);
  }

  post<T>(path: string, body: unknown, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.request('POST', path, body, read);
  }

  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    read: ReadReply<T>,
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await this.#fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : JSON_HEADERS,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return failure(0, 'network', 'Cannot reach Ringside. Check your connection and try again.');
    }
    const payload = await readJson(response);
    if (!response.ok) return { ok: false, error: errorFrom(response.status, payload) };
    const data = read(payload);
    if (data === undefined) {
      return failure(response.status, 'bad_reply', 'Ringside sent a reply this page cannot read.');
    }
    return { ok: true, data };
  }
}

const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json' };

/** reads 204 and empty bodies as `null`, anything unparsable as `undefined` */
async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text().catch(() => '');
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function failure(status: number, code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { status, code, message } };
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  429: 'Too many attempts. Try again in a moment.',
};

/** the server's `{error:{code,message}}` when it sent one; otherwise words for the status */
export function errorFrom(status: number, payload: unknown): ApiError {
  if (isRecord(payload) && isRecord(payload['error'])) {
    const { code, message } = payload['error'];
    if (typeof code === 'string' && typeof message === 'string' && message !== '') {
      return { status, code, message };
    }
  }
  const message =
    FALLBACK_MESSAGES[status] ??
    (status >= 500 ? 'Ringside had a problem. Try again.' : 'That did not work.');
  return { status, code: `http_${status}`, message };
}

/**
 * Narrows an unknown JSON value to a plain object.
 *
 * @example
 * if (isRecord(body) && typeof body['callId'] === 'string') use(body['callId']);
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** for endpoints answering 204 No Content */
export const readNothing: ReadReply<null> = (body) => (body === null ? null : undefined);
