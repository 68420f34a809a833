import { lazyWords, t } from '../../i18n/i18n';
import {
  WEBHOOK_TEST_EVENT,
  type DeliveryStatus,
  type SubscriptionEvent,
  type WebhookDeliveryView,
} from '@ringside/contracts';

const STATUS_WORDS: Record<DeliveryStatus, string> = lazyWords({
  pending: 'delivery.retrying',
  delivered: 'delivery.delivered',
  failed: 'delivery.failed',
  cancelled: 'delivery.cancelled',
});

/**
 * A delivery's status in a word.
 *
 * @example
 * deliveryStatusWords('pending'); // 'Retrying'
 */
export function deliveryStatusWords(status: DeliveryStatus): string {
  return STATUS_WORDS[status];
}

/**
 * How a delivery went, in a sentence: attempts, the receiver's last answer, and why it stopped.
 *
 * @example
 * deliveryLine({ ...delivery, status: 'pending', attempts: 2, lastStatusCode: 500 });
 * // 'Attempt 2 failed (HTTP 500); it will be tried again.'
 */
export function deliveryLine(delivery: WebhookDeliveryView): string {
  const attempts = t('delivery.attempts', { count: delivery.attempts });
  const answer = lastAnswer(delivery);
  switch (delivery.status) {
    case 'delivered':
      return answer
        ? t('delivery.deliveredAfterWith', { attempts, answer })
        : t('delivery.deliveredAfter', { attempts });
    case 'pending':
      if (delivery.attempts === 0) return t('delivery.notSentYet');
      return answer
        ? t('delivery.attemptFailedWith', { n: delivery.attempts, answer })
        : t('delivery.attemptFailed', { n: delivery.attempts });
    case 'failed':
      return answer
        ? t('delivery.gaveUpWith', { attempts, answer })
        : t('delivery.gaveUp', { attempts });
    case 'cancelled':
      return t('delivery.cancelledLine');
  }
}

/**
 * An event name for the delivery log; the test button's event reads as such.
 *
 * @example
 * deliveryEventWords('webhook.test'); // 'Test event'
 */
export function deliveryEventWords(event: WebhookDeliveryView['event']): string {
  return event === WEBHOOK_TEST_EVENT ? t('delivery.testEvent') : event;
}

/**
 * A subscription's events in a line.
 *
 * @example
 * subscriptionEventsWords(['*']); // 'All events'
 * subscriptionEventsWords(['call.ended', 'call.missed']); // 'call.ended, call.missed'
 */
export function subscriptionEventsWords(events: readonly SubscriptionEvent[]): string {
  return events.includes('*') ? t('delivery.allEvents') : events.join(', ');
}

// the receiver's status and the server's words for it, each once, without a closing stop
function lastAnswer(delivery: WebhookDeliveryView): string {
  const status = delivery.lastStatusCode;
  const error = (delivery.lastError ?? '').trim().replace(/\.$/, '');
  if (!error) return status !== undefined ? `HTTP ${status}` : '';
  if (status === undefined || error.includes(String(status))) return error;
  return `HTTP ${status}: ${error}`;
}
