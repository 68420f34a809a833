import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerMetaOffer } from './AnswerMetaOffer';
import type { Outcome, SessionMicrophone } from './LocalAudio';
import { MediaSession, type SessionEvent } from './MediaSession';
import { audioStats, FakePeerConnection, FakeStream, FakeTrack } from './testing/fakes';
import { META_OFFER } from './testing/sdp-samples';

function setup(options: { offer?: string; addTrackLate?: boolean } = {}) {
  const pc = new FakePeerConnection();
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const audio = { attach: vi.fn(), detach: vi.fn() };
  const music = new FakeTrack();
  const stopMusic = vi.fn();
  const offer = options.offer ?? META_OFFER;
  const session = new MediaSession({
    callId: 'call_1',
    sdp: (peer) => new AnswerMetaOffer(peer, offer),
    microphone: { track, stream } as unknown as SessionMicrophone,
    audio,
    createPeerConnection: () => pc as unknown as RTCPeerConnection,
    createHoldMusic: () => ({ track: music as unknown as MediaStreamTrack, stop: stopMusic }),
    timing: { iceGatheringMs: 50, noAudioMs: 3000, statsIntervalMs: 1000 },
  });
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  const failures = () => events.flatMap((e) => (e.type === 'failed' ? [e.failure] : []));
  return { pc, track, stream, audio, music, stopMusic, session, events, failures };
}

