import type { NormalizedEvent } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent } from '../repos/webhook-receipts';
import type { ForegroundWork } from './give-way';
import { createWebhookProcessor, LEFT_BEHIND_MS } from './webhook-processor';

const quiet = { info() {}, warn() {}, error() {} } as unknown as Logger;

function stored(key: string, receiptId = 1, position = 0): StoredWebhookEvent {
  return {
    idempotencyKey: key,
    receiptId,
    position,
    metaCallId: `wacid.${key}`,
    kind: 'call.offered',
    payload: { key } as unknown,
    processedAt: null,
    attempts: 0,
    lastError: null,
    deadAt: null,
  };
}

/** a table of stored events, as much of the receipts repository as the processor uses */
function table(pending: StoredWebhookEvent[] = []) {
  const marked: string[] = [];
  let scans = 0;
  return {
    marked,
    scans: () => scans,
    receipts: {
      async unprocessedEvents(limit: number, receivedBefore?: Date) {
        scans += 1;
        void receivedBefore;
        return pending.filter((e) => !marked.includes(e.idempotencyKey)).slice(0, limit);
      },
      async markProcessed(key: string | readonly string[]) {
        marked.push(...(typeof key === 'string' ? [key] : key));
      },
      async markFailed() {},
    },
  };
}

const keyOf = (event: NormalizedEvent) => (event as unknown as { key: string }).key;

