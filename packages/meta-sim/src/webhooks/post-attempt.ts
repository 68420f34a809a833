import type { DeliveryAttempt } from './delivery-record';

export interface PostOptions {
  url: string;
  body: string;
  signature: string;
  attempt: number;
  timeoutMs: number;
  /** aborts the attempt when the simulator closes */
  signal: AbortSignal;
}

const RESPONSE_PREVIEW = 200;

/**
 * One POST as Meta makes it. Never throws: the outcome is the attempt record.
 *
 * @example
 * const a = await postAttempt({ url, body, signature, attempt: 1, timeoutMs: 20_000, signal });
 * a.status; // 200, or null when refused
 */
export async function postAttempt(options: PostOptions): Promise<DeliveryAttempt> {
  const at = Date.now();
  const record = (status: number | null, error: string | null, responseText = '') => ({
    attempt: options.attempt,
    url: options.url,
    at,
    durationMs: Date.now() - at,
    status,
    error,
    responseText,
  });
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'facebookexternalua',
        'x-hub-signature-256': options.signature,
      },
      body: options.body,
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
      redirect: 'manual',
    });
    const text = await response.text().catch(() => '');
    const ok = response.status >= 200 && response.status < 300;
    return record(
      response.status,
      ok ? null : `HTTP ${response.status}`,
      text.slice(0, RESPONSE_PREVIEW),
    );
  } catch (error) {
    return record(null, describeFetchError(error));
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    if (error.name === 'AbortError') return 'cancelled';
    // undici hides the reason (ECONNREFUSED…) in `cause`
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Meta's retry schedule: doubling from `baseDelayMs`, capped.
 *
 * @example
 * backoffMs(3, { baseDelayMs: 100, maxDelayMs: 1000 }); // 400
 */
export function backoffMs(failedAttempt: number, o: { baseDelayMs: number; maxDelayMs: number }) {
  return Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (failedAttempt - 1));
}
