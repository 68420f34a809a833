/**
 * Work queued per call: one lane per key (a Meta call id), each in its own order, and at most
 * one item of a lane out at a time. Of the lanes free to go, the one whose next item came
 * first goes first, so the queue as a whole keeps arrival order wherever a call does not hold
 * its own items back: a call's terminate waits for its connect, not for every later call.
 *
 * @example
 * const lanes = createCallLanes<Job>((job) => job.callId);
 * lanes.add([connectA, connectB, terminateA], 'back');
 * const a = lanes.take(); // connectA: lane A is out until done
 * const b = lanes.take(); // connectB (terminateA waits for lane A)
 * lanes.done(a!.key); // terminateA may go now
 */
export function createCallLanes<T>(keyOf: (item: T) => string) {
  interface Entry {
    readonly item: T;
    /** arrival order; items put in front get ever lower numbers */
    readonly seq: number;
  }
  const lanes = new Map<string, Entry[]>();
  // lanes with an item and none out, by their next item's seq
  let ready = createHeap<{ key: string; seq: number }>((a, b) => a.seq - b.seq);
  const out = new Set<string>();
  let backSeq = 0;
  let frontSeq = 0;

  function lane(key: string): Entry[] {
    let entries = lanes.get(key);
    if (!entries) {
      entries = [];
      lanes.set(key, entries);
    }
    return entries;
  }

  function rebuildReady(): void {
    ready = createHeap<{ key: string; seq: number }>((a, b) => a.seq - b.seq);
    for (const [key, entries] of lanes) {
      const [head] = entries;
      if (head && !out.has(key)) ready.push({ key, seq: head.seq });
    }
  }

  return {
    /**
     * Queues items. `back`: after everything queued, in their order. `front`: ahead of
     * everything queued (each lane's items too), still in their order among themselves.
     */
    add(items: readonly T[], where: 'front' | 'back'): void {
      if (items.length === 0) return;
      if (where === 'back') {
        for (const item of items) {
          const key = keyOf(item);
          const entries = lane(key);
          const entry = { item, seq: backSeq++ };
          entries.push(entry);
          if (entries.length === 1 && !out.has(key)) ready.push({ key, seq: entry.seq });
        }
        return;
      }
      frontSeq -= items.length;
      const base = frontSeq;
      for (let i = items.length - 1; i >= 0; i -= 1) {
        const item = items[i] as T;
        lane(keyOf(item)).unshift({ item, seq: base + i });
      }
      // heads changed: rare (a scan of the table), so the ready set is simply rebuilt
      rebuildReady();
    },

    /** the next item of the first lane free to go; its lane is out until {@link done} */
    take(): { key: string; item: T } | undefined {
      for (;;) {
        const head = ready.pop();
        if (!head) return undefined;
        const entries = lanes.get(head.key);
        // a stale heap entry (the lane was rebuilt or emptied since): skip it
        if (!entries?.[0] || entries[0].seq !== head.seq || out.has(head.key)) continue;
        const entry = entries.shift() as Entry;
        out.add(head.key);
        return { key: head.key, item: entry.item };
      }
    },

    /** the lane's item taken last is finished: its next one may go */
    done(key: string): void {
      out.delete(key);
      const entries = lanes.get(key);
      const [head] = entries ?? [];
      if (head) ready.push({ key, seq: head.seq });
      else lanes.delete(key);
    },

    /** whether some lane is free to go */
    hasReady(): boolean {
      for (;;) {
        const head = ready.peek();
        if (!head) return false;
        const entries = lanes.get(head.key);
        if (entries?.[0]?.seq === head.seq && !out.has(head.key)) return true;
        ready.pop();
      }
    },
  };
}

export type CallLanes<T> = ReturnType<typeof createCallLanes<T>>;

/** a binary min-heap by `before` */
function createHeap<T>(before: (a: T, b: T) => number) {
  const items: T[] = [];
  const swap = (i: number, j: number) => {
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  };
  return {
    push(item: T): void {
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (before(items[i] as T, items[parent] as T) >= 0) break;
        swap(i, parent);
        i = parent;
      }
    },
    peek(): T | undefined {
      return items[0];
    },
    pop(): T | undefined {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let least = i;
          if (l < items.length && before(items[l] as T, items[least] as T) < 0) least = l;
          if (r < items.length && before(items[r] as T, items[least] as T) < 0) least = r;
          if (least === i) break;
          swap(i, least);
          i = least;
        }
      }
      return top;
    },
  };
}
