import type { CallSummary } from '@ringside/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useServices } from '../../app/ConsoleProvider';
import { Button, ChannelBadge } from '../../ui/controls';
import {
  callerAddress,
  callerName,
  directionName,
  formatDuration,
  outcomeName,
} from '../../ui/format';
import { CallDetailPanel } from './CallDetailPanel';
import { listCalls } from './history-api';
import { filtersFromParams, filtersToParams, type HistoryFilters } from './history-query';
import { HistoryFiltersForm } from './HistoryFiltersForm';

type ListState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: CallSummary[]; nextCursor: string | null; more: boolean };

/** `/history`: the agent's calls with search, filters and a detail view with the timeline */
export function HistoryView() {
  const { http } = useServices();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const selected = params.get('call');
  const [list, setList] = useState<ListState>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setList({ state: 'loading' });
    void listCalls(http, filters).then((page) => {
      if (!live) return;
      setList(
        page.ok
          ? {
              state: 'ready',
              items: page.data.items,
              nextCursor: page.data.nextCursor,
              more: false,
            }
          : { state: 'error', message: page.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [http, filters]);

  const apply = (next: HistoryFilters) => setParams(filtersToParams(next));
  const select = (callId: string | null) => {
    const next = new URLSearchParams(params);
    if (callId) next.set('call', callId);
    else next.delete('call');
    setParams(next);
  };
  const loadMore = async () => {
    if (list.state !== 'ready' || !list.nextCursor || list.more) return;
    setList({ ...list, more: true });
    const page = await listCalls(http, filters, list.nextCursor);
    setList((current) =>
      current.state !== 'ready'
        ? current
        : page.ok
          ? {
              state: 'ready',
              items: [...current.items, ...page.data.items],
              nextCursor: page.data.nextCursor,
              more: false,
            }
          : { ...current, more: false },
    );
  };

  return (
    <div className="mx-auto max-w-5xl space-y-4 p-4">
      <h1 className="text-xl font-bold">Call history</h1>
      <HistoryFiltersForm value={filters} onApply={apply} />
      <div className={`grid gap-4 ${selected ? 'lg:grid-cols-2' : ''}`}>
        <CallList
          list={list}
          selected={selected}
          onSelect={select}
          onMore={() => void loadMore()}
        />
        {selected ? <CallDetailPanel callId={selected} onClose={() => select(null)} /> : null}
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
  list: ListState;
  selected: string | null;
  onSelect: (callId: string) => void;
  onMore: () => void;
}) {
  if (list.state === 'loading')
    return (
      <p role="status" className="text-sm">
        Loading calls…
      </p>
    );
  if (list.state === 'error') {
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        The call history could not be loaded: {list.message}
      </p>
    );
  }
  if (list.items.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No calls match.</p>;
  }
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {list.items.map((call) => (
          <li key={call.id}>
            <button
              type="button"
              aria-current={selected === call.id ? 'true' : undefined}
              onClick={() => onSelect(call.id)}
              className={`grid w-full grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-4 py-3 text-left hover:bg-slate-50 dark:hover:bg-slate-800 ${
                selected === call.id ? 'bg-sky-50 dark:bg-sky-950/50' : ''
              }`}
            >
              <span className="truncate font-semibold">{callerName(call.caller)}</span>
              <span className="text-right text-sm">
                {call.outcome ? outcomeName(call.outcome) : call.state}
              </span>
              <span className="truncate text-xs text-slate-600 dark:text-slate-400">
                {callerAddress(call.caller)} · {new Date(call.startedAt).toLocaleString()}
              </span>
              <span className="flex items-center justify-end gap-2">
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {directionName(call.direction)}
                </span>
                <ChannelBadge channel={call.channel} />
                {call.durationSec !== undefined ? (
                  <span className="font-mono text-xs tabular-nums">
                    {formatDuration(call.durationSec * 1000)}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list.nextCursor ? (
        <Button tone="neutral" disabled={list.more} onClick={onMore}>
          {list.more ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}
