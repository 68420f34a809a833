import type { CallOutcome, DialableChannel } from '@ringside/contracts';
import type { CurrentCall, RingingCall, WrapUp } from '../state/types';

/**
 * The agent's call as it starts, from its ringing card (or the server's view of it).
 *
 * @example
 * store.getState().callStarted(startedCall(card, Date.now()));
 */
export function startedCall(
  card: Pick<RingingCall, 'callId' | 'channel' | 'caller' | 'called'>,
  now: number,
): CurrentCall {
  return {
    callId: card.callId,
    channel: card.channel,
    direction: 'inbound',
    caller: card.caller,
    called: card.called,
    phase: 'claiming',
    acceptedAt: now,
    muted: false,
    held: false,
    dtmfSent: '',
  };
}

/**
 * The call the agent is placing, before the server has named it (`localId` until then).
 *
 * @example
 * store.getState().callStarted(placedCall('local-1', channel, '+447700900123', Date.now()));
 */
export function placedCall(
  localId: string,
  from: DialableChannel,
  to: string,
  now: number,
): CurrentCall {
  return {
    callId: localId,
    channel: from.channel,
    direction: 'outbound',
    caller: from.channel === 'whatsapp' ? { number: to } : { psid: to },
    called: { channelId: from.id, label: from.label },
    phase: 'placing',
    acceptedAt: now,
    muted: false,
    held: false,
    dtmfSent: '',
  };
}

/**
 * The wrap-up for a call that just ended; the duration counts from Meta's accept.
 *
 * @example
 * wrapUpFor(current, 'completed', 'The caller hung up.', Date.now());
 */
export function wrapUpFor(
  current: CurrentCall,
  outcome: CallOutcome,
  message: string,
  now: number,
): WrapUp {
  const durationSec =
    current.answeredAt === undefined
      ? undefined
      : Math.max(0, Math.round((now - current.answeredAt) / 1000));
  return {
    callId: current.callId,
    channel: current.channel,
    caller: current.caller,
    outcome,
    message,
    ...(durationSec === undefined ? {} : { durationSec }),
    saving: false,
  };
}
