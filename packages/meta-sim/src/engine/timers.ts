/**
 * Every timer the simulator starts, so that `close()` leaves nothing running.
 *
 * @example
 * const timers = new TimerSet();
 * const cancel = timers.after(1000, () => ring());
 * cancel(); // or timers.clear() on shutdown
 */
export class TimerSet {
  readonly #handles = new Set<NodeJS.Timeout>();
  readonly #sleepers = new Set<() => void>();
  #closed = false;

  /** runs `fn` once after `ms`; returns a cancel function */
  after(ms: number, fn: () => void): () => void {
    if (this.#closed) return () => {};
    const handle = setTimeout(() => {
      this.#handles.delete(handle);
      fn();
    }, ms);
    this.#handles.add(handle);
    return () => {
      clearTimeout(handle);
      this.#handles.delete(handle);
    };
  }

  /** runs `fn` every `ms` until cancelled */
  every(ms: number, fn: () => void): () => void {
    if (this.#closed) return () => {};
    const handle = setInterval(fn, ms);
    this.#handles.add(handle);
    return () => {
      clearInterval(handle);
      this.#handles.delete(handle);
    };
  }

  /** resolves after `ms`, or as soon as the set is cleared */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.#closed) return resolve();
      const done = (): void => {
        this.#sleepers.delete(done);
        resolve();
      };
      this.#sleepers.add(done);
      this.after(ms, done);
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  get size(): number {
    return this.#handles.size;
  }

  /** cancels everything and refuses new timers */
  clear(): void {
    this.#closed = true;
    for (const handle of this.#handles) clearTimeout(handle);
    this.#handles.clear();
    // waiters must not hang on a timer that will never fire
    for (const wake of [...this.#sleepers]) wake();
  }
}
