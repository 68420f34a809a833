import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IN_MEMORY } from './database';
import {
  createSecretBox,
  loadOrCreateSecretsKey,
  SECRETS_KEY_FILE,
  SecretBoxError,
} from './secret-box';

const key = () => randomBytes(32).toString('base64');
const TOKEN = 'EAAGm0PX4ZCpsBAKZAq7ZBZBexampletoken123';

function thrown(fn: () => unknown): SecretBoxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SecretBoxError) return error;
    throw error;
  }
  throw new Error('expected a SecretBoxError');
}

describe('createSecretBox', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = createSecretBox(key());
    const sealed = box.seal(TOKEN);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(TOKEN);
    expect(box.open(sealed)).toBe(TOKEN);
  });

  it('uses a fresh IV each time, so equal secrets seal differently', () => {
    const box = createSecretBox(key());
    expect(box.seal(TOKEN)).not.toBe(box.seal(TOKEN));
  });

  it('round-trips empty and non-ASCII text', () => {
    const box = createSecretBox(key());
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('clé ✓ 電話'))).toBe('clé ✓ 電話');
  });

  it('refuses a changed ciphertext with a typed error that does not echo the input', () => {
    const box = createSecretBox(key());
    const [version, iv, tag, body] = box.seal(TOKEN).split('.');
    const bytes = Buffer.from(body ?? '', 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    const tampered = [version, iv, tag, bytes.toString('base64url')].join('.');
    const error = thrown(() => box.open(tampered));
    expect(error.code).toBe('tampered');
    expect(error.message).not.toContain(tampered);
    expect(error.message).not.toContain(bytes.toString('base64url'));
  });

  it('refuses a value sealed under another key', () => {
    const sealed = createSecretBox(key()).seal(TOKEN);
    expect(thrown(() => createSecretBox(key()).open(sealed)).code).toBe('tampered');
  });

  it('refuses a swapped auth tag', () => {
    const box = createSecretBox(key());
    const [version, iv, , body] = box.seal(TOKEN).split('.');
    const [, , otherTag] = box.seal(TOKEN).split('.');
    expect(thrown(() => box.open([version, iv, otherTag, body].join('.'))).code).toBe('tampered');
  });

  it.each([
    ['plain text', TOKEN],
    ['an unknown version', 'v2.aaaa.bbbb.cccc'],
    ['missing parts', 'v1.aaaa'],
    [
      'a short IV',
      `v1.${Buffer.alloc(4).toString('base64url')}.${Buffer.alloc(16).toString('base64url')}.AA`,
    ],
  ])('calls %s malformed without repeating it', (_label, input) => {
    const error = thrown(() => createSecretBox(key()).open(input));
    expect(error.code).toBe('malformed');
    expect(error.message).not.toContain(input);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['not base64', '!'.repeat(44)],
    ['empty', ''],
  ])('rejects a key that is %s', (_label, bad) => {
    expect(thrown(() => createSecretBox(bad)).code).toBe('invalid_key');
  });

  it('accepts a base64url key without padding', () => {
    const raw = randomBytes(32);
    const box = createSecretBox(raw.toString('base64url'));
    expect(createSecretBox(raw.toString('base64')).open(box.seal(TOKEN))).toBe(TOKEN);
  });
});

describe('loadOrCreateSecretsKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('creates a 0600 key file once and returns the same key afterwards', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = loadOrCreateSecretsKey(dataDir);
    const path = join(dataDir, SECRETS_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(loadOrCreateSecretsKey(dataDir)).toBe(first);
    expect(readFileSync(path, 'utf8').trim()).toBe(first);
  });

  it('keeps tokens sealed under the stored key readable after a restart', () => {
    const dataDir = tempDir();
    const sealed = createSecretBox(loadOrCreateSecretsKey(dataDir)).seal(TOKEN);
    expect(createSecretBox(loadOrCreateSecretsKey(dataDir)).open(sealed)).toBe(TOKEN);
  });

  it('gives an in-memory database a fresh key and writes no file', () => {
    const key = loadOrCreateSecretsKey(IN_MEMORY);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(loadOrCreateSecretsKey(IN_MEMORY)).not.toBe(key);
    expect(existsSync(IN_MEMORY)).toBe(false);
  });

  it('refuses a corrupt key file instead of replacing it', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, SECRETS_KEY_FILE), 'not a key\n');
    expect(thrown(() => loadOrCreateSecretsKey(dataDir)).code).toBe('invalid_key');
    expect(readFileSync(join(dataDir, SECRETS_KEY_FILE), 'utf8')).toBe('not a key\n');
  });
});
