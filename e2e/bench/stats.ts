/**
 * The nearest-rank percentile of some measurements: the smallest value that at least `p`
 * percent of them do not exceed. Returns `undefined` for no values or a `p` outside 0–100.
 *
 * @example
 * percentile([30, 10, 20, 40], 50); // 20
 * percentile([30, 10, 20, 40], 95); // 40
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0 || !(p >= 0 && p <= 100)) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** one figure as `pnpm bench` prints it (shared/spec/interfaces.md) */
export interface BenchLine {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** what the value is compared with: a baseline measured in the same run, or a budget */
  baseline: number | null;
  /** value / baseline, or null without a baseline */
  ratio: number | null;
  /** the target, e.g. `ratio <= 1.3`, and whether this run met it */
  goal?: string;
  met?: boolean;
}

/** a target a figure is held to: its ratio to the baseline, or its value */
export type BenchGoal = { ratioAtMost: number } | { valueAtMost: number };

/**
 * A figure as one JSON line, rounded for reading (0.1 for values, 0.01 for the ratio).
 *
 * @example
 * benchLine({ bench: 'accept-to-audio', metric: 'p50', value: 212.34, unit: 'ms', baseline: 160 });
 * // '{"bench":"accept-to-audio","metric":"p50","value":212.3,"unit":"ms","baseline":160,"ratio":1.33}'
 * benchLine({ …, goal: { ratioAtMost: 1.3 } }); // … "ratio":1.33,"goal":"ratio <= 1.3","met":false}
 */
export function benchLine(
  figure: Omit<BenchLine, 'ratio' | 'goal' | 'met'> & { goal?: BenchGoal },
): string {
  const round = (n: number, step: number) => Math.round(n / step) * step;
  const ratio =
    figure.baseline === null || figure.baseline === 0 ? null : figure.value / figure.baseline;
  const line: BenchLine = {
    bench: figure.bench,
    metric: figure.metric,
    value: Number(round(figure.value, 0.1).toFixed(1)),
    unit: figure.unit,
    baseline: figure.baseline === null ? null : Number(round(figure.baseline, 0.1).toFixed(1)),
    ratio: ratio === null ? null : Number(ratio.toFixed(2)),
  };
  const { goal } = figure;
  if (goal && 'ratioAtMost' in goal) {
    line.goal = `ratio <= ${goal.ratioAtMost}`;
    line.met = ratio !== null && ratio <= goal.ratioAtMost;
  } else if (goal) {
    line.goal = `value <= ${goal.valueAtMost} ${figure.unit}`;
    line.met = figure.value <= goal.valueAtMost;
  }
  return JSON.stringify(line);
}
