import type { CallView } from '@ringside/contracts';
import { describe, expect, it, vi } from 'vitest';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import { OutboundCallSession } from '../rtc/OutboundCallSession';
import { FakePeerConnection, FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { fakeSignaling } from '../rtc/testing/fake-signaling';
import { chromiumSdp, metaAnswer } from '../rtc/testing/sdp-samples';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { CallController } from './CallController';

const WHATSAPP = 'ch1';
const MESSENGER = 'ch2';

/** the controller with real outbound sessions over a fake browser and a fake server */
function setup() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const peers: FakePeerConnection[] = [];
  const browser = { recvonlyOffer: false };
  const mics: FakeTrack[] = [];
  const microphoneForCall = vi.fn(async () => {
    const track = new FakeTrack();
    mics.push(track);
    return { track, stream: new FakeStream([track]) } as unknown as SessionMicrophone;
  });
  let now = 1_000_000;
  const calls = new CallController({
    store,
    signaling: signaling.client,
    createSession: () => ({ error: 'no inbound calls in these tests' }),
    createOutboundSession: ({ callId, from, to }, microphone) =>
      new OutboundCallSession({
        callId,
        channel: from.channel,
        channelId: from.id,
        to,
        microphone,
        signaling: signaling.client,
        audio: { attach: vi.fn(), detach: vi.fn() },
        createPeerConnection: () => {
          const pc = new FakePeerConnection();
          if (browser.recvonlyOffer) {
            // a browser that made the offer without the microphone
            pc.createOffer = async () => ({ type: 'offer', sdp: chromiumSdp('offer') });
          }
          peers.push(pc);
          return pc as unknown as RTCPeerConnection;
        },
        timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
      }),
    microphoneForCall,
    takeOffer: () => undefined,
    hangUpOverHttp: vi.fn(),
    now: () => now,
  });
  calls.start();
  const view = (id: string, state: CallView['state'], extra: Partial<CallView> = {}): CallView => ({
    id,
    channel: 'whatsapp',
    direction: 'outbound',
    state,
    agent: { userId: ME.id, name: ME.name },
    caller: { number: '+447700900123' },
    called: { channelId: WHATSAPP, label: '+91 91299 50000' },
    ...extra,
  });
  /** holds call:dial's acknowledgement until the test lets it land */
  const holdDial = (reply: { ok: true; callId: string; sdpResponse?: string }) => {
    let land: () => void = () => undefined;
    signaling.replies['call:dial'] = () =>
      new Promise((resolve) => {
        land = () => resolve(reply);
      });
    return () => land();
  };
  return {
    store,
    signaling,
    calls,
    browser,
    peers,
    mics,
    microphoneForCall,
    view,
    holdDial,
    advance: (ms: number) => (now += ms),
  };
}

