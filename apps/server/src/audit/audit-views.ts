import type { AuditEntryView } from '@ringside/contracts';
import { maskReceiverUrl } from '../outbox/receiver-url';
import type { AuditRow } from '../repos/audit-log';

/**
 * An audit entry as `GET /api/admin/audit` shows it.
 *
 * @example
 * toAuditEntryView(row); // { id: '41', at, actor: { userId, name, email }, action: 'user.create', … }
 */
export function toAuditEntryView(row: AuditRow): AuditEntryView {
  // a webhook's URL may carry credentials: masked, also in entries written before it was
  const webhook = row.targetType === 'webhook';
  const label =
    webhook && row.targetLabel !== null ? maskReceiverUrl(row.targetLabel) : row.targetLabel;
  const url = webhook ? row.changes.url : undefined;
  return {
    id: String(row.id),
    at: row.occurredAt.toISOString(),
    actor: { userId: row.actorId, name: row.actorName, email: row.actorEmail },
    action: row.action,
    target: {
      type: row.targetType,
      id: row.targetId,
      ...(label === null ? {} : { label }),
    },
    changes: typeof url === 'string' ? { ...row.changes, url: maskReceiverUrl(url) } : row.changes,
    secretsChanged: row.secretsChanged,
  };
}
