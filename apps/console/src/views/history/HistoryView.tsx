import { useT } from '../../i18n/I18nProvider';
import type { CallSummary } from '@ringside/contracts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CallLogApi } from '../../api/call-log-api';
import type { CallMediaApi } from '../../api/call-media-api';
import { Button } from '../../ui/controls';
import type { CursorPages } from '../admin/cursor-pages';
import { useCursorPages } from '../admin/useCursorPages';
import { CallDetailPanel } from './CallDetailPanel';
import { CallRows } from './CallRows';
import {
  callsUrl,
  filtersFromParams,
  filtersToParams,
  HISTORY_PAGE,
  type HistoryFilters,
} from './history-query';
import { HistoryFiltersForm } from './HistoryFiltersForm';

/**
 * `/history`: the agent's calls with search, filters and a detail view with the timeline. The
 * call log API comes from the wiring (`app/HistoryRoute.tsx`).
 *
 * @example
 * <HistoryView callLog={new CallLogApi(rest)} />
 */
export function HistoryView({
  callLog,
  callMedia,
}: {
  callLog: CallLogApi;
  /** recordings and transcripts in the call detail */
  callMedia?: CallMediaApi;
}) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const selected = params.get('call');
  // picking a call changes the address too: only the filters reload the list
  const [list, loadMore] = useCursorPages(
    (cursor) => callLog.page(callsUrl(filters, cursor, HISTORY_PAGE)),
    filtersToParams(filters).toString(),
  );

  const t = useT();
  const apply = (next: HistoryFilters) => setParams(filtersToParams(next));
  const select = (callId: string | null) => {
    const next = new URLSearchParams(params);
    if (callId) next.set('call', callId);
    else next.delete('call');
    setParams(next);
  };

  return (
    <div className="mx-auto max-w-5xl space-y-4 p-4">
      <h1 className="text-xl font-bold">{t('history.title')}</h1>
      <HistoryFiltersForm value={filters} onApply={apply} />
      <div className={`grid gap-4 ${selected ? 'lg:grid-cols-2' : ''}`}>
        <CallList list={list} selected={selected} onSelect={select} onMore={loadMore} />
        {selected ? (
          <CallDetailPanel
            api={callLog}
            media={callMedia}
            callId={selected}
            onClose={() => select(null)}
          />
        ) : null}
      </div>
    </div>
  );
}

function CallList({
  list,
  selected,
  onSelect,
  onMore,
}: {
  list: CursorPages<CallSummary>;
  selected: string | null;
  onSelect: (callId: string) => void;
  onMore: () => void;
}) {
  const t = useT();
  if (list.state === 'loading') {
    return (
      <p role="status" className="text-sm">
        {t('history.loading')}
      </p>
    );
  }
  if (list.state === 'error') {
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        {t('history.loadFailed', { message: list.message })}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <CallRows items={list.items} selected={selected} onSelect={onSelect} showDirection />
      {list.nextCursor ? (
        <Button tone="neutral" disabled={list.more} onClick={onMore}>
          {list.more ? t('app.loading') : t('history.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}
