import { metaErrorEnvelopeSchema } from '@ringside/contracts';
import type { z } from 'zod';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { GraphApiError } from './graph-api-error';

export interface GraphTransportOptions {
  /** e.g. `https://graph.facebook.com` or the simulator's URL */
  baseUrl: string;
  /** e.g. `v24.0` */
  version: string;
  /** per attempt */
  timeoutMs: number;
  /** attempts in all, the first included */
  maxAttempts: number;
  backoff: BackoffPolicy;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** told about every finished request, for metrics and logs (never given the token) */
  onResult?: (result: GraphRequestResult) => void;
}

export interface GraphRequestResult {
  /** a stable label for metrics, e.g. `whatsapp.accept` */
  operation: string;
  httpStatus: number | undefined;
  /**
   * Meta's error code, or the failure kind, when it failed; `http-<status>` when Meta's answer
   * carried no error envelope (a bare 5xx from a proxy, a 404 page)
   */
  error: number | 'network' | 'timeout' | 'bad-reply' | `http-${number}` | undefined;
  durationMs: number;
  attempt: number;
}

export interface GraphRequest<T> {
  operation: string;
  method: 'GET' | 'POST';
  /** the Graph node id (phone-number id or page id) */
  node: string;
  /** the edge under the node, e.g. `calls`; `''` reads the node itself */
  edge: string;
  accessToken: string;
  body?: unknown;
  query?: Record<string, string>;
  reply: z.ZodType<T>;
  /**
   * at most this many attempts, when fewer than the transport's: 1 for requests that must not
   * be repeated blindly (a `connect` that timed out may have placed the call all the same)
   */
  maxAttempts?: number;
}

// graph node ids are numeric in life; anything else must not reshape the path
const NODE_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Sends typed requests to the Graph API: bearer token, per-attempt timeout, retries with
 * jittered backoff for transient failures only, Meta's error envelope turned into
 * `GraphApiError`. There is no way to send an arbitrary path: callers name a node and an edge.
 */
export function createGraphTransport(options: GraphTransportOptions) {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function attemptOnce<T>(
    request: GraphRequest<T>,
    url: URL,
  ): Promise<{ value: T; status: number }> {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: request.method,
        headers: {
          authorization: `Bearer ${request.accessToken}`,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // the timeout covers the body too: a reply that stalls halfway fails here as well
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
      throw new GraphApiError({
        kind: timedOut ? 'timeout' : 'network',
        meaning: timedOut
          ? `Meta did not answer within ${options.timeoutMs} ms.`
          : 'Could not reach Meta (network error).',
        retryable: true,
        cause,
      });
    }
    const json = parseJson(text);
    if (!response.ok) {
      const envelope = metaErrorEnvelopeSchema.safeParse(json);
      if (envelope.success) throw GraphApiError.fromEnvelope(envelope.data, response.status);
      const transient = response.status >= 500 || response.status === 429;
      throw new GraphApiError({
        kind: 'meta',
        httpStatus: response.status,
        meaning: transient
          ? `Meta had a temporary problem (HTTP ${response.status}).`
          : `Meta refused the request (HTTP ${response.status}).`,
        retryable: transient,
      });
    }
    const parsed = request.reply.safeParse(json);
    if (!parsed.success) {
      throw new GraphApiError({
        kind: 'bad-reply',
        httpStatus: response.status,
        meaning: 'Meta answered in a shape Ringside does not understand.',
        retryable: false,
        details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    }
    return { value: parsed.data, status: response.status };
  }

  /** sends one request, retrying transient failures; resolves with the parsed reply */
  async function send<T>(request: GraphRequest<T>): Promise<T> {
    if (!NODE_ID.test(request.node)) {
      throw new GraphApiError({
        kind: 'meta',
        meaning: 'Invalid Graph node id.',
        retryable: false,
      });
    }
    const path = request.edge === '' ? request.node : `${request.node}/${request.edge}`;
    const url = new URL(`${base}/${options.version}/${path}`);
    for (const [key, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(key, value);

    const attempts = Math.min(options.maxAttempts, request.maxAttempts ?? options.maxAttempts);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        const { value, status } = await attemptOnce(request, url);
        report(request, attempt, started, status, undefined);
        return value;
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
        report(request, attempt, started, error.httpStatus, failureLabel(error));
        if (!error.retryable || attempt >= attempts) throw error;
        await sleep(backoffDelay(attempt, options.backoff, random));
      }
    }
  }

  function report(
    request: GraphRequest<unknown>,
    attempt: number,
    started: number,
    httpStatus: number | undefined,
    error: GraphRequestResult['error'],
  ): void {
    options.onResult?.({
      operation: request.operation,
      httpStatus,
      error,
      durationMs: performance.now() - started,
      attempt,
    });
  }

  return { send };
}

export type GraphTransport = ReturnType<typeof createGraphTransport>;

// what a failure counts as: Meta's code when it sent one, else the HTTP status, else the kind
function failureLabel(error: GraphApiError): NonNullable<GraphRequestResult['error']> {
  if (error.code !== undefined) return error.code;
  if (error.kind !== 'meta') return error.kind;
  return `http-${error.httpStatus ?? 0}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
