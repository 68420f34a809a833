import { useT } from '../../i18n/I18nProvider';
import type { CallQuality, CallView } from '@ringside/contracts';
import { useEffect, useState } from 'react';
import type { ListenIn } from '../../calls/ListenIn';
import { ListenControl } from './ListenControl';
import { Button, ChannelBadge } from '../../ui/controls';
import { calledLine, callerAddress, callerName } from '../../ui/format';
import type { BoardFeed } from './BoardFeed';
import { callClock, callStatusWords, qualityFigures, qualityWords } from './board-words';
import { Elapsed } from './Elapsed';
import { useBoard } from './useBoard';

const STATE_STYLE: Record<string, string> = {
  ringing: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  active: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
};
const OTHER_STATE = 'bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100';

const QUALITY_STYLE: Record<CallQuality['level'], string> = {
  good: 'text-emerald-800 dark:text-emerald-200',
  fair: 'text-amber-800 dark:text-amber-200',
  poor: 'text-rose-700 dark:text-rose-300',
};

/** every ringing and active call of the workspace, moving as it changes */
export function LiveCalls({ feed, listen }: { feed: BoardFeed; listen: ListenIn }) {
  const calls = useBoard(feed, (s) => s.calls);
  const t = useT();
  // the call listened to ended: its room is gone with it, nothing to tell the server
  useEffect(() => {
    const { state } = listen;
    if (state.kind === 'idle') return;
    if (!calls.some((c) => c.id === state.callId && c.state === 'active')) listen.close();
  }, [calls, listen]);
  return (
    <section
      aria-labelledby="live-calls-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id="live-calls-title" className="text-base font-semibold">
          {t('sup.liveCalls')}
        </h2>
        <span className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {t('sup.callCount', { count: calls.length })}
        </span>
      </div>
      {calls.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('sup.noCalls')}</p>
      ) : (
        <ul
          aria-label={t('sup.liveCalls')}
          className="divide-y divide-slate-200 dark:divide-slate-800"
        >
          {calls.map((call) => (
            <LiveCallRow key={call.id} call={call} feed={feed} listen={listen} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LiveCallRow({
  call,
  feed,
  listen,
}: {
  call: CallView;
  feed: BoardFeed;
  listen: ListenIn;
}) {
  const clock = callClock(call);
  const t = useT();
  return (
    <li className="grid gap-x-4 gap-y-2 py-3 sm:grid-cols-[1fr_auto]">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="truncate font-semibold">{callerName(call.caller)}</span>
          <ChannelBadge channel={call.channel} />
          {call.direction === 'outbound' ? (
            <span className="text-xs text-slate-600 dark:text-slate-400">{t('sup.outbound')}</span>
          ) : null}
        </p>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400">
          {callerAddress(call.caller)} · {calledLine(call.channel, call.called)}
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[call.state] ?? OTHER_STATE}`}
          >
            {callStatusWords(call)}
          </span>
          <span>
            {call.agent
              ? t('sup.agentName', { name: call.agent.name || t('sup.unnamed') })
              : t('sup.noAgentYet')}
          </span>
        </p>
        {call.state === 'active' || call.quality ? <QualityLine quality={call.quality} /> : null}
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:flex-col sm:items-end">
        {clock ? (
          <span className="text-sm">
            <span className="text-slate-600 dark:text-slate-400">{clock.label} </span>
            <Elapsed since={clock.since} label={clock.label} />
          </span>
        ) : null}
        {call.state === 'active' && call.anchored ? (
          <ListenControl call={call} listen={listen} />
        ) : null}
        <EndCallControl call={call} feed={feed} />
      </div>
    </li>
  );
}

function QualityLine({ quality }: { quality: CallQuality | undefined }) {
  const t = useT();
  return (
    <p className="text-xs">
      <span className={`font-semibold ${quality ? QUALITY_STYLE[quality.level] : ''}`}>
        {t('sup.quality', { words: qualityWords(quality) })}
      </span>
      {quality ? (
        <span className="block text-slate-600 dark:text-slate-400">{qualityFigures(quality)}</span>
      ) : null}
    </p>
  );
}

/** ending a call is final: one click asks, the second ends it */
function EndCallControl({ call, feed }: { call: CallView; feed: BoardFeed }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'ending'>('idle');
  const [error, setError] = useState<string | null>(null);
  const who = callerName(call.caller);
  const t = useT();

  const end = async () => {
    setStep('ending');
    setError(null);
    const ended = await feed.endCall(call.id);
    if (!ended.ok) {
      setError(ended.error.message);
      setStep('idle');
    }
  };

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {step === 'idle' ? (
        <Button
          tone="neutral"
          className="min-h-9 px-3"
          aria-label={t('sup.endCallLabel', { name: who })}
          onClick={() => setStep('confirm')}
        >
          {t('sup.endCall')}
        </Button>
      ) : (
        <>
          <span className="text-sm">{t('sup.endConfirm')}</span>
          <Button
            tone="danger"
            className="min-h-9 px-3"
            disabled={step === 'ending'}
            onClick={() => void end()}
          >
            {step === 'ending' ? t('sup.ending') : t('sup.yesEnd')}
          </Button>
          <Button
            tone="ghost"
            className="min-h-9 px-3"
            disabled={step === 'ending'}
            onClick={() => setStep('idle')}
          >
            {t('sup.keep')}
          </Button>
        </>
      )}
      {error ? (
        <p role="alert" className="w-full text-right text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
