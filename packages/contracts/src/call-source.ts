import { z } from 'zod';

/**
 * Where a WhatsApp call came from: the call link's tag (Meta's `deeplink_payload`, with the
 * label an admin gave that link when one matches) and the call button's `cta_payload`.
 * Absent on calls that carried neither.
 *
 * @example
 * callSourceSchema.parse({ linkTag: 'spring-flyer', linkLabel: 'Spring flyer' });
 * callSourceSchema.parse({ ctaPayload: 'order-4471' });
 */
export const callSourceSchema = z.object({
  linkTag: z.string().min(1).optional(),
  linkLabel: z.string().min(1).optional(),
  ctaPayload: z.string().min(1).optional(),
});
export type CallSource = z.infer<typeof callSourceSchema>;
