import type { Channel } from '@ringside/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from './CallSession';
import type { SessionMicrophone } from './LocalAudio';
import { OutboundCallSession } from './OutboundCallSession';
import { audioStats, FakePeerConnection, FakeStream, FakeTrack } from './testing/fakes';
import { fakeSignaling } from './testing/fake-signaling';
import { chromiumSdp, META_OFFER, metaAnswer } from './testing/sdp-samples';

function setup(channel: Channel = 'whatsapp') {
  const pc = new FakePeerConnection();
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const signaling = fakeSignaling();
  signaling.replies['call:dial'] =
    channel === 'messenger'
      ? { ok: true, callId: 'c_msgr', sdpResponse: metaAnswer('actpass') }
      : { ok: true, callId: 'wacid.1' };
  const session = new OutboundCallSession({
    callId: 'local-1',
    channel,
    channelId: channel === 'whatsapp' ? 'ch1' : 'ch2',
    to: channel === 'whatsapp' ? '+447700900123' : '6124509938127745',
    microphone: { track, stream } as unknown as SessionMicrophone,
    signaling: signaling.client,
    audio: { attach: vi.fn(), detach: vi.fn() },
    createPeerConnection: () => pc as unknown as RTCPeerConnection,
    timing: { iceGatheringMs: 20, noAudioMs: 3000, statsIntervalMs: 1000 },
  });
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  const failures = () => events.flatMap((e) => (e.type === 'failed' ? [e.failure] : []));
  return { pc, track, stream, signaling, session, failures };
}

