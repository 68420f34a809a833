import { signRingsidePayload } from '@ringside/contracts/signature';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress, privateAddressMessage } from './receiver-address';

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
  /**
   * whether the receiver may be on this machine or a private network (tests, a CRM beside the
   * server); otherwise only public addresses are connected to, checked on the very address the
   * connection uses, so a host name cannot be re-pointed inside between check and connect
   */
  allowPrivateNetwork: boolean;
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
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, error: 'The receiver’s URL is not valid.' };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!request.allowPrivateNetwork && isIP(host) !== 0 && !isPublicAddress(host)) {
    return { ok: false, error: privateAddressMessage(host) };
  }
  let statusCode: number;
  try {
    statusCode = await send(url, request);
  } catch (error) {
    if (error instanceof PrivateAddressError) return { ok: false, error: error.message };
    return { ok: false, error: describeFailure(error, request.timeoutMs) };
  }
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

class PrivateAddressError extends Error {
  override readonly name = 'PrivateAddressError';
}

// resolves the receiver's name, and refuses the connection if any address it has is private
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused)
      return callback(new PrivateAddressError(privateAddressMessage(refused.address)), '', 0);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
    if (options.all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, first.address, first.family);
  });
};

// one POST, redirects not followed (a redirect could carry the signed body somewhere the admin
// did not choose); the receiver's body is read and dropped, never kept
function send(url: URL, request: PostRequest): Promise<number> {
  const options: RequestOptions = {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(request.body),
      'user-agent': 'Ringside-Webhooks/1.0',
      [OUTGOING_HEADERS.signature]: signRingsidePayload(request.body, request.secret),
      [OUTGOING_HEADERS.idempotencyKey]: request.eventId,
      [OUTGOING_HEADERS.event]: request.event,
    },
    signal: AbortSignal.timeout(request.timeoutMs),
    ...(request.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
  };
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      options,
      (res: IncomingMessage) => {
        res.resume();
        res.on('error', () => undefined);
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
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
