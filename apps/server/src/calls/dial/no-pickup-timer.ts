import type { Logger } from '../../ops/logger';
import type { ChannelRecord } from '../../repos/channel-rows';
import type { CallRow } from '../../repos/calls';
import type { Feed } from '../feed';
import type { CallTimers } from '../call-timers';
import { ringTimeoutEvent, ringTimerKey } from '../ring-router';

/**
 * The no-pickup timer of an outbound call: when the customer has not picked up `timeoutMs`
 * after the dial, `ring.timeout` ends the call `no-answer` (and terminates it at Meta). It
 * shares the ring timer's key, so pickup (`notify-answered`) and the end of the call cancel it.
 *
 * @example
 * const noPickup = createNoPickupTimer({ timers, clock, logger, feed, timeoutMs: NO_PICKUP_TIMEOUT_MS });
 * noPickup.arm(channel, row); // right after the dialed call is stored, and again after a restart
 */
export function createNoPickupTimer(deps: {
  timers: CallTimers;
  clock: () => Date;
  logger: Logger;
  feed: Feed;
  timeoutMs: number;
}) {
  return {
    arm(channel: ChannelRecord, row: CallRow): void {
      // offeredAt is when the call was dialed
      const due = row.offeredAt.getTime() + deps.timeoutMs - deps.clock().getTime();
      deps.timers.set(ringTimerKey(row.id), due, () => {
        deps
          .feed(channel, ringTimeoutEvent(row.metaCallId, deps.clock().getTime()))
          .catch((error: unknown) =>
            deps.logger.error({ err: error, what: 'no-pickup timeout' }, 'call timer failed'),
          );
      });
    },
  };
}

export type NoPickupTimer = ReturnType<typeof createNoPickupTimer>;
