import { describe, expect, it } from 'vitest';
import { readStatsSample } from './stats-sample';

describe('readStatsSample', () => {
  it('reads audio inbound, outbound and RTCP round-trip figures', () => {
    const report = new Map<string, unknown>([
      [
        'a',
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 500,
          packetsLost: 5,
          bytesReceived: 40_000,
          jitter: 0.012,
          totalAudioEnergy: 0.8,
        },
      ],
      ['b', { type: 'outbound-rtp', kind: 'audio', packetsSent: 480, bytesSent: 38_000 }],
      ['c', { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.085 }],
      ['v', { type: 'inbound-rtp', kind: 'video', packetsReceived: 9999 }],
    ]);
    expect(readStatsSample(report, 1000)).toEqual({
      at: 1000,
      packetsReceived: 500,
      packetsLost: 5,
      bytesReceived: 40_000,
      jitterSec: 0.012,
      totalAudioEnergy: 0.8,
      packetsSent: 480,
      bytesSent: 38_000,
      roundTripSec: 0.085,
    });
  });

  it("follows the stream that carries audio when Messenger's renegotiation gives two", () => {
    const report = new Map<string, unknown>([
      // mid 1, the customer's voice, listed first; mid 0 received a few packets, then nothing
      [
        'in-1',
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 500,
          bytesReceived: 40_000,
          jitter: 0.004,
          totalAudioEnergy: 1.5,
        },
      ],
      [
        'in-0',
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 3,
          bytesReceived: 240,
          jitter: 0.09,
          totalAudioEnergy: 0,
        },
      ],
    ]);
    expect(readStatsSample(report, 0)).toMatchObject({
      packetsReceived: 503,
      bytesReceived: 40_240,
      jitterSec: 0.004,
      totalAudioEnergy: 1.5,
    });
  });

  it('falls back to the nominated candidate pair for round-trip time', () => {
    const report = new Map<string, unknown>([
      [
        'p1',
        { type: 'candidate-pair', nominated: false, state: 'succeeded', currentRoundTripTime: 0.9 },
      ],
      [
        'p2',
        { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.03 },
      ],
    ]);
    expect(readStatsSample(report, 0).roundTripSec).toBe(0.03);
  });

  it('never counts negative loss (duplicates) and ignores junk entries', () => {
    const report = new Map<string, unknown>([
      ['a', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 10, packetsLost: -3 }],
      ['b', null],
      ['c', 'nonsense'],
      ['d', { type: 'outbound-rtp', kind: 'audio', packetsSent: 'many' }],
    ]);
    const sample = readStatsSample(report, 0);
    expect(sample.packetsLost).toBe(0);
    expect(sample.packetsSent).toBe(0);
    expect(sample.roundTripSec).toBeUndefined();
  });
});
