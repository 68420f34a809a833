import { createHash, randomUUID } from 'node:crypto';
import { ipGroup } from './ip-group';
import { createMemoryAttemptStore, type LoginAttemptStore } from './login-attempt-store';

export interface LoginRateLimitOptions {
  clock: () => Date;
  /** how long an attempt counts; default 15 min */
  windowMs?: number;
  /** failures per IP (IPv6: per /64) and account within the window; default 5 */
  maxPerIpAccount?: number;
  /** failures per IP (IPv6: per /64) across accounts; default 20 (an office may share one) */
  maxPerIp?: number;
  /** where attempts are counted; default in this process's memory (Redis in a cluster) */
  store?: LoginAttemptStore;
}

/**
 * How a started sign-in ended: `failure` counts against the IP and the IP+account, `success`
 * forgives that IP+account's failures, `error` (we could not tell) counts for neither.
 */
export type LoginOutcome = 'failure' | 'success' | 'error';

/** One sign-in in progress; it counts as a failure until finished, so parallel guesses do too. */
export interface LoginAttempt {
  /** call exactly once; later calls are ignored */
  finish(outcome: LoginOutcome): Promise<void>;
}

/** Whether a sign-in may be tried now, and if not, for how long to wait. */
export type LoginAllowance =
  { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

/** Counts sign-in attempts per IP+account and per IP in a sliding window. */
export interface LoginRateLimiter {
  /** ask before checking the password, so a limited guesser learns nothing from it */
  begin(email: string, ip: string): Promise<LoginAllowance>;
}

const DEFAULTS = { windowMs: 15 * 60 * 1000, maxPerIpAccount: 5, maxPerIp: 20 };

/**
 * A sign-in throttle no stranger can use to lock a named user out: failures are counted per
 * IP+account and per IP (IPv6 by /64), never per account alone, so the account's owner signs in
 * from their own address while someone elsewhere guesses. With a shared store every node of a
 * cluster sees the same counts.
 *
 * @example
 * const limiter = createLoginRateLimiter({ clock: () => new Date() });
 * const allowance = await limiter.begin(email, req.ip ?? 'unknown');
 * if (!allowance.allowed) return tooMany(allowance.retryAfterSeconds);
 * await allowance.attempt.finish((await verifyPassword(password, hash)) ? 'success' : 'failure');
 */
export function createLoginRateLimiter(options: LoginRateLimitOptions): LoginRateLimiter {
  const windowMs = options.windowMs ?? DEFAULTS.windowMs;
  const maxPerIpAccount = options.maxPerIpAccount ?? DEFAULTS.maxPerIpAccount;
  const maxPerIp = options.maxPerIp ?? DEFAULTS.maxPerIp;
  const store = options.store ?? createMemoryAttemptStore();

  return {
    async begin(email, ip) {
      const group = ipGroup(ip);
      const ipKey = `ip:${group}`;
      // the email is hashed: the store (Redis in a cluster) never holds who was tried
      const accountKey = `ip-account:${group}:${emailDigest(email)}`;
      const id = randomUUID();
      const waitMs = await store.add(
        [
          { key: accountKey, limit: maxPerIpAccount },
          { key: ipKey, limit: maxPerIp },
        ],
        id,
        options.clock().getTime(),
        windowMs,
      );
      if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      let finished = false;
      const attempt: LoginAttempt = {
        async finish(outcome) {
          if (finished) return;
          finished = true;
          if (outcome === 'failure') return;
          await store.remove([accountKey, ipKey], id);
          if (outcome === 'success') await store.clear(accountKey);
        },
      };
      return { allowed: true, attempt };
    },
  };
}

function emailDigest(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('base64url');
}
