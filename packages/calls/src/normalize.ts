import type { MetaWebhook } from '@ringside/contracts';
import { assertNever } from './assert-never';
import type { NormalizeResult } from './events';
import { normalizeMessenger } from './normalize-messenger';
import { normalizeWhatsApp } from './normalize-whatsapp';

/**
 * Turns any parsed Meta webhook body into flat events, choosing the channel by `object`.
 * Never throws: what parsed but means nothing to the call model comes back in `ignored`.
 *
 * @example
 * const parsed = parseMetaWebhook(JSON.parse(rawBody));
 * if (parsed.ok) {
 *   const { events, ignored } = normalizeWebhook(parsed.value);
 *   for (const event of events) await store(event.idempotencyKey, event);
 * }
 */
export function normalizeWebhook(body: MetaWebhook): NormalizeResult {
  switch (body.object) {
    case 'whatsapp_business_account':
      return normalizeWhatsApp(body);
    case 'page':
      return normalizeMessenger(body);
    default:
      return assertNever(body, { events: [], ignored: [] });
  }
}
