import type { PermissionTemplate } from '@ringside/contracts/permission-template';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { calls, channels } from '../db/schema';
import { isUuid } from './ids';

/**
 * A WhatsApp number's approved call-permission template (`channels.permission_template_*`), and
 * what the server knows of a customer's 24-hour service window: when they last called the number.
 *
 * @example
 * await repos.permissionTemplates.set(workspaceId, channelId, { name: 'call_permission', language: 'en' });
 * await repos.permissionTemplates.calledSince(channelId, '918097530000', since); // true
 */
export function createPermissionTemplatesRepo(db: Db) {
  return {
    async get(workspaceId: string, channelId: string): Promise<PermissionTemplate | null> {
      if (!isUuid(workspaceId) || !isUuid(channelId)) return null;
      const [row] = await db
        .select({
          name: channels.permissionTemplateName,
          language: channels.permissionTemplateLanguage,
        })
        .from(channels)
        .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, channelId)));
      return row?.name && row.language ? { name: row.name, language: row.language } : null;
    },

    /** false when the channel is not the workspace's */
    async set(
      workspaceId: string,
      channelId: string,
      template: PermissionTemplate | null,
    ): Promise<boolean> {
      if (!isUuid(workspaceId) || !isUuid(channelId)) return false;
      const updated = await db
        .update(channels)
        .set({
          permissionTemplateName: template?.name ?? null,
          permissionTemplateLanguage: template?.language ?? null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, channelId)))
        .returning({ id: channels.id });
      return updated.length > 0;
    },

    /**
     * Whether the customer (their number or BSUID) called this number at or after `since`: a
     * call opens WhatsApp's 24-hour customer service window (*Service messages*).
     */
    async calledSince(channelId: string, customerId: string, since: Date): Promise<boolean> {
      if (!isUuid(channelId)) return false;
      const [row] = await db
        .select({ id: calls.id })
        .from(calls)
        .where(
          and(
            eq(calls.channelId, channelId),
            eq(calls.direction, 'inbound'),
            or(eq(calls.callerId, customerId), eq(calls.callerUserId, customerId)),
            gte(calls.offeredAt, since),
          ),
        )
        .limit(1);
      return row !== undefined;
    },
  };
}

export type PermissionTemplatesRepo = ReturnType<typeof createPermissionTemplatesRepo>;
