/**
 * A job run every `periodMs`, each round starting a period after the last one ended (never two at
 * once, however slow a round). A failed round is reported and the next one still comes. The
 * timer does not keep the process alive; `stop` waits for a round under way.
 *
 * @example
 * const sweep = periodic(5_000, runOnce, (err) => logger.error({ err }, 'sweep failed'));
 * sweep.start();
 * await sweep.stop();
 */
export function periodic(
  periodMs: number,
  round: () => Promise<unknown>,
  onError: (error: unknown) => void,
): { start(): void; stop(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<unknown> = Promise.resolve();

  function schedule(): void {
    timer = setTimeout(() => {
      current = round()
        .catch(onError)
        .finally(() => {
          if (timer !== undefined) schedule();
        });
    }, periodMs);
    timer.unref();
  }

  return {
    start(): void {
      if (timer === undefined) schedule();
    },
    async stop(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
