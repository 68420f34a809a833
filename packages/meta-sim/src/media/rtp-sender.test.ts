import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RtpSlot } from './rtp-sequencer';
import { PacedRtpSender } from './rtp-sender';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

function harness(
  options: { ready?: () => boolean; payload?: (now: number) => Buffer | null } = {},
) {
  const sent: RtpSlot[] = [];
  const sender = new PacedRtpSender({
    ready: options.ready ?? (() => true),
    nextPayload: options.payload ?? (() => Buffer.from([0xf8, 0xff, 0xfe])),
    send: (slot) => sent.push(slot),
  });
  return { sender, sent };
}

describe('PacedRtpSender', () => {
  it('sends 50 packets a second, 960 timestamp units apart, the first marked', () => {
    const { sender, sent } = harness();
    sender.start();
    vi.advanceTimersByTime(990);
    sender.stop();

    expect(sent).toHaveLength(50);
    expect(sender.packetsSent).toBe(50);
    expect(sent[0]?.marker).toBe(true);
    expect(sent.slice(1).every((slot) => !slot.marker)).toBe(true);
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i]?.timestamp).toBe(((sent[i - 1]?.timestamp ?? 0) + 960) >>> 0);
      expect(sent[i]?.sequenceNumber).toBe(((sent[i - 1]?.sequenceNumber ?? 0) + 1) & 0xffff);
    }
  });

  it('sends nothing until the transport is ready', () => {
    let ready = false;
    const { sender, sent } = harness({ ready: () => ready });
    sender.start();
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(0);
    ready = true;
    vi.advanceTimersByTime(200);
    sender.stop();
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(sent[0]?.marker).toBe(true);
  });

  it('sends nothing for slots without a payload, and marks the packet after the gap', () => {
    let slot = 0;
    const { sender, sent } = harness({
      payload: () => (slot++ % 10 < 5 ? Buffer.from([1]) : null),
    });
    sender.start();
    vi.advanceTimersByTime(390);
    sender.stop();
    expect(sent).toHaveLength(10);
    expect(sent.map((s) => s.marker)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    // the second talkspurt starts 10 frames after the first
    expect((sent[5]?.timestamp ?? 0) - (sent[0]?.timestamp ?? 0)).toBe(9600);
  });

  it('stops sending on stop and resumes with time moved on and the marker set', () => {
    const { sender, sent } = harness();
    sender.start();
    vi.advanceTimersByTime(190);
    sender.stop();
    const before = sent.length;
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(before);

    sender.start();
    vi.advanceTimersByTime(10);
    const resumed = sent[before];
    const last = sent[before - 1];
    expect(resumed?.marker).toBe(true);
    expect(resumed?.sequenceNumber).toBe(((last?.sequenceNumber ?? 0) + 1) & 0xffff);
    // about a second of timestamps passed while stopped
    const jump = ((resumed?.timestamp ?? 0) - (last?.timestamp ?? 0)) >>> 0;
    expect(jump).toBeGreaterThanOrEqual(960 * 50);
    expect(jump).toBeLessThanOrEqual(960 * 52);
    sender.stop();
  });

  it('after a stalled event loop, sends a short burst and skips the rest', () => {
    const { sender, sent } = harness();
    sender.start();
    vi.advanceTimersByTime(100);
    const beforeStall = sent.length;
    // the timer cannot fire for 400 ms: Date.now moves without ticks
    vi.setSystemTime(Date.now() + 400);
    vi.advanceTimersByTime(20);
    sender.stop();
    expect(sent.length - beforeStall).toBe(3);
    const lastBefore = sent[beforeStall - 1];
    const firstAfter = sent[beforeStall];
    expect(firstAfter?.marker).toBe(true);
    // the skipped frames still count in the timestamps: ~420 ms passed, 3 frames were sent
    const jump = ((firstAfter?.timestamp ?? 0) - (lastBefore?.timestamp ?? 0)) >>> 0;
    expect(jump).toBe(960 * 19);
  });

  it('start and stop are idempotent', () => {
    const { sender, sent } = harness();
    sender.start();
    sender.start();
    vi.advanceTimersByTime(190);
    sender.stop();
    sender.stop();
    expect(sent).toHaveLength(10);
    expect(sender.running).toBe(false);
  });
});
