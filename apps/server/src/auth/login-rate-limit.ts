export interface LoginRateLimitOptions {
  clock: () => Date;
  /** how long a failure counts; default 15 min */
  windowMs?: number;
  /** failures per email within the window before sign-in is refused; default 5 */
  maxPerEmail?: number;
  /** failures per IP within the window; default 20 (an office may share one address) */
  maxPerIp?: number;
  /** keys remembered at most, per kind, so a flood of made-up emails cannot fill memory */
  maxKeys?: number;
}

/**
 * How a started sign-in ended: `failure` counts against the email and IP, `success` forgives
 * the email's failures, `error` (we could not tell) counts for neither.
 */
export type LoginOutcome = 'failure' | 'success' | 'error';

/** One sign-in in progress; it counts as a failure until finished, so parallel guesses do too. */
export interface LoginAttempt {
  /** call exactly once; later calls are ignored */
  finish(outcome: LoginOutcome): void;
}

/** Whether a sign-in may be tried now, and if not, for how long to wait. */
export type LoginAllowance =
  { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

/** Counts failed sign-ins per email and per IP in a sliding window. */
export interface LoginRateLimiter {
  /** ask before checking the password, so a limited account learns nothing from it */
  begin(email: string, ip: string): LoginAllowance;
}

const DEFAULTS = {
  windowMs: 15 * 60 * 1000,
  maxPerEmail: 5,
  maxPerIp: 20,
  maxKeys: 10_000,
};

// refused only because other attempts are still running: they finish within a second or so
const BUSY_WAIT_MS = 1000;

/**
 * An in-memory limiter for sign-in failures (per process: in cluster mode each node counts its
 * own, which still bounds guessing to a small multiple).
 *
 * @example
 * const limiter = createLoginRateLimiter({ clock: () => new Date() });
 * const allowance = limiter.begin(email, req.ip ?? 'unknown');
 * if (!allowance.allowed) return tooMany(allowance.retryAfterSeconds);
 * allowance.attempt.finish((await verifyPassword(password, hash)) ? 'success' : 'failure');
 */
export function createLoginRateLimiter(options: LoginRateLimitOptions): LoginRateLimiter {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const byEmail = new FailureLog(settings.windowMs, settings.maxPerEmail, settings.maxKeys);
  const byIp = new FailureLog(settings.windowMs, settings.maxPerIp, settings.maxKeys);
  const now = () => options.clock().getTime();

  return {
    begin(email, ip) {
      const at = now();
      const waitMs = Math.max(byEmail.waitMs(email, at), byIp.waitMs(ip, at));
      if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      byEmail.start(email);
      byIp.start(ip);
      let finished = false;
      const attempt: LoginAttempt = {
        finish(outcome) {
          if (finished) return;
          finished = true;
          byEmail.end(email);
          byIp.end(ip);
          if (outcome === 'failure') {
            const failedAt = now();
            byEmail.add(email, failedAt);
            byIp.add(ip, failedAt);
          } else if (outcome === 'success') {
            byEmail.forget(email);
          }
        },
      };
      return { allowed: true, attempt };
    },
  };
}

/** failure times per key, oldest first, at most `limit` each; plus attempts in flight */
class FailureLog {
  private readonly times = new Map<string, number[]>();
  private readonly running = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
    private readonly maxKeys: number,
  ) {}

  /** ms until the key may try again; 0 when it may now */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length >= this.limit) {
      // the oldest counted failure has to leave the window first
      const oldest = recent[recent.length - this.limit] ?? now;
      return Math.max(1, oldest + this.windowMs - now);
    }
    return recent.length + (this.running.get(key) ?? 0) >= this.limit ? BUSY_WAIT_MS : 0;
  }

  start(key: string): void {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
  }

  end(key: string): void {
    const count = (this.running.get(key) ?? 0) - 1;
    if (count > 0) this.running.set(key, count);
    else this.running.delete(key);
  }

  add(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    // re-insert so map order is least recently failed first
    this.times.delete(key);
    this.times.set(key, recent);
    this.evict();
  }

  forget(key: string): void {
    this.times.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const all = this.times.get(key) ?? [];
    return all.filter((at) => at > now - this.windowMs);
  }

  private evict(): void {
    // least recently failed first, so expired keys go before live ones
    for (const key of this.times.keys()) {
      if (this.times.size <= this.maxKeys) return;
      this.times.delete(key);
    }
  }
}

function definedOnly(options: LoginRateLimitOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  if (options.windowMs !== undefined) out.windowMs = options.windowMs;
  if (options.maxPerEmail !== undefined) out.maxPerEmail = options.maxPerEmail;
  if (options.maxPerIp !== undefined) out.maxPerIp = options.maxPerIp;
  if (options.maxKeys !== undefined) out.maxKeys = options.maxKeys;
  return out;
}
