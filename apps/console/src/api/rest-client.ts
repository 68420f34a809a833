import { t } from '../i18n/i18n';
import { errorFrom, type ApiError, type ApiResult, type FetchLike, type ReadReply } from './http';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** the request may outlive the page (a tab that is closing); the reply is then usually lost */
  keepalive?: boolean;
}

/**
 * The console's one JSON client for its same-origin REST API, every verb through one
 * `request`: the session cookie and the page's Origin go along by themselves (same origin),
 * which the server's CSRF check needs; failures come back as values with words to show,
 * never as exceptions. The console's wiring makes one and hands it to every `*-api.ts`.
 *
 * @example
 * const rest = new RestClient();
 * const me = await rest.get('/api/me', readMe);
 * if (!me.ok && me.error.status === 401) showLogin();
 * const saved = await rest.patch(`/api/admin/users/${id}`, { role: 'supervisor' }, readUser);
 */
export class RestClient {
  readonly #fetch: FetchLike;

  constructor(fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  get<T>(path: string, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.request('GET', path, undefined, read);
  }

  post<T>(
    path: string,
    body: unknown,
    read: ReadReply<T>,
    options?: RequestOptions,
  ): Promise<ApiResult<T>> {
    return this.request('POST', path, body, read, options);
  }

  put<T>(path: string, body: unknown, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.request('PUT', path, body, read);
  }

  patch<T>(path: string, body: unknown, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.request('PATCH', path, body, read);
  }

  delete<T>(path: string, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.request('DELETE', path, undefined, read);
  }

  async request<T>(
    method: Method,
    path: string,
    body: unknown,
    read: ReadReply<T>,
    options: RequestOptions = {},
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await this.#fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : JSON_HEADERS,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(options.keepalive ? { keepalive: true } : {}),
      });
    } catch {
      return failure(0, 'network', t('http.network'));
    }
    const payload = await readJson(response);
    if (!response.ok) return { ok: false, error: errorFrom(response.status, payload) };
    const data = read(payload);
    if (data === undefined) {
      return failure(response.status, 'bad_reply', t('http.badReply'));
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
