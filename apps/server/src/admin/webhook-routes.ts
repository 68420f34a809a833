import {
  deliveriesQuerySchema,
  webhookSubscriptionCreateBodySchema,
  webhookSubscriptionUpdateBodySchema,
  type WebhookSubscriptionCreatedReply,
} from '@ringside/contracts';
import express, { Router, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { sessionUserOf } from '../auth/require-session';
import { auditedChanges } from '../audit/audit-changes';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Dispatcher } from '../outbox/dispatcher';
import { maskReceiverUrl } from '../outbox/receiver-url';
import type { Repos } from '../repos';
import type { UnitOfWork } from '../repos/unit-of-work';
import type { WebhookSubscription } from '../repos/webhook-subscriptions';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';
import { toDeliveryView, toSubscriptionView } from './admin-views';
import { sendTestEvent } from './send-test-event';

const BODY_LIMIT = '16kb';
const SECRET_FIELDS = ['secret'];

/**
 * `/api/admin/webhooks`: outgoing event subscriptions (URL, events or `*`, secret, active), their
 * delivery logs and the "send test event" button. Reads for supervisors and admins; changes
 * for admins. The secret is write-only; when the admin gives none, one is generated and shown
 * once, in the creation reply.
 */
export function createWebhookRoutes(
  deps: GuardDeps & { repos: Repos; unitOfWork: UnitOfWork; dispatcher: Dispatcher },
): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const json = express.json({ limit: BODY_LIMIT });

  router.get('/webhooks', ...guard.read, async (_req, res) => {
    const subs = await deps.repos.webhookSubscriptions.listSubscriptions(
      sessionUserOf(res).workspaceId,
    );
    res.json({ items: subs.map((sub) => viewFor(res, sub)) });
  });

  router.get('/webhooks/:id', ...guard.read, async (req, res) => {
    const ws = sessionUserOf(res).workspaceId;
    res.json(viewFor(res, await subscriptionOr404(deps.repos, ws, paramOf(req.params, 'id'))));
  });

  router.get('/webhooks/:id/deliveries', ...guard.read, async (req, res) => {
    const ws = sessionUserOf(res).workspaceId;
    const sub = await subscriptionOr404(deps.repos, ws, paramOf(req.params, 'id'));
    const query = parseBody(deliveriesQuerySchema, req.query);
    const page = await deps.repos.webhookDeliveries.listDeliveries(ws, sub.id, query);
    res.json({ items: page.items.map(toDeliveryView), nextCursor: page.nextCursor });
  });

  router.post('/webhooks', ...guard.change, json, async (req, res) => {
    const me = sessionUserOf(res);
    const body = parseBody(webhookSubscriptionCreateBodySchema, req.body);
    const generated = body.secret === undefined ? randomBytes(24).toString('base64url') : undefined;
    const sub = await deps.unitOfWork(async (repos) => {
      const created = await repos.webhookSubscriptions.createSubscription({
        workspaceId: me.workspaceId,
        url: body.url,
        events: body.events,
        secret: body.secret ?? generated ?? '',
        active: body.active,
        description: body.description,
      });
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: 'webhook.create',
        target: { type: 'webhook', id: created.id, label: maskReceiverUrl(created.url) },
        ...auditedChanges(
          { ...body, url: maskReceiverUrl(body.url), secret: 'set' },
          SECRET_FIELDS,
        ),
      });
      return created;
    });
    const reply: WebhookSubscriptionCreatedReply = {
      ...toSubscriptionView(sub),
      ...(generated === undefined ? {} : { secret: generated }),
    };
    res.status(201).json(reply);
  });

  router.patch('/webhooks/:id', ...guard.change, json, async (req, res) => {
    const me = sessionUserOf(res);
    const body = parseBody(webhookSubscriptionUpdateBodySchema, req.body);
    const id = paramOf(req.params, 'id');
    const sub = await deps.unitOfWork(async (repos) => {
      const updated = await repos.webhookSubscriptions.updateSubscription(me.workspaceId, id, body);
      if (!updated) throw notFound();
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: 'webhook.update',
        target: { type: 'webhook', id: updated.id, label: maskReceiverUrl(updated.url) },
        ...auditedChanges(
          { ...body, ...(body.url === undefined ? {} : { url: maskReceiverUrl(body.url) }) },
          SECRET_FIELDS,
        ),
      });
      return updated;
    });
    res.json(toSubscriptionView(sub));
  });

  router.delete('/webhooks/:id', ...guard.change, async (req, res) => {
    const me = sessionUserOf(res);
    const sub = await subscriptionOr404(deps.repos, me.workspaceId, paramOf(req.params, 'id'));
    await deps.unitOfWork(async (repos) => {
      if (!(await repos.webhookSubscriptions.deleteSubscription(me.workspaceId, sub.id)))
        throw notFound();
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: 'webhook.delete',
        target: { type: 'webhook', id: sub.id, label: maskReceiverUrl(sub.url) },
      });
    });
    res.status(204).end();
  });

  router.post('/webhooks/:id/test', ...guard.change, async (req, res) => {
    const me = sessionUserOf(res);
    const sub = await subscriptionOr404(deps.repos, me.workspaceId, paramOf(req.params, 'id'));
    const delivery = await sendTestEvent(deps, sub);
    await deps.repos.auditLog.record({
      workspaceId: me.workspaceId,
      actor: actorOf(res),
      action: 'webhook.test',
      target: { type: 'webhook', id: sub.id, label: maskReceiverUrl(sub.url) },
      changes: { eventId: delivery.eventId, status: delivery.status },
    });
    res.json({ delivery });
  });

  return router;
}

/**
 * a subscription as this user may see it: whole for admins, who manage it; for supervisors the
 * URL's credentials (user name, password, query values) masked
 */
function viewFor(res: Response, sub: WebhookSubscription) {
  const view = toSubscriptionView(sub);
  return sessionUserOf(res).role === 'admin' ? view : { ...view, url: maskReceiverUrl(view.url) };
}

async function subscriptionOr404(
  repos: Repos,
  workspaceId: string,
  id: string,
): Promise<WebhookSubscription> {
  const sub = await repos.webhookSubscriptions.getSubscription(workspaceId, id);
  if (!sub) throw notFound();
  return sub;
}

function notFound(): AppError {
  return new AppError('not_found', 404, 'No outgoing webhook with that id in your workspace.');
}
