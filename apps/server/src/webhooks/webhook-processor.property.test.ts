import type { NormalizedEvent } from '@ringside/calls';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent } from '../repos/webhook-receipts';
import { createWebhookProcessor } from './webhook-processor';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;

function stored(callId: string, step: number): StoredWebhookEvent {
  return {
    idempotencyKey: `${callId}:${step}`,
    receiptId: 1,
    position: 0,
    metaCallId: callId,
    kind: 'call.offered',
    payload: { callId, step } as unknown,
    processedAt: null,
    attempts: 0,
    lastError: null,
    deadAt: null,
  };
}

const receipts = {
  async unprocessedEvents() {
    return [];
  },
  async markProcessed() {},
  async markFailed() {},
};

/** a call's state after its events, folded in the order they were applied (order matters) */
const fold = (steps: readonly number[]) => steps.join('>');

/**
 * Many calls' events, interleaved in any delivery order, handed over in batches of any size
 * (with repeats, as Meta retries), each taking its own time to apply: every call ends as it
 * would have processed one event at a time, because its events apply in delivery order and
 * never two at once, while other calls' events do overlap.
 */
describe('webhook processor: per-call order with calls applied at once', () => {
  it('each call ends as if its events were applied one by one, in the order delivered', async () => {
    await fc.assert(
      fc.asyncProperty(
        // events per call
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        // a random stream deciding the interleaving, the batches, the repeats and the delays
        fc.array(fc.nat(1_000), { minLength: 64, maxLength: 64 }),
        fc.integer({ min: 1, max: 6 }),
        async (perCall, draws, concurrency) => {
          let d = 0;
          const draw = (n: number) => (draws[d++ % draws.length] ?? 0) % n;
          // delivery order: pick a call with events left, deliver its next one
          const left = perCall.map((count, call) => ({ call: `c${call}`, next: 0, count }));
          const delivered: StoredWebhookEvent[] = [];
          for (;;) {
            const open = left.filter((c) => c.next < c.count);
            if (open.length === 0) break;
            const pick = open[draw(open.length)] as (typeof open)[number];
            delivered.push(stored(pick.call, pick.next));
            pick.next += 1;
          }

          const applied = new Map<string, number[]>();
          const inFlight = new Set<string>();
          const processor = createWebhookProcessor({
            receipts,
            logger: quiet,
            concurrency,
            apply: async (event) => {
              const { callId, step } = event as unknown as { callId: string; step: number };
              expect(inFlight.has(callId), `two events of ${callId} at once`).toBe(false);
              inFlight.add(callId);
              expect(inFlight.size).toBeLessThanOrEqual(concurrency);
              // a few turns of the event loop, or a timer: calls overtake one another
              const wait = draw(4);
              if (wait === 3) await new Promise((resolve) => setTimeout(resolve, draw(3)));
              else for (let i = 0; i < wait; i += 1) await new Promise(setImmediate);
              applied.set(callId, [...(applied.get(callId) ?? []), step]);
              inFlight.delete(callId);
              return { marked: true };
            },
          });
          // handed over in batches, some events repeated while still queued
          let at = 0;
          while (at < delivered.length) {
            const size = 1 + draw(4);
            const batch = delivered.slice(at, at + size);
            const repeat = draw(3) === 0 ? batch.slice(0, 1) : [];
            processor.enqueue([...batch, ...repeat]);
            at += size;
            if (draw(2) === 0) await new Promise(setImmediate);
          }
          await processor.idle();
          await processor.stop();

          for (const { call, count } of left) {
            const steps = Array.from({ length: count }, (_, i) => i);
            expect(fold(applied.get(call) ?? []), call).toBe(fold(steps));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a call whose event is slow does not hold up the other calls', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts,
      logger: quiet,
      concurrency: 2,
      apply: async (event: NormalizedEvent) => {
        const { callId, step } = event as unknown as { callId: string; step: number };
        if (callId === 'stuck' && step === 0) await slow;
        applied.push(`${callId}:${step}`);
        return { marked: true };
      },
    });
    processor.enqueue([stored('stuck', 0), stored('stuck', 1), stored('a', 0), stored('b', 0)]);
    // the other calls get through while the stuck call's first event is still being applied
    const deadline = Date.now() + 2_000;
    while (applied.length < 2 && Date.now() < deadline) await new Promise(setImmediate);
    expect(applied).toEqual(['a:0', 'b:0']);
    release();
    await processor.idle();
    expect(applied).toEqual(['a:0', 'b:0', 'stuck:0', 'stuck:1']);
    await processor.stop();
  });

  it('takes one call at a time while deliveries flood in, several once they ebb', async () => {
    let arrivals = 50;
    let most = 0;
    const inFlight = new Set<string>();
    let release: () => void = () => undefined;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const processor = createWebhookProcessor({
      receipts,
      logger: quiet,
      concurrency: 4,
      foreground: {
        busy: () => false,
        idle: async () => undefined,
        arrivalsWithin: () => arrivals,
      },
      apply: async (event) => {
        const { callId } = event as unknown as { callId: string };
        inFlight.add(callId);
        most = Math.max(most, inFlight.size);
        await gate;
        inFlight.delete(callId);
        return { marked: true };
      },
    });
    processor.enqueue(['a', 'b', 'c', 'd', 'e', 'f'].map((call) => stored(call, 0)));
    while (inFlight.size === 0) await new Promise(setImmediate);
    for (let i = 0; i < 20; i += 1) await new Promise(setImmediate);
    expect(most).toBe(1);
    // the flood is over: the next events go several at a time
    arrivals = 0;
    release();
    gate = new Promise<void>((resolve) => (release = resolve));
    while (inFlight.size < 2) await new Promise(setImmediate);
    release();
    await processor.idle();
    expect(most).toBeGreaterThan(1);
    await processor.stop();
  });
});
