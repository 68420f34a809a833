import { describe, expect, it } from 'vitest';
import type { NewReceipt, StoredReceipt } from '../repos/webhook-receipts';
import { createGroupCommit } from './group-commit';

const receipt = (raw: string): NewReceipt => ({
  object: 'whatsapp_business_account',
  raw,
  outcome: 'stored',
  events: [],
});

/** a store that records each statement's deliveries and answers receipt ids in order */
function recordingStore(refuse: (raw: string) => boolean = () => false) {
  const statements: string[][] = [];
  let nextId = 1;
  return {
    statements,
    async storeMany(receipts: readonly NewReceipt[]): Promise<StoredReceipt[]> {
      statements.push(receipts.map((r) => r.raw));
      await Promise.resolve();
      if (receipts.some((r) => refuse(r.raw))) throw new Error('the database refused it');
      return receipts.map(() => ({ receiptId: nextId++, newEvents: [] }));
    },
  };
}

describe('group commit', () => {
  it('stores deliveries that arrive together with one statement, each answered with its own receipt', async () => {
    const store = recordingStore();
    const commit = createGroupCommit(store.storeMany);
    const stored = await Promise.all(['a', 'b', 'c'].map((raw) => commit.store(receipt(raw))));
    expect(store.statements).toEqual([['a', 'b', 'c']]);
    expect(stored.map((s) => s.receiptId)).toEqual([1, 2, 3]);
  });

  it('stores a delivery that comes later with the next statement', async () => {
    const store = recordingStore();
    const commit = createGroupCommit(store.storeMany);
    await commit.store(receipt('first'));
    await commit.store(receipt('second'));
    expect(store.statements).toEqual([['first'], ['second']]);
  });

  it('tries each delivery of a refused group alone: only the bad one fails', async () => {
    const store = recordingStore((raw) => raw === 'bad');
    const commit = createGroupCommit(store.storeMany);
    const results = await Promise.allSettled(
      ['ok-1', 'bad', 'ok-2'].map((raw) => commit.store(receipt(raw))),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.statements).toEqual([['ok-1', 'bad', 'ok-2'], ['ok-1'], ['bad'], ['ok-2']]);
    const refused = results[1];
    expect(refused?.status === 'rejected' && String(refused.reason)).toContain('refused');
  });

  it('rejects every delivery when the database cannot take any (each gets its 503)', async () => {
    const store = recordingStore(() => true);
    const commit = createGroupCommit(store.storeMany);
    const results = await Promise.allSettled(['a', 'b'].map((raw) => commit.store(receipt(raw))));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('splits a burst by count and by size, a lone delivery over the size still going alone', async () => {
    const store = recordingStore();
    const byCount = createGroupCommit(store.storeMany, { maxDeliveries: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((raw) => byCount.store(receipt(raw))));
    expect(store.statements).toEqual([['a', 'b'], ['c', 'd'], ['e']]);

    store.statements.length = 0;
    const bySize = createGroupCommit(store.storeMany, { maxBytes: 10 });
    const raws = ['x'.repeat(6), 'y'.repeat(4), 'z'.repeat(30), 'w'];
    await Promise.all(raws.map((raw) => bySize.store(receipt(raw))));
    expect(store.statements.map((s) => s.map((raw) => raw.length))).toEqual([[6, 4], [30], [1]]);
  });

  it('says when it is busy and resolves idle() once everything is stored', async () => {
    const store = recordingStore();
    const commit = createGroupCommit(store.storeMany);
    expect(commit.busy()).toBe(false);
    await commit.idle();
    const stored = commit.store(receipt('a'));
    expect(commit.busy()).toBe(true);
    expect(commit.arrivalsWithin(1_000)).toBe(1);
    await commit.idle();
    expect(commit.busy()).toBe(false);
    await expect(stored).resolves.toMatchObject({ receiptId: 1 });
  });
});
