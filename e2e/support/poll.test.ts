import { describe, expect, it } from 'vitest';
import { eventually, sample } from './poll';

describe('eventually', () => {
  it('returns as soon as the reading is accepted', async () => {
    let reads = 0;
    const value = await eventually(
      () => ++reads,
      (n) => n === 3,
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
    expect(reads).toBe(3);
  });

  it('returns the last reading when the bound passes, for the test to assert on', async () => {
    const started = Date.now();
    const value = await eventually(
      async () => 'still ringing',
      (v) => v === 'answered',
      {
        timeoutMs: 150,
        intervalMs: 10,
      },
    );
    expect(value).toBe('still ringing');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});

describe('sample', () => {
  it('keeps every reading over the span', async () => {
    let n = 0;
    const readings = await sample(() => n++, 100, 10);
    expect(readings.length).toBeGreaterThanOrEqual(5);
    expect(readings).toEqual(readings.map((_, i) => i));
  });
});
