import { useT } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/formats';
import { CALLS_PAGE_MAX, type CallView } from '@ringside/contracts';
import { TODAY_MAX_PAGES } from '../../api/call-log-api';
import type { BoardFeed } from './BoardFeed';
import { useNow } from '../../ui/useNow';
import { waitedFor } from '../agent/callback-words';
import { formatCallLength, formatShare, formatWait, NO_FIGURE } from './counter-words';
import { useBoard } from './useBoard';

/** today's figures: the server's counters, waiting counted live, call length from the log */
export function TodayCounters({ feed }: { feed: BoardFeed }) {
  // the server's "waiting" is inbound calls ringing now (a caller leaving a voicemail waits for
  // nobody); the live board knows that at once
  const waiting = useBoard(
    feed,
    (s) =>
      s.calls.filter(
        (c) => c.state === 'ringing' && c.direction === 'inbound' && c.waiting !== 'voicemail',
      ).length,
  );
  // callers a media server answered and holds in a line's queue, and since when the first of
  // them has waited (since they called), from the live board
  const inQueue = useBoard(feed, (s) => s.calls.filter(isQueued).length);
  const longestQueuedSince = useBoard(feed, (s) =>
    s.calls
      .filter(isQueued)
      .reduce<string | null>(
        (oldest, c) => (c.startedAt && (!oldest || c.startedAt < oldest) ? c.startedAt : oldest),
        null,
      ),
  );
  const counters = useBoard(feed, (s) => s.counters);
  const today = useBoard(feed, (s) => s.today);
  const t = useT();
  return (
    <section
      aria-labelledby="today-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="today-title" className="text-base font-semibold">
          {t('today.title')}
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('today.since')}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        <Counter term={t('today.waiting')} value={formatNumber(waiting)} />
        <Counter
          term={t('today.answered')}
          value={counters ? formatNumber(counters.answered) : NO_FIGURE}
        />
        <Counter
          term={t('today.missed')}
          value={counters ? formatNumber(counters.missed) : NO_FIGURE}
        />
        <Counter
          term={t('today.avgAnswer')}
          value={formatWait(counters?.averageAnswerMs ?? null)}
        />
        <Counter
          term={t('today.within20')}
          value={formatShare(counters?.answeredWithin20sShare ?? null)}
        />
        <Counter
          term={t('today.avgLength')}
          value={formatCallLength(today?.averageCallMs ?? null)}
        />
        <Counter
          term={t('today.avgHandle')}
          value={formatCallLength(counters?.averageHandleMs ?? null)}
        />
        {inQueue > 0 ? (
          <>
            <Counter term={t('today.inQueue')} value={formatNumber(inQueue)} />
            <QueueWait since={longestQueuedSince} />
          </>
        ) : null}
        {counters?.callbacksWaiting !== undefined ? (
          <>
            <Counter term={t('today.callbacks')} value={formatNumber(counters.callbacksWaiting)} />
            <CallbackWait since={counters.oldestCallbackWaitingSince ?? null} />
          </>
        ) : null}
      </dl>
      {today && !today.complete ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t('today.partial', { count: formatNumber(TODAY_MAX_PAGES * CALLS_PAGE_MAX) })}
        </p>
      ) : null}
    </section>
  );
}

function Counter({ term, value }: { term: string; value: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800/60">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{term}</dt>
      <dd className="mt-1 font-mono text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

const isQueued = (c: CallView) => c.state === 'ringing' && c.waiting === 'queued';

/** how long the longest-waiting queued caller has waited, kept current on its own */
function QueueWait({ since }: { since: string | null }) {
  const now = useNow(1_000);
  const t = useT();
  return (
    <Counter
      term={t('today.longestInQueue')}
      value={since ? formatWait(Math.max(0, now - Date.parse(since))) : NO_FIGURE}
    />
  );
}

/** how long the longest-waiting callback has waited, kept current on its own */
function CallbackWait({ since }: { since: string | null }) {
  const now = useNow(30_000);
  const t = useT();
  return (
    <Counter
      term={t('today.oldestCallback')}
      value={since ? waitedFor(now - Date.parse(since)) : NO_FIGURE}
    />
  );
}
