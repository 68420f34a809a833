import { z } from 'zod';

// meta documents the messenger opt-in request sparsely ("a calling_optin template"); this
// reading is unconfirmed, so it lives here alone. Move it to @ringside/contracts once settled.

/**
 * `POST /{page-id}/messages` asking a user for permission to call: a template attachment whose
 * `template_type` is `call_permission_request` or `calling_optin`.
 *
 * @example
 * msgrPermissionRequestBodySchema.parse({
 *   recipient: { id: '5275811702471834' },
 *   message: { attachment: { type: 'template', payload: { template_type: 'call_permission_request' } } },
 * });
 */
export const msgrPermissionRequestBodySchema = z.looseObject({
  recipient: z.looseObject({ id: z.string().regex(/^\d{1,20}$/, 'expected a PSID (digits)') }),
  message: z.looseObject({
    attachment: z.looseObject({
      type: z.literal('template'),
      payload: z.looseObject({
        template_type: z.enum(['call_permission_request', 'calling_optin']),
      }),
    }),
  }),
});
export type MsgrPermissionRequestBody = z.infer<typeof msgrPermissionRequestBodySchema>;
