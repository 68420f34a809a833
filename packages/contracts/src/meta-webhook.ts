import { z } from 'zod';
import { msgrWebhookSchema } from './messenger-webhook';
import type { ReadableError } from './readable-issues';
import { toReadableError } from './readable-issues';
import { waWebhookSchema } from './whatsapp-webhook';

/**
 * Any webhook body Meta posts to `/webhooks/meta`, told apart by `object`.
 *
 * @example
 * const body = metaWebhookSchema.parse(json);
 * if (body.object === 'page') handleMessenger(body);
 */
export const metaWebhookSchema = z.discriminatedUnion('object', [
  waWebhookSchema,
  msgrWebhookSchema,
]);
export type MetaWebhook = z.infer<typeof metaWebhookSchema>;

/** The outcome of {@link parseMetaWebhook}: the typed body, or readable problems. */
export type MetaWebhookParseResult =
  { ok: true; value: MetaWebhook } | { ok: false; error: ReadableError };

/**
 * Validates an already-JSON-parsed webhook body (verify its signature first). Never throws.
 *
 * @example
 * const result = parseMetaWebhook(JSON.parse(rawBody));
 * if (!result.ok) logger.warn({ issues: result.error.issues }, result.error.summary);
 * // e.g. "1 problem: entry[0].changes[0].value.calls[0].id: Invalid input: expected string, received undefined"
 */
export function parseMetaWebhook(json: unknown): MetaWebhookParseResult {
  const result = metaWebhookSchema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: toReadableError(result.error) };
}
