import { describe, expect, it } from 'vitest';
import { figure, figureLine } from './figures';

describe('figure', () => {
  it('works out the ratio to the baseline', () => {
    const f = figure({ bench: 'b', metric: 'm', value: 30, unit: 'ms', baseline: 20 });
    expect(f.ratio).toBe(1.5);
    expect(f.baseline).toBe(20);
    expect(f).not.toHaveProperty('goal');
  });

  it('has no ratio without a baseline, or with a zero one', () => {
    expect(figure({ bench: 'b', metric: 'm', value: 3, unit: 'ms' })).toMatchObject({
      baseline: null,
      ratio: null,
    });
    expect(figure({ bench: 'b', metric: 'm', value: 3, unit: 'ms', baseline: 0 }).ratio).toBeNull();
  });

  it('judges a rate goal against the baseline', () => {
    const goal = { kind: 'ratio-at-least', limit: 0.4 } as const;
    const common = { bench: 'b', metric: 'rate', unit: 'pairs/s', baseline: 1000, goal };
    expect(figure({ ...common, value: 400 })).toMatchObject({ met: true, goal: 'ratio >= 0.4' });
    expect(figure({ ...common, value: 399 }).met).toBe(false);
  });

  it('judges a level goal on the value alone', () => {
    const goal = { kind: 'value-at-least', limit: 2000 } as const;
    const common = { bench: 'b', metric: 'agents', unit: 'agents', goal };
    expect(figure({ ...common, value: 2000 })).toMatchObject({
      met: true,
      goal: 'value >= 2000 agents',
      ratio: null,
    });
    expect(figure({ ...common, value: 1500 }).met).toBe(false);
  });

  it('judges a latency goal against the baseline', () => {
    const goal = { kind: 'ratio-at-most', limit: 1.5 } as const;
    const common = { bench: 'b', metric: 'p99', unit: 'ms', baseline: 10, goal };
    expect(figure({ ...common, value: 15 }).met).toBe(true);
    expect(figure({ ...common, value: 15.1 }).met).toBe(false);
  });

  it('fails a ratio goal when there is no baseline to compare with', () => {
    const f = figure({
      bench: 'b',
      metric: 'p99',
      unit: 'ms',
      value: 1,
      goal: { kind: 'ratio-at-most', limit: 1.5 },
    });
    expect(f.met).toBe(false);
  });

  it('judges an absolute goal on the value alone', () => {
    const goal = { kind: 'value-at-most', limit: 20 } as const;
    const common = { bench: 'b', metric: 'p99', unit: 'ms', baseline: 1, goal };
    expect(figure({ ...common, value: 19.99 })).toMatchObject({
      met: true,
      goal: 'value <= 20 ms',
    });
    expect(figure({ ...common, value: 20.5 }).met).toBe(false);
  });

  it('judges the unrounded value, then rounds what it prints', () => {
    const f = figure({
      bench: 'b',
      metric: 'p99',
      unit: 'ms',
      value: 20.004,
      goal: { kind: 'value-at-most', limit: 20 },
    });
    expect(f.value).toBe(20);
    expect(f.met).toBe(false);
  });
});

describe('figureLine', () => {
  it('is one JSON object with the keys of spec/interfaces.md first', () => {
    const line = figureLine(
      figure({ bench: 'b', metric: 'm', value: 1.234, unit: 'ms', baseline: 2 }),
    );
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual([
      'bench',
      'metric',
      'value',
      'unit',
      'baseline',
      'ratio',
    ]);
    expect(JSON.parse(line)).toMatchObject({ value: 1.23, ratio: 0.617 });
  });
});
