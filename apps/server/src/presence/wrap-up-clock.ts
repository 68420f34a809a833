import type { Logger } from '../ops/logger';

/** who is in after-call work, by workspace and user */
export interface WrapUpAgent {
  readonly workspaceId: string;
  readonly userId: string;
}

export interface WrapUpClockDeps {
  /** agents whose timed after-call work has run out (the database's word, every node's) */
  expired(now: Date): Promise<WrapUpAgent[]>;
  /** ends one agent's after-call work if its time has run out (the writer checks again) */
  end(workspaceId: string, userId: string): Promise<unknown>;
  clock: () => Date;
  logger: Logger;
  /** how often the sweep looks for after-call work a lost timer left running; default 5 s */
  sweepMs?: number;
}

// a timer may fire a hair before the deadline it was set for: this much later, it never does
const LATE_MS = 5;

/**
 * Ends timed after-call work on time: a timer per agent on the node that started it, and a sweep
 * (every 5 s) for work whose timer was lost with its node or set on another. Both only ask the
 * presence writer to end it; the writer ends it only if its own deadline has passed, so a timer
 * left from an earlier call's wrap-up cannot cut a later one short.
 *
 * @example
 * const clock = createWrapUpClock({ expired: repos.presence.expiredWrapUps, end: presence.wrapUpExpired, clock, logger });
 * clock.start();
 * clock.arm(workspaceId, userId, new Date(Date.now() + 30_000));
 */
export function createWrapUpClock(deps: WrapUpClockDeps) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let sweep: ReturnType<typeof setInterval> | undefined;
  let sweeping = false;

  async function end(agent: WrapUpAgent): Promise<void> {
    try {
      await deps.end(agent.workspaceId, agent.userId);
    } catch (error) {
      deps.logger.error({ err: error, userId: agent.userId }, 'ending after-call work failed');
    }
  }

  async function runOnce(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const agent of await deps.expired(deps.clock())) await end(agent);
    } catch (error) {
      deps.logger.error({ err: error }, 'the after-call work sweep failed');
    } finally {
      sweeping = false;
    }
  }

  return {
    /** ends `userId`'s after-call work at `until` (replacing a timer set before) */
    arm(workspaceId: string, userId: string, until: Date): void {
      clearTimeout(timers.get(userId));
      const ms = Math.max(0, until.getTime() - deps.clock().getTime()) + LATE_MS;
      const timer = setTimeout(() => {
        timers.delete(userId);
        void end({ workspaceId, userId });
      }, ms);
      timer.unref?.();
      timers.set(userId, timer);
    },
    runOnce,
    start(): void {
      if (sweep) return;
      sweep = setInterval(() => void runOnce(), deps.sweepMs ?? 5_000);
      sweep.unref?.();
    },
    stop(): void {
      clearInterval(sweep);
      sweep = undefined;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type WrapUpClock = ReturnType<typeof createWrapUpClock>;
