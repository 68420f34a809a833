import type { CallSummary, DialableChannel } from '@ringside/contracts';
import type { DialDraft } from '../../state/types';

/** a call back the agent may place: what the New call form gets, and the line it calls from */
export interface CallBack {
  draft: DialDraft;
  from: DialableChannel;
}

/**
 * Whether the agent can call this call's customer back, and how: on the line the call came in
 * on (or went out from), when the agent may dial from it (`me.channels`), to the customer's
 * WhatsApp number (else their business-scoped user id) or Messenger PSID. A PSID only means something to its own Page, and Meta's
 * call permission belongs to the number that was called, so another line is never used. A
 * call still going on is not one to call back; `null` then, and when it cannot be dialled.
 *
 * @example
 * callBackOf(missedCall, me.channels);
 * // { draft: { channelId: 'ch1', to: '+447700900654' }, from: { id: 'ch1', channel: 'whatsapp', … } }
 */
export function callBackOf(
  call: Pick<CallSummary, 'channel' | 'state' | 'caller' | 'called'>,
  channels: readonly DialableChannel[] | undefined,
): CallBack | null {
  if (call.state !== 'ended') return null;
  // a WhatsApp customer known by username only is called back by their business-scoped id
  const to =
    call.channel === 'whatsapp' ? (call.caller.number ?? call.caller.userId) : call.caller.psid;
  if (to === undefined) return null;
  const from = channels?.find((c) => c.id === call.called.channelId && c.channel === call.channel);
  if (!from) return null;
  return { draft: { channelId: from.id, to }, from };
}
