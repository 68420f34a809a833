import { z } from 'zod';
import { BSUID_PATTERN } from './bsuid-pattern';

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
  .regex(BSUID_PATTERN, 'a business-scoped user id (e.g. US.1349…)');
export type Bsuid = z.infer<typeof bsuidSchema>;
