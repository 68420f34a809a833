// no zod here: the console's first load calls isBsuid, and zod loads with its later pages only

/** a WhatsApp business-scoped user id, as `bsuidSchema` (customer-id.ts) checks it */
export const BSUID_PATTERN = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

/**
 * True when a customer id is a BSUID rather than a phone number (phones are digits only, so the
 * two cannot be confused).
 *
 * @example
 * isBsuid('US.13491208655302741918'); // true
 * isBsuid('918097530000'); // false
 */
export function isBsuid(id: string): boolean {
  return BSUID_PATTERN.test(id);
}
