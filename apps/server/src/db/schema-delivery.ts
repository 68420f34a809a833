import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { workspaces } from './schema-accounts';

/** Every webhook body Meta sent, kept raw for audit and replay, with what became of it. */
export const webhookReceipts = pgTable('webhook_receipts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  receivedAt: instant('received_at').notNull().defaultNow(),
  /** the envelope's `object`: `whatsapp_business_account` or `page` */
  object: text('object').notNull(),
  raw: text('raw').notNull(),
  outcome: text('outcome').notNull(),
  detail: text('detail'),
});

/**
 * One event out of a receipt, stored once per idempotency key: Meta's retries and duplicate
 * deliveries land on the same key and are dropped. `processed_at` stays null until the call
 * service has applied it, so a crash between storing and processing loses nothing.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    receiptId: bigint('receipt_id', { mode: 'number' })
      .notNull()
      .references(() => webhookReceipts.id, { onDelete: 'cascade' }),
    /** order within the receipt: a batch can hold a connect and its terminate */
    position: integer('position').notNull(),
    metaCallId: text('meta_call_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    processedAt: instant('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /**
     * dead letter: it kept failing and was set aside (`processed_at` stays null) until an admin
     * retries it; the pending scans skip it meanwhile
     */
    deadAt: instant('dead_at'),
  },
  (t) => [
    index('webhook_events_pending_idx')
      .on(t.receiptId, t.position)
      .where(sql`processed_at is null`),
    index('webhook_events_dead_idx')
      .on(t.deadAt)
      .where(sql`dead_at is not null`),
  ],
);

/**
 * Outgoing event webhooks waiting for delivery (transactional outbox): written in the same
 * transaction as the call change, delivered at least once by a worker.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    deliveredAt: instant('delivered_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`delivered_at is null`),
  ],
);
