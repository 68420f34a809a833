import { z } from 'zod';

/**
 * `POST /{page-id}/messages` asking a user for permission to call: a template attachment whose
 * `template_type` "must be calling_optin" (*Check and obtain call permissions*).
 *
 * @example
 * msgrPermissionRequestBodySchema.parse({
 *   recipient: { id: '5275811702471834' },
 *   message: { attachment: { type: 'template', payload: { template_type: 'calling_optin' } } },
 * });
 */
export const msgrPermissionRequestBodySchema = z.looseObject({
  recipient: z.looseObject({ id: z.string().regex(/^\d{1,20}$/, 'expected a PSID (digits)') }),
  message: z.looseObject({
    attachment: z.looseObject({
      type: z.literal('template'),
      payload: z.looseObject({
        template_type: z.literal('calling_optin', {
          error: 'template_type must be calling_optin to ask for call permission',
        }),
      }),
    }),
  }),
});
export type MsgrPermissionRequestBody = z.infer<typeof msgrPermissionRequestBodySchema>;