describe('webhook processor', () => {
  it('applies handed-over events in arrival order and marks those the apply did not', async () => {
    const db = table();
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      apply: async (event) => {
        applied.push(keyOf(event));
        // the call's own commit marks 'a' and 'c'; 'b' (e.g. an unowned number) is left to us
        return { marked: keyOf(event) !== 'b' };
      },
    });
    processor.enqueue([stored('a'), stored('b'), stored('c')]);
    processor.enqueue([stored('a')]); // a repeat while it is queued is taken once
    await processor.idle();
    expect(applied).toEqual(['a', 'b', 'c']);
    expect(db.marked).toEqual(['b']);
    expect(db.scans()).toBe(0);
  });

  it('at start-up, takes in what an earlier process stored, before anything newer', async () => {
    const db = table([stored('old-1', 1, 0), stored('old-2', 1, 1)]);
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      apply: async (event) => (applied.push(keyOf(event)), { marked: false }),
    });
    processor.kick();
    processor.enqueue([stored('new', 2)]);
    await processor.idle();
    await processor.stop();
    expect(applied).toEqual(['old-1', 'old-2', 'new']);
  });

  it('applies nothing while the acknowledgements it gives way to are busy', async () => {
    const db = table();
    let busy = true;
    let release: () => void = () => undefined;
    const idle = new Promise<void>((resolve) => (release = resolve));
    const foreground: ForegroundWork = {
      busy: () => busy,
      idle: () => idle,
      arrivalsWithin: () => 0,
    };
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      foreground,
      apply: async (event) => (applied.push(keyOf(event)), { marked: true }),
    });
    processor.enqueue([stored('a')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(applied).toEqual([]);
    busy = false;
    release();
    await processor.idle();
    expect(applied).toEqual(['a']);
  });

  it('still applies events while deliveries stream in, a little later', async () => {
    const db = table();
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      foreground: { busy: () => false, idle: async () => undefined, arrivalsWithin: () => 50 },
      apply: async (event) => (applied.push(keyOf(event)), { marked: true }),
    });
    const started = performance.now();
    processor.enqueue([stored('a')]);
    await processor.idle();
    expect(applied).toEqual(['a']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(10);
  });

  it('now and then picks up events another node left behind (received a while ago)', async () => {
    const now = new Date('2025-07-01T10:00:00Z');
    const asked: (Date | undefined)[] = [];
    const db = table();
    let orphan: StoredWebhookEvent[] = [];
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: {
        ...db.receipts,
        async unprocessedEvents(_limit, receivedBefore) {
          asked.push(receivedBefore);
          return orphan.filter((e) => !db.marked.includes(e.idempotencyKey));
        },
      },
      logger: quiet,
      sweepMs: 5,
      clock: () => now,
      apply: async (event) => (applied.push(keyOf(event)), { marked: false }),
    });
    processor.kick();
    await processor.idle();
    orphan = [stored('orphan')];
    const deadline = Date.now() + 2_000;
    while (applied.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await processor.stop();
    expect(applied).toEqual(['orphan']);
    // start-up reads everything; the sweeps only what is older than LEFT_BEHIND_MS
    expect(asked[0]).toBeUndefined();
    expect(asked.at(-1)).toEqual(new Date(now.getTime() - LEFT_BEHIND_MS));
  });

  it('takes nothing in once stopped', async () => {
    const db = table([stored('left')]);
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      apply: async (event) => (applied.push(keyOf(event)), { marked: true }),
    });
    await processor.stop();
    processor.enqueue([stored('late')]);
    processor.kick();
    await processor.idle();
    expect(applied).toEqual([]);
  });

  describe('events Meta sent before our dial stored their call', () => {
    /** an event of the outbound call `callId` */
    const ofCall = (key: string, callId: string) => ({ ...stored(key), metaCallId: callId });

    /** a call service in miniature: events of calls not stored yet are deferred when allowed */
    function calls() {
      const storedCalls = new Set<string>();
      const applied: string[] = [];
      const tries: string[] = [];
      return {
        storedCalls,
        applied,
        tries,
        apply: async (event: NormalizedEvent, key: string, { mayDefer }: { mayDefer: boolean }) => {
          tries.push(keyOf(event));
          const callId = key.split(':')[0] ?? '';
          if (mayDefer && callId.startsWith('out') && !storedCalls.has(callId)) {
            return { marked: false, deferred: true };
          }
          applied.push(keyOf(event));
          return { marked: true };
        },
      };
    }

    async function until(check: () => boolean): Promise<void> {
      const deadline = Date.now() + 2_000;
      while (!check() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }

    it('keeps them pending, lets other calls’ events pass, and applies them in order once the dial says so', async () => {
      const db = table();
      const service = calls();
      const processor = createWebhookProcessor({
        receipts: db.receipts,
        logger: quiet,
        apply: service.apply,
        // no timed retries within this test: only the dial's word moves them
        dialRetryMs: 60_000,
      });
      processor.enqueue([
        ofCall('out1:connect', 'out1'),
        ofCall('in1:offered', 'in1'),
        ofCall('out1:ringing', 'out1'),
      ]);
      await processor.idle();
      expect(service.applied).toEqual(['in1:offered']);
      // nothing of the outbound call was marked: it stays stored as pending
      expect(db.marked).toEqual([]);

      service.storedCalls.add('out1');
      processor.retry('out1');
      await until(() => service.applied.length === 3);
      await processor.idle();
      expect(service.applied).toEqual(['in1:offered', 'out1:connect', 'out1:ringing']);
      await processor.stop();
    });

    it('tries them again by itself, less and less often, and sets them aside when no dial comes', async () => {
      const db = table();
      const service = calls();
      // real time, with a jump ahead later
      let skew = 0;
      const processor = createWebhookProcessor({
        receipts: db.receipts,
        logger: quiet,
        apply: service.apply,
        clock: () => new Date(Date.now() + skew),
        dialRetryMs: 1,
        dialWaitMs: 10_000,
      });
      processor.enqueue([ofCall('out2:connect', 'out2')]);
      await until(() => service.tries.length >= 4);
      expect(service.applied).toEqual([]);
      expect(db.marked).toEqual([]);

      // past the wait: applied as it stands (the model ignores it) and marked done
      skew += 10_000;
      await until(() => service.applied.length === 1);
      await processor.idle();
      expect(service.applied).toEqual(['out2:connect']);
      expect(service.tries.filter((t) => t === 'out2:connect').length).toBeGreaterThan(4);
      await processor.stop();
    });

    it('a dial that comes while they wait for their next try applies them at once', async () => {
      const db = table();
      const service = calls();
      const processor = createWebhookProcessor({
        receipts: db.receipts,
        logger: quiet,
        apply: service.apply,
        dialRetryMs: 1,
      });
      processor.enqueue([ofCall('out3:connect', 'out3')]);
      await until(() => service.tries.length >= 2);
      service.storedCalls.add('out3');
      await until(() => service.applied.length === 1);
      expect(service.applied).toEqual(['out3:connect']);
      await processor.stop();
    });
  });
});
