import type { OutgoingEvent } from '@ringside/contracts';
import type { Db } from '../db/database';
import type { OutboxRepo, OutboxRow } from './outbox';

/** The outbox topic prefix of outgoing event webhooks: `webhook:call.ended`. */
export const WEBHOOK_TOPIC_PREFIX = 'webhook:';

/**
 * Outgoing events waiting in the outbox for fan-out to subscriptions. Pass the transaction of
 * the change an event reports, so the two commit together.
 *
 * @example
 * const repo = createOutgoingEventsRepo(db, createOutboxRepo(db));
 * await repo.enqueue(workspaceId, event, tx);
 */
export function createOutgoingEventsRepo(db: Db, outbox: OutboxRepo) {
  return {
    async enqueue(workspaceId: string, event: OutgoingEvent, tx: Db = db): Promise<OutboxRow> {
      return outbox.enqueue(tx, {
        workspaceId,
        topic: `${WEBHOOK_TOPIC_PREFIX}${event.event}`,
        payload: event,
      });
    },
  };
}

export type OutgoingEventsRepo = ReturnType<typeof createOutgoingEventsRepo>;
