import type { AuditEntryView } from '@ringside/contracts';
import type { AuditRow } from '../repos/audit-log';

/**
 * An audit entry as `GET /api/admin/audit` shows it.
 *
 * @example
 * toAuditEntryView(row); // { id: '41', at, actor: { userId, name, email }, action: 'user.create', … }
 */
export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    at: row.occurredAt.toISOString(),
    actor: { userId: row.actorId, name: row.actorName, email: row.actorEmail },
    action: row.action,
    target: {
      type: row.targetType,
      id: row.targetId,
      ...(row.targetLabel === null ? {} : { label: row.targetLabel }),
    },
    changes: row.changes,
    secretsChanged: row.secretsChanged,
  };
}
