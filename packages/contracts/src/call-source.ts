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

/**
 * What a person reads as the campaign: the link's label when an admin named the tag, else the
 * raw tag; undefined when the call came from no link.
 *
 * @example
 * campaignOf({ linkTag: 'spring', linkLabel: 'Spring flyer' }); // 'Spring flyer'
 * campaignOf({ linkTag: 'spring' }); // 'spring'
 */
export function campaignOf(source: CallSource | undefined): string | undefined {
  return source?.linkLabel ?? source?.linkTag;
}
