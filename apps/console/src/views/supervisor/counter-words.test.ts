import { describe, expect, it } from 'vitest';
import { formatCallLength, formatShare, formatWait } from './counter-words';

describe('counter words', () => {
  it('shows waits in tenths of a second, then minutes', () => {
    expect(formatWait(6_400)).toBe('6.4 s');
    expect(formatWait(0)).toBe('0.0 s');
    expect(formatWait(75_000)).toBe('1:15');
  });

  it('shows call lengths as timers do', () => {
    expect(formatCallLength(192_000)).toBe('3:12');
    expect(formatCallLength(3_725_000)).toBe('1:02:05');
  });

  it('shows shares as whole percentages, kept between 0 and 100', () => {
    expect(formatShare(0.916)).toBe('92 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(1.2)).toBe('100 %');
  });

  it('shows a dash, never NaN or a negative, when there is nothing to show', () => {
    for (const bad of [null, Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(formatWait(bad)).toBe('—');
      expect(formatCallLength(bad)).toBe('—');
    }
    expect(formatShare(null)).toBe('—');
    expect(formatShare(Number.NaN)).toBe('—');
  });
});
