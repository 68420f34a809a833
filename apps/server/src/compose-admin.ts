import { createAdminArea, type AdminAreaDeps } from './admin/admin-area';
import { createMetaSecretsCache, type MetaSecrets } from './admin/meta-secrets';
import { createDispatcher, type DispatcherOptions } from './outbox/dispatcher';

/**
 * Part of the composition root (`create-app.ts`): builds the long-lived parts the admin side
 * brings — the cache of Meta's webhook secrets (the webhook endpoint verifies with it on every
 * request) and the outgoing webhook dispatcher — and hands them, with the app's unit of work,
 * to the admin and supervisor routes. `start` after the server listens; `stop` before the
 * database closes.
 *
 * @example
 * const admin = composeAdmin({ ...parts, meta: options.meta, outgoing: options.outgoingWebhooks });
 * app.use('/api/admin', admin.adminRouter);
 * createMetaWebhookRouter({ secrets: admin.metaSecrets, post, logger });
 * await admin.start();
 */
export function composeAdmin(
  parts: Omit<AdminAreaDeps, 'secrets' | 'dispatcher'> & {
    /** Meta's webhook secrets from the configuration; an app secret an admin stores may win */
    meta: MetaSecrets;
    /** outgoing webhook delivery tuning (tests make retries fast) */
    outgoing?: DispatcherOptions | undefined;
  },
) {
  const { repos, clock, logger } = parts;
  const secrets = createMetaSecretsCache({
    repo: repos.metaAppSettings,
    workspaces: repos.workspaces,
    configured: parts.meta,
    logger,
  });
  const dispatcher = createDispatcher({
    repos,
    clock,
    logger,
    ...(parts.outgoing ? { options: parts.outgoing } : {}),
  });
  const { adminRouter, supervisorRouter } = createAdminArea({ ...parts, secrets, dispatcher });

  return {
    adminRouter,
    supervisorRouter,
    /** what the Meta webhook endpoint verifies with, read on every request */
    metaSecrets: secrets.current,
    dispatcher,
    async start(): Promise<void> {
      await secrets.start();
      dispatcher.start();
    },
    async stop(): Promise<void> {
      await dispatcher.stop();
      await secrets.stop();
    },
  };
}
