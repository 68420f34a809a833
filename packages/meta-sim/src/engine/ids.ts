import { randomBytes, randomInt } from 'node:crypto';

// shapes copied from Meta's payloads: opaque base64 after a prefix

/** a WhatsApp call id, `wacid.…` */
export function newWhatsAppCallId(): string {
  return `wacid.${randomBytes(45).toString('base64')}`;
}

/** a Messenger call id, `c_…` */
export function newMessengerCallId(): string {
  return `c_${randomBytes(24).toString('base64url')}`;
}

/** a WhatsApp message id, `wamid.…` */
export function newMessageId(): string {
  return `wamid.${randomBytes(30).toString('base64')}`;
}

/** Meta's per-request trace id */
export function newTraceId(): string {
  return randomBytes(9).toString('base64url');
}

/** a random caller number: the reserved 1-555-01xx fictional range, digits only */
export function newCallerNumber(): string {
  return `1555010${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

/**
 * A business-scoped user id as Meta writes it: the user's country code, a period, 20 digits
 * (*Business-scoped user IDs*: `US.13491208655302741918`).
 */
export function newBsuid(country = 'US'): string {
  const high = String(randomInt(1e9, 1e10));
  const low = String(randomInt(0, 1e10)).padStart(10, '0');
  return `${country}.${high}${low}`;
}

/** a page-scoped user id: 16 digits */
export function newPsid(): string {
  // randomInt's range is capped at 2^48, so build the digits in two halves
  const high = String(randomInt(1e7, 1e8));
  const low = String(randomInt(0, 1e8)).padStart(8, '0');
  return `${high}${low}`;
}
