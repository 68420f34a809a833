import { describe, expect, it } from 'vitest';
import { ipGroup } from './ip-group';
import { createMemoryAttemptStore } from './login-attempt-store';
import { createLoginRateLimiter, type LoginAllowance } from './login-rate-limit';

const MINUTE = 60_000;

function setup(limits: { maxPerIpAccount?: number; maxPerIp?: number; maxKeys?: number } = {}) {
  let now = Date.parse('2025-07-01T09:00:00Z');
  const { maxKeys, ...rest } = limits;
  const limiter = createLoginRateLimiter({
    clock: () => new Date(now),
    ...rest,
    ...(maxKeys === undefined ? {} : { store: createMemoryAttemptStore(maxKeys) }),
  });
  const fail = async (email: string, ip = '10.0.0.1') => {
    const allowance = await limiter.begin(email, ip);
    if (!allowance.allowed) throw new Error(`${email} from ${ip} was already limited`);
    await allowance.attempt.finish('failure');
  };
  const allowed = async (email: string, ip: string) => (await limiter.begin(email, ip)).allowed;
  return { limiter, fail, allowed, advance: (ms: number) => void (now += ms) };
}

function retryAfter(allowance: LoginAllowance): number | undefined {
  return allowance.allowed ? undefined : allowance.retryAfterSeconds;
}

describe('login rate limit', () => {
  it('allows 5 failures per IP and account in 15 minutes, then refuses until the oldest expires', async () => {
    const { limiter, fail, advance } = setup();
    for (let i = 0; i < 5; i += 1) {
      await fail('asha@example.com');
      advance(MINUTE);
    }

    expect(retryAfter(await limiter.begin('asha@example.com', '10.0.0.1'))).toBe(10 * 60);
    advance(10 * MINUTE - 1000);
    expect(retryAfter(await limiter.begin('Asha@Example.com', '10.0.0.1'))).toBe(1);
    advance(1000);
    // the first failure left the window; four remain, so one more try is allowed
    expect((await limiter.begin('asha@example.com', '10.0.0.1')).allowed).toBe(true);
  });

  it('never locks the account itself: its owner signs in from a fresh IP while it is under attack', async () => {
    const { fail, allowed } = setup();
    for (let i = 0; i < 5; i += 1) await fail('asha@example.com', '198.51.100.7');
    for (let i = 0; i < 5; i += 1) await fail('asha@example.com', '2001:db8:aa::1');

    expect(await allowed('asha@example.com', '198.51.100.7')).toBe(false);
    expect(await allowed('asha@example.com', '2001:db8:aa::99')).toBe(false);
    expect(await allowed('asha@example.com', '203.0.113.20')).toBe(true);
    expect(await allowed('ravi@example.com', '198.51.100.7')).toBe(true);
  });

  it('limits an IP after 20 failures across accounts', async () => {
    const { limiter, fail, allowed } = setup();
    for (let i = 0; i < 20; i += 1) await fail(`user${i}@example.com`, '10.0.0.9');

    expect(retryAfter(await limiter.begin('new@example.com', '10.0.0.9'))).toBe(15 * 60);
    expect(await allowed('new@example.com', '10.0.0.10')).toBe(true);
  });

  it('counts an IPv6 /64 as one address: rotating within it gains nothing', async () => {
    const { fail, allowed } = setup({ maxPerIp: 6 });
    for (let i = 1; i <= 5; i += 1)
      await fail('asha@example.com', `2001:db8:1:2::${i.toString(16)}`);

    expect(await allowed('asha@example.com', '2001:db8:1:2:ffff:ffff:ffff:fffe')).toBe(false);
    await fail('ravi@example.com', '2001:0db8:0001:0002:0:0:0:abcd');
    expect(await allowed('someone@example.com', '2001:db8:1:2:1234::')).toBe(false);
    // the neighbouring /64 is another subscriber
    expect(await allowed('asha@example.com', '2001:db8:1:3::1')).toBe(true);
  });

  it('forgives an IP and account its failures after a correct sign-in, but not the IP', async () => {
    const { limiter, fail, allowed } = setup({ maxPerIp: 6 });
    for (let i = 0; i < 4; i += 1) await fail('asha@example.com');
    const success = await limiter.begin('asha@example.com', '10.0.0.1');
    if (!success.allowed) throw new Error('should be allowed');
    await success.attempt.finish('success');

    await fail('asha@example.com');
    await fail('asha@example.com');
    expect(await allowed('other@example.com', '10.0.0.1')).toBe(false);
    expect(await allowed('asha@example.com', '10.0.0.2')).toBe(true);
  });

  it('counts attempts still running, so parallel guesses cannot slip past the limit', async () => {
    const { limiter, fail, allowed } = setup();
    for (let i = 0; i < 3; i += 1) await fail('asha@example.com');

    const [first, second, third] = await Promise.all(
      [1, 2, 3].map(() => limiter.begin('asha@example.com', '10.0.0.1')),
    );

    expect([first?.allowed, second?.allowed, third?.allowed]).toEqual([true, true, false]);
    if (first?.allowed) await first.attempt.finish('error');
    expect(await allowed('asha@example.com', '10.0.0.1')).toBe(true);
  });

  it('does not count an attempt that ended in an error, nor one finished twice', async () => {
    const { limiter, allowed } = setup({ maxPerIpAccount: 1 });
    const errored = await limiter.begin('asha@example.com', '10.0.0.1');
    if (!errored.allowed) throw new Error('should be allowed');
    await errored.attempt.finish('error');
    await errored.attempt.finish('failure');

    expect(await allowed('asha@example.com', '10.0.0.1')).toBe(true);
  });

  it('forgets the least recently used keys beyond maxKeys', async () => {
    const { fail, allowed } = setup({ maxPerIpAccount: 1, maxPerIp: 1_000, maxKeys: 3 });
    await fail('a@example.com');
    await fail('b@example.com');
    await fail('c@example.com');

    expect(await allowed('a@example.com', '10.0.0.1')).toBe(true);
    expect(await allowed('c@example.com', '10.0.0.1')).toBe(false);
  });
});

describe('ipGroup', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (ip, group) => {
    expect(ipGroup(ip)).toBe(group);
  });
});
