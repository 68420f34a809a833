import { describe, expect, it, vi } from 'vitest';
import { inboundMedia } from '../rtc/call-media';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import { FakePeerConnection, FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { META_OFFER } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME, ringingCard } from '../state/testing';
import { startedCall } from './call-records';
import { CallController } from './CallController';
import { PreparedAnswers } from './PreparedAnswers';

/** preparations over real call media, a fake browser, and the offers the ring brought */
function world(options: { offer?: string } = {}) {
  const store = createAppStore();
  store.getState().signedIn(ME);
  store.getState().micChanged('ready');
  const peers: FakePeerConnection[] = [];
  const mics: FakeTrack[] = [];
  const speaker = { attach: vi.fn(), detach: vi.fn() };
  const prepared = new PreparedAnswers({
    store,
    microphone: async () => {
      const track = new FakeTrack();
      mics.push(track);
      return { track, stream: new FakeStream([track]) } as unknown as SessionMicrophone;
    },
    offerFor: (callId) => (callId.startsWith('m') ? undefined : (options.offer ?? META_OFFER)),
    createMedia: async (card, microphone, offer, audio) =>
      inboundMedia(
        {
          callId: card.callId,
          microphone,
          audio,
          createPeerConnection: () => {
            const pc = new FakePeerConnection();
            peers.push(pc);
            return pc as unknown as RTCPeerConnection;
          },
          timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
        },
        card.channel,
        offer,
      ),
    speaker,
  });
  prepared.start();
  return { store, peers, mics, speaker, prepared };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** the browser's remote track arrives, as setRemoteDescription makes it */
function remoteTrack(pc: FakePeerConnection): MediaStream {
  const stream = new FakeStream([new FakeTrack()]) as unknown as MediaStream;
  pc.dispatchEvent(Object.assign(new Event('track'), { streams: [stream] }));
  return stream;
}

describe('PreparedAnswers', () => {
  it('builds the answer while a WhatsApp call rings, holding Meta’s candidates, and plays nothing until taken', async () => {
    const { store, peers, speaker, prepared } = world();
    store.getState().ringingAdded(ringingCard('c1'));
    await settled();
    expect(peers).toHaveLength(1);
    const pc = peers[0]!;
    expect(pc.calls).toEqual([
      'setRemoteDescription:offer',
      'addTrack',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    // nothing towards Meta before the claim is won
    expect(pc.candidates).toEqual([]);
    const stream = remoteTrack(pc);
    expect(speaker.attach).not.toHaveBeenCalled();

    const media = await prepared.take('c1');
    expect(media?.over).toBe(false);
    expect(speaker.attach).toHaveBeenCalledWith(stream);
    // taken once, and not prepared again while the card is on its way out
    store.getState().micChanged('ready', null);
    await settled();
    expect(await prepared.take('c1')).toBeUndefined();
    expect(peers).toHaveLength(1);
  });

  it('releases what it prepared when the card stops ringing, without touching the speaker', async () => {
    const { store, peers, mics, speaker } = world();
    store.getState().ringingAdded(ringingCard('c1'));
    await settled();
    store.getState().ringingNoticed('c1', { kind: 'answered-elsewhere', by: 'Sam' });
    await settled();
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(speaker.detach).not.toHaveBeenCalled();
  });

  it('prepares one call, the one ringing longest, and none while on a call or without a ready microphone', async () => {
    const { store, peers } = world();
    store.getState().micChanged('requesting');
    store.getState().ringingAdded(ringingCard('c1'));
    await settled();
    expect(peers).toHaveLength(0);

    store.getState().micChanged('ready');
    store.getState().ringingAdded(ringingCard('c2', { ringingSince: 999_000 }));
    store
      .getState()
      .ringingAdded(ringingCard('m1', { channel: 'messenger', ringingSince: 1_001_000 }));
    await settled();
    // c2 rang first: its answer is the one prepared
    expect(peers).toHaveLength(2);
    expect(peers[0]?.closed).toBe(true);
    expect(peers[1]?.closed).toBe(false);

    // c2 declined: c1 is next
    store.getState().ringingRemoved('c2');
    await settled();
    expect(peers[1]?.closed).toBe(true);
    expect(peers).toHaveLength(3);
    // then the Messenger call: we make the offer, Meta answers it on accept
    store.getState().ringingRemoved('c1');
    await settled();
    expect(peers).toHaveLength(4);
    expect(peers[3]?.calls).toEqual(['addTrack', 'createOffer', 'setLocalDescription:offer']);
    // on a call, nothing is prepared for what still rings
    store.getState().callStarted(startedCall(ringingCard('c9'), 1_000_000));
    await settled();
    expect(peers.every((pc) => pc.closed)).toBe(true);
    expect(peers).toHaveLength(4);
  });

  it('gives back nothing for an offer it could not answer, and forgets all at sign-out', async () => {
    const bad = world({ offer: 'v=0\r\nnot sdp' });
    bad.store.getState().ringingAdded(ringingCard('c1'));
    await settled();
    expect(await bad.prepared.take('c1')).toBeUndefined();

    const { store, peers, prepared } = world();
    store.getState().ringingAdded(ringingCard('c1'));
    await settled();
    prepared.stop();
    await settled();
    expect(peers[0]?.closed).toBe(true);
    expect(await prepared.take('c1')).toBeUndefined();
  });
});

describe('Accept with an answer prepared while it rang', () => {
  it('claims, then sends the prepared answer at once, on the connection built while it rang', async () => {
    const { store, peers, prepared } = world();
    const signaling = fakeSignaling();
    const createInboundMedia = vi.fn();
    const calls = new CallController({
      store,
      signaling: signaling.client,
      createInboundMedia,
      createOutboundMedia: async () => ({ error: 'not placed here' }),
      createRejoinMedia: async () => ({ error: 'not rejoined here' }),
      microphoneForCall: async () => ({ error: 'not asked' }),
      takeOffer: () => META_OFFER,
      takePrepared: (callId) => prepared.take(callId),
      hangUpOverHttp: vi.fn(),
    });
    calls.start();
    store.getState().ringingAdded(ringingCard('c1'));
    await settled();
    await calls.accept('c1');
    expect(createInboundMedia).not.toHaveBeenCalled();
    expect(signaling.sent.map((s) => s.event)).toEqual(['call:accept', 'call:answer']);
    expect(String(signaling.sentOf('call:answer')[0]?.['sdp'])).toContain('a=sendrecv');
    expect(peers).toHaveLength(1);
    // the claim was won: Meta's candidates reach the connection now
    expect(peers[0]?.candidates.length).toBeGreaterThan(0);
    expect(store.getState().current?.phase).toBe('connecting');
  });
});
