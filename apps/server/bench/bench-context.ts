import type { Figure } from './figures';

/** What every bench gets from the runner. */
export interface BenchContext {
  /** Meta's app secret for this run: webhooks are signed with it, servers check it */
  readonly appSecret: string;
  /** where the Ringside servers' logs go */
  readonly logFile: string;
  /** prints one figure as a JSON line on stdout */
  report(figure: Figure): void;
  /** progress and diagnostics, on stderr */
  note(message: string): void;
}

/**
 * Rejects with a message naming `what` when `promise` takes longer than `ms`, so no bench
 * waits forever on a server that stopped answering.
 *
 * @example
 * await within(stack.app.processor.idle(), 60_000, 'the webhook backlog to drain');
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
