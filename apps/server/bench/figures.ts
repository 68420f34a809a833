/**
 * A target a figure is held to: its ratio to the baseline, or its own value.
 *
 * - `ratio-at-least`: e.g. at least 40% of the baseline's rate
 * - `ratio-at-most`: e.g. at most 1.5× the baseline's latency
 * - `value-at-most`: e.g. p99 at most 20 ms, whatever the baseline did
 * - `value-at-least`: e.g. at least 2,000 agents connected
 */
export type Goal =
  | { readonly kind: 'ratio-at-least'; readonly limit: number }
  | { readonly kind: 'ratio-at-most'; readonly limit: number }
  | { readonly kind: 'value-at-most'; readonly limit: number }
  | { readonly kind: 'value-at-least'; readonly limit: number };

/**
 * One line of `pnpm bench` output (spec/interfaces.md). `goal` and `met` are added when the
 * issue sets a target for the figure.
 */
export interface Figure {
  readonly bench: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** the same metric measured on the bare baseline in the same run; null when there is none */
  readonly baseline: number | null;
  /** value ÷ baseline */
  readonly ratio: number | null;
  readonly goal?: string;
  readonly met?: boolean;
}

export interface FigureInput {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number | null;
  goal?: Goal;
}

/**
 * A figure with its ratio worked out and its goal judged, numbers rounded for reading.
 *
 * @example
 * figure({ bench: 'webhook-ingest', metric: 'pairs_per_s', value: 900, unit: 'pairs/s',
 *          baseline: 2000, goal: { kind: 'ratio-at-least', limit: 0.4 } });
 * // { …, ratio: 0.45, goal: 'ratio >= 0.4', met: true }
 */
export function figure(input: FigureInput): Figure {
  const baseline = input.baseline ?? null;
  const ratio = baseline !== null && baseline > 0 ? input.value / baseline : null;
  const base: Figure = {
    bench: input.bench,
    metric: input.metric,
    value: round(input.value),
    unit: input.unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
  };
  if (!input.goal) return base;
  return {
    ...base,
    goal: goalText(input.goal, input.unit),
    met: meets(input.goal, input.value, ratio),
  };
}

/** the JSON line `pnpm bench` prints for a figure */
export function figureLine(f: Figure): string {
  return JSON.stringify(f);
}

function meets(goal: Goal, value: number, ratio: number | null): boolean {
  switch (goal.kind) {
    case 'ratio-at-least':
      return ratio !== null && ratio >= goal.limit;
    case 'ratio-at-most':
      return ratio !== null && ratio <= goal.limit;
    case 'value-at-most':
      return value <= goal.limit;
    case 'value-at-least':
      return value >= goal.limit;
  }
}

function goalText(goal: Goal, unit: string): string {
  switch (goal.kind) {
    case 'ratio-at-least':
      return `ratio >= ${goal.limit}`;
    case 'ratio-at-most':
      return `ratio <= ${goal.limit}`;
    case 'value-at-most':
      return `value <= ${goal.limit} ${unit}`;
    case 'value-at-least':
      return `value >= ${goal.limit} ${unit}`;
  }
}

// two decimals are plenty for ms and rates measured on a shared machine
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
