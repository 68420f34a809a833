import { describe, expect, it } from 'vitest';
import { readCliEnv } from './cli-env';

describe('readCliEnv', () => {
  it('defaults to the embedded database in ./data of where pnpm was run', () => {
    expect(readCliEnv({ INIT_CWD: '/home/me/ringside' }, '/home/me/ringside/apps/server')).toEqual({
      ok: true,
      env: {
        databaseUrl: undefined,
        dataDir: '/home/me/ringside/data',
        secretsKey: undefined,
        workDir: '/home/me/ringside',
      },
    });
  });

  it('resolves a relative DATA_DIR against the current dir without INIT_CWD, keeps an absolute one', () => {
    expect(readCliEnv({ DATA_DIR: 'db' }, '/srv')).toMatchObject({ env: { dataDir: '/srv/db' } });
    expect(readCliEnv({ DATA_DIR: '/var/lib/ringside', INIT_CWD: '/x' }, '/srv')).toMatchObject({
      env: { dataDir: '/var/lib/ringside' },
    });
  });

  it('reads DATABASE_URL and SECRETS_KEY, treating empty values as unset', () => {
    expect(
      readCliEnv({ DATABASE_URL: 'postgres://u@db/ringside', SECRETS_KEY: 'k' }, '/srv'),
    ).toMatchObject({ env: { databaseUrl: 'postgres://u@db/ringside', secretsKey: 'k' } });
    expect(readCliEnv({ DATABASE_URL: '', SECRETS_KEY: '' }, '/srv')).toMatchObject({
      env: { databaseUrl: undefined, secretsKey: undefined },
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, naming the variable', () => {
    const read = readCliEnv({ DATABASE_URL: 'mysql://u@db/x' }, '/srv');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('DATABASE_URL');
  });
});
