import { describe, expect, it } from 'vitest';
import { appSecretInForceWords, canStoreAppSecret } from './app-secret-words';

describe('the app secret in force, in words', () => {
  it('says which secret verifies webhooks and why', () => {
    expect(
      appSecretInForceWords({
        appSecretSource: 'environment',
        appSecretReason: 'several-workspaces',
        appSecretStored: true,
      }),
    ).toBe(
      'In force: the server’s META_APP_SECRET, because this server hosts several workspaces. The secret stored here is ignored.',
    );
    expect(
      appSecretInForceWords({
        appSecretSource: 'settings',
        appSecretReason: 'one-workspace',
        appSecretStored: true,
      }),
    ).toBe('In force: the secret stored here, because this server hosts one workspace.');
    expect(
      appSecretInForceWords({
        appSecretSource: 'environment',
        appSecretReason: 'none-stored',
        appSecretStored: false,
      }),
    ).toBe('In force: the server’s META_APP_SECRET, because none is stored here.');
    expect(
      appSecretInForceWords({
        appSecretSource: 'none',
        appSecretReason: 'none-stored',
        appSecretStored: false,
      }),
    ).toContain('webhooks are refused');
  });

  it('offers to store one only while the server hosts one workspace', () => {
    expect(canStoreAppSecret({ appSecretReason: 'several-workspaces' })).toBe(false);
    expect(canStoreAppSecret({ appSecretReason: 'none-stored' })).toBe(true);
  });
});
