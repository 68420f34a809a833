import { z } from 'zod';
import { isoDateTimeSchema } from './call-outcome';
import { optionalQuery } from './rest-common';

/** Most audit entries one page holds. */
export const AUDIT_PAGE_MAX = 200;

/**
 * A value an audit entry records for a changed field: plain settings only, never a secret.
 *
 * @example
 * auditValueSchema.parse(['call.ended', 'call.missed']);
 */
export const auditValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);
export type AuditValue = z.infer<typeof auditValueSchema>;

/**
 * One admin change: who, what, when. `changes` holds the new values of plain fields;
 * `secretsChanged` names secret fields that were set or replaced, without their values.
 *
 * @example
 * auditEntryViewSchema.parse({ id: '41', at, actor: { userId, name: 'Ana', email }, action: 'channel.update',
 *   target: { type: 'channel', id: ch.id, label: 'Acme' }, changes: { ringTimeoutSec: 30 }, secretsChanged: ['accessToken'] });
 */
export const auditEntryViewSchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  /** as they were at the time; `userId` is null once that user is deleted */
  actor: z.object({ userId: z.string().nullable(), name: z.string(), email: z.string() }),
  /** `<target>.<verb>`, e.g. `user.create`, `channel.update`, `webhook.delete`, `call.end` */
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string(), label: z.string().optional() }),
  changes: z.record(z.string(), auditValueSchema),
  secretsChanged: z.array(z.string()),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/**
 * `GET /api/admin/audit?limit=&cursor=`, newest first.
 *
 * @example
 * auditQuerySchema.parse({ limit: '20' }); // { limit: 20 }
 */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  cursor: optionalQuery(z.string().regex(/^\d{1,19}$/, 'not a cursor from a previous page')),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/**
 * The audit page reply; `nextCursor` is `null` on the last page.
 *
 * @example
 * auditPageReplySchema.parse({ items: [], nextCursor: null });
 */
export const auditPageReplySchema = z.object({
  items: z.array(auditEntryViewSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPageReply = z.infer<typeof auditPageReplySchema>;
