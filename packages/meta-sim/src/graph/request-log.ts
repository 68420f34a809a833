/** one Graph request the simulator answered */
export interface RecordedRequest {
  /** 1, 2, 3… in arrival order */
  seq: number;
  method: string;
  /** the path under the mount point, without the query: `/v24.0/1150…/calls` */
  path: string;
  version: string;
  /** the phone number id or page id in the path */
  objectId: string;
  /** `calls`, `messages`, `settings`, `call_permissions`, … */
  edge: string;
  query: Record<string, unknown>;
  /** the parsed body (undefined when none or unparsable); `access_token` removed */
  body: unknown;
  /** `body.action` when there is one */
  action: string | null;
  /** `body.call_id`, or the id a `connect` created */
  callId: string | null;
  status: number;
  reply: unknown;
  /** Meta's error code when refused */
  errorCode: number | null;
  /** epoch ms when the request arrived */
  at: number;
  durationMs: number;
}

/** a filter for `requests()`; every given field must match */
export interface RequestFilter {
  method?: string;
  edge?: string;
  action?: string;
  callId?: string;
  objectId?: string;
  status?: number;
  errorCode?: number;
  /** true: 2xx only; false: refusals only */
  ok?: boolean;
}

/**
 * Every Graph request, in order, for tests to assert on. Tokens never enter it.
 *
 * @example
 * const log = new RequestLog();
 * log.list({ action: 'accept', ok: true }).length; // 1
 */
export class RequestLog {
  readonly #entries: RecordedRequest[] = [];

  add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const recorded = { ...entry, seq: this.#entries.length + 1 };
    this.#entries.push(recorded);
    return recorded;
  }

  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.#entries.filter((e) => matchesRequest(e, filter)).map((e) => structuredClone(e));
  }
}

export function matchesRequest(entry: RecordedRequest, filter: RequestFilter): boolean {
  const ok = entry.status >= 200 && entry.status < 300;
  return (
    (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
    (filter.edge === undefined || entry.edge === filter.edge) &&
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.callId === undefined || entry.callId === filter.callId) &&
    (filter.objectId === undefined || entry.objectId === filter.objectId) &&
    (filter.status === undefined || entry.status === filter.status) &&
    (filter.errorCode === undefined || entry.errorCode === filter.errorCode) &&
    (filter.ok === undefined || ok === filter.ok)
  );
}

/** a copy without `access_token`, wherever Meta lets a client put it */
export function withoutToken(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  delete copy.access_token;
  return copy;
}
