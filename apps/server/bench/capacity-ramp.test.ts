import { describe, expect, it } from 'vitest';
import { CAPACITY_LIMITS, coreShare, levelsUpTo, overLimit, perUnit } from './capacity-ramp';

const MB = 1024 * 1024;
const usage = (rssMb: number, cpuMs: number, atMs: number) => ({
  rssBytes: rssMb * MB,
  heapUsedBytes: (rssMb / 2) * MB,
  cpuMicros: cpuMs * 1000,
  atMs,
});

describe('overLimit', () => {
  it('lets a level within both limits pass, at the limits included', () => {
    expect(overLimit({ ringP99Ms: 250, rssBytes: 400 * MB }, CAPACITY_LIMITS)).toBeUndefined();
  });

  it('names the ring latency or the memory that went past its limit', () => {
    expect(overLimit({ ringP99Ms: 250.5, rssBytes: 100 * MB }, CAPACITY_LIMITS)).toBe(
      'ring p99 250.5 ms > 250 ms',
    );
    expect(overLimit({ ringP99Ms: 10, rssBytes: 401 * MB }, CAPACITY_LIMITS)).toBe(
      'RSS 401 MB > 400 MB',
    );
  });
});

describe('levelsUpTo', () => {
  it('keeps the levels under the cap and tries the cap itself when it falls between two', () => {
    expect(levelsUpTo([100, 250, 500, 1000], 600)).toEqual([100, 250, 500, 600]);
    expect(levelsUpTo([100, 250, 500, 1000], 1000)).toEqual([100, 250, 500, 1000]);
    expect(levelsUpTo([100, 250], 5000)).toEqual([100, 250]);
    expect(levelsUpTo([100, 250], 50)).toEqual([50]);
    expect(levelsUpTo([100, 250], 0)).toEqual([]);
  });
});

describe('perUnit and coreShare', () => {
  it('divides the growth between two readings by the units added', () => {
    expect(perUnit(usage(100, 1000, 0), usage(150, 3000, 10_000), 500)).toEqual({
      rssKb: (50 * 1024) / 500,
      heapKb: (25 * 1024) / 500,
      cpuMs: 4,
    });
    expect(perUnit(usage(100, 0, 0), usage(150, 10, 1), 0)).toEqual({
      rssKb: 0,
      heapKb: 0,
      cpuMs: 0,
    });
  });

  it('gives the share of one core used over the wall time between readings', () => {
    expect(coreShare(usage(0, 200, 1000), usage(0, 700, 2000))).toBe(0.5);
    expect(coreShare(usage(0, 0, 5), usage(0, 10, 5))).toBe(0);
  });
});
