import { z } from 'zod';

// meta's *Check and obtain call permissions* and *Business-initiated call flow* pages: a
// template attachment whose template_type must be calling_optin; the reply names the recipient
// as { recipient: { id } } (the Send API's usual recipient_id is accepted too)

/**
 * The body of `POST /{page-id}/messages` that asks a Messenger user to allow calls.
 *
 * @example
 * messengerPermissionRequestBody('5275811702471834').message.attachment.payload.template_type; // 'calling_optin'
 */
export function messengerPermissionRequestBody(psid: string) {
  return {
    recipient: { id: psid },
    messaging_type: 'RESPONSE',
    message: {
      attachment: { type: 'template', payload: { template_type: 'calling_optin' } },
    },
  } as const;
}

/**
 * Meta's reply to a sent Page message: `{ recipient: { id }, message_id }` on the calling pages.
 *
 * @example
 * msgrPermissionRequestReplySchema.parse({ recipient: { id: '5275811702471834' }, message_id: 'm_1' });
 */
export const msgrPermissionRequestReplySchema = z.looseObject({
  recipient: z.looseObject({ id: z.string().min(1) }).optional(),
  recipient_id: z.string().min(1).optional(),
  message_id: z.string().min(1),
});
export type MsgrPermissionRequestReply = z.infer<typeof msgrPermissionRequestReplySchema>;
