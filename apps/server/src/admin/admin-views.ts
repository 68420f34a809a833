import type {
  AdminChannelView,
  WebhookDeliveryView,
  WebhookSubscriptionView,
} from '@ringside/contracts';
import type { ChannelListing } from '../repos/channel-rows';
import type { DeliveryRow } from '../repos/webhook-deliveries';
import type { WebhookSubscription } from '../repos/webhook-subscriptions';
import { toChannelView } from '../repos/views';

/**
 * A channel in admin replies: the shared channel view plus its ring settings; `tokenSet`,
 * never the token.
 *
 * @example
 * toAdminChannelView(listing); // { id, channel: 'messenger', pageId, tokenSet: true, ringTimeoutSec: 45, … }
 */
export function toAdminChannelView(channel: ChannelListing): AdminChannelView {
  return {
    ...toChannelView(channel),
    ringTimeoutSec: channel.ringTimeoutSec,
    agentTimeoutSec: channel.agentTimeoutSec,
    whenNobodyAvailable: channel.whenNobodyAvailable,
    wrapUp: channel.wrapUp,
    wrapUpSec: channel.wrapUpSec,
    queueLimitSec: channel.queueLimitSec,
    mediaCapture: channel.mediaCapture,
    mediaPurpose: channel.mediaPurpose,
    mediaAnnouncementLanguage: channel.mediaAnnouncementLanguage,
    mediaRetentionDays: channel.mediaRetentionDays,
    mediaMode: channel.mediaMode,
    updatedAt: channel.updatedAt.toISOString(),
  };
}

/**
 * An outgoing webhook subscription in replies: `secretSet`, never the secret.
 *
 * @example
 * toSubscriptionView(subscription); // { id, url, events: ['*'], active: true, secretSet: true, createdAt }
 */
export function toSubscriptionView(subscription: WebhookSubscription): WebhookSubscriptionView {
  return {
    id: subscription.id,
    url: subscription.url,
    events: subscription.events,
    active: subscription.active,
    ...(subscription.description ? { description: subscription.description } : {}),
    secretSet: true,
    createdAt: subscription.createdAt.toISOString(),
  };
}

/**
 * One line of a delivery log.
 *
 * @example
 * toDeliveryView(row); // { id: '7', eventId: 'evt_…', status: 'pending', attempts: 2, lastStatusCode: 500, … }
 */
export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: String(row.id),
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    event: row.event as WebhookDeliveryView['event'],
    status: row.status,
    attempts: row.attempts,
    ...(row.lastStatusCode === null ? {} : { lastStatusCode: row.lastStatusCode }),
    ...(row.lastError === null ? {} : { lastError: row.lastError }),
    createdAt: row.createdAt.toISOString(),
    ...(row.lastAttemptAt ? { lastAttemptAt: row.lastAttemptAt.toISOString() } : {}),
    ...(row.status === 'pending' ? { nextAttemptAt: row.nextAttemptAt.toISOString() } : {}),
    ...(row.deliveredAt ? { deliveredAt: row.deliveredAt.toISOString() } : {}),
  };
}
