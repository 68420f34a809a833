import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent, SessionFailure } from '../rtc/CallSession';
import type { InboundCallSession } from '../rtc/InboundCallSession';
import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import type { SessionPhase } from '../rtc/session-phase';
import { FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { fakeSignaling } from '../rtc/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME, ringingCard } from '../state/testing';
import { CallController } from './CallController';

/** a session whose steps the test decides */
class FakeSession {
  readonly listeners = new Set<(event: SessionEvent) => void>();
  prepared: Outcome = { ok: true };
  delivered: Outcome = { ok: true };
  closed = false;
  muted = false;
  held = false;
  dtmf: string[] = [];
  constructor(readonly callId: string) {}
  onEvent(listener: (event: SessionEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: SessionEvent) {
    for (const listener of this.listeners) listener(event);
  }
  phase(phase: SessionPhase) {
    this.emit({ type: 'phase', phase });
  }
  fail(failure: SessionFailure) {
    this.emit({ type: 'failed', failure });
  }
  async prepare() {
    if (!this.prepared.ok) this.fail({ reason: 'sdp-invalid', message: this.prepared.message });
    return this.prepared;
  }
  claimed() {}
  async deliver() {
    this.phase('connecting');
    return this.delivered;
  }
  close() {
    this.closed = true;
  }
  setMuted(muted: boolean) {
    this.muted = muted;
  }
  async setHeld(held: boolean) {
    this.held = held;
    return { ok: true } as Outcome;
  }
  sendDtmf(digits: string) {
    this.dtmf.push(digits);
    return { ok: true as const, tones: digits };
  }
  async applyRemoteSdp() {}
}

function setup() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const sessions: FakeSession[] = [];
  const nextSession: { prepared: Outcome } = { prepared: { ok: true } };
  const overHttp = vi.fn();
  let now = 1_000_000;
  const calls = new CallController({
    store,
    signaling: signaling.client,
    createSession: (card) => {
      const session = new FakeSession(card.callId);
      session.prepared = nextSession.prepared;
      sessions.push(session);
      return session as unknown as InboundCallSession;
    },
    // placing calls has its own tests (dial-call.test.ts)
    createOutboundSession: () => ({ error: 'not placed in these tests' }),
    microphoneForCall: async () => {
      const track = new FakeTrack();
      return { track, stream: new FakeStream([track]) } as unknown as SessionMicrophone;
    },
    takeOffer: () => 'v=0',
    hangUpOverHttp: overHttp,
    resyncGraceMs: 3000,
    now: () => now,
  });
  calls.start();
  store.getState().ringingAdded(ringingCard('c1'));
  return {
    store,
    signaling,
    calls,
    sessions,
    nextSession,
    overHttp,
    advance: (ms: number) => (now += ms),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CallController', () => {
  it('claims the call, then sends the prepared SDP, and follows the session’s phases', async () => {
    const { store, signaling, calls, sessions } = setup();
    await calls.accept('c1');
    expect(signaling.sentOf('call:accept')).toEqual([{ callId: 'c1' }]);
    expect(store.getState().ringing).toEqual({});
    expect(store.getState().current).toMatchObject({ callId: 'c1', phase: 'connecting' });
    sessions[0]?.phase('active');
    expect(store.getState().current?.phase).toBe('active');
  });

  it('shows who won when the claim is lost, and drops the prepared session', async () => {
    const { store, signaling, calls, sessions } = setup();
    signaling.replies['call:accept'] = {
      ok: false,
      error: { code: 'already_claimed', message: 'Bo Agent answered this call.' },
    };
    await calls.accept('c1');
    expect(sessions[0]?.closed).toBe(true);
    expect(store.getState().current).toBeNull();
    expect(store.getState().problem?.message).toBe('Bo Agent answered this call.');
  });

  it('gives the call back (decline) when our SDP failed its check, and says why', async () => {
    const { store, signaling, calls, nextSession } = setup();
    nextSession.prepared = { ok: false, message: 'microphone track missing from the answer' };
    await calls.accept('c1');
    await vi.waitFor(() => expect(store.getState().problem).not.toBeNull());
    expect(signaling.sentOf('call:decline')).toEqual([{ callId: 'c1' }]);
    expect(signaling.sentOf('call:answer')).toEqual([]);
    expect(signaling.sentOf('call:hangup')).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().problem?.message).toBe('microphone track missing from the answer');
  });

  it('ends a call that lost its audio mid-way with a hang-up, and keeps the wrap-up', async () => {
    const { store, signaling, calls, sessions } = setup();
    await calls.accept('c1');
    sessions[0]?.phase('active');
    sessions[0]?.fail({
      reason: 'ice-failed',
      message: 'The audio connection to the caller failed.',
    });
    await vi.waitFor(() =>
      expect(store.getState().wrapUp).toMatchObject({
        callId: 'c1',
        outcome: 'failed',
        message: 'The audio connection to the caller failed.',
      }),
    );
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
  });

  it('hangs up: tells the server, closes the session, and opens the wrap-up', async () => {
    const { store, signaling, calls, sessions, advance } = setup();
    await calls.accept('c1');
    signaling.emit('call:updated', {
      id: 'c1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'active',
      agent: { userId: ME.id, name: ME.name },
      caller: { name: 'Rahul' },
      called: { channelId: 'ch1', label: '+1' },
      answeredAt: new Date(1_000_000).toISOString(),
    });
    advance(65_000);
    await calls.hangUp();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
    expect(sessions[0]?.closed).toBe(true);
    expect(store.getState().wrapUp).toMatchObject({
      callId: 'c1',
      message: 'You hung up.',
      durationSec: 65,
    });
  });

  it('ends the call over HTTP when the socket is down', async () => {
    const { signaling, calls, overHttp } = setup();
    await calls.accept('c1');
    signaling.replies['call:hangup'] = {
      ok: false,
      error: { code: 'offline', message: 'Not connected.' },
    };
    await calls.hangUp();
    expect(overHttp).toHaveBeenCalledWith('c1');
  });

  it('opens the wrap-up saying the caller hung up', async () => {
    const { store, signaling, calls, sessions } = setup();
    await calls.accept('c1');
    sessions[0]?.phase('active');
    signaling.emit('call:ended', { callId: 'c1', outcome: 'completed' });
    expect(sessions[0]?.closed).toBe(true);
    expect(store.getState().wrapUp?.message).toBe('The caller hung up.');
  });

  it('tells the agent, without a wrap-up, when a call ends before it connected', async () => {
    const { store, signaling, calls } = setup();
    await calls.accept('c1');
    signaling.emit('call:ended', {
      callId: 'c1',
      outcome: 'failed',
      metaError: { code: 138007, meaning: 'Connect timeout' },
    });
    expect(store.getState().wrapUp).toBeNull();
    expect(store.getState().problem?.message).toBe(
      'The call ended with an error from Meta: Connect timeout',
    );
  });

  it('mutes, holds and sends tones through the session and shows it', async () => {
    const { store, calls, sessions } = setup();
    await calls.accept('c1');
    calls.toggleMute();
    await calls.toggleHold();
    calls.sendDtmf('5');
    expect(sessions[0]).toMatchObject({ muted: true, held: true, dtmf: ['5'] });
    expect(store.getState().current).toMatchObject({ muted: true, held: true, dtmfSent: '5' });
  });

  it('offers to end a call the server has for us but this page has no audio for', () => {
    const { store, signaling } = setup();
    signaling.emit('call:updated', {
      id: 'c9',
      channel: 'messenger',
      direction: 'inbound',
      state: 'active',
      agent: { userId: ME.id, name: ME.name },
      caller: { psid: '123' },
      called: { channelId: 'ch2', label: 'Page' },
    });
    expect(store.getState().current).toMatchObject({ callId: 'c9', phase: 'orphaned' });
  });

  it('lets the call go when the server does not re-announce it after a reconnect', async () => {
    vi.useFakeTimers();
    const { store, signaling, calls, sessions } = setup();
    await calls.accept('c1');
    sessions[0]?.phase('active');
    signaling.connected(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp?.message).toBe(
      'The call ended while the connection to Ringside was down.',
    );
  });

  it('keeps the call when the server re-announces it after a reconnect', async () => {
    vi.useFakeTimers();
    const { store, signaling, calls } = setup();
    await calls.accept('c1');
    signaling.connected(true);
    signaling.emit('call:updated', {
      id: 'c1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'active',
      agent: { userId: ME.id, name: ME.name },
      caller: { name: 'Rahul' },
      called: { channelId: 'ch1', label: '+1' },
    });
    await vi.advanceTimersByTimeAsync(3000);
    expect(store.getState().current?.callId).toBe('c1');
  });

  it('does not accept a call whose card already says it is gone', async () => {
    const { store, signaling, calls } = setup();
    store.getState().ringingNoticed('c1', { kind: 'caller-hung-up' });
    await calls.accept('c1');
    expect(signaling.sentOf('call:accept')).toEqual([]);
  });
});

describe('CallController, hanging up while the claim is in flight', () => {
  it('ends the call once the claim lands', async () => {
    const { signaling, calls } = setup();
    let land: (value: { ok: true }) => void = () => undefined;
    signaling.replies['call:accept'] = () => new Promise((resolve) => (land = resolve));
    const accepting = calls.accept('c1');
    await vi.waitFor(() => expect(signaling.sentOf('call:accept')).toHaveLength(1));
    await calls.hangUp();
    land({ ok: true });
    await accepting;
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }, { callId: 'c1' }]);
    expect(signaling.sentOf('call:answer')).toEqual([]);
  });
});
