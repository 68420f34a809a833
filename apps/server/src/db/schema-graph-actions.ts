import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';
import { workspaces } from './schema-accounts';
import { calls } from './schema-calls';

/** the Graph requests a call decision makes, in the order a call may need them */
export const GRAPH_ACTION_KINDS = ['pre-accept', 'accept', 'reject', 'terminate'] as const;

/** how a Graph action ended: Meta confirmed it, refused it, it no longer mattered, or time ran out */
export const GRAPH_ACTION_RESULTS = ['confirmed', 'refused', 'moot', 'expired'] as const;

/**
 * A decision that must reach Meta (durable outbox of Graph actions): written in the transaction
 * that decided it, one row per call and action, and tried until Meta confirms, refuses for good,
 * or the call is over at Meta. A crash or a Graph outage between deciding and telling Meta
 * leaves the row pending for any node to try again.
 */
export const graphActions = pgTable(
  'graph_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    action: text('action').$type<(typeof GRAPH_ACTION_KINDS)[number]>().notNull(),
    /** the agent's SDP an accept carries (an answer on WhatsApp, an offer on Messenger) */
    sdp: text('sdp'),
    createdAt: instant('created_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    doneAt: instant('done_at'),
    result: text('result').$type<(typeof GRAPH_ACTION_RESULTS)[number]>(),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('graph_actions_call_action_key').on(t.callId, t.action),
    index('graph_actions_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`done_at is null`),
    oneOf('graph_actions_action_check', t.action, GRAPH_ACTION_KINDS),
    oneOf('graph_actions_result_check', t.result, GRAPH_ACTION_RESULTS),
  ],
);
