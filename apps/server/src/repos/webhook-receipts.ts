import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { webhookEvents, webhookReceipts } from '../db/schema';

// an error's text is for an admin to read; a runaway message is cut here
const ERROR_MAX = 1_000;

/** One event parsed out of a webhook body, keyed for deduplication. */
export interface IncomingWebhookEvent {
  idempotencyKey: string;
  metaCallId: string | null;
  kind: string;
  payload: unknown;
}

export interface NewReceipt {
  /** the envelope's `object` */
  object: string;
  /** the body exactly as received */
  raw: string;
  events: IncomingWebhookEvent[];
  /** what the route made of it, e.g. `accepted`, `unroutable` */
  outcome: string;
  detail?: string | null;
  receivedAt?: Date;
}

/** A stored event: what the call service processes. */
export type StoredWebhookEvent = typeof webhookEvents.$inferSelect;

export interface StoredReceipt {
  readonly receiptId: number;
  /** the events not seen before, in body order; duplicates of stored keys are left out */
  readonly newEvents: StoredWebhookEvent[];
}

/**
 * Webhook persistence: the raw receipt and its events stored together, so a 200 to Meta means
 * both are; events are then processed and marked, surviving crashes. Several deliveries can be
 * stored by one statement ({@link storeReceipts}): a group commit, which is what lets one
 * process take thousands of deliveries a second.
 *
 * @example
 * const repo = createWebhookReceiptsRepo(db);
 * const { newEvents } = await repo.storeReceipt({ object, raw, events, outcome: 'accepted' });
 * res.sendStatus(200);
 * for (const event of newEvents) { await apply(event); await repo.markProcessed(event.idempotencyKey); }
 */
export function createWebhookReceiptsRepo(db: Db) {
  async function storeReceipts(receipts: readonly NewReceipt[]): Promise<StoredReceipt[]> {
    if (receipts.length === 0) return [];
    const batch = planBatch(receipts);
    const events = sql`json_to_recordset(${JSON.stringify(batch.events)}::json) as e(
      ord int, position int, key text, meta_call_id text, kind text, payload jsonb)`;
    // one statement, so one implicit transaction: every receipt and event of the batch, or none
    const rows = await queryRows<{ ord: number; id: number | string; key: string | null }>(
      db,
      batch.receipts.length === 1
        ? // one delivery (a quiet moment): the simpler statement costs half as much
          sql`with stored_receipt as (
            insert into ${webhookReceipts} (object, raw, outcome, detail, received_at)
            select r.object, r.raw, r.outcome, r.detail, coalesce(r.received_at, now())
            from json_to_record((${JSON.stringify(batch.receipts)}::json) -> 0) as r(
              ord int, object text, raw text, outcome text, detail text, received_at timestamptz)
            returning id
          ),
          stored_events as (
            insert into ${webhookEvents}
              (idempotency_key, receipt_id, position, meta_call_id, kind, payload)
            select e.key, stored_receipt.id, e.position, e.meta_call_id, e.kind, e.payload
            from stored_receipt, ${events}
            order by e.position
            on conflict (idempotency_key) do nothing
            returning idempotency_key
          )
          select 0 as ord, stored_receipt.id, stored_events.idempotency_key as key
          from stored_receipt left join stored_events on true`
        : sql`with incoming as (
            select r.ord, r.object, r.raw, r.outcome, r.detail, r.received_at,
              nextval((select pg_get_serial_sequence('webhook_receipts', 'id'))::regclass) as id
            from json_to_recordset(${JSON.stringify(batch.receipts)}::json) as r(
              ord int, object text, raw text, outcome text, detail text, received_at timestamptz)
          ),
          stored_receipts as (
            insert into ${webhookReceipts} (id, object, raw, outcome, detail, received_at)
            select id, object, raw, outcome, detail, coalesce(received_at, now()) from incoming
          ),
          stored_events as (
            insert into ${webhookEvents}
              (idempotency_key, receipt_id, position, meta_call_id, kind, payload)
            select e.key, i.id, e.position, e.meta_call_id, e.kind, e.payload
            from ${events} join incoming i on i.ord = e.ord
            order by e.ord, e.position
            on conflict (idempotency_key) do nothing
            returning idempotency_key, receipt_id
          )
          select i.ord, i.id, s.idempotency_key as key
          from incoming i left join stored_events s on s.receipt_id = i.id
          order by i.ord`,
    );
    return batch.unpack(rows);
  }

  return {
    /** stores one delivery: its receipt and new events together, or nothing */
    async storeReceipt(receipt: NewReceipt): Promise<StoredReceipt> {
      const [stored] = await storeReceipts([receipt]);
      if (!stored) throw new Error('storing a webhook receipt returned no row');
      return stored;
    },

    /**
     * Stores several deliveries in one statement, all or none; answers in the same order. A key
     * repeated across the batch is stored once, for the first delivery that carries it.
     */
    storeReceipts,

    /**
     * stored events not yet processed, oldest receipt first, in body order; with
     * `receivedBefore`, only those of receipts received before it (left behind, not in flight).
     * Dead letters are not pending: they wait for an admin's retry
     */
    async unprocessedEvents(limit: number, receivedBefore?: Date): Promise<StoredWebhookEvent[]> {
      const pending = and(isNull(webhookEvents.processedAt), isNull(webhookEvents.deadAt));
      const query = db.select({ event: webhookEvents }).from(webhookEvents);
      const rows = await (
        receivedBefore
          ? query
              .innerJoin(webhookReceipts, eq(webhookReceipts.id, webhookEvents.receiptId))
              .where(and(pending, lt(webhookReceipts.receivedAt, receivedBefore)))
          : query.where(pending)
      )
        .orderBy(asc(webhookEvents.receiptId), asc(webhookEvents.position))
        .limit(limit);
      return rows.map((row) => row.event);
    },

    /** marks events processed; `tx` puts it in the transaction that applied them */
    async markProcessed(
      idempotencyKey: string | readonly string[],
      now: Date = new Date(),
      tx: Db = db,
    ): Promise<void> {
      const keys = typeof idempotencyKey === 'string' ? [idempotencyKey] : [...idempotencyKey];
      if (keys.length === 0) return;
      await tx
        .update(webhookEvents)
        .set({ processedAt: now })
        .where(
          and(
            keys.length === 1
              ? eq(webhookEvents.idempotencyKey, keys[0] as string)
              : inArray(webhookEvents.idempotencyKey, keys),
            isNull(webhookEvents.processedAt),
          ),
        );
    },

    /**
     * processing failed: count the attempt and keep the event pending for a retry, or, with
     * `deadAt`, make it a dead letter (out of the pending scans until an admin retries it)
     */
    async markFailed(idempotencyKey: string, error: string, deadAt?: Date): Promise<void> {
      await db
        .update(webhookEvents)
        .set({
          attempts: sql`${webhookEvents.attempts} + 1`,
          lastError: error.slice(0, ERROR_MAX),
          ...(deadAt ? { deadAt } : {}),
        })
        .where(eq(webhookEvents.idempotencyKey, idempotencyKey));
    },
  };
}

