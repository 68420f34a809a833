import type { CallSummary } from '@ringside/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CallLogApi } from '../../api/call-log-api';
import { Button, ChannelBadge } from '../../ui/controls';
import { callerAddress, callerName, formatDuration, outcomeName } from '../../ui/format';
import { useLoaded } from '../admin/useLoaded';
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
          Call log
        </h2>
        <a
          href={exportCsvUrl(filters)}
          download
          className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
        >
          Export CSV
        </a>
      </div>
      <CallLogFiltersForm value={filters} agents={agents} onApply={apply} />
      <div className={`grid gap-4 ${selected ? 'lg:grid-cols-2' : ''}`}>
        <div className="min-w-0 space-y-2">
          {page.state === 'loading' ? (
            <p role="status" className="text-sm">
              Loading calls…
            </p>
          ) : page.state === 'error' ? (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
              The call log could not be loaded: {page.message}
            </p>
          ) : (
            <LogRows items={page.data.items} selected={selected} onSelect={select} />
          )}
          <nav aria-label="Call log pages" className="flex flex-wrap items-center gap-2">
            <Button
              tone="neutral"
              className="min-h-9 px-3"
              disabled={paging.index === 0}
              onClick={() => go(paging.index - 1)}
            >
              Newer
            </Button>
            <span className="text-sm">Page {paging.index + 1}</span>
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
              Older
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

function LogRows({
  items,
  selected,
  onSelect,
}: {
  items: CallSummary[];
  selected: string | null;
  onSelect: (callId: string) => void;
}) {
  if (items.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No calls match.</p>;
  }
  return (
    <ul
      aria-label="Calls"
      className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
    >
      {items.map((call) => (
        <li key={call.id}>
          <button
            type="button"
            aria-current={selected === call.id ? 'true' : undefined}
            onClick={() => onSelect(call.id)}
            className={`grid w-full grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-3 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-800 ${
              selected === call.id ? 'bg-sky-50 dark:bg-sky-950/50' : ''
            }`}
          >
            <span className="truncate font-semibold">{callerName(call.caller)}</span>
            <span className="text-right text-sm">
              {call.outcome ? outcomeName(call.outcome) : call.state}
            </span>
            <span className="truncate text-xs text-slate-600 dark:text-slate-400">
              {callerAddress(call.caller)} · {new Date(call.startedAt).toLocaleString()}
              {call.agent ? ` · ${call.agent.name}` : ''}
            </span>
            <span className="flex items-center justify-end gap-2">
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
  );
}