describe('placing a WhatsApp call', () => {
  it('dials, rings, connects and hangs up, with Meta’s answer arriving before the ack', async () => {
    const { store, signaling, calls, peers, view, holdDial, advance } = setup();
    const land = holdDial({ ok: true, callId: 'wacid.1' });
    const dialing = calls.dial(WHATSAPP, '+44 7700 900123');
    await vi.waitFor(() => expect(signaling.sentOf('call:dial')).toHaveLength(1));
    expect(signaling.sentOf('call:dial')[0]).toMatchObject({
      channelId: WHATSAPP,
      to: '+447700900123',
    });
    expect(store.getState().current).toMatchObject({
      direction: 'outbound',
      phase: 'placing',
      caller: { number: '+447700900123' },
    });

    // the server had Meta's answer and the call's state before its ack reached us
    signaling.emit('call:updated', view('wacid.1', 'dialing'));
    signaling.emit('call:remote-sdp', { callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    expect(store.getState().current?.phase).toBe('placing');
    land();
    await dialing;
    const pc = peers[0];
    await vi.waitFor(() => expect(pc?.remoteDescription?.type).toBe('answer'));
    expect(store.getState().current).toMatchObject({ callId: 'wacid.1', phase: 'dialing' });

    signaling.emit('call:updated', view('wacid.1', 'ringing'));
    expect(store.getState().current?.phase).toBe('ringing');
    pc?.moveTo('connected');
    // connected audio alone is not a conversation: the customer's phone still rings
    expect(store.getState().current?.phase).toBe('ringing');
    signaling.emit(
      'call:updated',
      view('wacid.1', 'active', { answeredAt: new Date(1_002_000).toISOString() }),
    );
    expect(store.getState().current).toMatchObject({ phase: 'active', answeredAt: 1_002_000 });

    advance(62_000);
    await calls.hangUp();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.1' }]);
    expect(pc?.closed).toBe(true);
    expect(store.getState().wrapUp).toMatchObject({
      callId: 'wacid.1',
      message: 'You hung up.',
      durationSec: 60,
    });
  });

  it('applies Meta’s answer that arrives after the ack', async () => {
    const { store, signaling, calls, peers } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.2' };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().current).toMatchObject({ callId: 'wacid.2', phase: 'dialing' });
    expect(peers[0]?.remoteDescription).toBeNull();
    signaling.emit('call:remote-sdp', { callId: 'wacid.2', sdpType: 'answer', sdp: metaAnswer() });
    await vi.waitFor(() => expect(peers[0]?.remoteDescription?.type).toBe('answer'));
  });

  it('tells the agent the customer was asked for permission, and places nothing', async () => {
    const { store, signaling, calls, mics, peers } = setup();
    signaling.replies['call:dial'] = {
      ok: false,
      error: {
        code: 'permission_requested',
        message: '+447700900123 has not allowed calls yet; they were asked to.',
      },
    };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().current).toBeNull();
    expect(store.getState().dialNotice).toMatchObject({
      kind: 'permission-requested',
      message: '+447700900123 has not allowed calls yet; they were asked to.',
    });
    expect(mics[0]?.readyState).toBe('ended');
    expect(peers[0]?.closed).toBe(true);
    expect(signaling.sentOf('call:hangup')).toEqual([]);
  });

  it('refuses a number without its country code before opening anything', async () => {
    const { store, signaling, calls, microphoneForCall } = setup();
    await calls.dial(WHATSAPP, '07700 900123');
    expect(store.getState().dialNotice?.kind).toBe('invalid');
    expect(store.getState().dialNotice?.message).toContain('country code');
    expect(microphoneForCall).not.toHaveBeenCalled();
    expect(signaling.sent).toEqual([]);
  });

  it('sends nothing when our offer fails its check, says why, and can dial again', async () => {
    const { store, signaling, calls, browser, mics, view } = setup();
    browser.recvonlyOffer = true;
    await calls.dial(WHATSAPP, '+447700900123');
    await vi.waitFor(() => expect(store.getState().dialNotice).not.toBeNull());
    expect(store.getState().dialNotice?.message).toContain(
      'Our offer failed its check (microphone track missing from the offer',
    );
    expect(signaling.sent).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(mics[0]?.readyState).toBe('ended');

    // nothing lingers: the server's word about a call of ours is read again, and a dial works
    signaling.emit('call:updated', view('wacid.old', 'active'));
    expect(store.getState().current).toMatchObject({ callId: 'wacid.old', phase: 'orphaned' });
    await calls.hangUp();
    browser.recvonlyOffer = false;
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.6' };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().current).toMatchObject({ callId: 'wacid.6', phase: 'dialing' });
  });

  it('shows Meta’s refusal in the server’s words', async () => {
    const { store, signaling, calls } = setup();
    signaling.replies['call:dial'] = {
      ok: false,
      error: { code: 'meta_error', message: 'Meta refused the call: the receiver is uncallable.' },
    };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().dialNotice).toMatchObject({
      kind: 'refused',
      message: 'Meta refused the call: the receiver is uncallable.',
    });
  });

  it('ends the call at Meta when the agent hangs up while the dial is in flight', async () => {
    const { store, signaling, calls, view, holdDial } = setup();
    const land = holdDial({ ok: true, callId: 'wacid.3' });
    const dialing = calls.dial(WHATSAPP, '+447700900123');
    await vi.waitFor(() => expect(signaling.sentOf('call:dial')).toHaveLength(1));
    await calls.hangUp();
    expect(store.getState().current).toBeNull();
    // the server's word about the new call must not read as a call this page lost
    signaling.emit('call:updated', view('wacid.3', 'dialing'));
    land();
    await dialing;
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.3' }]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().dialNotice).toBeNull();
  });

  it('says the customer declined, without a wrap-up, when it ends before pickup', async () => {
    const { store, signaling, calls } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.4' };
    await calls.dial(WHATSAPP, '+447700900123');
    signaling.emit('call:ended', { callId: 'wacid.4', outcome: 'rejected' });
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp).toBeNull();
    expect(store.getState().dialNotice).toMatchObject({
      kind: 'ended',
      message: 'The customer declined the call.',
    });
  });

  it('hangs up and explains when Meta’s answer cannot be used', async () => {
    const { store, signaling, calls } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.5' };
    await calls.dial(WHATSAPP, '+447700900123');
    signaling.emit('call:remote-sdp', { callId: 'wacid.5', sdpType: 'answer', sdp: 'garbage' });
    await vi.waitFor(() =>
      expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.5' }]),
    );
    expect(store.getState().current).toBeNull();
    expect(store.getState().dialNotice?.message).toMatch(/^WhatsApp's answer cannot be used/);
  });
});

describe('placing a Messenger call', () => {
  it('applies the answer the ack carries, and dials the PSID as typed', async () => {
    const { store, signaling, calls, peers } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'c_1', sdpResponse: metaAnswer() };
    await calls.dial(MESSENGER, ' 6124509938127745 ');
    expect(signaling.sentOf('call:dial')[0]).toMatchObject({
      channelId: MESSENGER,
      to: '6124509938127745',
    });
    expect(peers[0]?.remoteDescription?.type).toBe('answer');
    expect(store.getState().current).toMatchObject({
      callId: 'c_1',
      channel: 'messenger',
      caller: { psid: '6124509938127745' },
      called: { channelId: MESSENGER, label: 'Acme Support' },
    });
  });
});
