import { t } from '../i18n/i18n';
import type { RingingCall } from '../state/types';
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
