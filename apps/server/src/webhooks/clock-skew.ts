import type { NormalizedEvent } from '@ringside/calls';

/** how far apart our clock and Meta's may be before we stop trusting the estimate */
export const MAX_TRUSTED_SKEW_MS = 150_000;
/** how long one delivery's lag counts toward the estimate */
export const SKEW_WINDOW_MS = 10 * 60_000;
/** deliveries that must agree before the estimate is used: one late delivery is not a skewed clock */
export const SKEW_MIN_SAMPLES = 3;
/** how close their lags must be to agree (Meta's whole-second stamps, the network) */
export const SKEW_AGREEMENT_MS = 2_000;

interface Sample {
  readonly at: number;
  readonly lagMs: number;
}

/** what one delivery's correction was, for logs and metrics */
export interface SkewReading {
  /** ms to add to Meta's times to read them on our clock (0 while nothing is trusted) */
  readonly offsetMs: number;
  /** the delivery's own lag: our receive time minus its newest event's time */
  readonly lagMs: number | undefined;
}

/**
 * Reads Meta's event times on our clock. Meta stamps events in whole seconds on its clock; a
 * fresh delivery reaches us about a second later. A server whose clock runs ahead of Meta's
 * sees every delivery late by the same amount, so a live connect would look stale and not ring;
 * one that runs behind sees them from the future. A retried delivery, on the other hand, is late
 * by itself alone.
 *
 * So the offset is the smallest lag of the recent deliveries (within {@link SKEW_WINDOW_MS}; the
 * smallest is a fresh one, retries only add to it), used once {@link SKEW_MIN_SAMPLES} deliveries
 * agree on it (within {@link SKEW_AGREEMENT_MS}); lags beyond {@link MAX_TRUSTED_SKEW_MS} are not
 * evidence. Until then Meta's times are taken as sent: a server that just started with a skewed
 * clock can miss its first calls (logged, and the gauge stays 0). Each delivery's events get that
 * offset added to `occurredAt`; a stale retry stays as stale as it is on Meta's clock, so its
 * connect is still not rung. Idempotency keys were made from Meta's time and are untouched.
 *
 * @example
 * const skew = createClockSkew(() => Date.now());
 * const { events, reading } = skew.correct(delivery.events);
 */
export function createClockSkew(now: () => number) {
  const samples: Sample[] = [];

  function offsetMs(): number {
    if (samples.length < SKEW_MIN_SAMPLES) return 0;
    const smallest = Math.min(...samples.map((s) => s.lagMs));
    // fresh deliveries all lag by the skew; retries each by their own delay
    const agreeing = samples.filter((s) => s.lagMs - smallest <= SKEW_AGREEMENT_MS).length;
    if (agreeing < SKEW_MIN_SAMPLES) return 0;
    // under a second is Meta's whole-second stamps and the network, not skew
    if (Math.abs(smallest) < 1000) return 0;
    return smallest;
  }

  function observe(lagMs: number, at: number): void {
    while (samples.length > 0 && (samples[0]?.at ?? at) < at - SKEW_WINDOW_MS) samples.shift();
    // a lag beyond the bound is a retry from long ago, or a clock we cannot trust: not evidence
    if (Math.abs(lagMs) <= MAX_TRUSTED_SKEW_MS) samples.push({ at, lagMs });
  }

  return {
    /** the events with `occurredAt` on our clock, and what was done */
    correct(events: readonly NormalizedEvent[]): {
      events: NormalizedEvent[];
      reading: SkewReading;
    } {
      const at = now();
      const newest = events.length === 0 ? undefined : Math.max(...events.map((e) => e.occurredAt));
      // meta stamps whole seconds: an event is up to 999 ms older than its stamp says
      const lagMs = newest === undefined ? undefined : at - (newest + 999);
      if (lagMs !== undefined) observe(lagMs, at);
      const offset = offsetMs();
      const corrected =
        offset === 0
          ? [...events]
          : events.map((e) => ({ ...e, occurredAt: e.occurredAt + offset }));
      return { events: corrected, reading: { offsetMs: offset, lagMs } };
    },
    /** the offset in use now */
    offsetMs,
  };
}

export type ClockSkew = ReturnType<typeof createClockSkew>;
