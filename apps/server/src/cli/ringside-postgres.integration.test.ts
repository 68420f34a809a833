import { describe, expect, it } from 'vitest';
import { OPEN_TIMEOUT_MS, testPostgresAdminUrl } from '../testing/test-databases';
import { createTestDatabase } from '../testing/postgres';
import { json, ringside } from '../testing/ringside-runs';

// the CLI's commands through runCli in this process (ringside.integration.test.ts: the process)
const MESSENGER_TOKEN = 'EAAGmessenger-secret-token-9876543210';
const KEY = Buffer.alloc(32, 7).toString('base64');

describe('ringside CLI on PostgreSQL', () => {
  it(
    'runs against DATABASE_URL, and asks for SECRETS_KEY before storing a token',
    async () => {
      const env = { DATABASE_URL: await createTestDatabase(await testPostgresAdminUrl()) };
      const workspace = json(await ringside(['workspace', 'add', '--name', 'Acme'], env));
      const args = [
        'channel',
        'add',
        'messenger',
        '--workspace',
        String(workspace['id']),
        '--page-id',
        '123456789012',
        '--name',
        'Acme Page',
        '--access-token',
        MESSENGER_TOKEN,
      ];

      const keyless = await ringside(args, env);
      expect(keyless).toMatchObject({ code: 1, stdout: '' });
      expect(keyless.stderr).toContain('SECRETS_KEY is required with DATABASE_URL');

      const badKey = await ringside(args, { ...env, SECRETS_KEY: 'short' });
      expect(badKey.code).toBe(1);
      expect(badKey.stderr).toContain('SECRETS_KEY must be 32 bytes of base64');

      const channel = json(await ringside(args, { ...env, SECRETS_KEY: KEY }));
      expect(channel).toMatchObject({ pageId: '123456789012', tokenSet: true });
    },
    OPEN_TIMEOUT_MS * 2,
  );
});
