import type { CallOutcome } from '@ringside/contracts';
import type { Effect, IgnoreReason } from './effects';
import type { Call, EndedCall, LiveCall, MetaError } from './state';

/** What a handler decided: a new call with effects, or that the event changes nothing. */
export type Step =
  | { readonly kind: 'applied'; readonly call: Call; readonly effects: readonly Effect[] }
  | { readonly kind: 'ignored'; readonly reason: IgnoreReason };

export function applied(call: Call, effects: readonly Effect[] = []): Step {
  return { kind: 'applied', call, effects };
}

export function ignored(reason: IgnoreReason): Step {
  return { kind: 'ignored', reason };
}

/** Drops keys whose value is undefined, so optional fields are absent rather than undefined. */
export function compact<T extends object>(value: T): T {
  // deep-equal comparisons and stored json should not see `key: undefined`
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The fields a call keeps in every state, without the fields of its current state. */
export function baseOf(call: LiveCall | EndedCall) {
  return {
    id: call.id,
    channel: call.channel,
    direction: call.direction,
    endpointId: call.endpointId,
    caller: call.caller,
    called: call.called,
    mediaVersion: call.mediaVersion,
    appliedKeys: call.appliedKeys,
    ...(call.agentStatusBefore === undefined ? {} : { agentStatusBefore: call.agentStatusBefore }),
    ...(call.deeplinkPayload === undefined ? {} : { deeplinkPayload: call.deeplinkPayload }),
    ...(call.ctaPayload === undefined ? {} : { ctaPayload: call.ctaPayload }),
  };
}

/**
 * The conversation starts: the call is active with `agentId` from `answeredAt`, and the boards,
 * timers and the agent's status hear it (`notify-answered`). Every way into `active` goes here.
 */
export function startConversation(call: LiveCall, agentId: string, answeredAt: number): Step {
  return applied({ ...baseOf(call), state: 'active', agentId, answeredAt }, [
    { type: 'notify-answered', callId: call.id, agentId },
  ]);
}

/** How a call ends. */
export interface Ending {
  readonly outcome: CallOutcome;
  readonly endedAt: number;
  readonly durationSec?: number;
  readonly metaError?: MetaError;
  readonly agentId?: string;
  readonly answeredAt?: number;
  readonly acceptRefused?: boolean;
}

/**
 * Ends a live call: `sends` (Graph requests) first, then the outcome is recorded and announced.
 * Every way into `ended` goes through here so no ending forgets its record.
 */
export function endCall(call: LiveCall, ending: Ending, sends: readonly Effect[] = []): Step {
  const ended: EndedCall = compact({ ...baseOf(call), state: 'ended', ...ending });
  return applied(ended, [...sends, ...endingEffects(ended)]);
}

/** The effects that announce an ended call. */
export function endingEffects(ended: EndedCall): Effect[] {
  return [
    compact({
      type: 'record-outcome',
      callId: ended.id,
      outcome: ended.outcome,
      endedAt: ended.endedAt,
      durationSec: ended.durationSec,
      metaError: ended.metaError,
      agentId: ended.agentId,
    }),
    { type: 'notify-ended', callId: ended.id, outcome: ended.outcome },
  ];
}

/** Whole seconds between two epoch-ms instants, never negative. */
export function secondsBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round((toMs - fromMs) / 1000));
}
