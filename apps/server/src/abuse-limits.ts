/** A token bucket's size and refill: `burst` at once, then `perMinute` on average. */
export interface Rate {
  burst: number;
  perMinute: number;
}

/** the console's commands, grouped by what a flood of each would cost */
export type CommandFamily = 'status' | 'call' | 'quality' | 'dial';

/**
 * What one user, socket or sender may do before the server says no. The defaults sit far above
 * what a real contact centre does in a day's work; tests lower them.
 */
export interface AbuseLimits {
  /** consoles (sockets) one user may have open at once, across the cluster */
  socketsPerUser: number;
  /** a connection that has not joined with a valid session by then is dropped */
  preAuthTimeoutMs: number;
  /**
   * per socket and family: `status` (agent:set-status, which re-rings every waiting call),
   * `call` (accept, answer, decline, hang up), `quality` (every 5 s during a call), `dial`
   */
  commandRates: Record<CommandFamily, Rate>;
  /** call-permission requests (messages to customers) one agent may send per hour */
  permissionRequestsPerHour: number;
  /** webhook bodies being read or processed at once; more get 503 with `Retry-After` */
  webhooksInFlight: number;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  socketsPerUser: 5,
  preAuthTimeoutMs: 10_000,
  commandRates: {
    status: { burst: 20, perMinute: 30 },
    call: { burst: 30, perMinute: 120 },
    quality: { burst: 10, perMinute: 60 },
    dial: { burst: 10, perMinute: 20 },
  },
  permissionRequestsPerHour: 30,
  webhooksInFlight: 64,
};

/** some limits replaced, the rest left at their defaults (command rates per family) */
export type AbuseLimitOverrides = Partial<Omit<AbuseLimits, 'commandRates'>> & {
  commandRates?: Partial<AbuseLimits['commandRates']>;
};

/** the defaults with some limits replaced */
export function abuseLimits(overrides: AbuseLimitOverrides = {}): AbuseLimits {
  return {
    ...DEFAULT_ABUSE_LIMITS,
    ...overrides,
    commandRates: { ...DEFAULT_ABUSE_LIMITS.commandRates, ...overrides.commandRates },
  };
}
