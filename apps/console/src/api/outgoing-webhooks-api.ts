import {
  deliveriesPageReplySchema,
  webhookDeliveryViewSchema,
  webhookSubscriptionCreatedReplySchema,
  webhookSubscriptionViewSchema,
  type DeliveriesPageReply,
  type WebhookDeliveryView,
  type WebhookSubscriptionCreateBody,
  type WebhookSubscriptionCreatedReply,
  type WebhookSubscriptionUpdateBody,
  type WebhookSubscriptionView,
} from '@ringside/contracts';
import { isRecord, readNothing, type ApiResult, type ReadReply } from './http';
import { readItems, readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readSubscriptions = readItems(webhookSubscriptionViewSchema);
const readSubscription = readWith(webhookSubscriptionViewSchema);
const readCreated = readWith(webhookSubscriptionCreatedReplySchema);
const readDeliveries = readWith(deliveriesPageReplySchema);
const readDelivery = readWith(webhookDeliveryViewSchema);
const readTest: ReadReply<WebhookDeliveryView> = (body) =>
  isRecord(body) ? readDelivery(body['delivery']) : undefined;

/** delivery log lines one page asks for */
export const DELIVERIES_PAGE = 20;

/**
 * `/api/admin/webhooks`: where Ringside POSTs call events (to CRMs), their delivery logs and the
 * "send test event" button. The secret is write-only; one the server generates comes back once.
 *
 * @example
 * const hooks = new OutgoingWebhooksApi(new RestClient());
 * const made = await hooks.create({ url: 'https://crm.example.com/hooks', events: ['*'], active: true });
 * if (made.ok && made.data.secret) showOnce(made.data.secret);
 */
export class OutgoingWebhooksApi {
  constructor(private readonly rest: RestClient) {}

  list(): Promise<ApiResult<WebhookSubscriptionView[]>> {
    return this.rest.get('/api/admin/webhooks', readSubscriptions);
  }

  create(body: WebhookSubscriptionCreateBody): Promise<ApiResult<WebhookSubscriptionCreatedReply>> {
    return this.rest.post('/api/admin/webhooks', body, readCreated);
  }

  update(
    id: string,
    body: WebhookSubscriptionUpdateBody,
  ): Promise<ApiResult<WebhookSubscriptionView>> {
    return this.rest.patch(`/api/admin/webhooks/${segment(id)}`, body, readSubscription);
  }

  remove(id: string): Promise<ApiResult<null>> {
    return this.rest.delete(`/api/admin/webhooks/${segment(id)}`, readNothing);
  }

  deliveries(id: string, cursor?: string): Promise<ApiResult<DeliveriesPageReply>> {
    const params = new URLSearchParams({ limit: String(DELIVERIES_PAGE) });
    if (cursor) params.set('cursor', cursor);
    return this.rest.get(
      `/api/admin/webhooks/${segment(id)}/deliveries?${params.toString()}`,
      readDeliveries,
    );
  }

  /** one signed attempt now; how it went */
  sendTest(id: string): Promise<ApiResult<WebhookDeliveryView>> {
    return this.rest.post(`/api/admin/webhooks/${segment(id)}/test`, undefined, readTest);
  }
}