/** prepared and dialed: the server has named the call */
async function dialed(channel: Channel = 'whatsapp') {
  const world = setup(channel);
  expect((await world.session.prepare()).ok).toBe(true);
  const placed = await world.session.dial();
  return { ...world, placed };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('OutboundCallSession', () => {
  it('adds the microphone before the offer, and dials with the checked offer', async () => {
    const { pc, session, signaling, stream, placed } = await dialed();
    expect(pc.calls.slice(0, 3)).toEqual(['addTrack', 'createOffer', 'setLocalDescription:offer']);
    const [dial] = signaling.sentOf('call:dial');
    expect(dial).toMatchObject({ channelId: 'ch1', to: '+447700900123' });
    expect(String(dial?.['sdp'])).toContain(`a=msid:${stream.id} `);
    expect(String(dial?.['sdp'])).toContain('a=setup:actpass');
    expect(placed).toEqual({ ok: true, callId: 'wacid.1' });
    // from here on the session is the server's call: quality reports name it
    expect(session.callId).toBe('wacid.1');
    expect(session.phase).toBe('connecting');
    session.close();
  });

  it('never dials with an offer that does not send the microphone', async () => {
    const { pc, session, signaling, failures } = setup();
    pc.createOffer = async () => {
      pc.calls.push('createOffer');
      return { type: 'offer', sdp: chromiumSdp('offer') };
    };
    expect((await session.prepare()).ok).toBe(false);
    expect(failures()[0]?.reason).toBe('sdp-invalid');
    expect(failures()[0]?.message).toContain('microphone track missing from the offer');
    expect((await session.dial()).ok).toBe(false);
    expect(signaling.sentOf('call:dial')).toEqual([]);
  });

  it('hands back a refusal as the server worded it, and keeps its local id', async () => {
    const { session, signaling, failures } = setup();
    signaling.replies['call:dial'] = {
      ok: false,
      error: { code: 'permission_requested', message: 'Asked +447700900123 to allow calls.' },
    };
    await session.prepare();
    expect(await session.dial()).toEqual({
      ok: false,
      error: { code: 'permission_requested', message: 'Asked +447700900123 to allow calls.' },
    });
    expect(session.callId).toBe('local-1');
    expect(failures()).toEqual([]);
    session.close();
  });

  it('applies WhatsApp’s answer from call:remote-sdp once, ignoring a repeat', async () => {
    const { pc, session } = await dialed();
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    expect(pc.calls.filter((c) => c === 'setRemoteDescription:answer')).toHaveLength(1);
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
    session.close();
  });

  it('applies Messenger’s answer from the acknowledgement, reading actpass as active', async () => {
    const { pc, session, placed } = await dialed('messenger');
    if (!placed.ok || !placed.sdpResponse) throw new Error('the fake server answers the dial');
    expect(await session.applyAnswer(placed.sdpResponse)).toEqual({ ok: true });
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
    expect(pc.remoteDescription?.sdp).not.toContain('actpass');
    session.close();
  });

  it('ends the call when Meta’s answer cannot be used, saying why', async () => {
    const { session, failures } = await dialed();
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: 'v=0\r\nnope' });
    expect(failures()[0]?.reason).toBe('bad-reply');
    expect(failures()[0]?.message).toMatch(/^WhatsApp's answer cannot be used: /);
    expect(session.phase).toBe('failed');
  });

  it('is active only once the answer is applied, the customer picked up and audio connected', async () => {
    const { pc, session } = await dialed();
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    // ICE and DTLS connect while the customer's phone still rings
    pc.moveTo('connected');
    expect(session.phase).toBe('connecting');
    session.calleeAnswered();
    expect(session.phase).toBe('active');
    session.close();
  });

  it('completes the setup when the pickup is reported before Meta’s answer', async () => {
    const { pc, session } = await dialed();
    session.calleeAnswered();
    pc.moveTo('connected');
    expect(session.phase).toBe('connecting');
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    expect(session.phase).toBe('active');
    session.close();
  });

  it('waits for audio only from the pickup on: a long ring is not a silent call', async () => {
    vi.useFakeTimers();
    const { pc, session, failures } = await dialed();
    pc.stats = () => audioStats(0, 40);
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failures()).toEqual([]);
    session.calleeAnswered();
    await vi.advanceTimersByTimeAsync(3100);
    expect(failures()[0]?.reason).toBe('no-audio');
    expect(failures()[0]?.message).toBe(
      'No audio arrived from the customer within 3 seconds, so the call was ended.',
    );
  });

  it('ends the call when ICE/DTLS fails, naming the customer', async () => {
    const { pc, session, failures } = await dialed();
    await session.applyRemoteSdp({ callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    pc.moveTo('failed');
    expect(failures()[0]).toEqual({
      reason: 'ice-failed',
      message:
        'The audio connection to the customer failed (the network may block it). The call was ended.',
    });
  });

  it('answers Messenger’s media_update offers by highest version; WhatsApp takes none', async () => {
    const messenger = await dialed('messenger');
    const placed = messenger.placed;
    if (!placed.ok || !placed.sdpResponse) throw new Error('the fake server answers the dial');
    await messenger.session.applyAnswer(placed.sdpResponse);
    const offer = (version: number) => ({
      callId: 'c_msgr',
      sdpType: 'offer' as const,
      sdp: META_OFFER,
      version,
    });
    await messenger.session.applyRemoteSdp(offer(1));
    await messenger.session.applyRemoteSdp(offer(1));
    expect(messenger.pc.calls.slice(-3)).toEqual([
      'setRemoteDescription:offer',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    expect(messenger.pc.calls.filter((c) => c === 'setRemoteDescription:offer')).toHaveLength(1);
    messenger.session.close();

    const whatsapp = await dialed('whatsapp');
    await whatsapp.session.applyRemoteSdp({ ...offer(1), callId: 'wacid.1' });
    expect(whatsapp.pc.calls).not.toContain('setRemoteDescription:offer');
    whatsapp.session.close();
  });

  it('stays closed when hung up while the dial was in flight', async () => {
    const { session, signaling } = setup();
    let land: (reply: { ok: true; callId: string }) => void = () => undefined;
    signaling.replies['call:dial'] = () => new Promise((resolve) => (land = resolve));
    await session.prepare();
    const dialing = session.dial();
    await vi.waitFor(() => expect(signaling.sentOf('call:dial')).toHaveLength(1));
    session.close();
    land({ ok: true, callId: 'wacid.9' });
    // the ack still names the call, so whoever dialed can end it at Meta
    expect(await dialing).toEqual({ ok: true, callId: 'wacid.9' });
    expect(session.phase).toBe('closed');
  });
});
