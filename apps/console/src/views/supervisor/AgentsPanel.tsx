import { useT } from '../../i18n/I18nProvider';
import { richT } from '../../i18n/rich';
import type { AgentStatus, AgentView } from '@ringside/contracts';
import { useState } from 'react';
import { Button } from '../../ui/controls';
import { callerName } from '../../ui/format';
import type { BoardFeed } from './BoardFeed';
import { agentStatusWords } from './board-words';
import { Elapsed } from './Elapsed';
import { useBoard } from './useBoard';

const DOT: Record<AgentStatus, string> = {
  available: 'bg-emerald-500',
  away: 'bg-amber-500',
  busy: 'bg-rose-500',
  'wrap-up': 'bg-violet-500',
  offline: 'bg-slate-400',
};

/** everyone with a console: status, for how long, their call, and calls answered today */
export function AgentsPanel({ feed }: { feed: BoardFeed }) {
  const agents = useBoard(feed, (s) => s.agents);
  const t = useT();
  return (
    <section
      aria-labelledby="agents-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="agents-title" className="mb-2 text-base font-semibold">
        {t('sup.agents')}
      </h2>
      {agents.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('sup.noAgents')}</p>
      ) : (
        <ul
          aria-label={t('sup.agents')}
          className="divide-y divide-slate-200 dark:divide-slate-800"
        >
          {agents.map((agent) => (
            <AgentRow key={agent.userId} agent={agent} feed={feed} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AgentRow({ agent, feed }: { agent: AgentView; feed: BoardFeed }) {
  const answered = useBoard(feed, (s) =>
    s.today ? (s.today.answeredByAgent[agent.userId] ?? 0) : undefined,
  );
  const call = useBoard(feed, (s) =>
    agent.currentCallId ? s.calls.find((c) => c.id === agent.currentCallId) : undefined,
  );
  const since = Date.parse(agent.since);
  const t = useT();
  const status = agentStatusWords(agent.status);
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold">{agent.name}</p>
        <p className="flex flex-wrap items-center gap-x-2 text-sm">
          <span
            aria-hidden="true"
            className={`inline-block size-2.5 rounded-full ${DOT[agent.status]}`}
          />
          <span>{status}</span>
          {Number.isNaN(since) ? null : (
            <span className="text-slate-600 dark:text-slate-400">
              {richT('sup.for', {
                time: <Elapsed since={since} label={t('sup.statusFor', { status })} />,
              })}
            </span>
          )}
        </p>
        {call ? (
          <p className="truncate text-xs text-slate-600 dark:text-slate-400">
            {t('sup.with', { name: callerName(call.caller) })}
          </p>
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t('sup.answeredToday', { count: answered === undefined ? '…' : answered })}
        </p>
      </div>
      {agent.status === 'available' ? <SetAwayButton agent={agent} feed={feed} /> : null}
    </li>
  );
}

function SetAwayButton({ agent, feed }: { agent: AgentView; feed: BoardFeed }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const setAway = async () => {
    setBusy(true);
    setError(null);
    const done = await feed.setAway(agent.userId);
    setBusy(false);
    if (!done.ok) setError(done.error.message);
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        tone="neutral"
        className="min-h-9 px-3"
        aria-label={t('sup.setAwayLabel', { name: agent.name })}
        disabled={busy}
        onClick={() => void setAway()}
      >
        {t('sup.setAway')}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
