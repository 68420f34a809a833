import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter, type LoginAllowance } from './login-rate-limit';

const MINUTE = 60_000;

function setup(limits: { maxPerEmail?: number; maxPerIp?: number; maxKeys?: number } = {}) {
  let now = Date.parse('2025-07-01T09:00:00Z');
  const limiter = createLoginRateLimiter({ clock: () => new Date(now), ...limits });
  const fail = (email: string, ip = '10.0.0.1') => {
    const allowance = limiter.begin(email, ip);
    if (!allowance.allowed) throw new Error(`${email} from ${ip} was already limited`);
    allowance.attempt.finish('failure');
  };
  return {
    limiter,
    fail,
    advance: (ms: number) => void (now += ms),
  };
}

function retryAfter(allowance: LoginAllowance): number | undefined {
  return allowance.allowed ? undefined : allowance.retryAfterSeconds;
}

describe('login rate limit', () => {
  it('allows 5 failures per email in 15 minutes, then refuses until the oldest expires', () => {
    const { limiter, fail, advance } = setup();
    for (let i = 0; i < 5; i += 1) {
      fail('asha@example.com');
      advance(MINUTE);
    }

    expect(retryAfter(limiter.begin('asha@example.com', '10.0.0.1'))).toBe(10 * 60);
    advance(10 * MINUTE - 1000);
    expect(retryAfter(limiter.begin('asha@example.com', '10.0.0.1'))).toBe(1);
    advance(1000);
    // the first failure left the window; four remain, so one more try is allowed
    expect(limiter.begin('asha@example.com', '10.0.0.1').allowed).toBe(true);
  });

  it('limits an email whatever IP the guesses come from', () => {
    const { limiter, fail } = setup();
    for (let i = 0; i < 5; i += 1) fail('asha@example.com', `10.0.0.${i}`);

    expect(limiter.begin('asha@example.com', '192.168.1.1').allowed).toBe(false);
    expect(limiter.begin('ravi@example.com', '192.168.1.1').allowed).toBe(true);
  });

  it('limits an IP after 20 failures across emails', () => {
    const { limiter, fail } = setup();
    for (let i = 0; i < 20; i += 1) fail(`user${i}@example.com`, '10.0.0.9');

    expect(retryAfter(limiter.begin('new@example.com', '10.0.0.9'))).toBe(15 * 60);
    expect(limiter.begin('new@example.com', '10.0.0.10').allowed).toBe(true);
  });

  it('forgives an email its failures after a correct sign-in, but not the IP', () => {
    const { limiter, fail } = setup({ maxPerIp: 6 });
    for (let i = 0; i < 4; i += 1) fail('asha@example.com');
    const success = limiter.begin('asha@example.com', '10.0.0.1');
    if (!success.allowed) throw new Error('should be allowed');
    success.attempt.finish('success');

    for (let i = 0; i < 2; i += 1) fail('asha@example.com');
    expect(limiter.begin('asha@example.com', '10.0.0.2').allowed).toBe(true);
    expect(limiter.begin('other@example.com', '10.0.0.1').allowed).toBe(false);
  });

  it('counts attempts still running, so parallel guesses cannot slip past the limit', () => {
    const { limiter, fail } = setup();
    for (let i = 0; i < 3; i += 1) fail('asha@example.com');

    const first = limiter.begin('asha@example.com', '10.0.0.1');
    const second = limiter.begin('asha@example.com', '10.0.0.1');
    const third = limiter.begin('asha@example.com', '10.0.0.1');

    expect([first.allowed, second.allowed, third.allowed]).toEqual([true, true, false]);
    expect(retryAfter(third)).toBe(1);
    if (first.allowed) first.attempt.finish('error');
    expect(limiter.begin('asha@example.com', '10.0.0.1').allowed).toBe(true);
  });

  it('does not count an attempt that ended in an error, nor one finished twice', () => {
    const { limiter } = setup({ maxPerEmail: 1 });
    const errored = limiter.begin('asha@example.com', '10.0.0.1');
    if (!errored.allowed) throw new Error('should be allowed');
    errored.attempt.finish('error');
    errored.attempt.finish('failure');

    expect(limiter.begin('asha@example.com', '10.0.0.1').allowed).toBe(true);
  });

  it('forgets the least recently failed keys beyond maxKeys', () => {
    const { limiter, fail } = setup({ maxPerEmail: 1, maxPerIp: 1_000, maxKeys: 2 });
    fail('a@example.com');
    fail('b@example.com');
    fail('c@example.com');

    expect(limiter.begin('a@example.com', '10.0.0.1').allowed).toBe(true);
    expect(limiter.begin('c@example.com', '10.0.0.1').allowed).toBe(false);
  });
});
