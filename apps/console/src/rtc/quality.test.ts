import { describe, expect, it } from 'vitest';
import { assessQuality, gradeLevel } from './quality';
import type { StatsSample } from './stats-sample';

/** one sample a second; `perSecond` says what each second added */
function series(
  seconds: number,
  perSecond: (i: number) => {
    received?: number;
    lost?: number;
    sent?: number;
    rtt?: number;
    jitter?: number;
  },
): StatsSample[] {
  const samples: StatsSample[] = [];
  let received = 0;
  let lost = 0;
  let sent = 0;
  for (let i = 0; i <= seconds; i += 1) {
    const step = i === 0 ? {} : perSecond(i);
    received += step.received ?? 0;
    lost += step.lost ?? 0;
    sent += step.sent ?? 0;
    samples.push({
      at: i * 1000,
      packetsReceived: received,
      packetsLost: lost,
      bytesReceived: received * 80,
      packetsSent: sent,
      bytesSent: sent * 80,
      roundTripSec: (step.rtt ?? 40) / 1000,
      jitterSec: (step.jitter ?? 3) / 1000,
    });
  }
  return samples;
}

const clean = () => ({ received: 50, sent: 50 });

describe('assessQuality', () => {
  it('needs two samples', () => {
    expect(assessQuality(series(0, clean))).toBeUndefined();
  });

  it('grades a clean call good with no warnings', () => {
    const quality = assessQuality(series(5, clean));
    expect(quality).toMatchObject({
      level: 'good',
      rttMs: 40,
      jitterMs: 3,
      lossPct: 0,
      warnings: [],
    });
    expect(quality?.reason).toBeUndefined();
    expect(quality?.mos).toBeGreaterThan(4);
  });

  it('grades heavy loss poor and says why', () => {
    const quality = assessQuality(series(5, () => ({ received: 45, lost: 5, sent: 50 })));
    expect(quality?.lossPct).toBe(10);
    expect(quality?.level).toBe('poor');
    expect(quality?.warnings).toContain('high-packet-loss');
  });

  it('warns of high RTT only when it holds 3 of the last 5 seconds', () => {
    const once = assessQuality(series(5, (i) => ({ ...clean(), rtt: i === 3 ? 600 : 40 })));
    expect(once?.warnings).not.toContain('high-rtt');
    const mostly = assessQuality(series(5, (i) => ({ ...clean(), rtt: i >= 2 ? 600 : 40 })));
    expect(mostly?.warnings).toContain('high-rtt');
    expect(mostly?.reason).toBe('high round-trip time (600 ms)');
  });

  it('says so when no audio arrives from the caller', () => {
    const quality = assessQuality(series(5, (i) => ({ received: i <= 2 ? 50 : 0, sent: 50 })));
    expect(quality?.warnings).toContain('no-audio-received');
    expect(quality).toMatchObject({ level: 'poor', reason: 'no audio from the caller' });
  });

  it('says so when our audio stops going out', () => {
    const quality = assessQuality(series(4, () => ({ received: 50, sent: 0 })));
    expect(quality?.warnings).toEqual(['no-audio-sent']);
  });

  it('does not call two silent seconds "no audio"', () => {
    const quality = assessQuality(series(5, (i) => ({ received: i >= 4 ? 0 : 50, sent: 50 })));
    expect(quality?.warnings).not.toContain('no-audio-received');
  });
});

describe('gradeLevel', () => {
  it('matches the server’s thresholds', () => {
    expect(gradeLevel({ rttMs: 420, jitterMs: 5, lossPct: 0, mos: 3.9 })).toEqual({
      level: 'fair',
      reason: 'high round-trip time (420 ms)',
    });
    expect(gradeLevel({ rttMs: 50, jitterMs: 5, lossPct: 0, mos: 4.4 })).toEqual({ level: 'good' });
    expect(gradeLevel({ rttMs: 50, jitterMs: 5, lossPct: 0, mos: 3.2 })).toEqual({
      level: 'poor',
      reason: 'low MOS estimate (3.2)',
    });
  });
});
