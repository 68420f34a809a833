import type { NewReceipt, StoredReceipt } from '../repos/webhook-receipts';

/** at most this many deliveries in one statement */
export const GROUP_MAX_DELIVERIES = 64;
/** and at most this many raw bytes (one 3 MB delivery still goes, alone) */
export const GROUP_MAX_BYTES = 4 * 1024 * 1024;
/** arrival times remembered, to tell a stream of deliveries from a few */
const ARRIVALS_KEPT = 32;

/**
 * Group commit for webhook deliveries: those that arrive while the event loop is busy (or while
 * a store is under way) are stored together by one statement, and each request's promise
 * resolves only once its own rows are committed, so a 200 still means "stored". If a group
 * fails, each of its deliveries is tried alone: one delivery the database refuses cannot sink
 * the others. `busy()` and `idle()` let background work give way to the acknowledgements.
 *
 * @example
 * const commit = createGroupCommit((receipts) => repos.webhookReceipts.storeReceipts(receipts));
 * const { newEvents } = await commit.store({ object, raw, events, outcome: 'stored' });
 */
export function createGroupCommit(
  storeMany: (receipts: readonly NewReceipt[]) => Promise<StoredReceipt[]>,
  limits: { maxDeliveries?: number; maxBytes?: number } = {},
) {
  interface Waiting {
    readonly receipt: NewReceipt;
    resolve(stored: StoredReceipt): void;
    reject(error: unknown): void;
  }
  const maxDeliveries = limits.maxDeliveries ?? GROUP_MAX_DELIVERIES;
  const maxBytes = limits.maxBytes ?? GROUP_MAX_BYTES;
  let queue: Waiting[] = [];
  // when the latest deliveries arrived (ms, monotonic), newest last: how hard the senders push
  const arrivals: number[] = [];
  let scheduled = false;
  let flushing = false;
  const idleWaiters: (() => void)[] = [];

  function schedule(): void {
    if (scheduled || flushing) return;
    scheduled = true;
    // after the current I/O phase: every delivery read in it joins this group
    setImmediate(() => {
      scheduled = false;
      flushing = true;
      void flush().finally(() => {
        flushing = false;
        if (queue.length > 0) schedule();
        else for (const wake of idleWaiters.splice(0)) wake();
      });
    });
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) await commit(takeGroup());
  }

  function takeGroup(): Waiting[] {
    let bytes = 0;
    let count = 0;
    for (const waiting of queue) {
      bytes += waiting.receipt.raw.length;
      if (count > 0 && (count >= maxDeliveries || bytes > maxBytes)) break;
      count += 1;
    }
    const group = queue.slice(0, count);
    queue = queue.slice(count);
    return group;
  }

  async function commit(group: readonly Waiting[]): Promise<void> {
    try {
      const stored = await storeMany(group.map((w) => w.receipt));
      group.forEach((waiting, i) => {
        const mine = stored[i];
        if (mine) waiting.resolve(mine);
        else waiting.reject(new Error('the group commit returned too few receipts'));
      });
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const waiting of group) {
        try {
          const [mine] = await storeMany([waiting.receipt]);
          if (mine) waiting.resolve(mine);
          else waiting.reject(new Error('storing a webhook receipt returned nothing'));
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
  }

  return {
    /** resolves once this delivery is committed (with the group it joined) */
    store(receipt: NewReceipt): Promise<StoredReceipt> {
      arrivals.push(performance.now());
      if (arrivals.length > ARRIVALS_KEPT) arrivals.shift();
      return new Promise((resolve, reject) => {
        queue.push({ receipt, resolve, reject });
        schedule();
      });
    },
    /** how many deliveries arrived within the last `ms` (up to {@link ARRIVALS_KEPT}) */
    arrivalsWithin(ms: number): number {
      const since = performance.now() - ms;
      let count = 0;
      for (let i = arrivals.length - 1; i >= 0 && (arrivals[i] ?? 0) >= since; i -= 1) count += 1;
      return count;
    },
    /** whether deliveries are waiting to be stored or being stored */
    busy(): boolean {
      return scheduled || flushing || queue.length > 0;
    },
    /** resolves when nothing is waiting to be stored */
    idle(): Promise<void> {
      if (!scheduled && !flushing && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
