import type { Gate } from './race-gates';

/**
 * Two flows, each cut into steps at its race points; a schedule says which flow takes its next
 * step. Every schedule of the two is run, so each order of their reads and writes is forced.
 */
export interface Flow {
  readonly name: string;
  /** starts the flow; it runs until its first held point (or to its end) */
  start(): void;
  /** the points it passes, in order, each held until the schedule lets the flow on */
  readonly gates: readonly Gate[];
  /** resolves when the flow has finished */
  done(): Promise<unknown>;
}

/** every order of `a` steps of one flow and `b` of the other, as strings of 'a' and 'b' */
export function schedules(a: number, b: number): string[] {
  if (a === 0) return ['b'.repeat(b)];
  if (b === 0) return ['a'.repeat(a)];
  return [...schedules(a - 1, b).map((s) => `a${s}`), ...schedules(a, b - 1).map((s) => `b${s}`)];
}

/** runs two flows step by step in the order `schedule` gives */
export async function interleave(schedule: string, a: Flow, b: Flow): Promise<void> {
  const step = { a: 0, b: 0 };
  const flows = { a, b };
  for (const who of schedule as Iterable<'a' | 'b'>) {
    const flow = flows[who];
    const n = step[who]++;
    if (n === 0) flow.start();
    else flow.gates[n - 1]?.release();
    const next = flow.gates[n];
    await (next ? next.reached : flow.done());
  }
}
