import type { AgentStatus, SelectableAgentStatus } from '@ringside/contracts';

/**
 * Why an agent's status may change:
 * - `chose`: the agent picked Available or Away in their console;
 * - `back-online`: one of their consoles (re)connected;
 * - `call-started`: they answered a call or dialed one;
 * - `call-over`: their call ended (or a dial came to nothing); `back` is where they return to,
 *   the status they had before dialing (`available` for an answered call); `wrapUp` when the
 *   call's channel gives after-call work for it;
 * - `wrap-up-over`: their after-call work ended (its time ran out, or they saved their notes);
 * - `sent-away`: a supervisor set them Away.
 */
export type PresenceReason =
  | { readonly kind: 'chose'; readonly status: SelectableAgentStatus }
  | { readonly kind: 'back-online' }
  | { readonly kind: 'call-started' }
  | { readonly kind: 'call-over'; readonly back: SelectableAgentStatus; readonly wrapUp: boolean }
  | { readonly kind: 'wrap-up-over' }
  | { readonly kind: 'sent-away' };

/** the facts a change may hang on besides the status: whether the agent is on a live call */
export interface PresenceFacts {
  readonly onCall: boolean;
}

/** the status to store, or why the change is refused (only a supervisor's can be) */
export type StatusDecision =
  { readonly status: AgentStatus } | { readonly refused: 'offline' | 'on-a-call' };

/**
 * The one rule for an agent's status. Busy is the server's to set and clear: only a call's end
 * clears it, and an agent on a live call who asks for Available (a console back from a dropped
 * connection does) stays busy. A call whose channel gives after-call work ends in `wrap-up`
 * (not rung) rather than Available; it ends when its time runs out, the notes are saved, or the
 * agent chooses. Away is always the agent's to choose; a supervisor may send an agent away only
 * while they are signed in and not on a call.
 *
 * @example
 * nextStatus('busy', { kind: 'chose', status: 'available' }, { onCall: true }); // { status: 'busy' }
 * nextStatus('busy', { kind: 'call-over', back: 'away', wrapUp: false }, { onCall: false }); // { status: 'away' }
 * nextStatus('busy', { kind: 'call-over', back: 'available', wrapUp: true }, { onCall: false }); // { status: 'wrap-up' }
 */
export function nextStatus(
  current: AgentStatus | undefined,
  reason: PresenceReason,
  facts: PresenceFacts,
): StatusDecision {
  const now = current ?? 'offline';
  switch (reason.kind) {
    case 'chose':
      if (reason.status === 'away') return { status: 'away' };
      return { status: now === 'busy' || facts.onCall ? 'busy' : 'available' };
    case 'back-online':
      return { status: facts.onCall ? 'busy' : now };
    case 'call-started':
      return { status: 'busy' };
    case 'call-over':
      if (now !== 'busy') return { status: now };
      // after-call work keeps calls away only from an agent who would take them
      return { status: reason.wrapUp && reason.back === 'available' ? 'wrap-up' : reason.back };
    case 'wrap-up-over':
      return { status: now === 'wrap-up' ? 'available' : now };
    case 'sent-away':
      if (now === 'offline') return { refused: 'offline' };
      if (now === 'busy') return { refused: 'on-a-call' };
      return { status: 'away' };
  }
}

/**
 * Whether {@link nextStatus} needs to know if the agent is on a call for this change (a read
 * the writer can then skip).
 */
export function needsCallFact(current: AgentStatus | undefined, reason: PresenceReason): boolean {
  if (reason.kind === 'back-online') return true;
  return reason.kind === 'chose' && reason.status === 'available' && current !== 'busy';
}
