import { z } from 'zod';
import { e164Schema, isoDateTimeSchema, ringStrategySchema, roleSchema } from './call-outcome';
import { idSchema } from './rest-common';

// meta ids are decimal digit strings
const metaId = z
  .string()
  .trim()
  .regex(/^\d{5,32}$/, 'expected a Meta id (digits only)');
// write-only: accepted in bodies, never present in replies
const accessToken = z.string().trim().min(20).max(4096);
const name = z.string().trim().min(1).max(200);

/**
 * `POST /api/admin/workspaces`.
 *
 * @example
 * workspaceCreateBodySchema.parse({ name: 'Acme Support' });
 */
export const workspaceCreateBodySchema = z.object({ name });
export type WorkspaceCreateBody = z.infer<typeof workspaceCreateBodySchema>;

/**
 * A workspace in admin replies.
 *
 * @example
 * workspaceViewSchema.parse({ id: 'w_1', name: 'Acme Support', createdAt });
 */
export const workspaceViewSchema = z.object({ id: idSchema, name, createdAt: isoDateTimeSchema });
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;

const password = z.string().min(8).max(1024);

/**
 * `POST /api/admin/users`. Without `workspaceId` the admin's own workspace is meant.
 *
 * @example
 * userCreateBodySchema.parse({ email: 'asha@example.com', password: 'long enough', role: 'agent', name: 'Asha' });
 */
export const userCreateBodySchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password,
  role: roleSchema,
  name: name.optional(),
  workspaceId: idSchema.optional(),
});
export type UserCreateBody = z.infer<typeof userCreateBodySchema>;

/**
 * `PATCH /api/admin/users/:id`: at least one field.
 *
 * @example
 * userUpdateBodySchema.parse({ role: 'supervisor' });
 */
export const userUpdateBodySchema = z
  .object({
    name: name.optional(),
    role: roleSchema.optional(),
    password: password.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'nothing to update',
  });
export type UserUpdateBody = z.infer<typeof userUpdateBodySchema>;

/**
 * A user in admin replies (never a password or its hash).
 *
 * @example
 * userViewSchema.parse({ id: 'u_1', email, name: 'Asha', role: 'agent', workspaceId: 'w_1', disabled: false, createdAt });
 */
export const userViewSchema = z.object({
  id: idSchema,
  email: z.email(),
  name: z.string(),
  role: roleSchema,
  workspaceId: idSchema,
  disabled: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type UserView = z.infer<typeof userViewSchema>;

const channelCommon = {
  workspaceId: idSchema.optional(),
  ringStrategy: ringStrategySchema.optional(),
  assignedUserIds: z.array(idSchema).optional(),
};

/**
 * `POST /api/admin/channels`, told apart by `channel`. The access token is write-only.
 *
 * @example
 * channelCreateBodySchema.parse({ channel: 'whatsapp', phoneNumberId: '115017831530658', wabaId: '114255454940862',
 *   displayNumber: '+919129950000', accessToken: 'EAAG…' });
 */
export const channelCreateBodySchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('whatsapp'),
    phoneNumberId: metaId,
    wabaId: metaId,
    displayNumber: e164Schema,
    accessToken,
    label: name.optional(),
    ...channelCommon,
  }),
  z.object({
    channel: z.literal('messenger'),
    pageId: metaId,
    name,
    accessToken,
    ...channelCommon,
  }),
]);
export type ChannelCreateBody = z.infer<typeof channelCreateBodySchema>;

/**
 * `PATCH /api/admin/channels/:id`: at least one field; a new `accessToken` replaces the stored one.
 *
 * @example
 * channelUpdateBodySchema.parse({ accessToken: 'EAAG…new', ringStrategy: 'longest-idle' });
 */
export const channelUpdateBodySchema = z
  .object({
    label: name.optional(),
    displayNumber: e164Schema.optional(),
    accessToken: accessToken.optional(),
    ringStrategy: ringStrategySchema.optional(),
    assignedUserIds: z.array(idSchema).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'nothing to update',
  });
export type ChannelUpdateBody = z.infer<typeof channelUpdateBodySchema>;

/**
 * A channel in admin replies and `channel list`: `tokenSet` says whether a token is stored; the
 * token itself never leaves the server (parsing through this schema drops it).
 *
 * @example
 * channelViewSchema.parse({ ...row, accessToken: 'EAAG…' }); // no accessToken in the result
 */
export const channelViewSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  channel: z.enum(['whatsapp', 'messenger']),
  label: z.string(),
  phoneNumberId: metaId.optional(),
  wabaId: metaId.optional(),
  displayNumber: e164Schema.optional(),
  pageId: metaId.optional(),
  ringStrategy: ringStrategySchema,
  assignedUserIds: z.array(idSchema),
  enabled: z.boolean(),
  tokenSet: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type ChannelView = z.infer<typeof channelViewSchema>;
