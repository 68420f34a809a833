import type { NormalizedEvent } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { createClockSkew, MAX_TRUSTED_SKEW_MS, SKEW_WINDOW_MS } from './clock-skew';

// meta's clock reads T when it stamps; ours reads T + skew
const META_T0 = 1_753_115_233_000;

function offered(occurredAt: number, n: number): NormalizedEvent {
  return {
    kind: 'call.offered',
    channel: 'whatsapp',
    callId: `wacid.${n}`,
    occurredAt,
    endpointId: '115017831530658',
    idempotencyKey: `k${n}`,
    caller: { id: '918097530000' },
    called: { id: '919169950000' },
  };
}

/** deliveries fresh on Meta's clock, one every 10 s, received `skewMs` ahead on ours */
function feed(skewMs: number, count: number) {
  let ours = META_T0 + skewMs;
  const skew = createClockSkew(() => ours);
  const results: NormalizedEvent[][] = [];
  for (let i = 0; i < count; i++) {
    const meta = META_T0 + i * 10_000;
    ours = meta + skewMs + 400; // 400 ms on the way
    results.push(skew.correct([offered(meta, i)]).events);
  }
  return { skew, results, now: () => ours, setNow: (t: number) => (ours = t) };
}

describe('clock skew between Meta and us', () => {
  it('reads fresh connects on our clock when ours runs two minutes ahead', () => {
    const { skew, results } = feed(120_000, 4);
    expect(skew.offsetMs()).toBeGreaterThan(119_000);
    const last = results[3]?.[0];
    // on our clock the fourth connect happened just now, not two minutes ago
    expect(last?.occurredAt).toBeGreaterThan(META_T0 + 30_000 + 119_000);
    expect(last?.occurredAt).toBeLessThanOrEqual(META_T0 + 30_000 + 120_400);
  });

  it('and when ours runs two minutes behind', () => {
    const { skew } = feed(-120_000, 4);
    expect(skew.offsetMs()).toBeLessThan(-119_000);
  });

  it('trusts nothing until three deliveries agree: one late delivery is a retry, not skew', () => {
    const { skew, results } = feed(90_000, 2);
    expect(skew.offsetMs()).toBe(0);
    expect(results[1]?.[0]?.occurredAt).toBe(META_T0 + 10_000);
  });

  it('keeps a stale retried connect stale: only the smallest lag is skew', () => {
    const { skew, now, setNow } = feed(120_000, 4);
    // a retry of a connect Meta stamped 5 minutes before the latest one
    setNow(now() + 1000);
    const meta = META_T0 + 30_000 - 300_000;
    const [retried] = skew.correct([offered(meta, 99)]).events;
    expect(retried?.occurredAt).toBeLessThan(now() - 290_000);
  });

  it('does not trust a gap larger than the bound, and forgets samples past the window', () => {
    const far = feed(MAX_TRUSTED_SKEW_MS + 60_000, 5);
    expect(far.skew.offsetMs()).toBe(0);
    const { skew, now, setNow } = feed(120_000, 4);
    setNow(now() + SKEW_WINDOW_MS + 1);
    skew.correct([]);
    expect(skew.correct([offered(META_T0 + SKEW_WINDOW_MS + 40_000, 7)]).reading.offsetMs).toBe(0);
  });

  it('leaves clocks that agree alone (whole-second stamps and the network are not skew)', () => {
    const { skew, results } = feed(0, 5);
    expect(skew.offsetMs()).toBe(0);
    expect(results[4]?.[0]?.occurredAt).toBe(META_T0 + 40_000);
  });
});

describe('clock skew needs agreement', () => {
  it('three retries late by different amounts are not a skewed clock', () => {
    let ours = META_T0;
    const skew = createClockSkew(() => ours);
    [30_000, 75_000, 110_000].forEach((late, i) => {
      ours = META_T0 + i * 1000 + late;
      skew.correct([offered(META_T0 + i * 1000, i)]);
    });
    expect(skew.offsetMs()).toBe(0);
  });
});

describe('clock skew under a sustained stream of deliveries', () => {
  it('reads every delivery of ten minutes at 500 a second on our clock, none refused', () => {
    // each delivery's lag counts for the whole window: 300,000 of them at the end
    const perSecond = 500;
    const skewMs = 120_000;
    let ours = META_T0 + skewMs;
    const skew = createClockSkew(() => ours);
    let last: NormalizedEvent | undefined;
    for (let i = 0; i < (SKEW_WINDOW_MS / 1000) * perSecond; i++) {
      ours = META_T0 + i * (1000 / perSecond) + skewMs + 400;
      // meta stamps whole seconds
      [last] = skew.correct([offered(META_T0 + Math.floor(i / perSecond) * 1000, i)]).events;
    }
    expect(skew.offsetMs()).toBeGreaterThan(119_000);
    expect(skew.offsetMs()).toBeLessThanOrEqual(120_400);
    // the latest connect happened a moment ago on our clock (whole-second stamps), not two minutes ago
    expect(last?.occurredAt).toBeGreaterThan(ours - 2_500);
    expect(last?.occurredAt).toBeLessThanOrEqual(ours);
  });
});
