import { z } from 'zod';

/**
 * A message template's name as WhatsApp Manager takes it: lowercase letters, digits and
 * underscores, at most 512 characters (*Message templates*).
 *
 * @example
 * templateNameSchema.safeParse('call_permission_v2').success; // true
 * templateNameSchema.safeParse('Call permission').success; // false
 */
export const templateNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the template’s name')
  .max(512, 'At most 512 characters')
  .regex(/^[a-z0-9_]+$/, 'Lowercase letters, digits and underscores only, as in WhatsApp Manager');

/**
 * A template language code as Meta lists them (*Supported languages*): a language, with a
 * region or script when the language has several (`en`, `en_US`, `pt_BR`, `zh_CN`, `fil`).
 *
 * @example
 * templateLanguageSchema.safeParse('pt_BR').success; // true
 * templateLanguageSchema.safeParse('english').success; // false
 */
export const templateLanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(_[A-Z]{2,4})?$/, 'A language code such as en, en_US or pt_BR');

/** An approved template that asks for call permission, named with its language. */
export const permissionTemplateSchema = z.object({
  name: templateNameSchema,
  language: templateLanguageSchema,
});
export type PermissionTemplate = z.infer<typeof permissionTemplateSchema>;

/**
 * `PUT /api/admin/channels/:id/permission-template` and its reply (and `GET`): the number's
 * permission template, or `null` for none (requests then go only as the free-form message,
 * which WhatsApp allows inside the 24-hour customer service window).
 *
 * @example
 * permissionTemplateBodySchema.parse({ template: { name: 'call_permission', language: 'en' } });
 */
export const permissionTemplateBodySchema = z.object({
  template: permissionTemplateSchema.nullable(),
});
export type PermissionTemplateBody = z.infer<typeof permissionTemplateBodySchema>;

/**
 * `POST /{phone-number-id}/messages` with an approved template (*User call permissions*: a call
 * permission request outside the customer service window is a template whose approved
 * structure holds the `call_permission_request` component).
 *
 * @example
 * waTemplateMessageSchema.parse({ messaging_product: 'whatsapp', to: '918097530000', type: 'template', template: { name: 'call_permission', language: { code: 'en' } } });
 */
export const waTemplateMessageSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  type: z.literal('template'),
  template: z.looseObject({
    name: z.string().min(1),
    language: z.looseObject({ code: z.string().min(1) }),
    components: z.array(z.looseObject({ type: z.string() })).optional(),
  }),
});
export type WaTemplateMessage = z.infer<typeof waTemplateMessageSchema>;
