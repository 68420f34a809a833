import { z } from 'zod';
import { channelSchema, roleSchema } from './call-outcome';
import { localeSchema } from './locale';
import { readableIssueSchema } from './rest-common';

// the console language travels with the me reply
export * from './locale';

/**
 * `POST /api/auth/login`. The email is trimmed and lower-cased so sign-in ignores case.
 *
 * @example
 * loginBodySchema.parse({ email: ' Asha@Example.com ', password: 'secret' }).email; // 'asha@example.com'
 */
export const loginBodySchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  // bounded so a hash of a huge body cannot be used to burn CPU
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/**
 * A channel the signed-in user answers, and so may call customers from (`call:dial`).
 *
 * @example
 * dialableChannelSchema.parse({ id: 'ch_1', channel: 'whatsapp', label: '+1 555 010 0001' });
 */
export const dialableChannelSchema = z.object({
  id: z.string().min(1),
  channel: channelSchema,
  /** the display number or the Page's name */
  label: z.string().min(1),
});
export type DialableChannel = z.infer<typeof dialableChannelSchema>;

/**
 * `GET /api/me`: who is signed in, the enabled channels they answer (where they may dial from), and
 * the console language they chose (`null`, or absent from an older server: follow the browser).
 *
 * @example
 * meReplySchema.parse({ id: 'u_1', email: 'asha@example.com', name: 'Asha', role: 'agent', workspaceId: 'w_1', workspaceName: 'Acme', channels: [] });
 */
export const meReplySchema = z.object({
  id: z.string().min(1),
  email: z.email(),
  name: z.string(),
  role: roleSchema,
  workspaceId: z.string().min(1),
  workspaceName: z.string(),
  channels: z.array(dialableChannelSchema),
  locale: localeSchema.nullable().optional(),
});
export type MeReply = z.infer<typeof meReplySchema>;

/**
 * Every REST error body: a stable code, a message safe to show, and for bad input the
 * problems by path.
 *
 * @example
 * res.status(400).json({ error: { code: 'invalid_payload', message: 'Check the form.', issues } });
 */
export const apiErrorReplySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    issues: z.array(readableIssueSchema).optional(),
  }),
});
export type ApiErrorReply = z.infer<typeof apiErrorReplySchema>;