export type WebhookReceiptsRepo = ReturnType<typeof createWebhookReceiptsRepo>;

interface PlannedEvent {
  ord: number;
  position: number;
  key: string;
  meta_call_id: string | null;
  kind: string;
  payload: unknown;
}

/**
 * The rows of a batch as the statement reads them, and how to turn its answer back into one
 * {@link StoredReceipt} per delivery. Each body keeps its first event per key (Meta batches
 * retries); across the batch, a key goes to the first delivery that has it.
 */
function planBatch(receipts: readonly NewReceipt[]) {
  const claimed = new Set<string>();
  const events: PlannedEvent[] = [];
  const rows = receipts.map((receipt, ord) => {
    firstPerKey(receipt.events).forEach((event, position) => {
      if (claimed.has(event.idempotencyKey)) return;
      claimed.add(event.idempotencyKey);
      events.push({
        ord,
        position,
        key: event.idempotencyKey,
        meta_call_id: event.metaCallId,
        kind: event.kind,
        payload: event.payload,
      });
    });
    return {
      ord,
      object: receipt.object,
      raw: receipt.raw,
      outcome: receipt.outcome,
      detail: receipt.detail ?? null,
      received_at: receipt.receivedAt?.toISOString() ?? null,
    };
  });

  return {
    receipts: rows,
    events,
    unpack(answer: readonly { ord: number; id: number | string; key: string | null }[]) {
      const ids = new Map<number, number>();
      const fresh = new Set<string>();
      for (const row of answer) {
        // bigint ids come back as text from one driver
        ids.set(row.ord, Number(row.id));
        if (row.key !== null) fresh.add(row.key);
      }
      const stored = receipts.map((_receipt, ord): StoredReceipt => {
        const receiptId = ids.get(ord);
        if (receiptId === undefined) throw new Error('a stored webhook receipt has no id');
        return { receiptId, newEvents: [] };
      });
      for (const event of events) {
        if (!fresh.has(event.key)) continue;
        const receipt = stored[event.ord];
        receipt?.newEvents.push({
          idempotencyKey: event.key,
          receiptId: receipt.receiptId,
          position: event.position,
          metaCallId: event.meta_call_id,
          kind: event.kind,
          payload: event.payload,
          processedAt: null,
          attempts: 0,
          lastError: null,
          deadAt: null,
        });
      }
      return stored;
    },
  };
}

// one body can repeat a key (Meta batches retries): insert each key once, first one wins
function firstPerKey(events: readonly IncomingWebhookEvent[]): IncomingWebhookEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (seen.has(event.idempotencyKey)) return false;
    seen.add(event.idempotencyKey);
    return true;
  });
}
