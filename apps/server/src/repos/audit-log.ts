import type { AuditValue } from '@ringside/contracts';
import { and, count, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { auditLog } from '../db/schema';
import { isUuid } from './ids';

/** An `audit_log` row. */
export type AuditRow = typeof auditLog.$inferSelect;

/** Who made a change, as they were at the time. */
export interface AuditActor {
  userId: string;
  name: string;
  email: string;
}

export interface NewAuditEntry {
  workspaceId: string;
  actor: AuditActor;
  /** `<target>.<verb>`: `user.create`, `channel.update`, `call.end`… */
  action: string;
  target: { type: string; id: string; label?: string | undefined };
  /** new values of plain fields */
  changes?: Record<string, AuditValue>;
  /** names of secret fields set or replaced; their values are never stored */
  secretsChanged?: readonly string[];
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}

/**
 * The audit log of admin and supervisor changes. Write an entry in the same transaction as the
 * change it records, so neither exists without the other.
 *
 * @example
 * await unitOfWork(async (repos) => {
 *   await repos.channels.updateChannel(workspaceId, id, patch);
 *   await repos.auditLog.record({ workspaceId, actor, action: 'channel.update',
 *     target: { type: 'channel', id }, changes: { ringTimeoutSec: 30 } });
 * });
 */
export function createAuditLogRepo(db: Db) {
  return {
    async record(entry: NewAuditEntry): Promise<AuditRow> {
      const [row] = await db
        .insert(auditLog)
        .values({
          workspaceId: entry.workspaceId,
          actorId: entry.actor.userId,
          actorName: entry.actor.name,
          actorEmail: entry.actor.email,
          action: entry.action,
          targetType: entry.target.type,
          targetId: entry.target.id,
          targetLabel: entry.target.label ?? null,
          changes: entry.changes ?? {},
          secretsChanged: [...(entry.secretsChanged ?? [])],
        })
        .returning();
      if (!row) throw new Error('inserting an audit entry returned no row');
      return row;
    },

    /**
     * how many entries of one action an actor has made in the last `withinMs` (a per-actor
     * limit), on the database's clock, which stamped them: every node agrees
     */
    async countRecent(
      workspaceId: string,
      actorId: string,
      action: string,
      withinMs: number,
    ): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.workspaceId, workspaceId),
            eq(auditLog.actorId, actorId),
            eq(auditLog.action, action),
            gt(auditLog.occurredAt, sql`now() - make_interval(secs => ${withinMs / 1000})`),
          ),
        );
      return row?.n ?? 0;
    },

    /** a workspace's entries, newest first; `cursor` is the previous page's last id */
    async listEntries(
      workspaceId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<AuditPage> {
      if (!isUuid(workspaceId)) return { items: [], nextCursor: null };
      const conditions = [eq(auditLog.workspaceId, workspaceId)];
      if (page.cursor !== undefined) conditions.push(lt(auditLog.id, Number(page.cursor)));
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(desc(auditLog.id))
        .limit(page.limit + 1);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
    },
  };
}

export type AuditLogRepo = ReturnType<typeof createAuditLogRepo>;
