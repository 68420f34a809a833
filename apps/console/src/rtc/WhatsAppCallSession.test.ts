import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from './CallSession';
import type { SessionMicrophone } from './LocalAudio';
import { audioStats, FakePeerConnection, FakeStream, FakeTrack } from './testing/fakes';
import { fakeSignaling } from './testing/fake-signaling';
import { META_OFFER } from './testing/sdp-samples';
import { WhatsAppCallSession } from './WhatsAppCallSession';

function setup(options: { offer?: string; addTrackLate?: boolean } = {}) {
  const pc = new FakePeerConnection();
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const signaling = fakeSignaling();
  const audio = { attach: vi.fn(), detach: vi.fn() };
  const music = new FakeTrack();
  const stopMusic = vi.fn();
  const session = new WhatsAppCallSession({
    callId: 'call_1',
    offer: options.offer ?? META_OFFER,
    microphone: { track, stream } as unknown as SessionMicrophone,
    signaling: signaling.client,
    audio,
    createPeerConnection: () => pc as unknown as RTCPeerConnection,
    createHoldMusic: () => ({ track: music as unknown as MediaStreamTrack, stop: stopMusic }),
    timing: { iceGatheringMs: 50, noAudioMs: 3000, statsIntervalMs: 1000 },
  });
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  const failures = () => events.flatMap((e) => (e.type === 'failed' ? [e.failure] : []));
  return { pc, track, stream, signaling, audio, music, stopMusic, session, events, failures };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('WhatsAppCallSession', () => {
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
    const { pc, session, signaling } = setup();
    await session.prepare();
    // while the claim is in flight: the browser has Meta's offer but nowhere to send a check
    expect(String(pc.remoteDescription?.sdp)).not.toContain('a=candidate');
    expect(pc.calls).not.toContain('addIceCandidate');
    expect(signaling.sentOf('call:answer')).toHaveLength(0);

    expect((await session.deliver()).ok).toBe(true);
    expect(pc.candidates.length).toBeGreaterThan(0);
    expect(pc.candidates.every((c) => c.candidate?.startsWith('candidate:'))).toBe(true);
    expect(pc.calls.indexOf('addIceCandidate')).toBeGreaterThan(
      pc.calls.indexOf('setLocalDescription:answer'),
    );
    expect(signaling.sentOf('call:answer')).toHaveLength(1);
  });

  it('a lost claim never hands Meta’s candidates to the connection', async () => {
    const { pc, session } = setup();
    await session.prepare();
    session.close();
    expect(pc.calls).not.toContain('addIceCandidate');
  });

  it('sends an answer that carries our microphone stream, sendrecv', async () => {
    const { session, signaling, stream } = setup();
    await session.prepare();
    expect((await session.deliver()).ok).toBe(true);
    const [answer] = signaling.sentOf('call:answer');
    expect(answer?.['callId']).toBe('call_1');
    const sdp = String(answer?.['sdp']);
    expect(sdp).toContain(`a=msid:${stream.id} `);
    expect(sdp).toContain('a=sendrecv');
    expect(sdp).toContain('a=setup:active');
  });

  it('never sends a recvonly answer: the check stops it before it leaves the browser', async () => {
    const { pc, session, signaling, failures } = setup();
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
    expect(await session.deliver()).toEqual({
      ok: false,
      message: 'This call has no checked SDP to send.',
    });
    expect(signaling.sentOf('call:answer')).toEqual([]);
  });

  it('refuses an offer that is not usable SDP before touching the connection', async () => {
    const { pc, session, failures } = setup({ offer: 'v=0\r\nnot sdp' });
    expect((await session.prepare()).ok).toBe(false);
    expect(failures()[0]?.reason).toBe('bad-offer');
    expect(pc.calls).toEqual([]);
    expect(pc.closed).toBe(true);
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

  it('fails with the server’s words when the answer is refused', async () => {
    const { session, signaling, failures } = setup();
    signaling.replies['call:answer'] = {
      ok: false,
      error: { code: 'meta_error', message: 'Meta refused the answer.' },
    };
    await session.prepare();
    expect((await session.deliver()).ok).toBe(false);
    expect(failures()).toEqual([{ reason: 'answer-refused', message: 'Meta refused the answer.' }]);
  });

  it('is active only once Meta accepted and ICE/DTLS connected', async () => {
    const { pc, session } = setup();
    await session.prepare();
    expect(session.phase).toBe('preparing');
    await session.deliver();
    expect(session.phase).toBe('connecting');
    pc.moveTo('connected');
    expect(session.phase).toBe('active');
    session.close();
  });

  it('ends the call when ICE/DTLS fails', async () => {
    const { pc, session, failures } = setup();
    await session.prepare();
    await session.deliver();
    pc.moveTo('failed');
    expect(failures()[0]?.reason).toBe('ice-failed');
    expect(session.phase).toBe('failed');
  });

  it('ends the call when no audio arrives within the bound after accept', async () => {
    vi.useFakeTimers();
    const { pc, session, failures } = setup();
    pc.stats = () => audioStats(0, 40);
    await session.prepare();
    await session.deliver();
    await vi.advanceTimersByTimeAsync(3100);
    expect(failures()[0]?.reason).toBe('no-audio');
    expect(failures()[0]?.message).toContain('No audio arrived from the caller within 3 seconds');
  });

  it('keeps the call when audio arrives in time', async () => {
    vi.useFakeTimers();
    const { pc, session, failures } = setup();
    pc.stats = () => audioStats(120, 120);
    await session.prepare();
    await session.deliver();
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
    expect(session.held).toBe(true);
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
