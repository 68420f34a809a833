import type { DialableChannel } from '@ringside/contracts';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { OutboundCallSession } from '../rtc/OutboundCallSession';
import { placedCall } from './call-records';
import type { CallStart } from './call-start';
import { readDialTarget } from './dial-target';
import { dialRefusal } from './dial-words';

/** what an outbound session is built from: a local id until the server names the call */
export interface OutboundRequest {
  callId: string;
  from: DialableChannel;
  to: string;
}

/** builds the session for a call the agent places */
export type OutboundSessionFactory = (
  request: OutboundRequest,
  microphone: SessionMicrophone,
) => OutboundCallSession | { error: string };

/**
 * Call: checks what was typed, builds and checks the offer (a failure is explained and nothing
 * is sent), sends `call:dial`, and once the server names the call applies Meta's answer — from
 * the acknowledgement (Messenger) or from `call:remote-sdp` (WhatsApp), which may have come
 * before it. What stops the call before it rings is shown as the dial notice.
 *
 * @example
 * await dialCall(host, 'ch_1', '+44 7700 900123', (request, mic) => new OutboundCallSession({ … }));
 */
export async function dialCall(
  host: CallStart,
  channelId: string,
  typed: string,
  createSession: OutboundSessionFactory,
): Promise<void> {
  const state = host.store.getState();
  if (state.current) return;
  const from = state.me?.channels.find((c) => c.id === channelId);
  if (!from) {
    state.dialNoticed('refused', 'That channel is not one you can call from.');
    return;
  }
  const target = readDialTarget(from.channel, typed);
  if (!target.ok) {
    state.dialNoticed('invalid', target.message);
    return;
  }
  const microphone = await host.microphone();
  if ('error' in microphone) {
    host.store.getState().dialNoticed('refused', microphone.error);
    return;
  }
  // a call rang and was accepted while the microphone opened
  if (host.store.getState().current) {
    microphone.track.stop();
    return;
  }
  const localId = host.localId();
  const session = createSession({ callId: localId, from, to: target.to }, microphone);
  if ('error' in session) {
    microphone.track.stop();
    host.store.getState().dialNoticed('refused', session.error);
    return;
  }
  const { dialNotice } = host.store.getState();
  if (dialNotice) host.store.getState().dialNoticeDismissed(dialNotice.id);
  host.begin(session, placedCall(localId, from, target.to, host.now()), session);

  if (!(await session.prepare()).ok) {
    // the session's failed event has ended the call and said why; nothing was sent
    host.dialed(localId, null);
    return;
  }
  const placed = await session.dial();
  host.dialed(localId, placed.ok ? placed.callId : null);
  if (!host.owns(session)) {
    // hung up (or failed) while the dial was in flight: end the call the server just placed
    if (placed.ok) await host.sendHangup(placed.callId);
    return;
  }
  if (!placed.ok) {
    session.close();
    host.drop(localId);
    const notice = dialRefusal(placed.error);
    host.store.getState().dialNoticed(notice.kind, notice.message);
    return;
  }
  if (placed.sdpResponse) await session.applyAnswer(placed.sdpResponse);
  host.replayEarly(placed.callId);
}
