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

/** the deliveries received within one second of our clock */
interface Second {
  readonly second: number;
  /** their smallest lags, smallest first: at most {@link SKEW_MIN_SAMPLES}, the only ones that can count */
  smallest: Sample[];
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
  // the window, oldest second first. The estimate only needs the SKEW_MIN_SAMPLES smallest lags
  // of the window, so each second keeps its own smallest few: a delivery costs the same however
  // many arrived before it (every lag kept and scanned on each delivery cost more the busier the
  // line, and past ~125,000 in the window Math.min(...lags) threw on every delivery)
  const seconds: Second[] = [];
  // the smallest lags of every second but the newest; undefined when those seconds changed
  let settled: Sample[] | undefined = [];

  function offsetMs(): number {
    settled ??= seconds.slice(0, -1).reduce<Sample[]>((kept, s) => fewest(kept, s.smallest), []);
    const lags = fewest(settled, seconds.at(-1)?.smallest ?? []);
    const smallest = lags[0]?.lagMs;
    if (smallest === undefined || lags.length < SKEW_MIN_SAMPLES) return 0;
    // fresh deliveries all lag by the skew; retries each by their own delay
    const agreeing = lags.filter((s) => s.lagMs - smallest <= SKEW_AGREEMENT_MS).length;
    if (agreeing < SKEW_MIN_SAMPLES) return 0;
    // under a second is Meta's whole-second stamps and the network, not skew
    if (Math.abs(smallest) < 1000) return 0;
    return smallest;
  }

  function observe(lagMs: number, at: number): void {
    forget(at - SKEW_WINDOW_MS);
    // a lag beyond the bound is a retry from long ago, or a clock we cannot trust: not evidence
    if (Math.abs(lagMs) > MAX_TRUSTED_SKEW_MS) return;
    const second = Math.floor(at / 1000);
    let newest = seconds.at(-1);
    if (!newest || second > newest.second) {
      newest = { second, smallest: [] };
      seconds.push(newest);
      settled = undefined;
    }
    newest.smallest = fewest(newest.smallest, [{ at, lagMs }]);
  }

  /** drops the samples received before `before`; whole seconds at once */
  function forget(before: number): void {
    let gone = 0;
    while (gone < seconds.length && ((seconds[gone]?.second ?? 0) + 1) * 1000 <= before) gone += 1;
    if (gone > 0) {
      seconds.splice(0, gone);
      settled = undefined;
    }
    // the second the window starts in: its kept lags from before go (a larger lag of that second
    // received after `before` is not kept, so for under a second it does not count)
    const oldest = seconds[0];
    if (oldest?.smallest.some((s) => s.at < before)) {
      oldest.smallest = oldest.smallest.filter((s) => s.at >= before);
      settled = undefined;
    }
  }

  return {
    /** the events with `occurredAt` on our clock, and what was done */
    correct(events: readonly NormalizedEvent[]): {
      events: NormalizedEvent[];
      reading: SkewReading;
    } {
      const at = now();
      let newest: number | undefined;
      for (const e of events) newest = Math.max(newest ?? e.occurredAt, e.occurredAt);
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

/** the {@link SKEW_MIN_SAMPLES} smallest lags of two such lists, smallest first */
function fewest(a: readonly Sample[], b: readonly Sample[]): Sample[] {
  return [...a, ...b].sort((x, y) => x.lagMs - y.lagMs).slice(0, SKEW_MIN_SAMPLES);
}
