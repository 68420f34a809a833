import type { Channel, RingStrategy } from '@ringside/contracts';
import type { NormalizedCallEvent } from './events';

/** Fields every command or timer carries; `occurredAt` is the server clock's epoch ms. */
interface CommandBase {
  readonly callId: string;
  readonly occurredAt: number;
}

/**
 * The server offers the call to these agents (its router picked them after a `notify-agents`
 * effect, or an agent became available while the call rings); the model rings those it adds
 * (`notify-offered`). Agents who already declined are not re-added.
 *
 * @example
 * const event: RingOfferedCommand = { kind: 'ring.offered', callId, agentIds: ['a1', 'a2'], strategy: 'all', occurredAt: now };
 */
export interface RingOfferedCommand extends CommandBase {
  readonly kind: 'ring.offered';
  readonly agentIds: readonly string[];
  readonly strategy: RingStrategy;
}

/** An agent clicked Accept: they want the call (first one wins). */
export interface AgentClaimCommand extends CommandBase {
  readonly kind: 'agent.claim';
  readonly agentId: string;
}

/** The claiming agent's browser sent its SDP (whatsapp answer / messenger offer). */
export interface AgentAnswerSentCommand extends CommandBase {
  readonly kind: 'agent.answer-sent';
  readonly agentId: string;
}

/** The Graph API accepted our `accept`: the call is live. */
export interface GraphAcceptedCommand extends CommandBase {
  readonly kind: 'graph.accepted';
}

/** An agent clicked Decline on a ringing call (or backed out of one they claimed). */
export interface AgentDeclineCommand extends CommandBase {
  readonly kind: 'agent.decline';
  readonly agentId: string;
}

/** The agent who owns the call hung up. */
export interface AgentHangupCommand extends CommandBase {
  readonly kind: 'agent.hangup';
  readonly agentId: string;
}

/** The server's ring timer (inbound) or no-pickup timer (outbound) fired. */
export interface RingTimeoutCommand extends CommandBase {
  readonly kind: 'ring.timeout';
}

/**
 * Nobody is free for a ringing call on a line that queues its callers, and its audio is on the
 * media engine: the engine answers it (pre_accept/accept with the engine's SDP) and the caller
 * waits in the queue.
 *
 * @example
 * const event: QueueAnswerCommand = { kind: 'queue.answer', callId, occurredAt: now };
 */
export interface QueueAnswerCommand extends CommandBase {
  readonly kind: 'queue.answer';
}

/** The Graph actions whose failure the server reports. */
export type GraphAction = 'pre_accept' | 'accept' | 'reject' | 'terminate' | 'connect';

/** A Graph request for this call failed for good (after the server's own retries). */
export interface GraphFailedCommand extends CommandBase {
  readonly kind: 'graph.failed';
  readonly action: GraphAction;
  readonly code: number;
  readonly message?: string;
}

/**
 * An agent placed a business-initiated call: the server's `connect` succeeded and returned
 * Meta's call id.
 */
export interface AgentDialCommand extends CommandBase {
  readonly kind: 'agent.dial';
  readonly channel: Channel;
  readonly endpointId: string;
  readonly agentId: string;
  /** the business number or Page placing the call */
  readonly from: string;
  /** the customer: WhatsApp id or PSID */
  readonly to: string;
  /** the agent's status before dialing, restored when the call ends */
  readonly agentStatusBefore?: 'available' | 'away';
}

/**
 * A live call outlasted its server-side bound (its webhooks or its agent went quiet): a claim
 * that never became a conversation, or a conversation Meta never ended. `since` is the claim's
 * or the answer's time the bound was counted from, so a stale sweep finds the call moved on.
 */
export interface CallExpiredCommand extends CommandBase {
  readonly kind: 'call.expired';
  readonly state: 'claimed' | 'active';
  readonly since: number;
}

/**
 * The call's agent handed it to a colleague, who took it (a transfer of an anchored call): the
 * conversation goes on with `toAgentId` as its agent; `agentId`'s part of it is over.
 */
export interface AgentTransferCommand extends CommandBase {
  readonly kind: 'agent.transfer';
  /** the agent handing the call over: must be the call's agent */
  readonly agentId: string;
  readonly toAgentId: string;
}

/** Commands and timers the server feeds into {@link transition}. */
export type CallCommand =
  | RingOfferedCommand
  | AgentClaimCommand
  | AgentAnswerSentCommand
  | GraphAcceptedCommand
  | AgentDeclineCommand
  | AgentHangupCommand
  | RingTimeoutCommand
  | QueueAnswerCommand
  | GraphFailedCommand
  | CallExpiredCommand
  | AgentDialCommand
  | AgentTransferCommand;

/**
 * Everything that can move a call: Meta's normalized webhook events plus the server's commands.
 *
 * @example
 * const event: CallEvent = { kind: 'agent.claim', callId: 'wacid.1', agentId: 'a1', occurredAt: Date.now() };
 */
export type CallEvent = NormalizedCallEvent | CallCommand;
