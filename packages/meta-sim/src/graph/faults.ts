import { refuse, type MetaFailure } from '../engine/outcome';

/** a refusal to give the next matching Graph request, whatever Meta's rules would say */
export interface GraphFault {
  /** Meta's error code; the HTTP status is the one Meta gives that code (138007 → 500) */
  code: number;
  /** the edge it applies to, e.g. `calls`, `call_permissions`; any edge when left out */
  edge?: string;
  /** the `action` of a `calls` request, e.g. `accept`; any when left out */
  action?: string;
  /** how many matching requests it refuses; 1 unless told */
  times?: number;
  /** `error_data.details`; a note that the simulator injected it unless told */
  details?: string;
}

/**
 * Refusals queued by tests, taken first-in first-out by the requests they match: how a client
 * meets 138007 (HTTP 500, never worth retrying), 138005 or 613 (HTTP 429) or 138004 (HTTP 500)
 * without a real Meta to provoke them. Meta's own rules never queue anything here.
 *
 * @example
 * faults.add({ code: 138007, edge: 'calls', action: 'accept' });
 * faults.take('calls', 'accept'); // the failure, once
 */
export class GraphFaults {
  readonly #queue: Array<Required<Omit<GraphFault, 'edge' | 'action'>> & GraphFault> = [];

  add(fault: GraphFault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(fault.code) || fault.code <= 0) {
      throw new Error(`a Graph fault needs Meta's error code, got ${String(fault.code)}`);
    }
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`times must be a whole number of requests, got ${String(times)}`);
    }
    this.#queue.push({
      ...fault,
      times,
      details: fault.details ?? `injected by the simulator (Meta error ${fault.code})`,
    });
  }

  /** the refusal for this request, if a queued fault matches it */
  take(edge: string, action: string | null): MetaFailure | null {
    const index = this.#queue.findIndex(
      (fault) =>
        (fault.edge === undefined || fault.edge === edge) &&
        (fault.action === undefined || fault.action === action),
    );
    const fault = this.#queue[index];
    if (fault === undefined) return null;
    fault.times -= 1;
    if (fault.times === 0) this.#queue.splice(index, 1);
    return refuse(fault.code, fault.details).error;
  }

  clear(): void {
    this.#queue.length = 0;
  }
}
