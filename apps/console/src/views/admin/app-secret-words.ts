import { lazyWords, t } from '../../i18n/i18n';
import type { MetaWebhookSettingsView } from '@ringside/contracts';

type InForce = Pick<
  MetaWebhookSettingsView,
  'appSecretSource' | 'appSecretReason' | 'appSecretStored'
>;

const WHY: Record<InForce['appSecretReason'], string> = lazyWords({
  'one-workspace': 'appSecret.why.one',
  'several-workspaces': 'appSecret.why.several',
  'none-stored': 'appSecret.why.none',
});

/**
 * Which Meta app secret verifies webhooks, and why, in the admin's words (never the secret).
 *
 * @example
 * appSecretInForceWords({ appSecretSource: 'environment', appSecretReason: 'several-workspaces', appSecretStored: true });
 * // 'In force: the server’s META_APP_SECRET, because this server hosts several workspaces. The secret stored here is ignored.'
 */
export function appSecretInForceWords(view: InForce): string {
  const why = WHY[view.appSecretReason];
  const ignored =
    view.appSecretStored && view.appSecretSource !== 'settings' ? t('appSecret.ignored') : '';
  switch (view.appSecretSource) {
    case 'settings':
      return t('appSecret.inForce.settings', { why });
    case 'environment':
      return t('appSecret.inForce.environment', { why, ignored });
    case 'none':
      return t('appSecret.inForce.none', { why, ignored });
  }
}

/** whether this page may store a secret (only while the server hosts one workspace) */
export function canStoreAppSecret(view: Pick<MetaWebhookSettingsView, 'appSecretReason'>): boolean {
  return view.appSecretReason !== 'several-workspaces';
}
