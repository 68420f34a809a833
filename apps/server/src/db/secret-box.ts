import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IN_MEMORY } from './database';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The key file's name inside the data dir (embedded default only). */
export const SECRETS_KEY_FILE = 'secrets.key';

/**
 * Why a secret could not be handled. The message never repeats the input: a sealed value or a
 * key must not end up in logs.
 *
 * - `invalid_key`: the key is not 32 bytes of base64
 * - `malformed`: not a sealed value of a known version
 * - `tampered`: the value or the key changed since sealing (the auth tag does not match)
 */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';

  constructor(
    readonly code: 'invalid_key' | 'malformed' | 'tampered',
    message: string,
  ) {
    super(message);
  }
}

/** Seals and opens small secrets (channel tokens) with one key. */
export interface SecretBox {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts, a fresh random IV each time */
  seal(plain: string): string;
  /** the plain text; throws {@link SecretBoxError} when malformed or tampered with */
  open(sealed: string): string;
}

/**
 * AES-256-GCM with a 32-byte key given as base64.
 *
 * @example
 * const box = createSecretBox(randomBytes(32).toString('base64'));
 * const sealed = box.seal('EAAG…'); // 'v1.…'
 * box.open(sealed); // 'EAAG…'
 */
export function createSecretBox(keyBase64: string): SecretBox {
  const key = decodeKey(keyBase64);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, body].map((part) => encodePart(part)).join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      const [version, ivText, tagText, bodyText] = parts;
      if (
        parts.length !== 4 ||
        version !== VERSION ||
        !ivText ||
        !tagText ||
        bodyText === undefined
      ) {
        throw new SecretBoxError('malformed', 'not a sealed secret of a known version');
      }
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new SecretBoxError('malformed', 'sealed secret has a bad IV or tag length');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      try {
        const plain = Buffer.concat([
          decipher.update(Buffer.from(bodyText, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        // node's own message is generic, but keep ours fixed whatever node says
        throw new SecretBoxError('tampered', 'sealed secret failed authentication');
      }
    },
  };
}

/**
 * Reads the embedded default's key from `<dataDir>/secrets.key`, creating the dir and a fresh
 * random key (file mode 0600) the first time. Returns the key as base64. For {@link IN_MEMORY}
 * it returns a fresh key and writes nothing.
 *
 * @example
 * const box = createSecretBox(env.SECRETS_KEY ?? loadOrCreateSecretsKey(env.DATA_DIR));
 */
export function loadOrCreateSecretsKey(dataDir: string): string {
  // an in-memory database forgets its tokens on exit: a key that lives as long is right
  if (dataDir === IN_MEMORY) return randomBytes(KEY_BYTES).toString('base64');
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, SECRETS_KEY_FILE);
  try {
    // 'wx': never overwrite a key that sealed existing tokens
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  const key = readFileSync(path, 'utf8').trim();
  decodeKey(key);
  return key;
}

function decodeKey(keyBase64: string): Buffer {
  const text = keyBase64.trim();
  const key = Buffer.from(text, 'base64');
  // Buffer.from ignores junk silently; a round trip shows whether the text was real base64
  if (key.length !== KEY_BYTES || key.toString('base64') !== normalizeBase64(text)) {
    throw new SecretBoxError('invalid_key', `the secrets key must be ${KEY_BYTES} bytes of base64`);
  }
  return key;
}

// accept base64url and missing padding too: people paste keys from many tools
function normalizeBase64(text: string): string {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}
