import { z } from 'zod';
import { isoDateTimeSchema } from './call-outcome';
import { outgoingEventNameSchema } from './outgoing-events';
import { WEBHOOK_TEST_EVENT } from './outgoing-test-event';
import { optionalQuery } from './rest-common';

/**
 * Where one event's delivery to one subscription stands:
 * - `pending`: not yet accepted; retried with backoff (see `nextAttemptAt`)
 * - `delivered`: the receiver answered 2xx
 * - `failed`: every attempt failed; no more retries
 * - `cancelled`: the subscription was disabled before it could be delivered
 *
 * @example
 * deliveryStatusSchema.parse('pending');
 */
export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed', 'cancelled']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/**
 * One line of a subscription's delivery log. `eventId` is also the `Idempotency-Key` sent.
 *
 * @example
 * webhookDeliveryViewSchema.parse({ id: '7', subscriptionId, eventId: 'evt_…', event: 'call.ended',
 *   status: 'delivered', attempts: 3, lastStatusCode: 200, createdAt, deliveredAt });
 */
export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  event: z.union([outgoingEventNameSchema, z.literal(WEBHOOK_TEST_EVENT)]),
  status: deliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  /** the receiver's HTTP status on the latest attempt; absent when it never answered */
  lastStatusCode: z.number().int().optional(),
  /** why the latest attempt failed, in plain words (never the receiver's body) */
  lastError: z.string().optional(),
  createdAt: isoDateTimeSchema,
  lastAttemptAt: isoDateTimeSchema.optional(),
  nextAttemptAt: isoDateTimeSchema.optional(),
  deliveredAt: isoDateTimeSchema.optional(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

/** Most delivery log lines one page holds. */
export const DELIVERIES_PAGE_MAX = 200;

/**
 * `GET /api/admin/webhooks/:id/deliveries?limit=&cursor=`, newest first.
 *
 * @example
 * deliveriesQuerySchema.parse({ limit: '20' });
 */
export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(DELIVERIES_PAGE_MAX).default(50),
  cursor: optionalQuery(z.string().regex(/^\d{1,19}$/, 'not a cursor from a previous page')),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

/**
 * The delivery log page; `nextCursor` is `null` on the last page.
 *
 * @example
 * deliveriesPageReplySchema.parse({ items: [], nextCursor: null });
 */
export const deliveriesPageReplySchema = z.object({
  items: z.array(webhookDeliveryViewSchema),
  nextCursor: z.string().nullable(),
});
export type DeliveriesPageReply = z.infer<typeof deliveriesPageReplySchema>;
