import { assertNever } from './assert-never';
import type { CallEvent } from './commands';
import type { Effect } from './effects';
import type { Call, CallStateName } from './state';
import { ignored, type Step } from './step';
import {
  onAnswerSent,
  onClaim,
  onDecline,
  onGraphAccepted,
  onQueueAnswer,
  onRingOffered,
} from './transition-inbound';
import {
  onDial,
  onExpired,
  onGraphFailed,
  onHangup,
  onRingTimeout,
  onTransfer,
} from './transition-commands';
import { onMediaOffer, onOffered, onOutboundProgress, onTerminated } from './transition-webhook';

/** A state change, for the server's `from -> to` log line. */
export interface StateChange {
  readonly from: CallStateName | 'none';
  readonly to: CallStateName;
}

/**
 * The outcome of one event: the call's next value, the effects to perform in order, and the
 * state change it made (empty when the state name stayed the same).
 */
export interface TransitionResult {
  readonly call: Call | undefined;
  readonly effects: Effect[];
  readonly transitions: StateChange[];
}

/**
 * Applies one event to a call. Pure: no clock, no I/O, never throws. Duplicates, stale
 * versions, late or out-of-order events leave the call as it was and yield one `log-ignored`.
 *
 * @example
 * const offered = transition(undefined, offeredEvent); // ringing, effects: notify-agents
 * const rung = transition(offered.call, { kind: 'ring.offered', callId, agentIds: ['a1'], strategy: 'all', occurredAt: now });
 * const claimed = transition(rung.call, { kind: 'agent.claim', callId, agentId: 'a1', occurredAt: now });
 * claimed.transitions; // [{ from: 'ringing', to: 'claimed' }]
 */
export function transition(call: Call | undefined, event: CallEvent): TransitionResult {
  const step = precheck(call, event) ?? dispatch(call, event);
  return commit(call, event, step);
}

/** Rules that hold whatever the event: wrong call, already applied, already over. */
function precheck(call: Call | undefined, event: CallEvent): Step | undefined {
  if (call === undefined) return undefined;
  if (call.id !== event.callId) return ignored('unknown-transition');
  if ('channel' in event && event.channel !== call.channel) return ignored('unknown-transition');
  if ('idempotencyKey' in event && call.appliedKeys.includes(event.idempotencyKey)) {
    return ignored('duplicate');
  }
  // an ended call hears only Meta's terminate, which may correct its outcome (onTerminated)
  if (call.state === 'ended' && event.kind !== 'call.terminated') return ignored('already-ended');
  return undefined;
}

function dispatch(call: Call | undefined, event: CallEvent): Step {
  switch (event.kind) {
    case 'call.offered':
      return onOffered(call, event);
    case 'call.outbound-progress':
      return onOutboundProgress(call, event);
    case 'call.media-offer':
      return onMediaOffer(call, event);
    case 'call.terminated':
      return onTerminated(call, event);
    case 'ring.offered':
      return onRingOffered(call, event);
    case 'agent.claim':
      return onClaim(call, event);
    case 'agent.answer-sent':
      return onAnswerSent(call, event);
    case 'graph.accepted':
      return onGraphAccepted(call, event);
    case 'agent.decline':
      return onDecline(call, event);
    case 'agent.hangup':
      return onHangup(call, event);
    case 'ring.timeout':
      return onRingTimeout(call, event);
    case 'queue.answer':
      return onQueueAnswer(call, event);
    case 'graph.failed':
      return onGraphFailed(call, event);
    case 'call.expired':
      return onExpired(call, event);
    case 'agent.dial':
      return onDial(call, event);
    case 'agent.transfer':
      return onTransfer(call, event);
    default:
      return assertNever(event, ignored('unknown-transition'));
  }
}

/** The one place a call changes: remembers applied webhook keys and reports `from -> to`. */
function commit(before: Call | undefined, event: CallEvent, step: Step): TransitionResult {
  const from: StateChange['from'] = before?.state ?? 'none';
  if (step.kind === 'ignored') {
    const effect: Effect = {
      type: 'log-ignored',
      callId: event.callId,
      event: event.kind,
      state: from,
      reason: step.reason,
    };
    return { call: before, effects: [effect], transitions: [] };
  }
  const after: Call =
    'idempotencyKey' in event
      ? { ...step.call, appliedKeys: [...step.call.appliedKeys, event.idempotencyKey] }
      : step.call;
  const transitions: StateChange[] = from === after.state ? [] : [{ from, to: after.state }];
  return { call: after, effects: [...step.effects], transitions };
}
