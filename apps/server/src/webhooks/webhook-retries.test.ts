import type { NormalizedEvent } from '@ringside/calls';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent } from '../repos/webhook-receipts';
import { createWebhookProcessor, LEFT_BEHIND_MS } from './webhook-processor';
import { DEFAULT_RETRY_POLICY, failureText } from './webhook-retries';

const quiet = { info() {}, warn() {}, error() {} } as unknown as Logger;

function stored(key: string, metaCallId = `wacid.${key}`): StoredWebhookEvent {
  return {
    idempotencyKey: key,
    receiptId: 1,
    position: 0,
    metaCallId,
    kind: 'call.offered',
    payload: { key } as unknown,
    processedAt: null,
    attempts: 0,
    lastError: null,
    deadAt: null,
  };
}

/** a table of stored events: pending ones come back from every scan, dead letters do not */
function table(pending: StoredWebhookEvent[] = []) {
  const marked: string[] = [];
  const dead = new Map<string, { error: string; at: Date }>();
  const failures: string[] = [];
  return {
    marked,
    dead,
    failures,
    receipts: {
      async unprocessedEvents(limit: number) {
        return pending
          .filter((e) => !marked.includes(e.idempotencyKey) && !dead.has(e.idempotencyKey))
          .slice(0, limit);
      },
      async markProcessed(key: string | readonly string[]) {
        marked.push(...(typeof key === 'string' ? [key] : key));
      },
      async markFailed(key: string, error: string, deadAt?: Date) {
        failures.push(key);
        if (deadAt) dead.set(key, { error, at: deadAt });
      },
    },
  };
}

const keyOf = (event: NormalizedEvent) => (event as unknown as { key: string }).key;

describe('webhook events that keep failing', () => {
  beforeEach(() => {
    // setImmediate stays real: the processor gives way to acknowledgements with it
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are tried again less and less often for minutes, then become dead letters no scan takes in', async () => {
    const event = stored('stubborn');
    const db = table([event]);
    const tries: number[] = [];
    const deadLetters: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      onDeadLetter: (e) => deadLetters.push(e.idempotencyKey),
      apply: async () => {
        tries.push(Date.now());
        throw new Error('relation "calls" does not exist');
      },
    });
    processor.kick();
    await processor.idle();
    // an hour: every retry, and many left-behind sweeps after the last
    for (let minute = 0; minute < 60; minute += 1) {
      await vi.advanceTimersByTimeAsync(60_000);
      await processor.idle();
    }
    await processor.stop();

    const gaps = tries.slice(1).map((t, i) => t - (tries[i] ?? 0));
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
    expect(tries).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
    // never marked processed: it waits, with its error, for an admin
    expect(db.marked).toEqual([]);
    expect(db.dead.get('stubborn')?.error).toBe('relation "calls" does not exist');
    expect(deadLetters).toEqual(['stubborn']);
  });

  it('ride out an outage of a few minutes and apply once it is over', async () => {
    const db = table();
    let failUntil = Date.now() + 3 * 60_000;
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      apply: async (e) => {
        if (Date.now() < failUntil) throw new Error('connection terminated');
        applied.push(keyOf(e));
        return { marked: false };
      },
    });
    processor.enqueue([stored('offer')]);
    await processor.idle();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await processor.idle();
    failUntil = 0;
    await processor.stop();
    expect(applied).toEqual(['offer']);
    expect(db.marked).toEqual(['offer']);
    expect(db.dead.size).toBe(0);
  });

  it('hold up none of their call’s later events, and an admin’s retry applies them again', async () => {
    const db = table();
    let broken = true;
    const applied: string[] = [];
    const processor = createWebhookProcessor({
      receipts: db.receipts,
      logger: quiet,
      retries: { firstDelayMs: 10, maxDelayMs: 10, maxAttempts: 2 },
      apply: async (e) => {
        if (broken && keyOf(e) === 'connect') throw new Error('boom');
        applied.push(keyOf(e));
        return { marked: true };
      },
    });
    processor.enqueue([stored('connect', 'wacid.1'), stored('status', 'wacid.1')]);
    await processor.idle();
    expect(applied).toEqual(['status']);
    await vi.advanceTimersByTimeAsync(100);
    await processor.idle();
    expect([...db.dead.keys()]).toEqual(['connect']);

    // the admin retries: cleared in the table, handed over with its attempts reset
    broken = false;
    db.dead.clear();
    processor.enqueue([stored('connect', 'wacid.1')]);
    await processor.idle();
    await vi.advanceTimersByTimeAsync(LEFT_BEHIND_MS);
    await processor.idle();
    await processor.stop();
    expect(applied).toEqual(['status', 'connect']);
  });
});

describe('what a failure records', () => {
  it('is the cause of a failed query, not the query with its parameters (SDPs, numbers)', () => {
    const cause = new Error('relation "calls" does not exist');
    const failed = new Error('Failed query: insert into calls … params: v=0\r\na=ice-pwd:s3cret', {
      cause,
    });
    expect(failureText(failed)).toBe('relation "calls" does not exist');
    expect(failureText(new Error('Failed query: select 1'))).toBe('a database query failed');
    expect(failureText(new Error('Graph unreachable'))).toBe('Graph unreachable');
  });

  it('and in the log, neither the query nor its parameters', async () => {
    const logged: unknown[] = [];
    const logger = { ...quiet, error: (o: unknown) => logged.push(o) } as unknown as Logger;
    const processor = createWebhookProcessor({
      receipts: table().receipts,
      logger,
      apply: async () => {
        const cause = new Error('deadlock detected');
        throw new Error(
          'Failed query: update calls set model = $1\nparams: {"sdpOffer":"a=ice-pwd:s3cret"}',
          {
            cause,
          },
        );
      },
    });
    processor.enqueue([stored('offer')]);
    await processor.idle();
    await processor.stop();
    const text = JSON.stringify(logged, (_k, v: unknown) =>
      v instanceof Error ? { message: v.message, stack: v.stack } : v,
    );
    expect(text).toContain('deadlock detected');
    expect(text).not.toContain('s3cret');
  });
});
