import { describe, expect, it } from 'vitest';
import { benchLine, percentile } from './stats';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the measurements', () => {
    const times = [400, 100, 300, 200, 500, 600, 700, 800, 900, 1000];
    expect(percentile(times, 50)).toBe(500);
    expect(percentile(times, 95)).toBe(1000);
    expect(percentile(times, 0)).toBe(100);
    expect(percentile([42], 95)).toBe(42);
  });

  it('has no answer for no measurements or a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([1, 2], -1)).toBeUndefined();
    expect(percentile([1, 2], 101)).toBeUndefined();
    expect(percentile([1, 2], Number.NaN)).toBeUndefined();
  });
});

describe('benchLine', () => {
  it('prints the interface’s six fields as one JSON line, with the ratio to the baseline', () => {
    const line = benchLine({
      bench: 'accept-to-audio',
      metric: 'p50',
      value: 212.34,
      unit: 'ms',
      baseline: 160,
    });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      bench: 'accept-to-audio',
      metric: 'p50',
      value: 212.3,
      unit: 'ms',
      baseline: 160,
      ratio: 1.33,
    });
  });

  it('leaves the ratio empty when there is nothing to compare with', () => {
    const none = JSON.parse(
      benchLine({ bench: 'b', metric: 'm', value: 3, unit: 'KB', baseline: null }),
    );
    expect(none).toMatchObject({ baseline: null, ratio: null });
    const zero = JSON.parse(
      benchLine({ bench: 'b', metric: 'm', value: 3, unit: 'KB', baseline: 0 }),
    );
    expect(zero.ratio).toBeNull();
  });

  it('says which goal the figure is held to and whether it met it', () => {
    const ratio = (value: number) =>
      JSON.parse(
        benchLine({
          bench: 'accept-to-audio',
          metric: 'p95',
          value,
          unit: 'ms',
          baseline: 100,
          goal: { ratioAtMost: 1.3 },
        }),
      );
    expect(ratio(130)).toMatchObject({ ratio: 1.3, goal: 'ratio <= 1.3', met: true });
    expect(ratio(131)).toMatchObject({ ratio: 1.31, goal: 'ratio <= 1.3', met: false });
    const budget = JSON.parse(
      benchLine({
        bench: 'console-initial-js',
        metric: 'gzip',
        value: 151,
        unit: 'KB',
        baseline: 150,
        goal: { valueAtMost: 150 },
      }),
    );
    expect(budget).toMatchObject({ goal: 'value <= 150 KB', met: false });
  });
});
