import { metaWebhookSettingsBodySchema, type MetaWebhookSettingsView } from '@ringside/contracts';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { UnitOfWork } from '../repos/unit-of-work';
import { actorOf, adminGuards, type GuardDeps } from './admin-guards';
import type { MetaSecretsCache } from './meta-secrets';

/**
 * `/api/admin/meta-webhook`: what to paste into Meta's app dashboard (callback URL and verify
 * token, shown), and the app secret (write-only, stored sealed). One Meta app serves the
 * installation, so this is the same for every workspace. A stored secret is in force only while
 * the server hosts exactly one workspace (`decideAppSecret`), and only then may that admin change
 * it here: where several workspaces share the server, one workspace's admin choosing the secret
 * could sign webhooks for another's numbers, so the secret is the operator's (`META_APP_SECRET`)
 * and a change is refused (403). The page says which secret is in force and why.
 */
export function createMetaWebhookRoutes(
  deps: GuardDeps & { unitOfWork: UnitOfWork; secrets: MetaSecretsCache },
): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const callbackUrl = `${deps.publicOrigins[0] ?? ''}/webhooks/meta`;

  const view = (): MetaWebhookSettingsView => {
    const inForce = deps.secrets.inForce();
    const updatedAt = deps.secrets.updatedAt();
    return {
      callbackUrl,
      verifyToken: deps.secrets.current().verifyToken,
      appSecretSet: inForce.source !== 'none',
      appSecretSource: inForce.source,
      appSecretReason: inForce.reason,
      appSecretStored: inForce.stored,
      ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    };
  };

  // read afresh: the page says what rules now (a workspace may have been added elsewhere)
  router.get('/meta-webhook', ...guard.read, async (_req, res) => {
    await deps.secrets.refresh();
    res.json(view());
  });

  router.put('/meta-webhook', ...guard.change, express.json({ limit: '4kb' }), async (req, res) => {
    const me = sessionUserOf(res);
    const { appSecret } = parseBody(metaWebhookSettingsBodySchema, req.body);
    await deps.unitOfWork(async (repos) => {
      if ((await repos.workspaces.listWorkspaces()).length > 1) throw sharedServerError();
      await repos.metaAppSettings.setAppSecret(appSecret, me.userId);
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action:
          appSecret === null ? 'meta-webhook.clear-app-secret' : 'meta-webhook.set-app-secret',
        target: { type: 'meta-webhook', id: 'meta', label: 'Meta app' },
        secretsChanged: ['appSecret'],
      });
    });
    await deps.secrets.refresh();
    res.json(view());
  });

  return router;
}

function sharedServerError(): AppError {
  return new AppError(
    'forbidden',
    403,
    'This server hosts several workspaces, so its Meta app secret is set by whoever runs the ' +
      'server (META_APP_SECRET), not from a workspace.',
  );
}
