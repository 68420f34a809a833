import { z } from 'zod';

/**
 * A WhatsApp business-scoped user id (*Business-scoped user IDs*): the user's ISO 3166 country
 * code, a period, then up to 128 letters and digits; a parent BSUID has `ENT.` after the country
 * (`US.ENT.11815799212886844830`). Meta sends it beside, or instead of, the phone number.
 *
 * @example
 * bsuidSchema.parse('US.13491208655302741918');
 */
export const bsuidSchema = z
  .string()
  .regex(/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/, 'a business-scoped user id (e.g. US.1349…)');
export type Bsuid = z.infer<typeof bsuidSchema>;

/**
 * True when a customer id is a BSUID rather than a phone number (phones are digits only, so the
 * two cannot be confused).
 *
 * @example
 * isBsuid('US.13491208655302741918'); // true
 * isBsuid('918097530000'); // false
 */
export function isBsuid(id: string): boolean {
  return bsuidSchema.safeParse(id).success;
}
