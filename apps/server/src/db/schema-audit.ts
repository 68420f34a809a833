import type { AuditValue } from '@ringside/contracts';
import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { users, workspaces } from './schema-accounts';

/**
 * Admin changes: who, what, when. The actor's name and email are copied so the log reads the
 * same after they are renamed or deleted. Secret fields are named in `secrets_changed`; their
 * values are never stored here.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    targetLabel: text('target_label'),
    changes: jsonb('changes').$type<Record<string, AuditValue>>().notNull().default({}),
    secretsChanged: text('secrets_changed').array().notNull().default([]),
    occurredAt: instant('occurred_at').notNull().defaultNow(),
  },
  (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.id)],
);
