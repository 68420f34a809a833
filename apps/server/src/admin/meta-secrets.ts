import { randomBytes } from 'node:crypto';
import { SecretBoxError } from '../db/secret-box';
import type { Logger } from '../ops/logger';
import type { MetaAppSettingsRepo } from '../repos/meta-app-settings';

/** Meta's webhook secrets as the webhook router reads them. */
export interface MetaSecrets {
  appSecret: string;
  verifyToken: string;
}

/** Where the app secret in force comes from. */
export type AppSecretSource = 'settings' | 'environment' | 'none';
/** Why: see `decideAppSecret`. */
export type AppSecretReason = 'one-workspace' | 'several-workspaces' | 'none-stored';

/** The app secret in force, where from and why. */
export interface AppSecretInForce {
  source: AppSecretSource;
  reason: AppSecretReason;
  /** empty when the source is `none` */
  appSecret: string;
}

/**
 * The rule: a secret an admin stored is in force only while the server hosts exactly one
 * workspace (an installation for one company, whose admin is the operator). As soon as it hosts
 * several, only the server's `META_APP_SECRET` is: one workspace's admin must not be able to sign
 * webhooks for another's numbers, and Meta signs with the app's real secret. With neither,
 * nothing verifies (the endpoint refuses every webhook).
 *
 * @example
 * decideAppSecret({ stored: 'abc…', configured: 'env…', workspaces: 2 });
 * // { source: 'environment', reason: 'several-workspaces', appSecret: 'env…' }
 */
export function decideAppSecret(input: {
  stored: string | null;
  configured: string;
  workspaces: number;
}): AppSecretInForce {
  const reason: AppSecretReason =
    input.workspaces > 1
      ? 'several-workspaces'
      : input.stored !== null && input.workspaces === 1
        ? 'one-workspace'
        : 'none-stored';
  if (reason === 'one-workspace' && input.stored !== null)
    return { source: 'settings', reason, appSecret: input.stored };
  if (input.configured !== '')
    return { source: 'environment', reason, appSecret: input.configured };
  return { source: 'none', reason, appSecret: '' };
}

/**
 * The webhook secrets in force (`decideAppSecret`). The webhook router reads them synchronously
 * on every request, so what decides them (the stored secret, how many workspaces the server
 * hosts) is cached here: loaded at start, re-read at once when an admin changes the secret or
 * opens the page on this node, and every `refreshMs` so that every node follows a change made
 * elsewhere (a workspace created by the CLI or on another node) within that period.
 *
 * @example
 * const secrets = createMetaSecretsCache({ repo: repos.metaAppSettings, workspaces: repos.workspaces, configured: options.meta, logger });
 * await secrets.start();
 * createMetaWebhookRouter({ secrets: secrets.current, … });
 */
export function createMetaSecretsCache(deps: {
  repo: MetaAppSettingsRepo;
  workspaces: { listWorkspaces(): Promise<readonly unknown[]> };
  configured: MetaSecrets;
  logger: Logger;
  refreshMs?: number;
}) {
  let stored: string | null = null;
  // until the first read, as if shared: a stored secret never rules unread
  let workspaces = Number.POSITIVE_INFINITY;
  let updatedAt: Date | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  // with no secret at all the endpoint still answers 401 (an unguessable key), never a 500
  const unverifiable = randomBytes(32).toString('base64url');

  function refresh(): Promise<void> {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function load(): Promise<void> {
    try {
      workspaces = (await deps.workspaces.listWorkspaces()).length;
      const settings = await deps.repo.getSettings();
      stored = settings?.appSecret ?? null;
      updatedAt = settings?.updatedAt;
    } catch (error) {
      // keep the last good value: a blip must not switch webhook verification off
      if (error instanceof SecretBoxError) {
        deps.logger.error({ code: error.code }, 'the stored Meta app secret cannot be opened');
      } else {
        deps.logger.warn({ err: error }, 'could not re-read the Meta app settings');
      }
    }
  }

  const inForce = () =>
    decideAppSecret({ stored, configured: deps.configured.appSecret, workspaces });

  return {
    current: (): MetaSecrets => ({
      appSecret: inForce().appSecret || unverifiable,
      verifyToken: deps.configured.verifyToken,
    }),
    /** which secret is in force and why (never the secret itself) */
    inForce: (): { source: AppSecretSource; reason: AppSecretReason; stored: boolean } => {
      const { source, reason } = inForce();
      return { source, reason, stored: stored !== null };
    },
    updatedAt: () => updatedAt,
    /** re-reads what decides the secret (after an admin changed it on this node, at once) */
    refresh,
    async start(): Promise<void> {
      await refresh();
      timer ??= setInterval(() => void refresh(), deps.refreshMs ?? 30_000);
      timer.unref();
    },
    /** stops re-reading; resolves once a read in progress is done */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

export type MetaSecretsCache = ReturnType<typeof createMetaSecretsCache>;
