import { signMetaPayload, verifyMetaSignature } from '@ringside/contracts/signature';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capturedLogger } from '../testing/test-auth-server';
import type { MetaAppSettingsRepo } from '../repos/meta-app-settings';
import { createMetaSecretsCache, decideAppSecret } from './meta-secrets';

const STORED = 'stored-by-an-admin-0123456789';
const ENV = 'the-servers-META_APP_SECRET';
const BODY = '{"object":"page","entry":[]}';

// what another node or the CLI changes in the shared database
function database(initial: { stored: string | null; workspaces: number }) {
  const state = { ...initial };
  const repo = {
    getSettings: () =>
      Promise.resolve(
        state.stored === null ? undefined : { appSecret: state.stored, updatedAt: new Date(0) },
      ),
  } as unknown as MetaAppSettingsRepo;
  const workspaces = {
    listWorkspaces: () => Promise.resolve(Array.from({ length: state.workspaces }, (_, i) => i)),
  };
  return { state, repo, workspaces };
}

const accepts = (secret: string, signedWith: string) =>
  verifyMetaSignature(BODY, signMetaPayload(BODY, signedWith), secret).ok;

describe('the Meta app secret in force', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a stored one only while the server hosts exactly one workspace', () => {
    expect(decideAppSecret({ stored: STORED, configured: ENV, workspaces: 1 })).toEqual({
      source: 'settings',
      reason: 'one-workspace',
      appSecret: STORED,
    });
    expect(decideAppSecret({ stored: STORED, configured: ENV, workspaces: 2 })).toEqual({
      source: 'environment',
      reason: 'several-workspaces',
      appSecret: ENV,
    });
    expect(decideAppSecret({ stored: null, configured: ENV, workspaces: 1 })).toEqual({
      source: 'environment',
      reason: 'none-stored',
      appSecret: ENV,
    });
    expect(decideAppSecret({ stored: STORED, configured: '', workspaces: 3 })).toEqual({
      source: 'none',
      reason: 'several-workspaces',
      appSecret: '',
    });
  });

  it('follows a second workspace created elsewhere on its next re-read, on every node', async () => {
    vi.useFakeTimers();
    const db = database({ stored: STORED, workspaces: 1 });
    const nodes = [1, 2].map(() =>
      createMetaSecretsCache({
        repo: db.repo,
        workspaces: db.workspaces,
        configured: { appSecret: ENV, verifyToken: 'v' },
        logger: capturedLogger().logger,
        refreshMs: 1000,
      }),
    );
    for (const node of nodes) await node.start();
    for (const node of nodes) expect(accepts(node.current().appSecret, STORED)).toBe(true);

    db.state.workspaces = 2; // the operator adds a company, with the CLI
    await vi.advanceTimersByTimeAsync(1000);
    for (const node of nodes) {
      expect(accepts(node.current().appSecret, STORED)).toBe(false);
      expect(accepts(node.current().appSecret, ENV)).toBe(true);
      expect(node.inForce()).toEqual({
        source: 'environment',
        reason: 'several-workspaces',
        stored: true,
      });
    }
    for (const node of nodes) await node.stop();
  });

  it('with neither secret refuses every signature, the empty key’s included', async () => {
    const db = database({ stored: STORED, workspaces: 2 });
    const cache = createMetaSecretsCache({
      repo: db.repo,
      workspaces: db.workspaces,
      configured: { appSecret: '', verifyToken: 'v' },
      logger: capturedLogger().logger,
    });
    await cache.start();
    const { appSecret } = cache.current();
    expect(appSecret).not.toBe('');
    expect(accepts(appSecret, STORED)).toBe(false);
    expect(cache.inForce()).toMatchObject({ source: 'none' });
    await cache.stop();
  });
});
