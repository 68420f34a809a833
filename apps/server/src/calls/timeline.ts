import type { CallEvent, TransitionResult } from '@ringside/calls';

/** a ring offered to more agents than this records how many, not who (longest-idle offers one) */
export const TIMELINE_MAX_AGENT_IDS = 25;

/**
 * What a call's timeline records for an event: a dotted kind and the facts worth showing later.
 * SDPs and tokens never go in (they are large and carry ICE credentials), nor the ids of a ring
 * offered to more than {@link TIMELINE_MAX_AGENT_IDS} agents at once (only their count).
 */
export function timelineEntry(
  event: CallEvent,
  result: TransitionResult,
): { kind: string; data: Record<string, unknown>; occurredAt: Date } {
  const change = result.transitions[0];
  const data: Record<string, unknown> = change ? { from: change.from, to: change.to } : {};
  switch (event.kind) {
    case 'call.terminated':
      Object.assign(data, {
        status: event.status,
        ...(event.durationSec !== undefined ? { durationSec: event.durationSec } : {}),
        ...(event.errors.length > 0 ? { errors: event.errors } : {}),
      });
      break;
    case 'call.outbound-progress':
      data['progress'] = event.progress;
      break;
    case 'call.media-offer':
      data['version'] = event.version;
      break;
    case 'agent.claim':
    case 'agent.answer-sent':
    case 'agent.decline':
    case 'agent.hangup':
      data['agentId'] = event.agentId;
      break;
    case 'agent.transfer':
      Object.assign(data, { agentId: event.agentId, toAgentId: event.toAgentId });
      break;
    case 'agent.dial':
      data['agentId'] = event.agentId;
      if (event.agentStatusBefore) data['agentStatus'] = event.agentStatusBefore;
      break;
    case 'ring.offered':
      // a thousand-agent ring-all would write every id again (the model already lists them)
      data['agentCount'] = event.agentIds.length;
      if (event.agentIds.length <= TIMELINE_MAX_AGENT_IDS) data['agentIds'] = event.agentIds;
      break;
    case 'graph.failed':
      Object.assign(data, { action: event.action, code: event.code });
      break;
    default:
      break;
  }
  const kind = event.kind.startsWith('call.') ? `webhook.${event.kind.slice(5)}` : event.kind;
  return { kind, data, occurredAt: new Date(event.occurredAt) };
}
