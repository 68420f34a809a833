import { z } from 'zod';

// meta documents the messenger calling opt-in request sparsely ("request with a calling_optin
// template"): this reading of it is unconfirmed, so it lives here alone, easy to change, the
// same shape the simulator accepts (meta-sim graph/messenger-permission-request.ts)

/**
 * The body of `POST /{page-id}/messages` that asks a Messenger user to allow calls.
 *
 * @example
 * messengerPermissionRequestBody('5275811702471834').message.attachment.payload.template_type; // 'call_permission_request'
 */
export function messengerPermissionRequestBody(psid: string) {
  return {
    recipient: { id: psid },
    messaging_type: 'RESPONSE',
    message: {
      attachment: { type: 'template', payload: { template_type: 'call_permission_request' } },
    },
  } as const;
}

/**
 * Meta's reply to a sent Page message.
 *
 * @example
 * msgrPermissionRequestReplySchema.parse({ recipient_id: '5275811702471834', message_id: 'm_1' });
 */
export const msgrPermissionRequestReplySchema = z.looseObject({
  recipient_id: z.string().min(1).optional(),
  message_id: z.string().min(1),
});
export type MsgrPermissionRequestReply = z.infer<typeof msgrPermissionRequestReplySchema>;
