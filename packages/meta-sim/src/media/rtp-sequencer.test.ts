import { describe, expect, it } from 'vitest';
import { RtpSequencer } from './rtp-sequencer';

describe('RtpSequencer', () => {
  it('numbers packets +1 and stamps them +960 per 20 ms frame, marking only the first', () => {
    const rtp = new RtpSequencer(960, { sequenceNumber: 100, timestamp: 5000 });
    expect([rtp.send(), rtp.send(), rtp.send()]).toEqual([
      { sequenceNumber: 100, timestamp: 5000, marker: true },
      { sequenceNumber: 101, timestamp: 5960, marker: false },
      { sequenceNumber: 102, timestamp: 6920, marker: false },
    ]);
  });

  it('keeps time through unsent frames and marks the next talkspurt', () => {
    const rtp = new RtpSequencer(960, { sequenceNumber: 7, timestamp: 0 });
    rtp.send();
    rtp.skip();
    rtp.skip(3);
    expect(rtp.send()).toEqual({ sequenceNumber: 8, timestamp: 960 * 5, marker: true });
    expect(rtp.send().marker).toBe(false);
  });

  it('marks the packet after an explicit gap without moving time', () => {
    const rtp = new RtpSequencer(960, { sequenceNumber: 0, timestamp: 0 });
    rtp.send();
    rtp.markGap();
    expect(rtp.send()).toEqual({ sequenceNumber: 1, timestamp: 960, marker: true });
  });

  it('wraps the sequence number at 16 bits and the timestamp at 32 bits', () => {
    const rtp = new RtpSequencer(960, { sequenceNumber: 0xffff, timestamp: 0xffffffff - 100 });
    expect(rtp.send()).toMatchObject({ sequenceNumber: 0xffff, timestamp: 0xffffffff - 100 });
    expect(rtp.send()).toMatchObject({ sequenceNumber: 0, timestamp: 859 });
  });

  it('starts from random values within range', () => {
    const starts = Array.from({ length: 20 }, () => new RtpSequencer(960).send());
    for (const slot of starts) {
      expect(slot.sequenceNumber).toBeGreaterThanOrEqual(0);
      expect(slot.sequenceNumber).toBeLessThanOrEqual(0xffff);
      expect(slot.timestamp).toBeGreaterThanOrEqual(0);
      expect(slot.timestamp).toBeLessThanOrEqual(0xffffffff);
    }
    expect(new Set(starts.map((slot) => slot.sequenceNumber)).size).toBeGreaterThan(1);
  });

  it('rejects a bad frame size or skip count', () => {
    expect(() => new RtpSequencer(0)).toThrow(RangeError);
    expect(() => new RtpSequencer(9.5)).toThrow(RangeError);
    expect(() => new RtpSequencer(960).skip(-1)).toThrow(RangeError);
  });
});
