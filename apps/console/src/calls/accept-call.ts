import type { InboundCallSession } from '../rtc/InboundCallSession';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { RingingCall } from '../state/types';
import { startedCall } from './call-records';
import type { CallStart } from './call-start';

/** builds the session for a ringing call's channel (WhatsApp gets Meta's offer) */
export type SessionFactory = (
  card: RingingCall,
  microphone: SessionMicrophone,
  offer: string | undefined,
) => InboundCallSession | { error: string };

/**
 * Accept: claims the ringing call while the session builds and checks its SDP, then sends it.
 * Nothing reaches Meta before the claim succeeded and the SDP passed its check.
 *
 * @example
 * await acceptCall(host, callId, (card, mic, offer) => new WhatsAppCallSession({ … }), takeOffer);
 */
export async function acceptCall(
  host: CallStart,
  callId: string,
  createSession: SessionFactory,
  takeOffer: (callId: string) => string | undefined,
): Promise<void> {
  const state = host.store.getState();
  const card = state.ringing[callId];
  if (!card || card.notice || state.current) return;
  const microphone = await host.microphone();
  if ('error' in microphone) {
    state.problemShown(microphone.error);
    return;
  }
  const session = createSession(card, microphone, takeOffer(callId));
  if ('error' in session) {
    microphone.track.stop();
    state.problemShown(session.error);
    void host.signaling.send('call:decline', { callId });
    return;
  }
  host.begin(session, startedCall(card, host.now()));

  const preparing = session.prepare();
  const claim = await host.signaling.send('call:accept', { callId });
  const stillOurs = host.owns(session);
  if (!claim.ok) {
    session.close();
    if (stillOurs) {
      host.drop(callId);
      host.store.getState().problemShown(claim.error.message);
    }
    return;
  }
  // hung up while the claim was in flight: that hang-up may have reached the server before
  // the claim, so end the call now (a failed session has released it already)
  if (!stillOurs) {
    if (host.endedByAgent()) await host.sendHangup(callId);
    return;
  }
  // ours: Meta's candidates go to the connection now, while the SDP may still be in the making
  session.claimed();
  // a failed prepare has already ended the call through the session's failed event
  if (!(await preparing).ok) return;
  await session.deliver();
}
