import { z } from 'zod';
import { channelSchema, isoDateTimeSchema } from './call-outcome';

/** Most failed webhook events one list reply holds (the newest). */
export const FAILED_WEBHOOK_EVENTS_MAX = 100;

/**
 * A Meta webhook event that kept failing to apply and waits for an admin (a dead letter).
 * `id` is its idempotency key; `kind` the normalized event (`call.offered`, `call.ended`, …);
 * `lastError` the server's own words for the last failure. Never the payload or signature.
 *
 * @example
 * failedWebhookEventViewSchema.parse({ id: 'whatsapp:1150…:wacid.HBg…:connect:1751364000',
 *   kind: 'call.offered', channel: 'whatsapp', metaCallId: 'wacid.HBg…', receivedAt, failedAt,
 *   attempts: 10, lastError: 'relation "calls" does not exist' });
 */
export const failedWebhookEventViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  channel: channelSchema,
  metaCallId: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
  failedAt: isoDateTimeSchema,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type FailedWebhookEventView = z.infer<typeof failedWebhookEventViewSchema>;

/**
 * `GET /api/admin/failed-webhook-events`: the workspace's dead letters, newest first, at most
 * {@link FAILED_WEBHOOK_EVENTS_MAX}.
 *
 * @example
 * failedWebhookEventsReplySchema.parse({ items: [] });
 */
export const failedWebhookEventsReplySchema = z.object({
  items: z.array(failedWebhookEventViewSchema),
});
export type FailedWebhookEventsReply = z.infer<typeof failedWebhookEventsReplySchema>;
