/** work that goes before processing (webhook acknowledgements): waited for while busy */
export interface ForegroundWork {
  busy(): boolean;
  idle(): Promise<void>;
  /** how many requests arrived within the last `ms` */
  arrivalsWithin(ms: number): number;
}

/** this many deliveries within {@link STREAM_WINDOW_MS} is a stream: processing steps back */
const STREAM_ARRIVALS = 4;
const STREAM_WINDOW_MS = 2;
/** however hard deliveries stream in, an event waits no longer than this for its turn */
export const MAX_DEFER_MS = 20;
/** this many deliveries within {@link FLOOD_WINDOW_MS} (160 a second) is a flood */
const FLOOD_ARRIVALS = 16;
const FLOOD_WINDOW_MS = 100;

/**
 * Whether deliveries are flooding in: then processing takes one call at a time, leaving the
 * CPU and the database to the acknowledgements (several calls at once would take more of both
 * than one; the backlog is caught up once the flood ebbs).
 *
 * @example
 * const lanes = flooding(groupCommit) ? 1 : PROCESSING_CONCURRENCY;
 */
export function flooding(foreground: ForegroundWork | undefined): boolean {
  return foreground !== undefined && foreground.arrivalsWithin(FLOOD_WINDOW_MS) >= FLOOD_ARRIVALS;
}

/**
 * Acknowledgements first: lets waiting requests in and waits while they are being stored; while
 * deliveries stream in, steps back a little longer (bounded, so calls still ring under a flood).
 *
 * @example
 * await giveWay(groupCommit); // before each stored event is applied
 */
export async function giveWay(foreground: ForegroundWork | undefined): Promise<void> {
  const started = performance.now();
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!foreground) return;
    if (foreground.busy()) {
      await foreground.idle();
      continue;
    }
    const streaming = foreground.arrivalsWithin(STREAM_WINDOW_MS) >= STREAM_ARRIVALS;
    if (!streaming || performance.now() - started >= MAX_DEFER_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}
