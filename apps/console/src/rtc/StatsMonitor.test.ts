import { describe, expect, it, vi } from 'vitest';
import type { QualityState } from '../state/types';
import { StatsMonitor } from './StatsMonitor';
import { audioStats } from './testing/fakes';

function monitorWith(stats: () => Map<string, unknown>) {
  let now = 0;
  const qualities: QualityState[] = [];
  const report = vi.fn();
  const monitor = new StatsMonitor({
    getStats: async () => stats(),
    onQuality: (q) => qualities.push(q),
    report,
    reportEveryMs: 5000,
    now: () => (now += 1000),
  });
  return { monitor, qualities, report };
}

describe('StatsMonitor', () => {
  it('grades from the second sample on and reports to the server at once', async () => {
    let packets = 0;
    const { monitor, qualities, report } = monitorWith(() => audioStats((packets += 50), packets));
    await monitor.tick();
    expect(qualities).toEqual([]);
    await monitor.tick();
    expect(qualities).toHaveLength(1);
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toMatchObject({ rttMs: 40, jitterMs: 2, lossPct: 0 });
  });

  it('reports every few seconds, and at once when the level changes', async () => {
    let packets = 0;
    let silent = false;
    const { monitor, report } = monitorWith(() => {
      if (!silent) packets += 50;
      return audioStats(packets, packets);
    });
    for (let i = 0; i < 4; i += 1) await monitor.tick();
    expect(report).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i += 1) await monitor.tick();
    expect(report).toHaveBeenCalledTimes(2);
    silent = true;
    for (let i = 0; i < 3; i += 1) await monitor.tick();
    // three silent seconds: poor, reported without waiting for the next 5 s slot
    expect(report).toHaveBeenCalledTimes(3);
  });

  it('survives getStats failing (a closing connection)', async () => {
    const monitor = new StatsMonitor({
      getStats: () => Promise.reject(new Error('closed')),
      onQuality: () => undefined,
    });
    await expect(monitor.tick()).resolves.toBeUndefined();
    expect(monitor.latest).toBeUndefined();
  });
});
