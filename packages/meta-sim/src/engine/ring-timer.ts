import { onEnd, type EngineContext } from './context';
import { endCall } from './end-call';
import type { SimCall } from './sim-call';

/**
 * Ends the call "not answered" if nobody has picked up when the ring timeout passes: 60 s for
 * the business to accept a Messenger user's call, `ringMs` otherwise.
 *
 * @example
 * ctx.store.add(call);
 * startRingTimer(ctx, call);
 */
export function startRingTimer(ctx: EngineContext, call: SimCall): void {
  const { ringMs, messengerAcceptMs } = ctx.config.timeouts;
  const inboundMessenger = call.channel === 'messenger' && call.direction === 'user_initiated';
  const cancel = ctx.timers.after(inboundMessenger ? messengerAcceptMs : ringMs, () => {
    void ctx.store.serial(call.id, async () => {
      const { state } = call.phase;
      if (state === 'ringing' || state === 'pre-accepted') await endCall(ctx, call, 'not-answered');
    });
  });
  onEnd(ctx, call.id, cancel);
}
