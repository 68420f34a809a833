import type { MetaWebhookSettingsView } from '@ringside/contracts';

type InForce = Pick<
  MetaWebhookSettingsView,
  'appSecretSource' | 'appSecretReason' | 'appSecretStored'
>;

const WHY: Record<InForce['appSecretReason'], string> = {
  'one-workspace': 'this server hosts one workspace',
  'several-workspaces': 'this server hosts several workspaces',
  'none-stored': 'none is stored here',
};

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
    view.appSecretStored && view.appSecretSource !== 'settings'
      ? ' The secret stored here is ignored.'
      : '';
  switch (view.appSecretSource) {
    case 'settings':
      return `In force: the secret stored here, because ${why}.`;
    case 'environment':
      return `In force: the server’s META_APP_SECRET, because ${why}.${ignored}`;
    case 'none':
      return `None in force: Meta’s webhooks are refused until the server’s META_APP_SECRET is set (${why}).${ignored}`;
  }
}

/** whether this page may store a secret (only while the server hosts one workspace) */
export function canStoreAppSecret(view: Pick<MetaWebhookSettingsView, 'appSecretReason'>): boolean {
  return view.appSecretReason !== 'several-workspaces';
}
