import {
  WEBHOOK_TEST_EVENT,
  type DeliveryStatus,
  type SubscriptionEvent,
  type WebhookDeliveryView,
} from '@ringside/contracts';

const STATUS_WORDS: Record<DeliveryStatus, string> = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

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
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  const answer = lastAnswer(delivery);
  switch (delivery.status) {
    case 'delivered':
      return `Delivered after ${attempts}${answer ? ` (${answer})` : ''}.`;
    case 'pending':
      return delivery.attempts === 0
        ? 'Not sent yet.'
        : `Attempt ${delivery.attempts} failed${answer ? ` (${answer})` : ''}; it will be tried again.`;
    case 'failed':
      return `Gave up after ${attempts}${answer ? ` (${answer})` : ''}.`;
    case 'cancelled':
      return 'Not sent: the webhook was disabled first.';
  }
}

/**
 * An event name for the delivery log; the test button's event reads as such.
 *
 * @example
 * deliveryEventWords('webhook.test'); // 'Test event'
 */
export function deliveryEventWords(event: WebhookDeliveryView['event']): string {
  return event === WEBHOOK_TEST_EVENT ? 'Test event' : event;
}

/**
 * A subscription's events in a line.
 *
 * @example
 * subscriptionEventsWords(['*']); // 'All events'
 * subscriptionEventsWords(['call.ended', 'call.missed']); // 'call.ended, call.missed'
 */
export function subscriptionEventsWords(events: readonly SubscriptionEvent[]): string {
  return events.includes('*') ? 'All events' : events.join(', ');
}

// the receiver's status and the server's words for it, each once, without a closing stop
function lastAnswer(delivery: WebhookDeliveryView): string {
  const status = delivery.lastStatusCode;
  const error = (delivery.lastError ?? '').trim().replace(/\.$/, '');
  if (!error) return status !== undefined ? `HTTP ${status}` : '';
  if (status === undefined || error.includes(String(status))) return error;
  return `HTTP ${status}: ${error}`;
}
