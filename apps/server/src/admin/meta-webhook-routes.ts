import { metaWebhookSettingsBodySchema, type MetaWebhookSettingsView } from '@ringside/contracts';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { parseBody } from '../http/parse-body';
import type { UnitOfWork } from '../repos/unit-of-work';
import { actorOf, adminGuards, type GuardDeps } from './admin-guards';
import type { MetaSecretsCache } from './meta-secrets';

/**
 * `/api/admin/meta-webhook`: what to paste into Meta's app dashboard (callback URL and verify
 * token, shown), and the app secret (write-only, stored sealed, preferred over
 * `META_APP_SECRET` by the webhook endpoint from the moment it is saved). One Meta app serves
 * the installation, so this is the same for every workspace.
 */
export function createMetaWebhookRoutes(
  deps: GuardDeps & { unitOfWork: UnitOfWork; secrets: MetaSecretsCache },
): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const callbackUrl = `${deps.publicOrigins[0] ?? ''}/webhooks/meta`;

  const view = (): MetaWebhookSettingsView => {
    const source = deps.secrets.source();
    const updatedAt = deps.secrets.updatedAt();
    return {
      callbackUrl,
      verifyToken: deps.secrets.current().verifyToken,
      appSecretSet: source !== 'none',
      appSecretSource: source,
      ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
    };
  };

  router.get('/meta-webhook', ...guard.read, (_req, res) => {
    res.json(view());
  });

  router.put('/meta-webhook', ...guard.change, express.json({ limit: '4kb' }), async (req, res) => {
    const me = sessionUserOf(res);
    const { appSecret } = parseBody(metaWebhookSettingsBodySchema, req.body);
    await deps.unitOfWork(async (repos) => {
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
