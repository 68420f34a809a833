import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// 2^15 × 8 × 128 B = 32 MiB per hash: slow for a guesser, still fine for sign-ins
const COST = { N: 32_768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// stored hashes are trusted only this far: a tampered row must not make sign-in burn memory
const LIMITS = { memoryBytes: 64 * 1024 * 1024, r: 32, p: 16 } as const;

/**
 * Hashes a password with scrypt and a random salt, as `scrypt$N$r$p$<salt>$<hash>` (base64).
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 * stored.startsWith('scrypt$32768$8$1$'); // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
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
