import { useT } from '../../i18n/I18nProvider';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CallLogApi } from '../../api/call-log-api';
import { Button } from '../../ui/controls';
import { useLoaded } from '../admin/useLoaded';
import { CallRows } from '../history/CallRows';
import { CallLogDetail } from './CallLogDetail';
import { CallLogFiltersForm, type AgentOption } from './CallLogFiltersForm';
import {
  callLogUrl,
  exportCsvUrl,
  logFiltersFromParams,
  logFiltersToParams,
  type CallLogFilters,
} from './call-log-query';

/** where the log's paging stands: the cursor of every page seen so far, for going back */
interface Paging {
  key: string;
  cursors: (string | undefined)[];
  index: number;
}

/**
 * The workspace's call log: filters kept in the address (shareable), pages, a detail with the
 * timeline, and the CSV export of everything the filters match. The first page refreshes when
 * a call ends on the board.
 */
export function CallLog({
  api,
  agents,
  endedCount,
}: {
  api: CallLogApi;
  agents: readonly AgentOption[];
  endedCount: number;
}) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => logFiltersFromParams(params), [params]);
  const key = logFiltersToParams(filters).toString();
  const [stored, setPaging] = useState<Paging>({ key, cursors: [undefined], index: 0 });
  // new filters start again at the first page
  const paging = stored.key === key ? stored : { key, cursors: [undefined], index: 0 };
  const cursor = paging.cursors[paging.index];
  const [page, reload] = useLoaded(
    () => api.page(callLogUrl(filters, cursor)),
    `${key}|${cursor ?? ''}`,
  );
  const selected = params.get('call');
  const t = useT();

  useEffect(() => {
    if (endedCount > 0 && paging.index === 0) reload();
    // only a new ending refreshes; paging and filters have their own loads
  }, [endedCount]);

  const apply = (next: CallLogFilters) => setParams(logFiltersToParams(next));
  const select = (callId: string | null) => {
    const next = new URLSearchParams(params);
    if (callId) next.set('call', callId);
    else next.delete('call');
    setParams(next, { preventScrollReset: true });
  };
  const go = (index: number, nextCursor?: string) =>
    setPaging({
      key,
      cursors: nextCursor ? [...paging.cursors.slice(0, index), nextCursor] : paging.cursors,
      index,
    });

  return (
    <section
      aria-labelledby="call-log-title"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="call-log-title" className="text-base font-semibold">
          {t('log.title')}
        </h2>
        <a
          href={exportCsvUrl(filters)}
          download
          className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
        >
          {t('log.export')}
        </a>
      </div>
      <CallLogFiltersForm value={filters} agents={agents} onApply={apply} />
      <div className={`grid gap-4 ${selected ? 'lg:grid-cols-2' : ''}`}>
        <div className="min-w-0 space-y-2">
          {page.state === 'loading' ? (
            <p role="status" className="text-sm">
              {t('history.loading')}
            </p>
          ) : page.state === 'error' ? (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
              {t('log.loadFailed', { message: page.message })}
            </p>
          ) : (
            <CallRows
              items={page.data.items}
              selected={selected}
              onSelect={select}
              label={t('log.calls')}
              nested
              showAgent
              showDirection
            />
          )}
          <nav aria-label={t('log.pages')} className="flex flex-wrap items-center gap-2">
            <Button
              tone="neutral"
              className="min-h-9 px-3"
              disabled={paging.index === 0}
              onClick={() => go(paging.index - 1)}
            >
              {t('log.newer')}
            </Button>
            <span className="text-sm">{t('log.page', { page: paging.index + 1 })}</span>
            <Button
              tone="neutral"
              className="min-h-9 px-3"
              disabled={page.state !== 'ready' || !page.data.nextCursor}
              onClick={() =>
                page.state === 'ready' && page.data.nextCursor
                  ? go(paging.index + 1, page.data.nextCursor)
                  : undefined
              }
            >
              {t('log.older')}
            </Button>
          </nav>
        </div>
        {selected ? (
          <CallLogDetail api={api} callId={selected} onClose={() => select(null)} />
        ) : null}
      </div>
    </section>
  );
}
