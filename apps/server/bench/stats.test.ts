import { describe, expect, it } from 'vitest';
import { elapsedMs, percentile, summarize } from './stats';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the samples', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 100)).toBe(10);
    expect(percentile(samples, 1)).toBe(1);
  });

  it('lets one slow sample in a hundred set the p99 only when it is above the 99th', () => {
    const fast = Array.from({ length: 99 }, () => 1);
    expect(percentile([...fast, 500], 99)).toBe(1);
    expect(percentile([...fast, 500, 500], 99)).toBe(500);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('has no answer for no samples or a percentage out of range', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([1, 2], 0)).toBeUndefined();
    expect(percentile([1, 2], 101)).toBeUndefined();
    expect(percentile([1, 2], Number.NaN)).toBeUndefined();
  });
});

describe('summarize', () => {
  it('gives p50, p99 and max', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(summarize(samples)).toEqual({ count: 200, p50: 100, p99: 198, max: 200 });
  });

  it('gives nothing rather than zeros for an empty run', () => {
    expect(summarize([])).toBeUndefined();
  });
});

describe('elapsedMs', () => {
  it('turns nanoseconds into milliseconds', () => {
    expect(elapsedMs(1_000_000n, 3_500_000n)).toBe(2.5);
  });
});
