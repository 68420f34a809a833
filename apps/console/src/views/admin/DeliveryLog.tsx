import { useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatTime } from '../../i18n/formats';
import type { WebhookDeliveryView } from '@ringside/contracts';
import { useState } from 'react';
import { Button } from '../../ui/controls';
import { deliveryEventWords, deliveryLine, deliveryStatusWords } from './delivery-words';
import { LoadState } from './fields';
import { useAdmin } from './useAdmin';
import { useCursorPages } from './useCursorPages';

const STATUS_STYLE: Record<WebhookDeliveryView['status'], string> = {
  delivered: 'text-emerald-800 dark:text-emerald-200',
  pending: 'text-amber-800 dark:text-amber-200',
  failed: 'text-rose-700 dark:text-rose-300',
  cancelled: 'text-slate-600 dark:text-slate-400',
};

/** a subscription's deliveries, newest first: status, attempts, the receiver's last answer */
export function DeliveryLog({ subscriptionId, round }: { subscriptionId: string; round: number }) {
  const { apis } = useAdmin();
  const [refresh, setRefresh] = useState(0);
  // a new round (a test event sent) and Refresh both read the first page again
  const [log, loadMore] = useCursorPages(
    (cursor) => apis.webhooks.deliveries(subscriptionId, cursor),
    subscriptionId,
    round + refresh,
  );
  const t = useT();

  if (log.state !== 'ready') {
    return <LoadState loaded={log} what="delivery log" loading="deliveries" />;
  }
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">{t('webhook.log')}</h4>
        <Button
          tone="ghost"
          className="min-h-9 px-2 text-xs"
          onClick={() => setRefresh((r) => r + 1)}
        >
          {t('delivery.refresh')}
        </Button>
      </div>
      {log.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('delivery.nothing')}</p>
      ) : (
        <ol aria-label={t('delivery.list')} className="space-y-2">
          {log.items.map((delivery) => (
            <li
              key={delivery.id}
              className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-700"
            >
              <p className="flex flex-wrap items-center gap-x-2">
                <span className={`font-semibold ${STATUS_STYLE[delivery.status]}`}>
                  {deliveryStatusWords(delivery.status)}
                </span>
                <span className="font-mono">{deliveryEventWords(delivery.event)}</span>
                <time
                  dateTime={delivery.createdAt}
                  className="text-xs text-slate-600 dark:text-slate-400"
                >
                  {formatDateTime(delivery.createdAt)}
                </time>
              </p>
              <p className="break-words">{deliveryLine(delivery)}</p>
              {delivery.nextAttemptAt ? (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t('delivery.nextTry', { time: formatTime(delivery.nextAttemptAt) })}
                </p>
              ) : null}
              <p className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">
                Idempotency-Key {delivery.eventId}
              </p>
            </li>
          ))}
        </ol>
      )}
      {log.nextCursor ? (
        <Button tone="neutral" className="min-h-9 px-3" disabled={log.more} onClick={loadMore}>
          {log.more ? t('app.loading') : t('history.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}
