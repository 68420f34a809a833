import type { Call, CallEvent, PermissionUpdatedEvent } from '@ringside/calls';
import {
  describeMetaError,
  toE164,
  type CallMissedData,
  type OutgoingEvent,
  type OutgoingEventName,
} from '@ringside/contracts';
import { createHash } from 'node:crypto';
import { customerNamed, customerOf } from '../calls/call-views';
import type { ChannelRecord } from '../repos/channel-rows';
import type { CallRow } from '../repos/calls';

/** The outgoing events a call's own changes fire (permission updates are not about one call). */
export type CallEventName = Exclude<OutgoingEventName, 'call.permission_updated'>;

/** One stored change of a call, as the call engine saved it. */
export interface CallChange {
  readonly channel: ChannelRecord;
  /** what moved the call */
  readonly event: CallEvent;
  /** the model before the change (undefined for a new call) */
  readonly before: Call | undefined;
  /** the stored call after the change */
  readonly row: CallRow;
}

/**
 * Which outgoing events a call change fires, in order. A call rings (or is placed) once, is
 * answered once and ends once; a missed inbound call fires `call.missed` and `call.ended`.
 *
 * @example
 * callEventNames({ channel, event, before: ringingModel, row: answeredRow }); // ['call.answered']
 */
export function callEventNames(change: CallChange): CallEventName[] {
  const before = change.before?.state;
  const after = change.row.model;
  const names: CallEventName[] = [];
  const fresh = before === undefined;
  if (fresh && (after.state === 'ringing' || after.state === 'dialing')) names.push('call.ringing');
  if (after.state === 'active' && before !== 'active') names.push('call.answered');
  if (after.state === 'ended' && before !== 'ended') {
    if (after.outcome === 'missed' && after.direction === 'inbound') names.push('call.missed');
    names.push('call.ended');
  }
  // Meta's terminate showed a call we logged failed was missed: it is one to return after all
  const corrected =
    change.before?.state === 'ended' &&
    change.before.outcome !== 'missed' &&
    after.state === 'ended' &&
    after.outcome === 'missed';
  if (corrected && after.direction === 'inbound') names.push('call.missed');
  return names;
}

/**
 * The outgoing event `name` for a call change, camelCase with E.164 numbers and ISO times. Its
 * `id` is derived from the call and the event, so building it twice gives the same id (the
 * Idempotency-Key), and receivers drop the copy.
 *
 * @example
 * const [name] = callEventNames(change);
 * if (name) await outbox.enqueue(tx, { workspaceId, topic: `webhook:${name}`, payload: buildCallEvent(name, change, 'Asha') });
 */
export function buildCallEvent(
  name: CallEventName,
  change: CallChange,
  agentName: string | undefined,
): OutgoingEvent {
  const { row, channel } = change;
  const iso = (date: Date | null) => (date ?? row.updatedAt).toISOString();
  const base = {
    callId: row.id,
    metaCallId: row.metaCallId,
    channel: row.channelKind,
    direction: row.direction ?? 'inbound',
    customer: customerOf(row),
    business: businessOf(channel),
  };
  const agent = row.agentId ? { userId: row.agentId, name: agentName ?? '' } : undefined;
  const id = eventId(`${row.id}:${name}`);
  switch (name) {
    case 'call.ringing':
      return {
        event: name,
        id,
        createdAt: iso(row.offeredAt),
        data: { ...base, ringingSince: iso(row.offeredAt) },
      };
    case 'call.answered':
      return {
        event: name,
        id,
        createdAt: iso(row.answeredAt),
        data: {
          ...base,
          answeredAt: iso(row.answeredAt),
          // an active call always has its agent
          agent: agent ?? { userId: row.agentId ?? 'unknown', name: agentName ?? '' },
        },
      };
    case 'call.missed':
      return {
        event: name,
        id,
        createdAt: iso(row.endedAt),
        data: {
          ...base,
          reason: missedReason(change),
          ringingSince: iso(row.offeredAt),
          endedAt: iso(row.endedAt),
        },
      };
    case 'call.ended': {
      const code = row.metaErrorCode ?? undefined;
      return {
        event: name,
        id,
        createdAt: iso(row.endedAt),
        data: {
          ...base,
          outcome: row.outcome ?? 'failed',
          startedAt: iso(row.offeredAt),
          ...(row.answeredAt ? { answeredAt: iso(row.answeredAt) } : {}),
          endedAt: iso(row.endedAt),
          durationSec: row.durationSec ?? 0,
          ...(agent ? { agent } : {}),
          ...(row.disposition ? { disposition: row.disposition } : {}),
          ...(code !== undefined
            ? { metaError: { code, meaning: describeMetaError(code).meaning } }
            : {}),
        },
      };
    }
  }
}

/**
 * `call.permission_updated` from a customer's answer to our call-permission request. Its id
 * comes from Meta's event, so a redelivered webhook yields the same event id.
 *
 * @example
 * buildPermissionEvent(channel, event).data.status; // 'granted'
 */
export function buildPermissionEvent(
  channel: ChannelRecord,
  event: PermissionUpdatedEvent,
): OutgoingEvent {
  const customer = customerNamed(event.channel, event.user, event.userId);
  return {
    event: 'call.permission_updated',
    id: eventId(`permission:${event.idempotencyKey}`),
    createdAt: new Date(event.occurredAt).toISOString(),
    data: {
      channel: event.channel,
      business: businessOf(channel),
      customer,
      status: event.response,
      ...(event.permanent === undefined ? {} : { permanent: event.permanent }),
      ...(event.expiresAt === undefined
        ? {}
        : { expiresAt: new Date(event.expiresAt).toISOString() }),
    },
  };
}

/** our side of a call: the channel, with its E.164 number (WhatsApp) or Page id (Messenger) */
function businessOf(channel: ChannelRecord) {
  const number = channel.displayNumber ? toE164(channel.displayNumber) : undefined;
  return {
    channelId: channel.id,
    label: channel.name,
    ...(channel.kind === 'whatsapp' && number ? { number } : {}),
    ...(channel.kind === 'messenger' ? { pageId: channel.externalId } : {}),
  };
}

function missedReason(change: CallChange): CallMissedData['reason'] {
  const { before, event } = change;
  // the caller gave up (or hung up before we even saw the call)
  if (event.kind === 'call.terminated' || before?.state === 'tombstone') return 'caller-hung-up';
  if (
    before?.state === 'ringing' &&
    before.agentsOffered.length + before.agentsDeclined.length === 0
  )
    return 'no-agent-available';
  return 'no-agent-answered';
}

// stable per (call, event): the same change enqueued twice carries one id
function eventId(seed: string): string {
  return `evt_${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`;
}
