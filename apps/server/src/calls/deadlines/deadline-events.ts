import type { AgentDeclineCommand, RingTimeoutCommand } from '@ringside/calls';

/** the in-process timer of a call's ring timeout (or an outbound call's no-pickup end) */
export const ringTimerKey = (callId: string) => `ring:${callId}`;
/** the in-process timer of one longest-idle agent's turn */
export const agentTimerKey = (callId: string, userId: string) => `agent:${callId}:${userId}`;

/**
 * What a ring timer (or an outbound call's no-pickup timer) feeds when it fires; the timer sweep
 * feeds the same when a timer was lost, and the model ignores it once the call has moved on.
 *
 * @example
 * await feed(channel, ringTimeoutEvent(row.metaCallId, Date.now()));
 */
export function ringTimeoutEvent(metaCallId: string, now: number): RingTimeoutCommand {
  return { kind: 'ring.timeout', callId: metaCallId, occurredAt: now };
}

/**
 * What ends a longest-idle agent's turn: their decline, so the call moves on to the next agent
 * (a second one for the same turn is a duplicate the model ignores).
 *
 * @example
 * await feed(channel, turnOverEvent(row.metaCallId, agentId, Date.now()));
 */
export function turnOverEvent(
  metaCallId: string,
  agentId: string,
  now: number,
): AgentDeclineCommand {
  return { kind: 'agent.decline', callId: metaCallId, agentId, occurredAt: now };
}
