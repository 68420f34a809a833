import { describe, expect, it, vi } from 'vitest';
import type { Channel } from '@ringside/contracts';
import type { Outcome, SessionMicrophone } from './LocalAudio';
import { MediaSession, type SessionEvent } from './MediaSession';
import { OfferToMeta } from './OfferToMeta';
import { FakePeerConnection, FakeStream, FakeTrack } from './testing/fakes';
import { META_OFFER, chromiumSdp, metaAnswer, metaRenegotiation } from './testing/sdp-samples';

function setup(channel: Channel = 'messenger') {
  const pc = new FakePeerConnection();
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const music = new FakeTrack();
  const log = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const session = new MediaSession({
    callId: 'call_m',
    sdp: (peer) => new OfferToMeta(peer, channel),
    microphone: { track, stream } as unknown as SessionMicrophone,
    audio: { attach: vi.fn(), detach: vi.fn() },
    createHoldMusic: () => ({ track: music as unknown as MediaStreamTrack, stop: vi.fn() }),
    log,
    createPeerConnection: () => pc as unknown as RTCPeerConnection,
    timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
  });
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  const failures = () => events.flatMap((e) => (e.type === 'failed' ? [e.failure] : []));
  return { pc, stream, track, music, log, session, failures };
}

/** what a Messenger call does with Meta's reply to its offer (the answer, maybe a new offer) */
async function deliver(
  session: MediaSession,
  reply: { sdpResponse: string; sdpRenegotiation?: string } = { sdpResponse: metaAnswer() },
): Promise<Outcome> {
  session.sending();
  const answered = await session.applyAnswer(reply.sdpResponse);
  if (!answered.ok) return answered;
  if (reply.sdpRenegotiation) {
    const renegotiated = await session.answerOffer(reply.sdpRenegotiation);
    if (!renegotiated.ok) return renegotiated;
  }
  session.expectAudio();
  return { ok: true };
}

describe('MediaSession offering to Meta', () => {
  it('adds the microphone before creating the offer, and builds the checked offer', async () => {
    const { pc, session, stream } = setup();
    const prepared = await session.prepare();
    expect(pc.calls.slice(0, 3)).toEqual(['addTrack', 'createOffer', 'setLocalDescription:offer']);
    const offer = prepared.ok ? prepared.sdp : '';
    expect(offer).toContain(`a=msid:${stream.id} `);
    expect(offer).toContain('a=setup:actpass');
    session.close();
  });

  it('applies Meta’s sdp_response as the remote answer', async () => {
    const { pc, session } = setup();
    await session.prepare();
    expect((await deliver(session)).ok).toBe(true);
    expect(pc.remoteDescription?.type).toBe('answer');
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
    session.close();
  });

  it('reads an actpass answer from Meta as active, which the browser accepts', async () => {
    const { pc, session } = setup();
    await session.prepare();
    expect((await deliver(session, { sdpResponse: metaAnswer('actpass') })).ok).toBe(true);
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
    expect(pc.remoteDescription?.sdp).not.toContain('actpass');
    session.close();
  });

  it('answers an sdp_renegotiation offer locally', async () => {
    const { pc, session } = setup();
    await session.prepare();
    await deliver(session, { sdpResponse: metaAnswer(), sdpRenegotiation: META_OFFER });
    expect(pc.calls.slice(-3)).toEqual([
      'setRemoteDescription:offer',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    session.close();
  });

  it("answers Meta's two-section renegotiation with the microphone kept on its one sender", async () => {
    const { pc, session, track, music } = setup();
    await session.prepare();
    expect(
      (await deliver(session, { sdpResponse: metaAnswer(), sdpRenegotiation: metaRenegotiation() }))
        .ok,
    ).toBe(true);
    expect(pc.remoteDescription?.sdp).toContain('a=mid:1');
    expect(pc.signalingState).toBe('stable');
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
    const { pc, session, log } = setup();
    await session.prepare();
    await deliver(session, { sdpResponse: metaAnswer(), sdpRenegotiation: metaRenegotiation() });
    const next = new FakeTrack();
    const switched = await session.replaceMicrophone({
      track: next,
      stream: new FakeStream([next]),
    } as unknown as SessionMicrophone);
    expect(switched.ok).toBe(true);
    await session.remoteOffer(metaRenegotiation(), 1);
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
    const { pc, session } = setup();
    await session.prepare();
    expect(
      (
        await deliver(session, {
          sdpResponse: metaAnswer(),
          sdpRenegotiation: metaRenegotiation(true),
        })
      ).ok,
    ).toBe(true);
    const stopped = pc.transceivers.filter((t) => t.stopped).map((t) => t.mid);
    expect(stopped).toEqual(['2', '3']);
    session.close();
  });

  it('fails the call when our answer to the renegotiation stops sending the microphone', async () => {
    const { pc, session, failures } = setup();
    await session.prepare();
    pc.nextAnswerSdp = chromiumSdp('answer');
    expect(
      (await deliver(session, { sdpResponse: metaAnswer(), sdpRenegotiation: metaRenegotiation() }))
        .ok,
    ).toBe(false);
    expect(failures()[0]?.message).toContain('microphone track missing from the answer');
  });

  it('fails the call when the renegotiation sends the customer on no section', async () => {
    const { session, failures } = setup();
    await session.prepare();
    expect(
      (
        await deliver(session, {
          sdpResponse: metaAnswer(),
          sdpRenegotiation: metaRenegotiation().replace('a=sendonly', 'a=inactive'),
        })
      ).ok,
    ).toBe(false);
    expect(failures()[0]?.message).toContain('no audio m-line sends towards us');
  });

  it('applies media_update offers by highest version only', async () => {
    const { pc, session } = setup();
    await session.prepare();
    await deliver(session);
    const offersApplied = () => pc.calls.filter((c) => c === 'setRemoteDescription:offer').length;
    await session.remoteOffer(META_OFFER, 2);
    expect(offersApplied()).toBe(1);
    // an older version arriving late, and a repeat, change nothing
    await session.remoteOffer(META_OFFER, 1);
    await session.remoteOffer(META_OFFER, 2);
    expect(offersApplied()).toBe(1);
    await session.remoteOffer(META_OFFER, 3);
    expect(offersApplied()).toBe(2);
    session.close();
  });

  it('ignores a remote offer that is not SDP without breaking the call', async () => {
    const { pc, session, failures } = setup();
    await session.prepare();
    await deliver(session);
    await session.remoteOffer('garbage', 5);
    expect(pc.calls.filter((c) => c === 'setRemoteDescription:offer')).toHaveLength(0);
    expect(failures()).toEqual([]);
    session.close();
  });
});
