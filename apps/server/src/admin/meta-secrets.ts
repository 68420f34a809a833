import { SecretBoxError } from '../db/secret-box';
import type { Logger } from '../ops/logger';
import type { MetaAppSettingsRepo } from '../repos/meta-app-settings';

/** Meta's webhook secrets as the webhook router reads them. */
export interface MetaSecrets {
  appSecret: string;
  verifyToken: string;
}

/** Where the app secret in use comes from. */
export type AppSecretSource = 'settings' | 'environment' | 'none';

/**
 * The webhook secrets in effect: an app secret an admin stored (preferred), else the server's
 * configuration. The webhook router reads them synchronously on every request, so the stored
 * one is cached here: loaded at start, replaced at once when an admin changes it on this node,
 * and re-read every `refreshMs` so other nodes follow.
 *
 * @example
 * const secrets = createMetaSecretsCache({ repo: repos.metaAppSettings, configured: options.meta, logger });
 * await secrets.start();
 * createMetaWebhookRouter({ secrets: secrets.current, … });
 */
export function createMetaSecretsCache(deps: {
  repo: MetaAppSettingsRepo;
  configured: MetaSecrets;
  logger: Logger;
  refreshMs?: number;
}) {
  let stored: string | null = null;
  let updatedAt: Date | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  function refresh(): Promise<void> {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function load(): Promise<void> {
    try {
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

  return {
    current: (): MetaSecrets => ({
      appSecret: stored ?? deps.configured.appSecret,
      verifyToken: deps.configured.verifyToken,
    }),
    source(): AppSecretSource {
      if (stored !== null) return 'settings';
      return deps.configured.appSecret === '' ? 'none' : 'environment';
    },
    updatedAt: () => updatedAt,
    /** re-reads the stored secret (after an admin changed it on this node, at once) */
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
