import { agentStatusSchema, type AgentStatus } from '@ringside/contracts';
import { index, integer, pgTable, uuid, text } from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';
import { users, workspaces } from './schema-accounts';

/**
 * Each agent's availability. `connections` counts open console sockets across server nodes;
 * `since` is when the status last changed, `last_call_ended_at` when their last call ended:
 * the later of the two is how long they have been idle. In after-call work (`wrap-up`),
 * `wrap_up_call_id` is the call it follows and `wrap_up_until` when it ends by itself (null:
 * until Save).
 */
export const agentPresence = pgTable(
  'agent_presence',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    status: text('status').$type<AgentStatus>().notNull(),
    since: instant('since').notNull(),
    lastCallEndedAt: instant('last_call_ended_at'),
    connections: integer('connections').notNull().default(0),
    wrapUpCallId: uuid('wrap_up_call_id'),
    wrapUpUntil: instant('wrap_up_until'),
  },
  (t) => [
    index('agent_presence_workspace_idx').on(t.workspaceId, t.status),
    oneOf('agent_presence_status_check', t.status, agentStatusSchema.options),
  ],
);
