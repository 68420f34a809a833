import type { AppStore } from '../state/store';

export interface UnloadGuardOptions {
  store: AppStore;
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /**
   * ends the call with a request that outlives the page (`fetch` keepalive); the server ends an
   * anchored call only if the tab does not come back and rejoin it within a few seconds
   */
  hangUpOnUnload: (callId: string) => void;
}

/**
 * Closing the tab during a call asks first (`beforeunload`); if the agent closes it anyway, the
 * call is ended on the server with a keepalive request (`pagehide`), so it is terminated on
 * Meta's side instead of being left open with nobody on it. An anchored call (its customer held
 * by the media engine) survives a reload: the server waits for the tab to rejoin before ending it.
 *
 * @example
 * const guard = new UnloadGuard({ store, target: window, hangUpOnUnload: (id) => api.hangUpOnUnload(id) });
 * guard.start();
 */
export class UnloadGuard {
  readonly #options: UnloadGuardOptions;
  #sentFor: string | undefined;

  readonly #beforeUnload = (event: BeforeUnloadEvent) => {
    if (!callInProgress(this.#options.store)) return;
    // browsers show their own wording; both are needed across browsers
    event.preventDefault();
    event.returnValue = '';
  };

  readonly #pageHide = () => {
    const callId = callToEnd(this.#options.store);
    if (!callId || this.#sentFor === callId) return;
    this.#sentFor = callId;
    this.#options.hangUpOnUnload(callId);
  };

  constructor(options: UnloadGuardOptions) {
    this.#options = options;
  }

  start(): void {
    this.#options.target.addEventListener('beforeunload', this.#beforeUnload);
    this.#options.target.addEventListener('pagehide', this.#pageHide);
  }

  stop(): void {
    this.#options.target.removeEventListener('beforeunload', this.#beforeUnload);
    this.#options.target.removeEventListener('pagehide', this.#pageHide);
  }
}

/** whether closing the tab would drop a call: the agent's own, until it is being hung up */
function callInProgress(store: AppStore): boolean {
  const current = store.getState().current;
  return current !== null && current.phase !== 'ending';
}

/**
 * The call a closing tab must end: the agent's own, once claimed and until it has ended. A call
 * still being placed has no server id in this tab yet, so there is nothing to name.
 */
function callToEnd(store: AppStore): string | undefined {
  const current = store.getState().current;
  if (!current || current.phase === 'ending' || current.phase === 'placing') return undefined;
  return current.callId;
}
