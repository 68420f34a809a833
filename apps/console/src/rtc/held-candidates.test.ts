import { describe, expect, it, vi } from 'vitest';
import { addHeldCandidates, holdCandidates } from './held-candidates';
import { META_OFFER } from './testing/sdp-samples';

const OFFER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE audio',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=mid:audio',
  'a=ice-ufrag:abcd',
  'a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host',
  'a=candidate:2 1 udp 1694498815 203.0.113.7 40000 typ srflx raddr 127.0.0.1 rport 40000',
  'a=end-of-candidates',
  'a=sendrecv',
  '',
].join('\r\n');

describe('holdCandidates', () => {
  it('takes every candidate out of the offer and keeps the rest byte for byte', () => {
    const held = holdCandidates(OFFER);
    expect(held.sdp).not.toContain('a=candidate');
    expect(held.sdp).not.toContain('end-of-candidates');
    expect(held.sdp).toBe(
      OFFER.replace(/a=candidate:[^\r]*\r\n/g, '').replace('a=end-of-candidates\r\n', ''),
    );
    expect(held.candidates).toEqual([
      {
        candidate: 'candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host',
        sdpMid: 'audio',
        sdpMLineIndex: 0,
      },
      {
        candidate:
          'candidate:2 1 udp 1694498815 203.0.113.7 40000 typ srflx raddr 127.0.0.1 rport 40000',
        sdpMid: 'audio',
        sdpMLineIndex: 0,
      },
    ]);
  });

  it('finds the candidates of the real WhatsApp offer in the fixtures', () => {
    const held = holdCandidates(META_OFFER);
    expect(held.candidates.length).toBeGreaterThan(0);
    expect(held.sdp).not.toContain('a=candidate');
  });

  it('adds them to the connection in order, only when asked', async () => {
    const held = holdCandidates(OFFER);
    const pc = { addIceCandidate: vi.fn((_candidate: RTCIceCandidateInit) => Promise.resolve()) };
    await addHeldCandidates(pc, held);
    expect(pc.addIceCandidate.mock.calls.map(([c]) => c)).toEqual(held.candidates);
  });
});
