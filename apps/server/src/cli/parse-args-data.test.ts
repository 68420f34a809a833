import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-args';

// the commands that move the embedded database: migrate-to-postgres, backup, restore
const URL = 'postgres://ringside:s3cret@db.internal:5432/ringside';

function failure(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.ok) throw new Error(`expected ${argv.join(' ')} to be refused`);
  return parsed.message;
}

describe('parseCliArgs: migrate-to-postgres, backup, restore', () => {
  it('reads them', () => {
    expect(parseCliArgs(['migrate-to-postgres', '--database-url', URL])).toEqual({
      ok: true,
      command: { kind: 'migrate-to-postgres', databaseUrl: URL },
    });
    expect(parseCliArgs(['backup', '--out', 'ringside.tar.gz'])).toEqual({
      ok: true,
      command: { kind: 'backup', out: 'ringside.tar.gz', force: false },
    });
    expect(parseCliArgs(['restore', '--from', '/backups/r.tar.gz', '--force'])).toEqual({
      ok: true,
      command: { kind: 'restore', from: '/backups/r.tar.gz', force: true },
    });
  });

  it('refuses a missing or non-PostgreSQL URL without repeating it', () => {
    expect(failure(['migrate-to-postgres'])).toBe('--database-url: a postgres:// URL is required');
    const message = failure(['migrate-to-postgres', '--database-url', 'mysql://root:s3cret@db/x']);
    expect(message).toBe('--database-url: a postgres:// URL is required');
    expect(failure(['migrate-to-postgres', `--database-url=${URL}`, 'extra'])).not.toContain(
      's3cret',
    );
  });

  it('refuses a missing file, a value after --force and unknown flags', () => {
    expect(failure(['backup'])).toBe('--out: a file is required');
    expect(failure(['restore', '--from', ''])).toBe('--from: a file is required');
    expect(failure(['restore', '--from', 'x', '--force=yes'])).toContain('--force');
    expect(failure(['backup', '--out', 'x', '--database-url', URL])).toBe(
      'unknown option --database-url',
    );
  });
});
