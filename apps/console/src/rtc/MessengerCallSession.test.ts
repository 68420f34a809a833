import { describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from './CallSession';
import type { SessionMicrophone } from './LocalAudio';
import { MessengerCallSession } from './MessengerCallSession';
import { FakePeerConnection, FakeStream, FakeTrack } from './testing/fakes';
import { fakeSignaling } from './testing/fake-signaling';
import { META_OFFER, chromiumSdp, metaAnswer, metaRenegotiation } from './testing/sdp-samples';

function setup() {
  const pc = new FakePeerConnection();
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const music = new FakeTrack();
  const log = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const signaling = fakeSignaling();
  signaling.replies['call:answer'] = { ok: true, sdpResponse: metaAnswer() };
  const session = new MessengerCallSession({
    callId: 'call_m',
    microphone: { track, stream } as unknown as SessionMicrophone,
    signaling: signaling.client,
    audio: { attach: vi.fn(), detach: vi.fn() },
    createHoldMusic: () => ({ track: music as unknown as MediaStreamTrack, stop: vi.fn() }),
    log,
    createPeerConnection: () => pc as unknown as RTCPeerConnection,
    timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
  });
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  const failures = () => events.flatMap((e) => (e.type === 'failed' ? [e.failure] : []));
  return { pc, stream, track, music, log, signaling, session, failures };
}

describe('MessengerCallSession', () => {
  it('adds the microphone before creating the offer, and sends the checked offer', async () => {
    const { pc, session, signaling, stream } = setup();
    await session.prepare();
    expect(pc.calls.slice(0, 3)).toEqual(['addTrack', 'createOffer', 'setLocalDescription:offer']);
    await session.deliver();
    const [offer] = signaling.sentOf('call:answer');
    expect(String(offer?.['sdp'])).toContain(`a=msid:${stream.id} `);
    expect(String(offer?.['sdp'])).toContain('a=setup:actpass');
    session.close();
  });

  it('applies Meta’s sdp_response as the remote answer', async () => {
    const { pc, session } = setup();
    await session.prepare();
    expect((await session.deliver()).ok).toBe(true);
    expect(pc.remoteDescription?.type).toBe('answer');
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
    session.close();
  });

  it('reads an actpass answer from Meta as active, which the browser accepts', async () => {
    const { pc, session, signaling } = setup();
    signaling.replies['call:answer'] = { ok: true, sdpResponse: metaAnswer('actpass') };
    await session.prepare();
    expect((await session.deliver()).ok).toBe(true);
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
    expect(pc.remoteDescription?.sdp).not.toContain('actpass');
    session.close();
  });

  it('answers an sdp_renegotiation offer locally', async () => {
    const { pc, session, signaling } = setup();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer(),
      sdpRenegotiation: META_OFFER,
    };
    await session.prepare();
    await session.deliver();
    expect(pc.calls.slice(-3)).toEqual([
      'setRemoteDescription:offer',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    session.close();
  });

  it("answers Meta's two-section renegotiation with the microphone kept on its one sender", async () => {
    const { pc, session, signaling, track, music } = setup();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer(),
      sdpRenegotiation: metaRenegotiation(),
    };
    await session.prepare();
    expect((await session.deliver()).ok).toBe(true);
    expect(pc.remoteDescription?.sdp).toContain('a=mid:1');
    expect(pc.signalingState).toBe('stable');
    // nothing goes back to Meta after the reply: only the accept was sent
    expect(signaling.sentOf('call:answer')).toHaveLength(1);
    expect(pc.senders).toHaveLength(1);
    expect(pc.senders[0]?.track).toBe(track);
    // hold music replaces the track on that sender (mid 0, the one Meta receives), and back
    expect((await session.setHeld(true)).ok).toBe(true);
    expect(pc.senders[0]?.track).toBe(music);
    expect((await session.setHeld(false)).ok).toBe(true);
    expect(pc.senders[0]?.track).toBe(track);
    session.close();
  });

  it('after a microphone switch, a media_update is still answered and checked on the one sender', async () => {
    const { pc, session, signaling, log } = setup();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer(),
      sdpRenegotiation: metaRenegotiation(),
    };
    await session.prepare();
    await session.deliver();
    const next = new FakeTrack();
    const switched = await session.replaceMicrophone({
      track: next,
      stream: new FakeStream([next]),
    } as unknown as SessionMicrophone);
    expect(switched.ok).toBe(true);
    await session.applyRemoteSdp({
      callId: 'call_m',
      sdpType: 'offer',
      sdp: metaRenegotiation(),
      version: 1,
    });
    expect(pc.senders).toHaveLength(1);
    expect(pc.senders[0]?.track).toBe(next);
    expect(pc.calls.filter((c) => c === 'setLocalDescription:answer')).toHaveLength(2);
    // the answer still announces the stream the sender was added with: no false alarm
    expect(log.warn).not.toHaveBeenCalled();
    expect(session.sendDtmf('1').ok).toBe(true);
    expect(pc.senders[0]?.dtmf.inserted.at(-1)?.tones).toBe('1');
    session.close();
  });

  it('declines the video sections of a video renegotiation and keeps both audio ones', async () => {
    const { pc, session, signaling } = setup();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer(),
      sdpRenegotiation: metaRenegotiation(true),
    };
    await session.prepare();
    expect((await session.deliver()).ok).toBe(true);
    const stopped = pc.transceivers.filter((t) => t.stopped).map((t) => t.mid);
    expect(stopped).toEqual(['2', '3']);
    session.close();
  });

  it('fails the call when our answer to the renegotiation stops sending the microphone', async () => {
    const { pc, session, signaling, failures } = setup();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer(),
      sdpRenegotiation: metaRenegotiation(),
    };
    await session.prepare();
    pc.nextAnswerSdp = chromiumSdp('answer');
    expect((await session.deliver()).ok).toBe(false);
    expect(failures()[0]?.message).toContain('microphone track missing from the answer');
  });

  it('fails the call when the renegotiation sends the customer on no section', async () => {
    const { session, signaling, failures } = setup();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer(),
      sdpRenegotiation: metaRenegotiation().replace('a=sendonly', 'a=inactive'),
    };
    await session.prepare();
    expect((await session.deliver()).ok).toBe(false);
    expect(failures()[0]?.message).toContain('no audio m-line sends towards us');
  });

  it('fails clearly when Meta accepted without an answer', async () => {
    const { session, signaling, failures } = setup();
    signaling.replies['call:answer'] = { ok: true };
    await session.prepare();
    expect((await session.deliver()).ok).toBe(false);
    expect(failures()[0]).toEqual({
      reason: 'bad-reply',
      message: 'Messenger accepted the call without an SDP answer.',
    });
  });

  it('applies media_update offers by highest version only', async () => {
    const { pc, session } = setup();
    await session.prepare();
    await session.deliver();
    const offersApplied = () => pc.calls.filter((c) => c === 'setRemoteDescription:offer').length;
    await session.applyRemoteSdp({
      callId: 'call_m',
      sdpType: 'offer',
      sdp: META_OFFER,
      version: 2,
    });
    expect(offersApplied()).toBe(1);
    // an older version arriving late, and a repeat, change nothing
    await session.applyRemoteSdp({
      callId: 'call_m',
      sdpType: 'offer',
      sdp: META_OFFER,
      version: 1,
    });
    await session.applyRemoteSdp({
      callId: 'call_m',
      sdpType: 'offer',
      sdp: META_OFFER,
      version: 2,
    });
    expect(offersApplied()).toBe(1);
    await session.applyRemoteSdp({
      callId: 'call_m',
      sdpType: 'offer',
      sdp: META_OFFER,
      version: 3,
    });
    expect(offersApplied()).toBe(2);
    session.close();
  });

  it('ignores a remote offer that is not SDP without breaking the call', async () => {
    const { pc, session, failures } = setup();
    await session.prepare();
    await session.deliver();
    await session.applyRemoteSdp({
      callId: 'call_m',
      sdpType: 'offer',
      sdp: 'garbage',
      version: 5,
    });
    expect(pc.calls.filter((c) => c === 'setRemoteDescription:offer')).toHaveLength(0);
    expect(failures()).toEqual([]);
    session.close();
  });
});
