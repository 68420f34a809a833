import type { Call, CallStateName } from '@ringside/calls';
import {
  isBsuid,
  toE164,
  type Caller,
  type CallRingingPayload,
  type CallSource,
  type CallState,
  type CallView,
  type Channel,
} from '@ringside/contracts';
import type { CallRow } from '../repos/calls';

/** the console's view of a call's state: `tombstone` never reaches it, outbound ringing reads as ringing */
export function viewState(model: Call): CallState {
  return viewStateOf(model.state);
}

/** {@link viewState} from the stored state name alone (call log rows carry no model) */
export function viewStateOf(state: CallStateName): CallState {
  switch (state) {
    case 'outbound-ringing':
      return 'ringing';
    case 'tombstone':
      return 'ended';
    default:
      return state;
  }
}

/**
 * The customer in a call, as agents see them: on WhatsApp an E.164 number, a business-scoped
 * user id with @username, or both (the number only when Meta sent it); a PSID on Messenger.
 */
export function customerOf(
  row: Pick<CallRow, 'callerId' | 'callerName' | 'callerUserId' | 'callerUsername' | 'channelKind'>,
): Caller {
  const name = row.callerName ? { name: row.callerName } : {};
  const id = row.callerId ?? 'unknown';
  if (row.channelKind !== 'whatsapp') return { ...name, psid: id };
  const userId = [row.callerUserId, id].find((v): v is string => v !== null && isBsuid(v));
  const known = {
    ...name,
    ...(userId ? { userId } : {}),
    ...(userId && row.callerUsername ? { username: row.callerUsername } : {}),
  };
  const number = toE164(id);
  if (number) return { ...known, number };
  // a customer known by BSUID only
  if (userId) return known;
  // a number Meta sent that is not E.164 still identifies the caller
  return { ...known, psid: id };
}

/**
 * A customer Meta named in an event (a permission reply): the E.164 number, else the BSUID as
 * `userId`, on WhatsApp; the PSID on Messenger.
 *
 * @example
 * customerNamed('whatsapp', 'IN.13491208655302741918'); // { userId: 'IN.13491208655302741918' }
 */
export function customerNamed(
  channel: Channel,
  id: string,
  userId?: string,
  name?: string,
): Caller {
  return customerOf({
    channelKind: channel,
    callerId: id,
    callerName: name ?? null,
    callerUserId: userId ?? null,
    callerUsername: null,
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

/**
 * A stored call as the board and the agent's console show it.
 *
 * @example
 * io.to(room).emit('call:updated', toCallView(row, agentName));
 */
export function toCallView(row: CallRow, agentName?: string | null): CallView {
  return {
    id: row.id,
    channel: row.channelKind,
    direction: row.direction ?? 'inbound',
    state: viewState(row.model),
    ...(row.agentId ? { agent: { userId: row.agentId, name: agentName ?? '' } } : {}),
    caller: customerOf(row),
    called: { channelId: row.channelId, label: row.calledLabel },
    ...(iso(row.offeredAt) ? { startedAt: iso(row.offeredAt) } : {}),
    ...(iso(row.answeredAt) ? { answeredAt: iso(row.answeredAt) } : {}),
    ...(iso(row.endedAt) ? { endedAt: iso(row.endedAt) } : {}),
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.quality ? { quality: row.quality } : {}),
    ...(row.mediaCapture ? { mediaCapture: row.mediaCapture } : {}),
    ...(row.anchorEngine ? { anchored: true } : {}),
    ...waitingOf(row),
  };
}

/** a ringing call the media engine answered: whether the caller is queued or leaving a voicemail */
function waitingOf(row: CallRow): Pick<CallView, 'waiting'> {
  return row.model.state === 'ringing' && row.model.waiting ? { waiting: row.model.waiting } : {};
}

/** what a ringing agent's console needs to show and answer the call */
export function toRingingPayload(
  row: CallRow,
  earlierCalls: number,
  ringTimeoutMs: number,
  source?: CallSource,
): CallRingingPayload {
  const offer = row.model.state === 'ringing' ? row.model.sdpOffer : undefined;
  return {
    callId: row.id,
    channel: row.channelKind,
    direction: row.direction ?? 'inbound',
    caller: customerOf(row),
    called: { channelId: row.channelId, label: row.calledLabel },
    earlierCalls,
    ringingSince: row.offeredAt.toISOString(),
    ...(offer ? { sdpOffer: offer } : {}),
    ringTimeoutMs,
    ...(source ? { source } : {}),
    ...waitingOf(row),
  };
}
