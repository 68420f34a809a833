import { z } from 'zod';
import { isoDateTimeSchema } from './call-outcome';

/** The event name of the "send test event" button; no subscription filter applies to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/**
 * The body the "send test event" button POSTs, signed and keyed like every outgoing event, so
 * a receiver can check its signature code without waiting for a call.
 *
 * @example
 * const body = webhookTestEventSchema.safeParse(JSON.parse(raw));
 * if (body.success) return res.sendStatus(204); // a test: nothing to do
 */
export const webhookTestEventSchema = z.object({
  event: z.literal(WEBHOOK_TEST_EVENT),
  id: z.string().min(1),
  createdAt: isoDateTimeSchema,
  data: z.object({ subscriptionId: z.string().min(1), message: z.string() }),
});
export type WebhookTestEvent = z.infer<typeof webhookTestEventSchema>;