/** what the call does once the claim is won: release what was held, send, Meta accepts */
async function deliver(session: MediaSession): Promise<Outcome> {
  const released = await session.claimed();
  if (!released.ok) return released;
  session.sending();
  session.expectAudio();
  return { ok: true };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MediaSession answering WhatsApp’s offer', () => {
  it('applies the offer, adds the microphone, and only then creates the answer', async () => {
    const { pc, session } = setup();
    expect((await session.prepare()).ok).toBe(true);
    expect(pc.calls).toEqual([
      'setRemoteDescription:offer',
      'addTrack',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
  });

  it('holds Meta’s ICE candidates back until the claim is won, then adds them before answering', async () => {
    const { pc, session } = setup();
    await session.prepare();
    // while the claim is in flight: the browser has Meta's offer but nowhere to send a check
    expect(String(pc.remoteDescription?.sdp)).not.toContain('a=candidate');
    expect(pc.calls).not.toContain('addIceCandidate');

    expect((await deliver(session)).ok).toBe(true);
    expect(pc.candidates.length).toBeGreaterThan(0);
    expect(pc.candidates.every((c) => c.candidate?.startsWith('candidate:'))).toBe(true);
    expect(pc.calls.indexOf('addIceCandidate')).toBeGreaterThan(
      pc.calls.indexOf('setLocalDescription:answer'),
    );
  });

  it('a lost claim never hands Meta’s candidates to the connection', async () => {
    const { pc, session } = setup();
    await session.prepare();
    session.close();
    expect(pc.calls).not.toContain('addIceCandidate');
  });

  it('builds an answer that carries our microphone stream, sendrecv', async () => {
    const { session, stream } = setup();
    const prepared = await session.prepare();
    const sdp = prepared.ok ? prepared.sdp : '';
    expect(sdp).toContain(`a=msid:${stream.id} `);
    expect(sdp).toContain('a=sendrecv');
    expect(sdp).toContain('a=setup:active');
  });

  it('never sends a recvonly answer: the check stops it before it leaves the browser', async () => {
    const { pc, session, failures } = setup();
    // a browser that created the answer before the track was added
    pc.createAnswer = async () => {
      pc.calls.push('createAnswer');
      const { chromiumSdp } = await import('./testing/sdp-samples');
      return { type: 'answer', sdp: chromiumSdp('answer') };
    };
    const prepared = await session.prepare();
    expect(prepared.ok).toBe(false);
    expect(failures()[0]?.reason).toBe('sdp-invalid');
    expect(failures()[0]?.message).toContain('microphone track missing from the answer');
    // failed: it can no longer be sent
    expect(await deliver(session)).toEqual({ ok: false, message: 'The call was closed.' });
  });

  it('refuses an offer that is not usable SDP before touching the connection', async () => {
    const { pc, session, failures } = setup({ offer: 'v=0\r\nnot sdp' });
    expect((await session.prepare()).ok).toBe(false);
    expect(failures()[0]?.reason).toBe('bad-offer');
    expect(pc.calls).toEqual([]);
    expect(pc.closed).toBe(true);
  });

  it('prepares once: a call taking a session prepared while it rang gets the same answer', async () => {
    const { pc, session } = setup();
    const first = session.prepare();
    const second = session.prepare();
    expect(await second).toEqual(await first);
    expect(pc.calls.filter((c) => c === 'createAnswer')).toHaveLength(1);
  });

  it('tells a listener that comes after the failure about it too', async () => {
    const { session } = setup({ offer: 'v=0\r\nnot sdp' });
    await session.prepare();
    const late: SessionEvent[] = [];
    session.onEvent((event) => late.push(event));
    await Promise.resolve();
    expect(late).toEqual([
      { type: 'failed', failure: expect.objectContaining({ reason: 'bad-offer' }) },
    ]);
  });

  it('reports a browser error while building the answer as a failure, not an exception', async () => {
    const { pc, session, failures } = setup();
    pc.failNext = 'setRemoteDescription';
    const prepared = await session.prepare();
    expect(prepared.ok).toBe(false);
    expect(failures()[0]).toEqual({
      reason: 'rtc-error',
      message: 'The browser could not set up audio: setRemoteDescription failed',
    });
  });

  it('sends what it has once ICE gathering passes its bound', async () => {
    const { pc, session } = setup();
    pc.gatheringAfterLocal = 'gathering';
    const started = Date.now();
    expect((await session.prepare()).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('is active only once Meta accepted and ICE/DTLS connected', async () => {
    const { pc, session } = setup();
    await session.prepare();
    expect(session.phase).toBe('preparing');
    await deliver(session);
    expect(session.phase).toBe('connecting');
    pc.moveTo('connected');
    expect(session.phase).toBe('active');
    session.close();
  });

  it('ends the call when ICE/DTLS fails', async () => {
    const { pc, session, failures } = setup();
    await session.prepare();
    await deliver(session);
    pc.moveTo('failed');
    expect(failures()[0]?.reason).toBe('ice-failed');
    expect(session.phase).toBe('failed');
  });

  it('ends the call when no audio arrives within the bound after accept', async () => {
    vi.useFakeTimers();
    const { pc, session, failures } = setup();
    pc.stats = () => audioStats(0, 40);
    await session.prepare();
    await deliver(session);
    await vi.advanceTimersByTimeAsync(3100);
    expect(failures()[0]?.reason).toBe('no-audio');
    expect(failures()[0]?.message).toContain('No audio arrived from the caller within 3 seconds');
  });

  it('keeps the call when audio arrives in time', async () => {
    vi.useFakeTimers();
    const { pc, session, failures } = setup();
    pc.stats = () => audioStats(120, 120);
    await session.prepare();
    await deliver(session);
    await vi.advanceTimersByTimeAsync(3100);
    expect(failures()).toEqual([]);
    session.close();
  });

  it('mutes by disabling the track, which stays on the sender', async () => {
    const { pc, session, track } = setup();
    await session.prepare();
    session.setMuted(true);
    expect(track.enabled).toBe(false);
    expect(pc.senders[0]?.track).toBe(track);
    session.setMuted(false);
    expect(track.enabled).toBe(true);
  });

  it('holds by sending music in place of the microphone, and resumes with the microphone', async () => {
    const { pc, session, track, music, stopMusic } = setup();
    await session.prepare();
    expect((await session.setHeld(true)).ok).toBe(true);
    expect(pc.senders[0]?.track).toBe(music);
    expect((await session.setHeld(false)).ok).toBe(true);
    expect(pc.senders[0]?.track).toBe(track);
    expect(stopMusic).toHaveBeenCalledOnce();
    // no renegotiation: one answer, ever
    expect(pc.calls.filter((c) => c === 'createAnswer')).toHaveLength(1);
  });

  it('sends keypad tones as DTMF and refuses anything else', async () => {
    const { pc, session } = setup();
    await session.prepare();
    expect(session.sendDtmf('12#')).toEqual({ ok: true, tones: '12#' });
    expect(pc.senders[0]?.dtmf.inserted[0]).toEqual({ tones: '12#', duration: 100, gap: 70 });
    expect(session.sendDtmf('9x').ok).toBe(false);
  });

  it('switches microphone mid-call, keeping mute, and stops the old clone', async () => {
    const { pc, session, track } = setup();
    await session.prepare();
    session.setMuted(true);
    const next = new FakeTrack();
    const switched = await session.replaceMicrophone({
      track: next,
      stream: new FakeStream([next]),
    } as unknown as SessionMicrophone);
    expect(switched.ok).toBe(true);
    expect(pc.senders[0]?.track).toBe(next);
    expect(next.enabled).toBe(false);
    expect(track.readyState).toBe('ended');
  });

  it('releases everything when closed, once', async () => {
    const { pc, session, track, audio } = setup();
    await session.prepare();
    session.close();
    session.close();
    expect(pc.closed).toBe(true);
    expect(track.readyState).toBe('ended');
    expect(audio.detach).toHaveBeenCalledOnce();
    expect(session.phase).toBe('closed');
  });

  it('stops preparing quietly when closed mid-way (the claim was lost)', async () => {
    const { session, failures } = setup();
    const preparing = session.prepare();
    session.close();
    expect(await preparing).toEqual({ ok: false, message: 'The call was closed.' });
    expect(failures()).toEqual([]);
  });
});
