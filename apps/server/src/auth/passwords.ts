import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's work factors: CPU/memory cost N (a power of two), block size r, parallelism p. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP Password Storage Cheat Sheet's minimum for scrypt: N=2^17, r=8, p=1 (128 MiB, about a
 * second on a busy 2-core machine). Every hash is written with it unless a test asks otherwise.
 */
export const SCRYPT_COST: ScryptCost = { N: 131_072, r: 8, p: 1 };

/**
 * Test-only: a cost a thousand times cheaper, so suites that create many users stay fast. Never
 * the default anywhere; production code paths take {@link SCRYPT_COST}.
 */
export const TEST_ONLY_SCRYPT_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
// stored hashes are trusted only this far: a tampered row must not make sign-in burn memory
// (twice today's cost, so a later raise still verifies)
const LIMITS = { memoryBytes: 256 * 1024 * 1024, r: 32, p: 16 } as const;

/**
 * Hashes a password with scrypt and a random salt, as `scrypt$N$r$p$<salt>$<hash>` (base64):
 * the parameters travel with the hash, so a later raise of the cost still verifies old ones.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 * stored.startsWith('scrypt$131072$8$1$'); // true
 */
export async function hashPassword(
  password: string,
  cost: ScryptCost = SCRYPT_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

/**
 * Whether a stored hash was made with less work than `cost` (or is not ours): after a right
 * password, hash it again so old accounts reach today's cost.
 *
 * @example
 * if (await verifyPassword(password, user.passwordHash) && needsRehash(user.passwordHash)) {
 *   await repos.users.setPasswordHash(user.workspaceId, user.id, await hashPassword(password));
 * }
 */
export function needsRehash(stored: string, cost: ScryptCost = SCRYPT_COST): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/**
 * Whether `password` matches a hash from {@link hashPassword}, compared in constant time.
 * A malformed stored hash is simply no match.
 *
 * @example
 * await verifyPassword('correct horse battery staple', stored); // true
 * await verifyPassword('wrong', stored); // false
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
  return timingSafeEqual(actual, parsed.hash);
}

interface Parsed {
  cost: { N: number; r: number; p: number };
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || !salt || !hash) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    isPowerOfTwo(cost.N) &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= LIMITS.r &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= LIMITS.p &&
    128 * cost.N * cost.r <= LIMITS.memoryBytes;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  if (!valid || saltBytes.length === 0 || hashBytes.length < 16 || hashBytes.length > 64) {
    return undefined;
  }
  return { cost, salt: saltBytes, hash: hashBytes };
}

function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 1 && (value & (value - 1)) === 0;
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  // node refuses above maxmem (32 MiB by default); allow what the parameters need
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
