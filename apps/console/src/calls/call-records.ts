import type { CallOutcome } from '@ringside/contracts';
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
