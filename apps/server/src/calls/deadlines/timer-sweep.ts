import type { Logger } from '../../ops/logger';
import type { Repos } from '../../repos';
import type { OverdueCall } from '../../repos/overdue-calls';
import type { StuckCall } from '../../repos/stuck-calls';
import type { Feed } from '../feed';
import { ringTimeoutEvent, turnOverEvent } from './deadline-events';

/** how often each node looks for overdue calls, on average */
export const TIMER_SWEEP_PERIOD_MS = 5_000;
/** how late a deadline must be before the sweep acts: the node's own timer goes first */
export const TIMER_SWEEP_GRACE_MS = 1_000;
/** at most this many calls per round; a full round is followed by another straight away */
export const TIMER_SWEEP_BATCH = 50;

/**
 * How long an agent's claim may last without becoming a conversation: their browser setting up
 * audio takes seconds, and a WhatsApp accept left pending by a crash is resent after a minute
 * (`graph-outbox.ts`). Past it, the claim is released or the call rejected (`call.expired`).
 */
export const CLAIM_BOUND_MS = 90_000;
/**
 * The longest conversation we keep open without hearing Meta end it (our bound, not Meta's):
 * past it the call is terminated, so a lost terminate never leaves an agent busy for good.
 */
export const ACTIVE_CALL_BOUND_MS = 4 * 60 * 60_000;

/** Tuning of {@link createTimerSweep}; the defaults suit production, tests shorten them. */
export interface TimerSweepOptions {
  /** see {@link CLAIM_BOUND_MS} */
  claimBoundMs?: number;
  /** see {@link ACTIVE_CALL_BOUND_MS} */
  activeBoundMs?: number;
  /** mean time between rounds; each wait is jittered ±20 % so nodes drift apart */
  periodMs?: number;
  /** how far past its deadline a call must be before the sweep acts on it */
  graceMs?: number;
  /** the most calls one round acts on */
  batch?: number;
}

/** What one round found and did. */
export interface SweepRound {
  /** overdue calls the query returned */
  readonly found: number;
  /** commands the model applied (0 when another node or the call's own timer did it first) */
  readonly applied: number;
}

/**
 * The safety net under the in-memory call timers (`call-timers.ts`). A timer lives in
 * the node that armed it: when that node dies, its ringing calls would ring on (no ring timeout,
 * no longest-idle turn ending, no no-pickup end) until some node restarts. Every node therefore
 * looks, every few seconds (jittered), for live calls whose deadline passed more than a grace
 * ago — one query over the live calls' partial index, nothing more when nothing is overdue — and
 * feeds each the very command its timer would have: `ring.timeout`, or the overdue agent's
 * `agent.decline`. Through the model, under the call's lock: when two nodes sweep the same call,
 * or a sweep races the timer, the second command finds the call moved on and is ignored, so Meta
 * hears one reject and the call has one outcome.
 *
 * @example
 * const sweep = createTimerSweep({ repos, feed: calls.feed, clock, logger, noPickupMs });
 * sweep.start(); // after listen
 * await sweep.stop(); // at close: waits for a round under way
 */
