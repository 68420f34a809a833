import type { WebhookDeliveryView } from '@ringside/contracts';
import { useEffect, useState } from 'react';
import { Button } from '../../ui/controls';
import { deliveryEventWords, deliveryLine, deliveryStatusWords } from './delivery-words';
import { useAdmin } from './useAdmin';

const STATUS_STYLE: Record<WebhookDeliveryView['status'], string> = {
  delivered: 'text-emerald-800 dark:text-emerald-200',
  pending: 'text-amber-800 dark:text-amber-200',
  failed: 'text-rose-700 dark:text-rose-300',
  cancelled: 'text-slate-600 dark:text-slate-400',
};

type LogState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: WebhookDeliveryView[]; nextCursor: string | null; more: boolean };

/** a subscription's deliveries, newest first: status, attempts, the receiver's last answer */
export function DeliveryLog({ subscriptionId, round }: { subscriptionId: string; round: number }) {
  const { apis } = useAdmin();
  const [log, setLog] = useState<LogState>({ state: 'loading' });
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    let live = true;
    void apis.webhooks.deliveries(subscriptionId).then((page) => {
      if (!live) return;
      setLog(
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
  }, [apis, subscriptionId, round, refresh]);

  const loadMore = async () => {
    if (log.state !== 'ready' || !log.nextCursor || log.more) return;
    setLog({ ...log, more: true });
    const page = await apis.webhooks.deliveries(subscriptionId, log.nextCursor);
    setLog((current) =>
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

  if (log.state === 'loading') {
    return (
      <p role="status" className="text-sm">
        Loading deliveries…
      </p>
    );
  }
  if (log.state === 'error') {
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        The delivery log could not be loaded: {log.message}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">Delivery log</h4>
        <Button
          tone="ghost"
          className="min-h-9 px-2 text-xs"
          onClick={() => setRefresh((r) => r + 1)}
        >
          Refresh
        </Button>
      </div>
      {log.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing sent yet.</p>
      ) : (
        <ol aria-label="Deliveries" className="space-y-2">
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
                  {new Date(delivery.createdAt).toLocaleString()}
                </time>
              </p>
              <p className="break-words">{deliveryLine(delivery)}</p>
              {delivery.nextAttemptAt ? (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Next try {new Date(delivery.nextAttemptAt).toLocaleTimeString()}
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
        <Button
          tone="neutral"
          className="min-h-9 px-3"
          disabled={log.more}
          onClick={() => void loadMore()}
        >
          {log.more ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}
