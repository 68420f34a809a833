import {
  describeMetaError,
  type AgentRef,
  type CallDetailReply,
  type CallEvent,
  type CallSource,
  type CallSummary,
} from '@ringside/contracts';
import { toCallSource } from '../calls/call-source';
import { customerOf, viewStateOf } from '../calls/call-views';
import type { CallDetail, CallEventRow, CallSummaryRow } from '../repos';

const iso = (date: Date | null) => (date ? date.toISOString() : undefined);

/**
 * One call log row as `GET /api/calls` and the CSV export show it: no SDP, no model internals,
 * Meta's error explained in plain words.
 *
 * @example
 * toCallSummary(row); // { id, channel: 'whatsapp', state: 'ended', outcome: 'missed', caller: { name: 'Rahul', number: '+918097530000' }, … }
 */
export function toCallSummary(row: CallSummaryRow): CallSummary {
  const answeredAt = iso(row.answeredAt);
  const endedAt = iso(row.endedAt);
  return {
    id: row.id,
    // a tombstone's id is ours until Meta's connect arrives; it is Meta's id either way
    metaCallId: row.metaCallId,
    channel: row.channelKind,
    direction: row.direction ?? 'inbound',
    state: viewStateOf(row.state),
    ...(row.outcome ? { outcome: row.outcome } : {}),
    caller: customerOf(row),
    called: { channelId: row.channelId, label: row.calledLabel },
    ...(row.agentId ? { agent: { userId: row.agentId, name: row.agentName ?? '' } } : {}),
    startedAt: row.offeredAt.toISOString(),
    ...(answeredAt ? { answeredAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    ...(row.durationSec !== null ? { durationSec: row.durationSec } : {}),
    ...(row.disposition ? { disposition: row.disposition } : {}),
    ...(row.metaErrorCode !== null
      ? {
          metaError: {
            code: row.metaErrorCode,
            meaning: describeMetaError(row.metaErrorCode).meaning,
          },
        }
      : {}),
    ...sourceOf(row),
  };
}

function sourceOf(row: CallSummaryRow): { source?: CallSource } {
  const source = toCallSource(row, row.linkLabel);
  return source ? { source } : {};
}

/**
 * `GET /api/calls/:id`: the call, its notes, its latest quality and its timeline, oldest first.
 * `names` resolves the agents the timeline mentions.
 *
 * @example
 * toCallDetail(detail, new Map([[agentId, 'Asha']])).events[0]; // { at, type: 'webhook.offered', detail: { … } }
 */
export function toCallDetail(
  detail: CallDetail,
  names: ReadonlyMap<string, string>,
): CallDetailReply {
  const { call } = detail;
  return {
    ...toCallSummary(call),
    ...(call.notes ? { notes: call.notes } : {}),
    ...(call.quality ? { quality: call.quality } : {}),
    events: detail.events.map((event) => toTimelineEntry(event, names)),
  };
}

/** the agents a timeline names, so their names can be looked up once */
export function agentsNamedIn(events: readonly CallEventRow[]): string[] {
  return [...new Set(events.map(actorIdOf).filter((id): id is string => id !== undefined))];
}

function toTimelineEntry(event: CallEventRow, names: ReadonlyMap<string, string>): CallEvent {
  const actorId = actorIdOf(event);
  const actor: AgentRef | undefined =
    actorId === undefined ? undefined : { userId: actorId, name: names.get(actorId) ?? '' };
  return {
    at: event.occurredAt.toISOString(),
    type: event.kind,
    ...(actor ? { actor } : {}),
    ...(Object.keys(event.data).length > 0 ? { detail: event.data } : {}),
  };
}

function actorIdOf(event: CallEventRow): string | undefined {
  const id = event.data['agentId'];
  return typeof id === 'string' ? id : undefined;
}
