import { parseMetaWebhook } from '@ringside/contracts';
import { normalizeWebhook } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { WebhookReceiptsRepo } from '../repos/webhook-receipts';
import type { WebhookIngest } from './meta-webhook-router';

/** what the ingest needs from storage: one transaction for the receipt and its new events */
export type ReceiptStore = Pick<WebhookReceiptsRepo, 'storeReceipt'>;

/**
 * Turns a verified delivery into stored events: the raw receipt and every normalized event go
 * into one transaction (duplicates by idempotency key dropped), then `onStored` is told so
 * processing can start. A payload that does not parse is still stored, with what was wrong, and
 * acknowledged: Meta retrying it would not make it parse.
 */
export function createWebhookIngest(deps: {
  receipts: ReceiptStore;
  metrics: Metrics;
  logger: Logger;
  onStored: (newEvents: number) => void;
}): WebhookIngest {
  return async ({ raw, json }) => {
    const parsed = parseMetaWebhook(json);
    if (!parsed.ok) {
      const object = objectName(json);
      await deps.receipts.storeReceipt({
        object,
        raw,
        outcome: 'invalid',
        detail: parsed.error.summary,
        events: [],
      });
      deps.metrics.webhooks.inc({ object, result: 'invalid' });
      deps.logger.warn(
        { object, problems: parsed.error.issues.slice(0, 5) },
        'webhook stored but not understood',
      );
      return;
    }
    const { events, ignored } = normalizeWebhook(parsed.value);
    const { newEvents: fresh } = await deps.receipts.storeReceipt({
      object: parsed.value.object,
      raw,
      outcome: ignored.length > 0 ? 'partly-ignored' : 'stored',
      ...(ignored.length > 0
        ? { detail: ignored.map((i) => `${i.path}: ${i.reason}`).join('; ') }
        : {}),
      events: events.map((event) => ({
        idempotencyKey: event.idempotencyKey,
        metaCallId: 'callId' in event ? event.callId : null,
        kind: event.kind,
        payload: event,
      })),
    });
    const freshKeys = new Set(fresh.map((e) => e.idempotencyKey));
    for (const event of events) {
      deps.metrics.webhookEvents.inc({
        kind: event.kind,
        result: freshKeys.has(event.idempotencyKey) ? 'new' : 'duplicate',
      });
    }
    for (const item of ignored) {
      deps.metrics.webhookEvents.inc({ kind: 'unknown', result: 'ignored' });
      deps.logger.info(
        { path: item.path, reason: item.reason, channel: item.channel },
        'webhook item ignored',
      );
    }
    deps.metrics.webhooks.inc({ object: parsed.value.object, result: 'stored' });
    if (fresh.length > 0) deps.onStored(fresh.length);
  };
}

function objectName(json: unknown): string {
  const value =
    typeof json === 'object' && json !== null ? (json as { object?: unknown }).object : undefined;
  return typeof value === 'string' ? value.slice(0, 64) : 'unknown';
}
