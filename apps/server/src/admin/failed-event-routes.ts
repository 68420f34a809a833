import {
  FAILED_WEBHOOK_EVENTS_MAX,
  type FailedWebhookEventView,
  type FailedWebhookEventsReply,
} from '@ringside/contracts';
import { Router } from 'express';
import { requireRole, requireSession, sessionUserOf } from '../auth/require-session';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';
import type { DeadLetterRow } from '../repos/webhook-dead-letters';
import type { StoredWebhookEvent } from '../repos/webhook-receipts';
import type { UnitOfWork } from '../repos/unit-of-work';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';

// an error's text is the server's, but a driver or Graph message may quote what it was sent
const ERROR_SHOWN_MAX = 300;
const SECRET_LOOKING = [
  /\b(access_token|token|secret|password|appsecret_proof)=[^\s&"']+/gi,
  /\bBearer\s+[^\s"']+/gi,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/gi,
  // meta's access tokens
  /\bEAA[A-Za-z0-9]{16,}/g,
];

/**
 * `/api/admin/failed-webhook-events`: Meta webhook events that kept failing to apply (dead
 * letters) in the admin's own workspace, newest first, and `POST …/:id/retry` to apply one again
 * now (its attempts reset; recorded in the audit log). Admins only: the list names calls and
 * errors, so supervisors and agents get 403.
 */
export function createFailedEventRoutes(
  deps: GuardDeps & {
    repos: Pick<Repos, 'sessions' | 'webhookDeadLetters'>;
    unitOfWork: UnitOfWork;
    /** hands revived events to this node's processor (after the commit) */
    retryWebhookEvents: (events: readonly StoredWebhookEvent[]) => void;
  },
): Router {
  const router = Router();
  const guard = adminGuards(deps);

  router.get(
    '/failed-webhook-events',
    requireSession({ repos: deps.repos, clock: deps.clock }),
    requireRole('admin'),
    async (_req, res) => {
      const { workspaceId } = sessionUserOf(res);
      const rows = await deps.repos.webhookDeadLetters.listDeadLetters(
        workspaceId,
        FAILED_WEBHOOK_EVENTS_MAX,
      );
      const reply: FailedWebhookEventsReply = { items: rows.map(toFailedEventView) };
      res.json(reply);
    },
  );

  router.post('/failed-webhook-events/:id/retry', ...guard.change, async (req, res) => {
    const me = sessionUserOf(res);
    const id = paramOf(req.params, 'id');
    const revived = await deps.unitOfWork(async (repos) => {
      const event = await repos.webhookDeadLetters.reviveDeadLetter(me.workspaceId, id);
      if (!event) {
        throw new AppError(
          'not_found',
          404,
          'No failed webhook event with that id in your workspace (it may have been retried already).',
        );
      }
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: 'meta-event.retry',
        target: { type: 'meta-event', id, label: labelOf(event) },
      });
      return event;
    });
    deps.retryWebhookEvents([revived]);
    res.status(204).end();
  });

  return router;
}

/**
 * A dead letter in replies: its facts and last error, the error with anything that looks like a
 * credential masked; never the payload (SDPs carry ICE credentials) or the delivery's signature.
 *
 * @example
 * toFailedEventView(row); // { id, kind: 'call.offered', channel: 'whatsapp', attempts: 10, lastError, … }
 */
export function toFailedEventView(row: DeadLetterRow): FailedWebhookEventView {
  return {
    id: row.idempotencyKey,
    kind: row.kind,
    channel: row.channel,
    metaCallId: row.metaCallId,
    receivedAt: row.receivedAt.toISOString(),
    failedAt: row.deadAt.toISOString(),
    attempts: row.attempts,
    lastError: row.lastError === null ? null : publicErrorText(row.lastError),
  };
}

function publicErrorText(text: string): string {
  const masked = SECRET_LOOKING.reduce(
    (out, pattern) => out.replace(pattern, (match) => `${match.slice(0, 3)}…[hidden]`),
    text,
  );
  return masked.length > ERROR_SHOWN_MAX ? `${masked.slice(0, ERROR_SHOWN_MAX)}…` : masked;
}

function labelOf(event: StoredWebhookEvent): string {
  return event.metaCallId ? `${event.kind} ${event.metaCallId}` : event.kind;
}
