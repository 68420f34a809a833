import { t } from '../i18n/i18n';
import type { RingingCall, TransferOffer } from '../state/types';
import { callerAddress, callerName, channelName } from '../ui/format';
import { activeRinging } from './RingAlerts';

/** what a screen reader says when a call starts ringing, and which call it is about */
export interface RingAnnouncement {
  callId: string;
  text: string;
}

/**
 * The newest call still ringing, in words for a screen reader: channel, caller and how to reach
 * them. Nothing about time, so a ticking ring timer never changes it.
 *
 * @example
 * ringAnnouncement(store.getState().ringing);
 * // { callId: 'c1', text: 'Incoming WhatsApp call from Rahul Mehta, +447700900123' }
 */
export function ringAnnouncement(ringing: Record<string, RingingCall>): RingAnnouncement | null {
  const cards = activeRinging(ringing);
  const newest = cards.reduce<RingingCall | undefined>(
    (latest, card) => (!latest || card.ringingSince >= latest.ringingSince ? card : latest),
    undefined,
  );
  if (!newest) return null;
  const name = callerName(newest.caller);
  const address = callerAddress(newest.caller);
  const who = address === name || address === t('format.unknown') ? name : `${name}, ${address}`;
  const others = cards.length - 1;
  const more = others > 0 ? t('ring.moreRinging', { count: others }) : '';
  return {
    callId: newest.callId,
    text: t('ring.announcement', { channel: channelName(newest.channel), who }) + more,
  };
}

/**
 * The newest call a colleague offers to transfer here, in words for a screen reader: who hands
 * it over, the channel and the customer.
 *
 * @example
 * transferAnnouncement(store.getState().transferOffers);
 * // { callId: 'c7', text: 'Bo Agent is transferring a WhatsApp call from Rahul to you' }
 */
export function transferAnnouncement(
  offers: Record<string, TransferOffer>,
): RingAnnouncement | null {
  const newest = Object.values(offers)
    .filter((offer) => !offer.accepting)
    .reduce<TransferOffer | undefined>(
      (latest, offer) => (!latest || offer.offeredAt >= latest.offeredAt ? offer : latest),
      undefined,
    );
  if (!newest) return null;
  const words = {
    from: newest.from.name,
    channel: channelName(newest.channel),
    who: callerName(newest.caller),
  };
  return {
    callId: newest.callId,
    // sent to a queue, it is offered to everyone in it: say so
    text: newest.queue
      ? t('transfer.offer.announcementQueue', { ...words, line: newest.queue.name })
      : t('transfer.offer.announcement', words),
  };
}
