import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCRYPT_COST, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { openDatabase } from '../db/open-database';
import { SECRETS_KEY_FILE } from '../db/secret-box';
import { OPEN_TIMEOUT_MS } from '../testing/test-databases';
import { json, ringside, ringsideProcess, storedCost } from '../testing/ringside-runs';

// the CLI's commands through runCli in this process (fast), then a few runs of the real process
const WHATSAPP_TOKEN = 'EAAGwhatsapp-secret-token-0123456789';
const MESSENGER_TOKEN = 'EAAGmessenger-secret-token-9876543210';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

const root = mkdtempSync(join(tmpdir(), 'ringside-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ringside CLI on the embedded database', () => {
  const env = { DATA_DIR: join(root, 'data') };

  it(
    'adds a workspace, a user, two channels, assigns and lists — JSON out, tokens never',
    async () => {
      const workspace = json(await ringside(['workspace', 'add', '--name', 'Acme Support'], env));
      expect(workspace).toMatchObject({ id: expect.any(String), name: 'Acme Support' });

      const userRun = await ringside(
        [
          'user',
          'add',
          '--workspace',
          String(workspace['id']),
          '--email',
          'Asha@Example.com',
          '--password',
          'correct horse battery',
          '--role',
          'agent',
          '--name',
          'Asha',
        ],
        env,
      );
      const user = json(userRun);
      expect(user).toMatchObject({
        email: 'asha@example.com',
        name: 'Asha',
        role: 'agent',
        disabled: false,
      });
      expect(userRun.stdout).not.toContain('correct horse');
      expect(userRun.stdout).not.toContain('scrypt');

      const whatsappRun = await ringside(
        [
          'channel',
          'add',
          'whatsapp',
          '--workspace',
          String(workspace['id']),
          '--phone-number-id',
          '115017831530658',
          '--waba-id',
          '114255454940862',
          '--display-number',
          '+919129950000',
          '--access-token',
          WHATSAPP_TOKEN,
        ],
        env,
      );
      const whatsapp = json(whatsappRun);
      expect(whatsapp).toMatchObject({
        channel: 'whatsapp',
        phoneNumberId: '115017831530658',
        wabaId: '114255454940862',
        displayNumber: '+919129950000',
        tokenSet: true,
        assignedUserIds: [],
      });
      expect(whatsappRun.stdout).not.toContain(WHATSAPP_TOKEN);

      const messenger = json(
        await ringside(
          [
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
          ],
          env,
        ),
      );
      expect(messenger).toMatchObject({
        channel: 'messenger',
        pageId: '123456789012',
        label: 'Acme Page',
      });

      const assigned = json(
        await ringside(
          ['channel', 'assign', '--channel', String(whatsapp['id']), '--user', String(user['id'])],
          env,
        ),
      );
      expect(assigned).toMatchObject({
        channelId: whatsapp['id'],
        userId: user['id'],
        alreadyAssigned: false,
      });

      const listRun = await ringside(
        ['channel', 'list', '--workspace', String(workspace['id'])],
        env,
      );
      const listed = json(listRun) as { channels: Record<string, unknown>[] };
      expect(
        listed.channels.map((c) => [c['channel'], c['assignedUserIds'], c['tokenSet']]),
      ).toEqual([
        ['whatsapp', [user['id']], true],
        ['messenger', [], true],
      ]);
      for (const token of [WHATSAPP_TOKEN, MESSENGER_TOKEN])
        expect(listRun.stdout).not.toContain(token);
      expect(
        (json(await ringside(['channel', 'list'], env)) as { channels: unknown[] }).channels,
      ).toHaveLength(2);

      // the generated key is private, and no file of the database holds a token in clear
      expect(statSync(join(env.DATA_DIR, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
      for (const file of filesUnder(env.DATA_DIR)) {
        const bytes = readFileSync(file);
        expect(bytes.includes(WHATSAPP_TOKEN), file).toBe(false);
        expect(bytes.includes(MESSENGER_TOKEN), file).toBe(false);
      }
      // these runs really hash at the test-only cost (the process, below: the real one)
      expect(await storedCost(env.DATA_DIR, 'asha@example.com')).toEqual(TEST_ONLY_SCRYPT_COST);
    },
    OPEN_TIMEOUT_MS * 2,
  );

  it(
    'exits 2 with a message on bad arguments, printing nothing on stdout',
    async () => {
      const runs = await Promise.all([
        ringside(['workspace', 'add'], env),
        ringside(
          [
            'user',
            'add',
            '--workspace',
            'w',
            '--email',
            'nope',
            '--password',
            'x',
            '--role',
            'boss',
          ],
          env,
        ),
        ringside(['channel', 'frobnicate'], env),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^ringside: /);
        expect(run.stderr).toContain('usage: pnpm ringside');
      }
      expect(runs[0]!.stderr).toContain('--name: is required');
      expect(runs[1]!.stderr).toContain('--role');
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'exits 2 when an argument names something that does not exist',
    async () => {
      const missing = await ringside(
        [
          'user',
          'add',
          '--workspace',
          '00000000-0000-4000-8000-000000000000',
          '--email',
          'x@example.com',
          '--password',
          'long enough',
          '--role',
          'agent',
        ],
        env,
      );
      expect(missing).toMatchObject({ code: 2, stdout: '' });
      expect(missing.stderr).toContain('no workspace 00000000-0000-4000-8000-000000000000');
      const assign = await ringside(
        ['channel', 'assign', '--channel', 'nope', '--user', 'nope'],
        env,
      );
      expect(assign).toMatchObject({ code: 2, stdout: '' });
      expect(assign.stderr).toContain('no channel nope');
    },
    OPEN_TIMEOUT_MS,
  );
});

// the process users run, for what only it shows: slow (seconds a run), so only these
describe('ringside CLI as a process, on the embedded database', () => {
  const env = { DATA_DIR: join(root, 'data') };

  it('exits 2 on bad arguments, with the usage on stderr and nothing on stdout', async () => {
    const run = await ringsideProcess(['workspace', 'add'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ringside: --name: is required/);
    expect(run.stderr).toContain('usage: pnpm ringside');
  }, 60_000);

  it(
    'exits 1 and says so plainly while a server holds the database; once it stops, adds a user at the real password cost',
    async () => {
      const workspace = json(await ringside(['workspace', 'add', '--name', 'Acme Sales'], env));
      const server = await openDatabase({ dataDir: env.DATA_DIR });
      try {
        const run = await ringsideProcess(['channel', 'list'], env);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`in use by a running Ringside server (pid ${process.pid})`);
        expect(run.stderr).toContain('Stop the server');
      } finally {
        await server.close();
      }

      const added = await ringsideProcess(
        [
          'user',
          'add',
          '--workspace',
          String(workspace['id']),
          '--email',
          'Ravi@Example.com',
          '--password',
          'correct horse battery',
          '--role',
          'admin',
        ],
        env,
      );
      expect(json(added)).toMatchObject({ email: 'ravi@example.com', role: 'admin' });
      expect(added.stdout).not.toContain('correct horse');
      expect(added.stdout).not.toContain('scrypt');
      // no test seam reaches the real CLI: its hashes are at the production cost
      expect(await storedCost(env.DATA_DIR, 'ravi@example.com')).toEqual(SCRYPT_COST);
    },
    OPEN_TIMEOUT_MS,
  );
});
