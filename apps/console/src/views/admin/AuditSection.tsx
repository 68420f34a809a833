import { useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/formats';
import type { AuditEntryView } from '@ringside/contracts';
import { useMemo } from 'react';
import { Button } from '../../ui/controls';
import { auditActionWords, auditChangesWords, auditSecretsWords } from './audit-words';
import { LoadState } from './fields';
import { useAdmin } from './useAdmin';
import { useCursorPages } from './useCursorPages';
import { useLoaded } from './useLoaded';

/** `/admin/audit`: who changed what, when (never secret values) */
export function AuditSection() {
  const { apis } = useAdmin();
  const [page, loadMore] = useCursorPages((cursor) => apis.audit.page(cursor), 'audit');
  const [users] = useLoaded(() => apis.users.list(), 'users');
  const names = useMemo(
    () => new Map(users.state === 'ready' ? users.data.map((u) => [u.id, u.name]) : []),
    [users],
  );
  const t = useT();

  if (page.state !== 'ready') {
    return <LoadState loaded={page} what="audit log" loading="the audit log" />;
  }
  return (
    <div className="space-y-3">
      {page.items.length === 0 ? (
        <p className="text-sm">{t('audit.noChanges')}</p>
      ) : (
        <ol
          aria-label={t('audit.list')}
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {page.items.map((entry) => (
            <AuditRow key={entry.id} entry={entry} names={names} />
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <Button tone="neutral" disabled={page.more} onClick={loadMore}>
          {page.more ? t('app.loading') : t('history.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}

function AuditRow({ entry, names }: { entry: AuditEntryView; names: ReadonlyMap<string, string> }) {
  const changes = auditChangesWords(entry.changes, names);
  const secrets = auditSecretsWords(entry.secretsChanged);
  const t = useT();
  return (
    <li className="space-y-1 p-3 text-sm">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <time dateTime={entry.at} className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {formatDateTime(entry.at)}
        </time>
        <span className="font-semibold">{auditActionWords(entry.action)}</span>
        {entry.target.label ? <span className="break-all">{entry.target.label}</span> : null}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('audit.by', { name: entry.actor.name, email: entry.actor.email })}
      </p>
      {changes ? <p className="text-xs break-words">{changes}</p> : null}
      {secrets ? <p className="text-xs">{secrets}</p> : null}
    </li>
  );
}
