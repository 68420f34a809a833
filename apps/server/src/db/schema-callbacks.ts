import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { users, workspaces } from './schema-accounts';
import { calls } from './schema-calls';

/**
 * What agents did about a missed call: who claimed it ("I'll call back") and who marked it done.
 * The worklist itself is derived from `calls` (see `callbacks/collapse.ts`); a missed call with
 * no row here is open. Done on a call closes it and every earlier miss of the same customer
 * and line.
 */
export const callbacks = pgTable(
  'callbacks',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: instant('claimed_at'),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: instant('done_at'),
  },
  (t) => [index('callbacks_workspace_idx').on(t.workspaceId)],
);
