import { describe, expect, it, vi } from 'vitest';
import { addHeldCandidates, holdCandidates, IPV6_HEAD_START_MS } from './held-candidates';
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

  it('gives Meta’s IPv4 candidates a head start over its IPv6 one, listed first in its offers', async () => {
    vi.useFakeTimers();
    try {
      const offer = OFFER.replace(
        'a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host',
        'a=candidate:9 1 udp 2130706432 2001:db8::7 40000 typ host\r\na=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host',
      );
      const held = holdCandidates(offer);
      const added: string[] = [];
      const pc = {
        addIceCandidate: vi.fn(
          async (c: RTCIceCandidateInit) => void added.push(String(c.candidate)),
        ),
      };
      await addHeldCandidates(pc, held);
      // the IPv4 ones at once, in Meta's order; the IPv6 one only after the head start
      expect(added.map((c) => c.split(' ')[4])).toEqual(['127.0.0.1', '203.0.113.7']);
      await vi.advanceTimersByTimeAsync(IPV6_HEAD_START_MS);
      expect(added.map((c) => c.split(' ')[4])).toEqual([
        '127.0.0.1',
        '203.0.113.7',
        '2001:db8::7',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds an IPv6-only offer’s candidates at once: there is nothing to wait for', async () => {
    const held = holdCandidates(
      OFFER.replace(/127\.0\.0\.1 40000 typ host/, '2001:db8::7 40000 typ host').replace(
        /a=candidate:2 [^\r]*\r\n/,
        '',
      ),
    );
    const pc = { addIceCandidate: vi.fn((_c: RTCIceCandidateInit) => Promise.resolve()) };
    await addHeldCandidates(pc, held);
    expect(pc.addIceCandidate).toHaveBeenCalledTimes(1);
  });
});
