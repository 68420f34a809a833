import type { AuditEntryView } from '@ringside/contracts';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../ui/controls';
import { auditActionWords, auditChangesWords, auditSecretsWords } from './audit-words';
import { useAdmin } from './useAdmin';
import { useLoaded } from './useLoaded';

type Page =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: AuditEntryView[]; nextCursor: string | null; more: boolean };

/** `/admin/audit`: who changed what, when (never secret values) */
export function AuditSection() {
  const { apis } = useAdmin();
  const [page, setPage] = useState<Page>({ state: 'loading' });
  const [users] = useLoaded(() => apis.users.list(), 'users');
  const names = useMemo(
    () => new Map(users.state === 'ready' ? users.data.map((u) => [u.id, u.name]) : []),
    [users],
  );

  useEffect(() => {
    let live = true;
    void apis.audit.page().then((first) => {
      if (!live) return;
      setPage(
        first.ok
          ? {
              state: 'ready',
              items: first.data.items,
              nextCursor: first.data.nextCursor,
              more: false,
            }
          : { state: 'error', message: first.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [apis]);

  const loadMore = async () => {
    if (page.state !== 'ready' || !page.nextCursor || page.more) return;
    setPage({ ...page, more: true });
    const next = await apis.audit.page(page.nextCursor);
    setPage((current) =>
      current.state !== 'ready'
        ? current
        : next.ok
          ? {
              state: 'ready',
              items: [...current.items, ...next.data.items],
              nextCursor: next.data.nextCursor,
              more: false,
            }
          : { ...current, more: false },
    );
  };

  if (page.state === 'loading') {
    return (
      <p role="status" className="text-sm">
        Loading the audit log…
      </p>
    );
  }
  if (page.state === 'error') {
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        The audit log could not be loaded: {page.message}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {page.items.length === 0 ? (
        <p className="text-sm">No changes recorded yet.</p>
      ) : (
        <ol
          aria-label="Audit log"
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {page.items.map((entry) => (
            <AuditRow key={entry.id} entry={entry} names={names} />
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <Button tone="neutral" disabled={page.more} onClick={() => void loadMore()}>
          {page.more ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}

function AuditRow({ entry, names }: { entry: AuditEntryView; names: ReadonlyMap<string, string> }) {
  const changes = auditChangesWords(entry.changes, names);
  const secrets = auditSecretsWords(entry.secretsChanged);
  return (
    <li className="space-y-1 p-3 text-sm">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <time dateTime={entry.at} className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {new Date(entry.at).toLocaleString()}
        </time>
        <span className="font-semibold">{auditActionWords(entry.action)}</span>
        {entry.target.label ? <span className="break-all">{entry.target.label}</span> : null}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        by {entry.actor.name} ({entry.actor.email})
      </p>
      {changes ? <p className="text-xs break-words">{changes}</p> : null}
      {secrets ? <p className="text-xs">{secrets}</p> : null}
    </li>
  );
}
