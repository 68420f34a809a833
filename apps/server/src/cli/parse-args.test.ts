import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from './parse-args';

const WS = '0b9c7a52-5d3e-4c1e-9a57-3f1c2b8d9e10';
const TOKEN = 'EAAGsecret-token-0123456789abcdef';

function failure(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.ok) throw new Error(`expected ${argv.join(' ')} to be refused`);
  return parsed.message;
}

describe('parseCliArgs', () => {
  it('reads every command of the interface', () => {
    expect(parseCliArgs(['workspace', 'add', '--name', 'Acme Support'])).toEqual({
      ok: true,
      command: { kind: 'workspace-add', name: 'Acme Support' },
    });
    expect(
      parseCliArgs([
        'user',
        'add',
        '--workspace',
        WS,
        '--email',
        'Asha@Example.com',
        '--password',
        'long enough',
        '--role',
        'agent',
      ]),
    ).toEqual({
      ok: true,
      command: {
        kind: 'user-add',
        workspaceId: WS,
        email: 'asha@example.com',
        password: 'long enough',
        role: 'agent',
        name: undefined,
      },
    });
    expect(
      parseCliArgs([
        'channel',
        'add',
        'whatsapp',
        '--workspace',
        WS,
        '--phone-number-id',
        '115017831530658',
        '--waba-id',
        '114255454940862',
        '--display-number',
        '+919129950000',
        '--access-token',
        TOKEN,
      ]),
    ).toMatchObject({
      ok: true,
      command: {
        kind: 'channel-add-whatsapp',
        phoneNumberId: '115017831530658',
        accessToken: TOKEN,
      },
    });
    expect(
      parseCliArgs([
        'channel',
        'add',
        'messenger',
        '--workspace',
        WS,
        '--page-id',
        '123456789012',
        '--name',
        'Acme',
        '--access-token',
        TOKEN,
      ]),
    ).toMatchObject({
      ok: true,
      command: { kind: 'channel-add-messenger', pageId: '123456789012', name: 'Acme' },
    });
    expect(parseCliArgs(['channel', 'assign', '--channel', 'c1', '--user', 'u1'])).toEqual({
      ok: true,
      command: { kind: 'channel-assign', channelId: 'c1', userId: 'u1' },
    });
    expect(parseCliArgs(['channel', 'list'])).toEqual({
      ok: true,
      command: { kind: 'channel-list', workspaceId: undefined },
    });
    expect(parseCliArgs(['channel', 'list', '--workspace', WS])).toEqual({
      ok: true,
      command: { kind: 'channel-list', workspaceId: WS },
    });
  });

  it('reads doctor, with --json for machines, and lists it in the help', () => {
    expect(parseCliArgs(['doctor'])).toEqual({
      ok: true,
      command: { kind: 'doctor', json: false },
    });
    expect(parseCliArgs(['doctor', '--json'])).toEqual({
      ok: true,
      command: { kind: 'doctor', json: true },
    });
    expect(failure(['doctor', '--verbose'])).toBe('unknown option --verbose');
    expect(USAGE).toContain('doctor [--json]');
  });

  it('accepts --name=value', () => {
    expect(parseCliArgs(['workspace', 'add', '--name=Acme'])).toMatchObject({
      ok: true,
      command: { name: 'Acme' },
    });
  });

  it('shows help for no command and for --help', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parseCliArgs(['user', 'add', '--help'])).toEqual({
      ok: true,
      command: { kind: 'help' },
    });
  });

  it('refuses unknown commands and flags', () => {
    expect(failure(['workspace', 'remove'])).toContain('unknown command: workspace remove');
    expect(failure(['channel', 'add', 'telegram', '--workspace', WS])).toContain('unknown command');
    expect(failure(['workspace', 'add', '--name', 'A', '--colour', 'red'])).toContain('--colour');
    expect(failure(['workspace', 'add', '--name', 'A', 'extra'])).toBe(
      'unexpected argument: every value follows its --flag',
    );
  });

  it('names each missing or bad flag', () => {
    expect(failure(['workspace', 'add'])).toBe('--name: is required');
    const user = failure([
      'user',
      'add',
      '--workspace',
      WS,
      '--email',
      'not-an-email',
      '--password',
      'short',
      '--role',
      'boss',
    ]);
    expect(user).toContain('--email');
    expect(user).toContain('--password');
    expect(user).toContain('--role');
    const channel = failure([
      'channel',
      'add',
      'whatsapp',
      '--phone-number-id',
      'abc',
      '--display-number',
      '919129950000',
    ]);
    for (const flag of [
      '--workspace: is required',
      '--phone-number-id',
      '--waba-id: is required',
      '--display-number',
      '--access-token: is required',
    ]) {
      expect(channel).toContain(flag);
    }
    expect(failure(['channel', 'assign', '--channel', 'c1'])).toContain('--user');
    expect(failure(['workspace', 'add', '--name'])).toContain('--name');
  });

  it('never repeats a password or token in its messages', () => {
    const message = failure([
      'user',
      'add',
      '--workspace',
      WS,
      '--email',
      'a@b.co',
      '--password',
      'sh0rt',
      '--role',
      'agent',
    ]);
    expect(message).not.toContain('sh0rt');
    const tokenMessage = failure([
      'channel',
      'add',
      'messenger',
      '--workspace',
      WS,
      '--page-id',
      '123456789012',
      '--name',
      'P',
      '--access-token',
      'tiny-s3cret',
    ]);
    expect(tokenMessage).toContain('--access-token');
    expect(tokenMessage).not.toContain('tiny-s3cret');
    // a value that looks like a flag, and a stray value, are not quoted back either
    const dashed = failure([
      'user',
      'add',
      '--workspace',
      WS,
      '--password',
      '-s3cret-pass',
      '--role',
      'agent',
    ]);
    expect(dashed).toContain('--password: needs a value');
    expect(dashed).not.toContain('s3cret');
    const stray = failure(['workspace', 'add', '--name', 'A', 'EAAGleaked-token']);
    expect(stray).not.toContain('EAAGleaked');
  });
});
