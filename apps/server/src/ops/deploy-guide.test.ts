import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli/parse-args';
import { ConfigError, loadEnv } from '../env';
import {
  codeBlocks,
  envFileEntries,
  namedVariables,
  readDeployFile,
  readGuide,
  REPO_DIR,
  replaceExactly,
  ringsideCommands,
  serverVariables,
  shellLines,
  shellWords,
  unitSettings,
} from '../testing/deploy-guide';

const guide = readGuide();
const envFile = readDeployFile('ringside.env');
const unitFile = readDeployFile('ringside.service');
const scratch = mkdtempSync(join(tmpdir(), 'ringside-deploy-guide-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// what the guide's shell variables stand for (placeholders a reader fills in)
const SAMPLE = {
  workspace: 'ws_5b1f0c',
  agent: 'usr_17aa',
  channel: 'chn_92e1',
  password: 'correct horse battery staple',
  token: 'EAAG-sample-system-user-token',
  page_token: 'EAAG-sample-page-token',
  phone_number_id: '106540352242922',
  waba_id: '102290129340398',
  page_id: '106378625516323',
  db_password: 's3cret',
  DATABASE_URL: 'postgres://ringside:s3cret@127.0.0.1:5432/ringside',
};

// the `openssl rand …` lines, run, by the variables their comment names
function generatedSecrets(): Map<string, string[]> {
  const secrets = new Map<string, string[]>();
  for (const block of codeBlocks(guide, 'sh')) {
    for (const raw of block.split('\n')) {
      const [command = '', comment = ''] = raw.split('#');
      const words = shellWords(command.trim(), SAMPLE);
      if (words[0] !== 'openssl' || words[1] !== 'rand') continue;
      const value = execFileSync('openssl', words.slice(1), { encoding: 'utf8' }).trim();
      for (const name of comment.match(/[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+/g) ?? [])
        secrets.set(name, [...(secrets.get(name) ?? []), value]);
    }
  }
  return secrets;
}

// the example configuration with what it leaves for the reader filled in
function filledEnv(): Record<string, string> {
  const secrets = generatedSecrets();
  return {
    ...Object.fromEntries(envFileEntries(envFile)),
    META_APP_SECRET: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
    META_VERIFY_TOKEN: secrets.get('META_VERIFY_TOKEN')?.[0] ?? '',
  };
}

describe('docs/deploy.md: the admin CLI lines', () => {
  const commands = ringsideCommands(guide, SAMPLE);

  it('finds the guide’s CLI commands: workspace, users, channels, doctor, data', () => {
    const kinds = commands.map((argv) => {
      const parsed = parseCliArgs(argv);
      return parsed.ok ? parsed.command.kind : `refused: ${argv.join(' ')}`;
    });
    expect(new Set(kinds)).toEqual(
      new Set([
        'workspace-add',
        'user-add',
        'channel-add-whatsapp',
        'channel-add-messenger',
        'channel-assign',
        'channel-list',
        'doctor',
        'migrate-to-postgres',
        'backup',
        'restore',
      ]),
    );
  });

  it.each(ringsideCommands(guide, SAMPLE).map((argv) => [argv.join(' '), argv]))(
    'pnpm ringside %s parses with the CLI’s own parser',
    (_line, argv) => {
      const parsed = parseCliArgs(argv as string[]);
      expect(parsed).toMatchObject({ ok: true });
      if (parsed.ok) expect(parsed.command.kind).not.toBe('help');
    },
  );

  it('a placeholder the test does not know is an error, not a pass', () => {
    expect(() => shellWords('pnpm ringside channel list --workspace "$someone"', SAMPLE)).toThrow(
      /\$someone/,
    );
  });
});

describe('docs/deploy.md: configuration variables', () => {
  const server = serverVariables();
  const named = namedVariables(guide);

  it('reads the server’s variables from env.ts', () => {
    expect(server).toEqual(expect.arrayContaining(['PORT', 'PUBLIC_ORIGIN', 'TURN_SECRET']));
    expect(server.length).toBeGreaterThan(20);
  });

  it('names only variables the server reads', () => {
    expect([...named.keys()].filter((name) => !server.includes(name))).toEqual([]);
  });

  it('names every variable the server reads, and so does ringside.env', () => {
    expect(server.filter((name) => !new RegExp(`\\b${name}\\b`).test(guide))).toEqual([]);
    expect(server.filter((name) => !envFileEntries(envFile).has(name))).toEqual([]);
    expect([...envFileEntries(envFile).keys()].filter((n) => !server.includes(n))).toEqual([]);
  });

  it('ringside.env as shipped stops start-up, naming the Meta secrets left to fill', () => {
    const shipped = Object.fromEntries(envFileEntries(envFile));
    expect(() => loadEnv(shipped)).toThrow(ConfigError);
    try {
      loadEnv(shipped);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'META_APP_SECRET is required unless the simulator is on',
        'META_VERIFY_TOKEN is required unless the simulator is on',
      ]);
    }
  });

  it('ringside.env filled in with the guide’s openssl secrets starts the server with Meta on', () => {
    const env = loadEnv(filledEnv());
    expect(env).toMatchObject({
      SIMULATOR: 'off',
      HOST: '127.0.0.1',
      PORT: 3000,
      DATA_DIR: '/var/lib/ringside',
      PUBLIC_ORIGIN: ['https://ringside.example.com'],
      OUTGOING_WEBHOOKS_PRIVATE: 'refuse',
    });
  });

  it('every secret the openssl lines make is accepted where the guide puts it', () => {
    const secrets = generatedSecrets();
    expect([...secrets.keys()].sort()).toEqual(
      ['META_VERIFY_TOKEN', 'METRICS_TOKEN', 'SECRETS_KEY', 'TURN_SECRET'].sort(),
    );
    const env = loadEnv({
      ...filledEnv(),
      DATABASE_URL: SAMPLE.DATABASE_URL,
      SECRETS_KEY: secrets.get('SECRETS_KEY')?.[0] ?? '',
      TURN_URLS: 'turn:turn.example.com:3478?transport=udp',
      TURN_SECRET: secrets.get('TURN_SECRET')?.[0] ?? '',
      METRICS_TOKEN: secrets.get('METRICS_TOKEN')?.[0] ?? '',
    });
    expect(env.SECRETS_KEY).toBeDefined();
    expect(env.TURN_SECRET).toBeDefined();
    expect(env.METRICS_TOKEN).toBeDefined();
  });

  it.each(
    [...namedVariables(guide)].flatMap(([name, values]) => values.map((value) => [name, value])),
  )('%s=%s as the guide shows it is accepted', (name, value) => {
    const secrets = generatedSecrets();
    // a TURN relay and PostgreSQL configured, so settings that need them can be shown alone
    const base = {
      ...filledEnv(),
      TURN_URLS: 'turn:turn.example.com:3478?transport=udp',
      TURN_SECRET: secrets.get('TURN_SECRET')?.[0] ?? '',
      DATABASE_URL: SAMPLE.DATABASE_URL,
      SECRETS_KEY: secrets.get('SECRETS_KEY')?.[0] ?? '',
    };
    expect(() => loadEnv({ ...base, [name as string]: value as string })).not.toThrow();
  });
});

describe('docs/deploy/ringside.env in a shell', () => {
  it('the guide’s `set -a; . ringside.env; set +a` line gives a shell the values systemd reads', () => {
    const line = codeBlocks(guide, 'sh')
      .flatMap(shellLines)
      .find((l) => l.includes('. /etc/ringside/ringside.env'));
    expect(line).toBe('set -a; . /etc/ringside/ringside.env; set +a');
    const script = `${replaceExactly(line ?? '', '/etc/ringside/ringside.env', join(REPO_DIR, 'docs/deploy/ringside.env'))}; env -0`;
    const printed = execFileSync('bash', ['-c', script], { env: {}, encoding: 'utf8' });
    const shell = new Map(
      printed
        .split('\0')
        .filter(Boolean)
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
    for (const [name, value] of envFileEntries(envFile)) expect(shell.get(name), name).toBe(value);
  });
});

describe('docs/deploy/ringside.service', () => {
  const unit = unitSettings(unitFile);
  const service = unit.get('Service');
  const only = (key: string) => {
    const values = service?.get(key) ?? [];
    expect(values, key).toHaveLength(1);
    return values[0] ?? '';
  };

  it('systemd-analyze verify accepts it: no unknown keys, an executable ExecStart', () => {
    // node where this machine has it (the guide: change ExecStart if it is not /usr/bin/node)
    const here = replaceExactly(
      unitFile,
      'ExecStart=/usr/bin/node ',
      `ExecStart=${process.execPath} `,
    );
    const path = join(scratch, 'ringside.service');
    writeFileSync(path, here);
    const run = spawnSync('systemd-analyze', ['verify', path], { encoding: 'utf8' });
    expect(run.error, 'systemd-analyze is needed (apt-get install systemd)').toBeUndefined();
    expect(run.stderr).not.toContain('ringside.service');
    expect(run.status).toBe(0);

    // and it can fail: a misspelt key is named
    const typo = join(scratch, 'typo.service');
    writeFileSync(typo, replaceExactly(here, 'PrivateTmp=yes', 'PrivateTemp=yes'));
    const refused = spawnSync('systemd-analyze', ['verify', typo], { encoding: 'utf8' });
    expect(refused.stderr).toContain("Unknown key 'PrivateTemp'");
  });

  it('runs what `pnpm start` runs, the build’s main.mjs under the guide’s /opt/ringside', () => {
    const pkg = JSON.parse(
      readFileSync(join(REPO_DIR, 'apps', 'server', 'package.json'), 'utf8'),
    ) as { scripts: Record<string, string> };
    const start = shellWords(pkg.scripts['start'] ?? '', {});
    const exec = shellWords(only('ExecStart'), {});
    const code = only('WorkingDirectory');
    expect(code).toBe('/opt/ringside');
    expect(guide).toContain(`sudo git clone <your Ringside repository> ${code}`);
    // node, its flags, then apps/server's dist/main.mjs (where server-bundle.ts writes it)
    expect(start[0]).toBe('node');
    expect(posix.basename(exec[0] ?? '')).toBe('node');
    expect(exec.slice(1)).toEqual([
      ...start.slice(1, -1),
      posix.join(code, 'apps/server', start.at(-1) ?? ''),
    ]);
    expect(start.at(-1)).toBe('dist/main.mjs');
  });

  it('reads the guide’s configuration file and keeps DATA_DIR as its state directory', () => {
    const envPath = only('EnvironmentFile');
    expect(envPath).toBe('/etc/ringside/ringside.env');
    expect(envFile.split('\n')[0]).toContain(envPath);
    expect(guide).toContain(`sudo cp docs/deploy/ringside.env ${envPath}`);
    expect(`/var/lib/${only('StateDirectory')}`).toBe(envFileEntries(envFile).get('DATA_DIR'));
    expect(only('User')).toBe('ringside');
    expect(guide).toContain('sudo useradd --system --home-dir /var/lib/ringside');
    // bad configuration exits 2 (main.ts): restarting cannot help
    expect(only('RestartPreventExitStatus')).toBe('2');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });
});

describe('docs/deploy.md: shell blocks', () => {
  it('every line splits into words (quotes closed, placeholders known)', () => {
    const lines = codeBlocks(guide, 'sh').flatMap(shellLines);
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) expect(() => shellWords(line, SAMPLE), line).not.toThrow();
  });
});
