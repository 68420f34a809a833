import type { CallEvent } from '@ringside/calls';
import type { ChannelRecord } from '../repos/channel-rows';
import type { Applied } from './call-engine';

/** what a command brings along that the model does not store: the agent's SDP */
export interface EffectContext {
  sdp?: string;
  /** a new call's first offer: whether its own commit made it, and the caller's earlier calls */
  firstOffer?: { earlierCalls: number; offered: boolean };
  /** filled by the runner: Meta's reply to a Messenger accept */
  reply?: { sdpResponse?: string; sdpRenegotiation?: string };
}

/**
 * Applies one event to its call and performs what follows: the call service's `feed`, the one
 * way into the call loop for timers, sweeps and workers.
 */
export type Feed = (
  channel: ChannelRecord,
  event: CallEvent,
  context?: EffectContext,
) => Promise<Applied>;
