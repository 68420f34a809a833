// node-only: imports node:crypto, so it is reached as '@ringside/contracts/signature', never via the index
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header Meta signs webhooks with (lower-cased, as Node exposes request headers). */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';
/** Header our outgoing webhooks are signed with. */
export const RINGSIDE_SIGNATURE_HEADER = 'x-ringside-signature';

/** Why a signature was refused: no header, a header not of the form `sha256=<64 hex>`, or a wrong digest. */
export type SignatureFailure = 'missing' | 'malformed' | 'mismatch';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

function assertSecret(secret: string): void {
  // an empty key would let anyone forge signatures: refuse to use one
  if (secret.length === 0) throw new TypeError('the signing secret must not be empty');
}

function hmacHex(body: string | Uint8Array, secret: string): string {
  assertSecret(secret);
  return createHmac('sha256', secret).update(body).digest('hex');
}

function verify(
  body: string | Uint8Array,
  header: string | undefined,
  secret: string,
): SignatureCheck {
  assertSecret(secret);
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = SIGNATURE.exec(header.trim());
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(hmacHex(body, secret), 'hex');
  const given = Buffer.from(match[1], 'hex');
  // both are 32 bytes here, as timingSafeEqual requires
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Signs a body the way Meta does for `X-Hub-Signature-256`: `sha256=<hex HMAC-SHA256>` keyed
 * with the app secret. Tests and the simulator use it to produce genuine signatures.
 * Throws a `TypeError` on an empty secret (a configuration bug, never a request problem).
 *
 * @example
 * const body = JSON.stringify(payload);
 * await fetch(url, { method: 'POST', body, headers: { 'x-hub-signature-256': signMetaPayload(body, appSecret) } });
 */
export function signMetaPayload(body: string | Uint8Array, appSecret: string): string {
  return `sha256=${hmacHex(body, appSecret)}`;
}

/**
 * Checks `X-Hub-Signature-256` against the exact raw body bytes, before any JSON parsing, with
 * a constant-time compare. Never throws for a bad header; nothing returned echoes the secret.
 *
 * @example
 * const check = verifyMetaSignature(rawBody, req.get('x-hub-signature-256'), env.META_APP_SECRET);
 * if (!check.ok) return res.status(401).json({ error: `signature ${check.reason}` });
 */
export function verifyMetaSignature(
  rawBody: Uint8Array | string,
  header: string | undefined,
  appSecret: string,
): SignatureCheck {
  return verify(rawBody, header, appSecret);
}

/**
 * Signs an outgoing event body for `X-Ringside-Signature: sha256=<hex>` with a subscription's secret.
 *
 * @example
 * headers['x-ringside-signature'] = signRingsidePayload(body, subscription.secret);
 */
export function signRingsidePayload(body: string | Uint8Array, secret: string): string {
  return `sha256=${hmacHex(body, secret)}`;
}

/**
 * Checks `X-Ringside-Signature` on a received outgoing event; what a CRM receiving our webhooks
 * (or our own tests) would run.
 *
 * @example
 * if (!verifyRingsideSignature(rawBody, req.headers['x-ringside-signature'], secret).ok) return res.sendStatus(401);
 */
export function verifyRingsideSignature(
  rawBody: Uint8Array | string,
  header: string | undefined,
  secret: string,
): SignatureCheck {
  return verify(rawBody, header, secret);
}
