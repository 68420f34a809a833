import { z } from 'zod';
import { isoDateTimeSchema } from './call-outcome';
import { subscriptionEventSchema } from './outgoing-events';
import { idSchema } from './rest-common';

const url = z.url({ protocol: /^https?$/ });
const events = z.array(subscriptionEventSchema).min(1);
// long enough that guessing it is hopeless; write-only like channel tokens
const secret = z.string().min(16).max(256);

/**
 * `POST /api/admin/webhooks`: subscribe a URL to outgoing events (or `*`). Without `secret` the
 * server generates one and shows it once in the creation reply.
 *
 * @example
 * webhookSubscriptionCreateBodySchema.parse({ url: 'https://crm.example.com/hooks/ringside', events: ['call.ended'] });
 */
export const webhookSubscriptionCreateBodySchema = z.object({
  url,
  events,
  secret: secret.optional(),
  active: z.boolean().default(true),
  description: z.string().max(200).optional(),
});
export type WebhookSubscriptionCreateBody = z.infer<typeof webhookSubscriptionCreateBodySchema>;

/**
 * `PATCH /api/admin/webhooks/:id`: at least one field; a new `secret` replaces the old one.
 *
 * @example
 * webhookSubscriptionUpdateBodySchema.parse({ active: false });
 */
export const webhookSubscriptionUpdateBodySchema = z
  .object({
    url: url.optional(),
    events: events.optional(),
    secret: secret.optional(),
    active: z.boolean().optional(),
    description: z.string().max(200).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'nothing to update',
  });
export type WebhookSubscriptionUpdateBody = z.infer<typeof webhookSubscriptionUpdateBodySchema>;

/**
 * A subscription in replies: `secretSet` instead of the secret.
 *
 * @example
 * webhookSubscriptionViewSchema.parse({ id: 'wh_1', url, events: ['*'], active: true, secretSet: true, createdAt });
 */
export const webhookSubscriptionViewSchema = z.object({
  id: idSchema,
  url: z.string(),
  events: z.array(subscriptionEventSchema),
  active: z.boolean(),
  description: z.string().optional(),
  secretSet: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type WebhookSubscriptionView = z.infer<typeof webhookSubscriptionViewSchema>;

/**
 * The creation reply: the view, plus the secret only when the server generated it (shown once).
 *
 * @example
 * const created = webhookSubscriptionCreatedReplySchema.parse(json);
 * if (created.secret) showOnce(created.secret);
 */
export const webhookSubscriptionCreatedReplySchema = webhookSubscriptionViewSchema.extend({
  secret: z.string().optional(),
});
export type WebhookSubscriptionCreatedReply = z.infer<typeof webhookSubscriptionCreatedReplySchema>;
