import { signRingsidePayload } from '@ringside/contracts/signature';

/** What the receiver made of one attempt. */
export type PostResult =
  { ok: true; statusCode: number } | { ok: false; statusCode?: number; error: string };

export interface PostRequest {
  url: string;
  secret: string;
  /** the exact bytes to sign and send */
  body: string;
  /** the event's id: `Idempotency-Key` */
  eventId: string;
  event: string;
  timeoutMs: number;
}

/** the headers every outgoing event carries; tests and receivers may rely on these names */
export const OUTGOING_HEADERS = {
  signature: 'X-Ringside-Signature',
  idempotencyKey: 'Idempotency-Key',
  event: 'X-Ringside-Event',
} as const;

/**
 * POSTs one outgoing event, signed with `X-Ringside-Signature: sha256=<HMAC of the body>` and
 * keyed with `Idempotency-Key`. A 2xx answer is a delivery; anything else (another status, a
 * redirect, no answer in time, no connection) is a failure described in plain words, without
 * the receiver's body. Never throws.
 *
 * @example
 * const result = await postEvent({ url, secret, body, eventId, event: 'call.ended', timeoutMs: 10_000 });
 * if (!result.ok) console.log(result.error); // 'The receiver answered HTTP 500.'
 */
export async function postEvent(request: PostRequest): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      body: request.body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Ringside-Webhooks/1.0',
        [OUTGOING_HEADERS.signature]: signRingsidePayload(request.body, request.secret),
        [OUTGOING_HEADERS.idempotencyKey]: request.eventId,
        [OUTGOING_HEADERS.event]: request.event,
      },
      // a redirect could carry the signed body somewhere the admin did not choose
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    return { ok: false, error: describeFailure(error, request.timeoutMs) };
  }
  // the body is not needed: release the connection
  await response.body?.cancel().catch(() => undefined);
  const statusCode = response.status;
  if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
  if (statusCode >= 300 && statusCode < 400) {
    return {
      ok: false,
      statusCode,
      error: `The receiver redirected (HTTP ${statusCode}); webhooks do not follow redirects.`,
    };
  }
  return { ok: false, statusCode, error: `The receiver answered HTTP ${statusCode}.` };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    const limit = timeoutMs < 1_000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    return `No answer within ${limit}.`;
  }
  const code = causeCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'The receiver refused the connection.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The receiver’s host name could not be resolved.';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'The receiver closed the connection before answering.';
    default:
      return code ? `Could not reach the receiver (${code}).` : 'Could not reach the receiver.';
  }
}

// fetch wraps network errors: TypeError('fetch failed') with the system error as cause
function causeCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current !== 'object') return undefined;
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string') return code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
