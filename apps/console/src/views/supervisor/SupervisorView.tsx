import { useLocale, useT } from '../../i18n/I18nProvider';
import { t as translate } from '../../i18n/i18n';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CallLogApi } from '../../api/call-log-api';
import type { UsersApi } from '../../api/users-api';
import type { ListenIn } from '../../calls/ListenIn';
import { useAppState } from '../../app/ConsoleProvider';
import { Banner, Button } from '../../ui/controls';
import { useLoaded } from '../admin/useLoaded';
import { AgentsPanel } from './AgentsPanel';
import type { BoardFeed } from './BoardFeed';
import { CallLog } from './CallLog';
import type { AgentOption } from './CallLogFiltersForm';
import { LiveCalls } from './LiveCalls';
import { TodayCounters } from './TodayCounters';
import { useBoard } from './useBoard';

/** what the board page works with; the wiring (`app/SupervisorRoute.tsx`) builds and runs them */
export interface SupervisorParts {
  /** the live board, started while the page shows */
  feed: BoardFeed;
  callLog: CallLogApi;
  users: UsersApi;
  /** listening in on an anchored call */
  listen: ListenIn;
}

/**
 * `/supervisor`: the live board (calls, agents, today's counters) and the call log.
 *
 * @example
 * <SupervisorView feed={feed} callLog={callLog} users={users} listen={listenIn} />
 */
export function SupervisorView({ feed, callLog, users, listen }: SupervisorParts) {
  const role = useAppState((s) => s.me?.role);
  const endedCount = useBoard(feed, (s) => s.ended.length);
  const agents = useAgentOptions(users, feed);
  const t = useT();

  return (
    <div className="mx-auto max-w-6xl space-y-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">{t('sup.title')}</h1>
        <nav aria-label={t('sup.nav')} className="flex flex-wrap gap-4">
          <Link
            to="/supervisor/reports"
            className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
          >
            {t('sup.reports')}
          </Link>
          {role === 'supervisor' ? (
            <Link
              to="/admin"
              className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
            >
              {t('sup.settingsReadOnly')}
            </Link>
          ) : null}
        </nav>
      </div>
      <LiveNote />
      <BoardProblem feed={feed} />
      <TodayCounters feed={feed} />
      <div className="grid items-start gap-4 lg:grid-cols-[3fr_2fr]">
        <LiveCalls feed={feed} listen={listen} />
        <AgentsPanel feed={feed} />
      </div>
      <CallLog api={callLog} agents={agents} endedCount={endedCount} />
    </div>
  );
}

/** the workspace's people for the log's agent filter; the board's agents if they cannot be read */
function useAgentOptions(users: UsersApi, feed: BoardFeed): AgentOption[] {
  const [listed] = useLoaded(() => users.list(), 'users');
  const onBoard = useBoard(feed, (s) => s.agents);
  const locale = useLocale();
  return useMemo(() => {
    const people =
      listed.state === 'ready'
        ? listed.data.map((u) => ({
            id: u.id,
            name: u.disabled ? translate('sup.deactivated', { name: u.name }) : u.name,
          }))
        : onBoard.map((a) => ({ id: a.userId, name: a.name }));
    // sorted, and "(deactivated)" worded, in the console's language
    return people.sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [listed, onBoard, locale]);
}

/** says when the board is not live (another tab holds the connection, or it dropped) */
function LiveNote() {
  const connection = useAppState((s) => s.connection);
  const tab = useAppState((s) => s.tab);
  const t = useT();
  if (connection === 'connected') return null;
  if (tab === 'other-tab') {
    return (
      <Banner kind="info" title={t('sup.otherTab.title')}>
        {t('sup.otherTab.body')}
      </Banner>
    );
  }
  if (connection === 'connecting' || connection === 'idle') return null;
  return (
    <Banner kind="warning" title={t('sup.offline.title')}>
      {t('sup.offline.body')}
    </Banner>
  );
}

function BoardProblem({ feed }: { feed: BoardFeed }) {
  const phase = useBoard(feed, (s) => s.phase);
  const error = useBoard(feed, (s) => s.error);
  const t = useT();
  if (phase === 'loading') {
    return (
      <p role="status" className="text-sm">
        {t('sup.loading')}
      </p>
    );
  }
  if (!error) return null;
  return (
    <Banner
      kind="error"
      title={phase === 'error' ? t('sup.loadFailed') : t('sup.outOfDate')}
      action={
        <Button tone="neutral" className="min-h-9 px-3" onClick={() => void feed.resync()}>
          {t('banner.tryAgain')}
        </Button>
      }
    >
      {error}
    </Banner>
  );
}
