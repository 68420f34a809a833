import {
  deliveryStatusSchema,
  type DeliveryStatus,
  type SubscriptionEvent,
} from '@ringside/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';
import { workspaces } from './schema-accounts';

/**
 * A CRM's subscription to outgoing events: where to POST, which events (or `*`), and the
 * signing secret, stored sealed (it must be opened to sign, so it cannot be a hash).
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().$type<SubscriptionEvent[]>().notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/**
 * One event for one subscription: the exact body signed (so every retry sends the same bytes),
 * where its delivery stands and how the latest attempt went. Fanned out from the outbox; a
 * duplicate of an event (same id) for the same subscription is stored once.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** the event's `id`, sent as `Idempotency-Key` */
    eventId: text('event_id').notNull(),
    event: text('event').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lastAttemptAt: instant('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_key').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`status = 'pending'`),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.id),
    oneOf('webhook_deliveries_status_check', t.status, deliveryStatusSchema.options),
  ],
);
