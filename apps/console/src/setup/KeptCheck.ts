import type { LastCheck, LastChecks } from './last-check';

export interface KeptCheckOptions {
  /** the signed-in user, whose last check this is */
  userId: () => string | undefined;
  /** where each user's last check is kept in this browser */
  stored: LastChecks;
}

/**
 * The signed-in user's last "Test my setup" run, for the agent view (how it went, a warning
 * when it failed). Small and loaded with the console; the test itself (`SetupCheck`, its
 * probes and judges) loads with `/setup` and hands each finished run to `keep`.
 *
 * @example
 * const kept = new KeptCheck({ userId: () => me?.id, stored: new LastChecks(localStorage) });
 * kept.start(); // at sign-in
 * kept.subscribe(() => render(kept.last));
 */
export class KeptCheck {
  readonly #options: KeptCheckOptions;
  readonly #listeners = new Set<() => void>();
  #last: LastCheck | undefined;

  constructor(options: KeptCheckOptions) {
    this.#options = options;
  }

  /** undefined when never run in this browser (or signed out) */
  get last(): LastCheck | undefined {
    return this.#last;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** at sign-in: the user's last check in this browser */
  start(): void {
    const userId = this.#options.userId();
    this.#set(userId ? this.#options.stored.read(userId) : undefined);
  }

  /** at sign-out: nothing shows for the next user */
  stop(): void {
    this.#set(undefined);
  }

  /** a finished run (or a new speaker answer) becomes the user's last check */
  keep(check: LastCheck): void {
    const userId = this.#options.userId();
    if (userId) this.#options.stored.write(userId, check);
    this.#set(check);
  }

  #set(last: LastCheck | undefined): void {
    this.#last = last;
    for (const listener of this.#listeners) listener();
  }
}
