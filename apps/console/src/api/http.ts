import { lazyWords, t } from '../i18n/i18n';
/** a failed request: HTTP status (0 when the server could not be reached), a code and words */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  /** what was wrong, field by field, when the server said (`invalid_payload`) */
  issues?: readonly { path: string; message: string }[];
}

/** every call of the `RestClient` (`rest-client.ts`) answers with this; none throws */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Turns a reply body into the expected type, or `undefined` when it is not that shape.
 * 204 replies pass `null`.
 */
export type ReadReply<T> = (body: unknown) => T | undefined;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const FALLBACK_MESSAGES: Record<number, string> = lazyWords({
  401: 'http.401',
  403: 'http.403',
  404: 'http.404',
  429: 'http.429',
});

/** the server's `{error:{code,message}}` when it sent one; otherwise words for the status */
export function errorFrom(status: number, payload: unknown): ApiError {
  if (isRecord(payload) && isRecord(payload['error'])) {
    const { code, message } = payload['error'];
    if (typeof code === 'string' && typeof message === 'string' && message !== '') {
      const issues = issuesFrom(payload['error']['issues']);
      return issues ? { status, code, message, issues } : { status, code, message };
    }
  }
  const message = FALLBACK_MESSAGES[status] ?? (status >= 500 ? t('http.5xx') : t('http.other'));
  return { status, code: `http_${status}`, message };
}

// the server's `issues`: [{ path, message }], anything else ignored
function issuesFrom(value: unknown): ApiError['issues'] {
  if (!Array.isArray(value)) return undefined;
  const issues = value.filter(
    (i): i is { path: string; message: string } =>
      isRecord(i) && typeof i['path'] === 'string' && typeof i['message'] === 'string',
  );
  return issues.length > 0 ? issues.map(({ path, message }) => ({ path, message })) : undefined;
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
