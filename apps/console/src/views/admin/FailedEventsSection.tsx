import { useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/formats';
import { lazyWords } from '../../i18n/i18n';
import type { FailedWebhookEventView } from '@ringside/contracts';
import { useState } from 'react';
import { Button } from '../../ui/controls';
import { LoadState, Outcome, type OutcomeMessage } from './fields';
import { useAdmin } from './useAdmin';
import { useLoaded } from './useLoaded';

const KINDS: Record<string, string> = lazyWords({
  'call.offered': 'failed.kind.offered',
  'call.outbound-progress': 'failed.kind.outboundProgress',
  'call.media-offer': 'failed.kind.mediaOffer',
  'call.terminated': 'failed.kind.terminated',
  'permission.updated': 'failed.kind.permission',
});

/**
 * `/admin/failed-webhook-events` (admins): Meta webhook events the server could not apply after
 * retrying for minutes, newest first, each with a Retry button that applies it again now.
 */
export function FailedEventsSection() {
  const { apis } = useAdmin();
  const [events, reload, replace] = useLoaded(() => apis.failedEvents.list(), 'failed-events');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const t = useT();

  if (events.state !== 'ready') {
    return <LoadState loaded={events} what="failed webhook events" />;
  }

  const retry = async (event: FailedWebhookEventView) => {
    setBusy(event.id);
    setOutcome(null);
    const retried = await apis.failedEvents.retry(event.id);
    setBusy(null);
    if (!retried.ok) {
      setOutcome({ kind: 'error', text: retried.error.message });
      reload();
      return;
    }
    replace(events.data.filter((e) => e.id !== event.id));
    setOutcome({ kind: 'done', text: t('failed.retried') });
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">{t('failed.intro')}</p>
      <Outcome outcome={outcome} />
      {events.data.length === 0 ? (
        <p className="text-sm">{t('failed.none')}</p>
      ) : (
        <ul
          aria-label={t('admin.section.failed')}
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {events.data.map((event) => (
            <li key={event.id} className="flex flex-wrap items-start justify-between gap-2 p-3">
              <div className="min-w-0 space-y-1 text-sm">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-semibold">{KINDS[event.kind] ?? event.kind}</span>
                  <span>{event.channel === 'whatsapp' ? 'WhatsApp' : 'Messenger'}</span>
                  <time
                    dateTime={event.receivedAt}
                    className="font-mono text-xs text-slate-600 dark:text-slate-400"
                  >
                    {t('failed.received', { time: formatDateTime(event.receivedAt) })}
                  </time>
                </p>
                {event.metaCallId ? (
                  <p className="font-mono text-xs break-all">{event.metaCallId}</p>
                ) : null}
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t('failed.attempts', { count: event.attempts })}
                  {event.lastError ? t('failed.lastError', { error: event.lastError }) : ''}
                </p>
              </div>
              <Button
                tone="neutral"
                className="min-h-9 px-3"
                disabled={busy !== null}
                onClick={() => void retry(event)}
              >
                {busy === event.id ? t('failed.retrying') : t('failed.retry')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
