import {
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryView,
  type WebhookTestEvent,
} from '@ringside/contracts';
import { randomUUID } from 'node:crypto';
import { AppError } from '../http/app-error';
import type { Dispatcher } from '../outbox/dispatcher';
import type { Repos } from '../repos';
import type { WebhookSubscription } from '../repos/webhook-subscriptions';
import { toDeliveryView } from './admin-views';

// a test is one attempt, shown at once; it is not retried behind the admin's back
const TEST_ATTEMPTS = 1;
const TEST_LEASE_MS = 60_000;

/**
 * The "send test event" button: POSTs a `webhook.test` event to the subscription now, signed and
 * keyed like any event, records it in its delivery log and returns how it went.
 *
 * @example
 * const delivery = await sendTestEvent({ repos, dispatcher, clock }, subscription);
 * delivery.status; // 'delivered', or 'failed' with lastStatusCode / lastError
 */
export async function sendTestEvent(
  deps: { repos: Repos; dispatcher: Dispatcher; clock: () => Date },
  subscription: WebhookSubscription,
): Promise<WebhookDeliveryView> {
  if (!subscription.active) {
    throw new AppError('invalid_state', 409, 'Enable this webhook before sending it a test event.');
  }
  const now = deps.clock();
  const event: WebhookTestEvent = {
    event: WEBHOOK_TEST_EVENT,
    id: `evt_test_${randomUUID().replace(/-/g, '')}`,
    createdAt: now.toISOString(),
    data: {
      subscriptionId: subscription.id,
      message:
        'A test event from Ringside. Your endpoint is reachable and can check our signature.',
    },
  };
  const row = await deps.repos.webhookDeliveries.startDelivery(
    {
      workspaceId: subscription.workspaceId,
      subscriptionId: subscription.id,
      eventId: event.id,
      event: event.event,
      body: JSON.stringify(event),
    },
    TEST_ATTEMPTS,
    now,
    TEST_LEASE_MS,
  );
  await deps.dispatcher.deliverNow(row);
  const after = await deps.repos.webhookDeliveries.getDelivery(subscription.workspaceId, row.id);
  return toDeliveryView(after ?? row);
}
