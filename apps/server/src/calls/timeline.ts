import type { CallEvent, TransitionResult } from '@ringside/calls';

/**
 * What a call's timeline records for an event: a dotted kind and the facts worth showing later.
 * SDPs and tokens never go in (they are large and carry ICE credentials).
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
    case 'ring.offered':
      data['agentIds'] = event.agentIds;
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
