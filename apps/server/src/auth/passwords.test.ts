import { describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, TEST_ONLY_SCRYPT_COST, verifyPassword } from './passwords';

/** a hash as an older Ringside wrote it (N=2^15), made by hand so the test does not trust our code */
function legacyHash(password: string): string {
  const salt = Buffer.from('legacy-salt-0001');
  const key = scryptSync(password.normalize('NFKC'), salt, 32, {
    N: 32_768,
    r: 8,
    p: 1,
    maxmem: 64 * 1024 * 1024,
  });
  return ['scrypt', 32_768, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('passwords', () => {
  it("hashes at OWASP's minimum scrypt cost (N=2^17, r=8, p=1) by default", async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('still verifies a hash stored with the older, weaker cost, and says it needs a rehash', async () => {
    const stored = legacyHash('an old password');
    await expect(verifyPassword('an old password', stored)).resolves.toBe(true);
    await expect(verifyPassword('another password', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('uses a lower cost only when a caller asks for the test-only one', async () => {
    const stored = await hashPassword('fast for tests', TEST_ONLY_SCRYPT_COST);
    expect(stored.startsWith(`scrypt$${TEST_ONLY_SCRYPT_COST.N}$`)).toBe(true);
    await expect(verifyPassword('fast for tests', stored)).resolves.toBe(true);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(stored, TEST_ONLY_SCRYPT_COST)).toBe(false);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple', TEST_ONLY_SCRYPT_COST);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts each hash, so equal passwords hash differently', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password', TEST_ONLY_SCRYPT_COST),
      hashPassword('same password', TEST_ONLY_SCRYPT_COST),
    ]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same password', b)).resolves.toBe(true);
  });

  it('treats unicode forms of one password alike', async () => {
    // 'é' precomposed vs 'e' + combining acute: people type both
    const stored = await hashPassword('caf\u00e9 au lait', TEST_ONLY_SCRYPT_COST);
    await expect(verifyPassword('cafe\u0301 au lait', stored)).resolves.toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['missing parts', 'scrypt$32768$8$1$c2FsdA=='],
    ['a cost that is not a power of two', 'scrypt$30000$8$1$c2FsdHNhbHQ=$' + 'A'.repeat(44)],
    ['a cost that would take gigabytes', 'scrypt$1048576$32$1$c2FsdHNhbHQ=$' + 'A'.repeat(44)],
    ['a hash too short to mean anything', 'scrypt$16384$8$1$c2FsdHNhbHQ=$AAAA'],
  ])('says no, without throwing, for a stored hash that is %s', async (_label, stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
  });
});
