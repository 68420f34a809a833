/**
 * In-process timers keyed by name (`ring:<callId>`, `agent:<callId>:<userId>`): setting a key
 * again replaces the old timer, and `clear()` stops them all at shutdown. The database stays the
 * truth: a timer only feeds an event that the call model may ignore.
 */
export function createCallTimers() {
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    set(key: string, delayMs: number, fire: () => void): void {
      clearTimeout(timers.get(key));
      const timer = setTimeout(
        () => {
          timers.delete(key);
          fire();
        },
        Math.max(0, delayMs),
      );
      timer.unref();
      timers.set(key, timer);
    },
    cancel(key: string): void {
      clearTimeout(timers.get(key));
      timers.delete(key);
    },
    /** cancels every key that starts with `prefix` */
    cancelPrefix(prefix: string): void {
      for (const key of [...timers.keys()]) if (key.startsWith(prefix)) this.cancel(key);
    },
    clear(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    get size(): number {
      return timers.size;
    },
  };
}

export type CallTimers = ReturnType<typeof createCallTimers>;