export function createTimerSweep(
  deps: {
    repos: Pick<Repos, 'calls' | 'channels'>;
    feed: Feed;
    clock: () => Date;
    logger: Logger;
    /** how long an outbound call may go unanswered (the no-pickup timer's own time) */
    noPickupMs: number;
  },
  options: TimerSweepOptions = {},
) {
  const periodMs = options.periodMs ?? TIMER_SWEEP_PERIOD_MS;
  const graceMs = options.graceMs ?? TIMER_SWEEP_GRACE_MS;
  const batch = options.batch ?? TIMER_SWEEP_BATCH;
  const claimBoundMs = options.claimBoundMs ?? CLAIM_BOUND_MS;
  const activeBoundMs = options.activeBoundMs ?? ACTIVE_CALL_BOUND_MS;
  if (!(periodMs > 0 && Number.isFinite(periodMs))) {
    throw new Error(`timer sweep: periodMs must be a positive number of ms, not ${periodMs}`);
  }
  if (!(graceMs >= 0 && Number.isFinite(graceMs))) {
    throw new Error(`timer sweep: graceMs must be 0 or more ms, not ${graceMs}`);
  }
  if (!(Number.isInteger(batch) && batch > 0)) {
    throw new Error(`timer sweep: batch must be a positive whole number, not ${batch}`);
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SweepRound> | undefined;
  let stopped = true;

  /** feeds one overdue call what its lost timer would have; how many commands changed it */
  async function act(call: OverdueCall): Promise<number> {
    const channel = await deps.repos.channels.getChannel(call.workspaceId, call.channelId);
    if (!channel) return 0;
    const now = () => deps.clock().getTime();
    const events =
      call.overdue === 'agent-turn'
        ? call.agentIds.map((agentId) => turnOverEvent(call.metaCallId, agentId, now()))
        : [ringTimeoutEvent(call.metaCallId, now())];
    let applied = 0;
    for (const event of events) {
      const result = await deps.feed(channel, event);
      if (result.changed) applied += 1;
    }
    if (applied > 0) {
      deps.logger.warn(
        { callId: call.id, overdue: call.overdue, agents: call.agentIds.length },
        'call timer swept: its node did not act on time',
      );
    }
    return applied;
  }

  /** ends or releases one call past its bound; whether that changed it */
  async function bound(call: StuckCall): Promise<boolean> {
    const channel = await deps.repos.channels.getChannel(call.workspaceId, call.channelId);
    if (!channel) return false;
    const result = await deps.feed(channel, {
      kind: 'call.expired',
      callId: call.metaCallId,
      state: call.state,
      since: call.since,
      occurredAt: deps.clock().getTime(),
    });
    if (result.changed) {
      deps.logger.warn(
        { callId: call.id, state: call.state, to: result.row?.state },
        call.state === 'claimed'
          ? 'a claim outlasted its bound: released or rejected'
          : 'a conversation outlasted its bound: terminated',
      );
    }
    return result.changed;
  }

  async function round(): Promise<SweepRound> {
    const overdue = await deps.repos.calls.overdueCalls({
      before: new Date(deps.clock().getTime() - graceMs),
      noPickupMs: deps.noPickupMs,
      limit: batch,
    });
    let applied = 0;
    for (const call of overdue) {
      try {
        applied += await act(call);
      } catch (error) {
        // one call failing (Graph down, a bad row) must not hold up the others
        deps.logger.error({ err: error, callId: call.id }, 'timer sweep failed for a call');
      }
    }
    const at = deps.clock().getTime();
    const stuck = await deps.repos.calls.stuckCalls({
      claimedBefore: new Date(at - claimBoundMs),
      answeredBefore: new Date(at - activeBoundMs),
      limit: batch,
    });
    for (const call of stuck) {
      try {
        if (await bound(call)) applied += 1;
      } catch (error) {
        deps.logger.error({ err: error, callId: call.id }, 'timer sweep failed for a call');
      }
    }
    return { found: Math.max(overdue.length, stuck.length), applied };
  }

  /** one round now, unless one is under way (then that one's result) */
  function runOnce(): Promise<SweepRound> {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .then((done) => schedule(done.found >= batch ? 0 : jittered()))
        .catch((error: unknown) => {
          deps.logger.error({ err: error }, 'timer sweep failed');
          schedule(jittered());
        });
    }, delayMs);
    timer.unref();
  }

  const jittered = () => periodMs * (0.8 + Math.random() * 0.4);

  return {
    /** starts the periodic rounds (the first one within a period) */
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(jittered());
    },
    /** stops the rounds and waits for one under way */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    runOnce,
    /**
     * feeds one overdue call its commands, as a round does (tests: several nodes acting on a
     * call all of them read as overdue)
     */
    act,
  };
}

export type TimerSweep = ReturnType<typeof createTimerSweep>;
