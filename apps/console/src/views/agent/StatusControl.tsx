import type { AgentStatus } from '@ringside/contracts';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import { richT } from '../../i18n/rich';
import { Button } from '../../ui/controls';
import { formatDuration } from '../../ui/format';
import { useNow } from '../../ui/useNow';

const DESCRIPTIONS: Record<AgentStatus, MessageKey> = {
  available: 'status.describe.available',
  away: 'status.describe.away',
  busy: 'status.describe.busy',
  'wrap-up': 'status.describe.wrapUp',
  offline: 'status.describe.offline',
};

const DOT: Record<AgentStatus, string> = {
  available: 'bg-emerald-500',
  away: 'bg-amber-500',
  busy: 'bg-rose-500',
  'wrap-up': 'bg-violet-500',
  offline: 'bg-slate-400',
};

/** Available / Away; the Available click also unlocks audio and opens the microphone */
export function StatusControl() {
  const calling = useCalling();
  const presence = useAppState((s) => s.presence);
  const pending = useAppState((s) => s.statusPending);
  const connected = useAppState((s) => s.connection === 'connected' && s.tab === 'owner');
  const inCall = useAppState((s) => s.current !== null);
  const requesting = useAppState((s) => s.mic === 'requesting');
  const elsewhere = useAppState((s) => s.tab === 'other-tab');
  const wrapUpUntil = useAppState((s) => s.wrapUpUntil);
  const disabled = !connected || pending || inCall || requesting;
  const t = useT();

  return (
    <section
      aria-labelledby="status-title"
      className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mr-auto min-w-0">
        <h2 id="status-title" className="text-sm font-semibold text-slate-600 dark:text-slate-300">
          {t('status.title')}
        </h2>
        <p className="flex items-center gap-2 text-base font-medium" aria-live="polite">
          <span
            aria-hidden="true"
            className={`inline-block size-2.5 rounded-full ${DOT[presence]}`}
          />
          {elsewhere ? (
            t('status.otherTab')
          ) : requesting ? (
            t('status.waitingMic')
          ) : presence === 'wrap-up' && wrapUpUntil !== null ? (
            <WrapUpCountdown until={wrapUpUntil} />
          ) : (
            t(DESCRIPTIONS[presence])
          )}
        </p>
      </div>
      <div role="group" aria-label={t('status.group')} className="flex gap-2">
        <Button
          tone={presence === 'available' ? 'accept' : 'neutral'}
          aria-pressed={presence === 'available'}
          disabled={disabled}
          onClick={() => void calling.setStatus('available')}
        >
          {t('status.available')}
        </Button>
        <Button
          tone={presence === 'away' ? 'primary' : 'neutral'}
          aria-pressed={presence === 'away'}
          disabled={disabled}
          onClick={() => void calling.setStatus('away')}
        >
          {t('status.away')}
        </Button>
      </div>
    </section>
  );
}

/** timed after-call work: how long until calls ring again (its own component: it ticks) */
function WrapUpCountdown({ until }: { until: number }) {
  const now = useNow(1000);
  useT();
  return (
    <>
      {richT('status.wrapUpCountdown', {
        // ticks every second: not read out each time
        time: (
          <span aria-live="off" className="tabular-nums">
            {formatDuration(until - now + 999)}
          </span>
        ),
      })}
    </>
  );
}
