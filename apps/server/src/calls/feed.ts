import type { CallEvent } from '@ringside/calls';
import type { ChannelRecord } from '../repos/channel-rows';
import type { Applied } from './call-engine';
import type { MessengerAccepted } from './graph-outbox';

/** what a command brings along that the model does not store: the agent's SDP */
export interface CommandInput {
  readonly sdp?: string;
  /** why our side ended the call, in words the agent reads (`call:ended`'s `reason`) */
  readonly endReason?: string;
}

/** what the effects of one event may use besides the stored call: read-only values */
export interface EffectInput extends CommandInput {
  /** the caller's calls before this one, read with a new call's first offer (the ring shows it) */
  readonly earlierCalls?: number;
}

/** one event applied and its effects performed; `reply`: Meta's answer to a Messenger accept */
export interface Fed extends Applied {
  readonly reply?: MessengerAccepted;
}

/**
 * Applies one event to its call and performs what follows: the call service's `feed`, the one
 * way into the call loop for commands, webhooks, timers, sweeps and workers.
 */
export type Feed = (channel: ChannelRecord, event: CallEvent, input?: CommandInput) => Promise<Fed>;
