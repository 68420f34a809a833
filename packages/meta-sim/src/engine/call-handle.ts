import type { CallerMedia, MediaStats } from '../media/media-endpoint';
import { NO_MEDIA_STATS, type EngineContext } from './context';
import { endCall } from './end-call';
import { sendMediaUpdate } from './messenger-renegotiation';
import {
  snapshot,
  type CallState,
  type Channel,
  type SimCall,
  type SimCallSnapshot,
} from './sim-call';

/** how long `waitFor` waits unless told otherwise */
export const DEFAULT_WAIT_MS = 10_000;

/**
 * The user's side of one call: what the caller (or callee) does, and what tests observe.
 *
 * @example
 * const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
 * await call.waitFor('accepted');
 * expect(call.stats().packetsReceived).toBeGreaterThan(0);
 * await call.hangUp();
 */
export interface CallHandle {
  readonly id: string;
  readonly channel: Channel;
  /** where the call is now */
  readonly state: CallState;
  /** the caller's WebRTC endpoint; null until it exists (Messenger before accept) */
  readonly media: CallerMedia | null;
  snapshot(): SimCallSnapshot;
  /** the caller's media statistics (zeros before media exists) */
  stats(): MediaStats;
  /** resolves when the call reaches `state` (or already has); rejects with a clear message on timeout or end */
  waitFor(state: CallState, options?: { timeoutMs?: number }): Promise<void>;
  /** the user hangs up: terminate COMPLETED (with times if it was picked up) */
  hangUp(): Promise<void>;
  /** Messenger: the user's side sends a new offer (`media_update` webhook); resolves with its version */
  reoffer(): Promise<number>;
}

export function createCallHandle(ctx: EngineContext, call: SimCall): CallHandle {
  return {
    id: call.id,
    channel: call.channel,
    get state() {
      return call.phase.state;
    },
    get media() {
      return call.media;
    },
    snapshot: () => snapshot(call),
    stats: () => call.media?.stats() ?? { ...NO_MEDIA_STATS },
    waitFor: (state, options) =>
      ctx.store.waitFor(call.id, state, options?.timeoutMs ?? DEFAULT_WAIT_MS),
    hangUp: () => ctx.store.serial(call.id, () => endCall(ctx, call, 'user-hung-up')),
    reoffer: () => ctx.store.serial(call.id, () => reoffer(ctx, call)),
  };
}

async function reoffer(ctx: EngineContext, call: SimCall): Promise<number> {
  if (call.channel !== 'messenger') {
    throw new Error('WhatsApp calls cannot renegotiate: there is no re-offer after setup');
  }
  if (call.phase.state !== 'accepted' || !call.media) {
    throw new Error(`call ${call.id} is ${call.phase.state}; a re-offer needs an accepted call`);
  }
  return sendMediaUpdate(ctx, call);
}
