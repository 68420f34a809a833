import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { StoredReceipt, NewReceipt, StoredWebhookEvent } from '../repos/webhook-receipts';
import type { NormalizedEvent } from '@ringside/calls';
import type { ClockSkew } from './clock-skew';
import { readDelivery } from './read-delivery';
import type { WebhookIngest } from './webhook-post';
import { storableJson } from './storable-json';

/** what the ingest needs from storage: the receipt and its new events committed together */
export interface ReceiptStore {
  storeReceipt(receipt: NewReceipt): Promise<StoredReceipt>;
}

/**
 * Turns a verified delivery into stored events: the raw receipt and every normalized event are
 * committed together (duplicates by idempotency key dropped), then the new events are handed to
 * `onStored`, so processing starts without reading them back. Items Ringside cannot read are set
 * aside without losing the events beside them; a payload with nothing readable is still stored,
 * with what was wrong, and acknowledged: Meta retrying it would not make it parse. Characters
 * PostgreSQL cannot store (NUL, half a surrogate pair) become U+FFFD in the events; the raw
 * body keeps Meta's `\u` escapes.
 *
 * @example
 * const commit = createGroupCommit((r) => repos.webhookReceipts.storeReceipts(r));
 * const ingest = createWebhookIngest({ receipts: { storeReceipt: commit.store }, metrics, logger, onStored: processor.enqueue });
 * await ingest({ raw, json: JSON.parse(raw) }); // throws only when storage fails (→ 503)
 */
export function createWebhookIngest(deps: {
  receipts: ReceiptStore;
  metrics: Metrics;
  logger: Logger;
  onStored: (newEvents: readonly StoredWebhookEvent[]) => void;
  /** reads Meta's event times on our clock (clock-skew.ts); none: Meta's times as sent */
  skew?: ClockSkew;
}): WebhookIngest {
  let loggedOffsetMs = 0;
  return async ({ raw, json }) => {
    // postgresql cannot hold U+0000 or half a surrogate pair: those are stored as U+FFFD
    const reading = readDelivery(storableJson(json, raw));
    if (!reading.ok) {
      const { object } = reading;
      await deps.receipts.storeReceipt({
        object,
        raw,
        outcome: 'invalid',
        detail: reading.summary,
        events: [],
      });
      deps.metrics.webhooks.inc({ object, result: 'invalid' });
      deps.logger.warn(
        { object, problems: reading.issues.slice(0, 5) },
        'webhook stored but not understood',
      );
      return;
    }
    const { object, setAside } = reading;
    const events = onOurClock(reading.events);
    const { newEvents: fresh } = await deps.receipts.storeReceipt({
      object,
      raw,
      outcome: setAside.length > 0 ? 'partly-ignored' : 'stored',
      ...(setAside.length > 0
        ? { detail: setAside.map((i) => `${i.path}: ${i.reason}`).join('; ') }
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
    for (const item of setAside) {
      deps.metrics.webhookEvents.inc({ kind: 'unknown', result: 'ignored' });
      deps.logger.info({ path: item.path, reason: item.reason, object }, 'webhook item ignored');
    }
    deps.metrics.webhooks.inc({ object, result: 'stored' });
    if (fresh.length > 0) deps.onStored(fresh);
  };

  function onOurClock(events: readonly NormalizedEvent[]): readonly NormalizedEvent[] {
    if (!deps.skew) return events;
    const { events: corrected, reading } = deps.skew.correct(events);
    deps.metrics.metaClockSkew.set(reading.offsetMs / 1000);
    if (reading.offsetMs !== 0) deps.metrics.skewCorrectedEvents.inc(corrected.length);
    // said once per change of a second or more, not per delivery
    if (Math.abs(reading.offsetMs - loggedOffsetMs) >= 1000) {
      deps.logger.warn(
        { offsetMs: reading.offsetMs, lagMs: reading.lagMs },
        reading.offsetMs === 0
          ? 'our clock and Meta event times agree again'
          : 'our clock differs from Meta event times: webhook times are corrected by offsetMs',
      );
      loggedOffsetMs = reading.offsetMs;
    }
    return corrected;
  }
}
