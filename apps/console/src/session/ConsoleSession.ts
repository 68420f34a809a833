import type { ApiError, ApiResult } from '../api/http';
import { resetAgentData, type AppStore } from '../state/store';
import type { Me } from '../state/types';

/** something that runs while a user is signed in (devices, ring alerts, the unload guard) */
export interface SignedInPart {
  start(): void;
  stop(): void;
}

/** the call machinery (socket, ringing, calls, presence), run by the tab that owns calls */
export interface CallsPart {
  start(): void;
  /** hands over or ends what is live, then stops */
  stop(): Promise<void>;
}

/** which of the user's tabs handles calls (`tabs/TabOwnership.ts`) */
export interface TabsPart {
  start(): void;
  stop(): void;
  takeOver(): void;
  announceInCall(inCall: boolean): void;
}

export type TabRole = 'owner' | 'other-tab';

/** the refusal `signIn` gives when the console's own code for a signed-in user did not load */
export const NOT_LOADED: ApiError = {
  status: 0,
  code: 'console_not_loaded',
  message: 'The console could not load. Check the connection and reload the page.',
};

export interface ConsoleSessionOptions {
  store: AppStore;
  auth: {
    me(): Promise<ApiResult<Me>>;
    login(email: string, password: string): Promise<ApiResult<Me>>;
    logout(): Promise<ApiResult<null>>;
  };
  /**
   * loads what a signed-in user runs (its own chunk) before any part starts; asked when the
   * session boots or signs in, alongside the server. Rejects when it cannot be fetched.
   */
  prepare?: () => Promise<unknown>;
  whileSignedIn: readonly SignedInPart[];
  calls: CallsPart;
  /** the tab ownership for a signed-in user; `onChange` says whether this tab handles calls */
  tabsFor(me: Me, onChange: (role: TabRole, otherTabInCall: boolean) => void): TabsPart;
  /** whether the server runs the Meta simulator (the drawer shows then) */
  simulatorEnabled(): Promise<boolean>;
}

/**
 * A console's sign-in lifecycle: finds out whether the browser is signed in, signs in and out,
 * and runs what a signed-in user needs — the parts that run in every tab, and the call
 * machinery only in the tab that owns calls. When the server ends the session (expired, signed
 * out elsewhere), `ended()` stops it all and the login page shows.
 *
 * @example
 * const session = new ConsoleSession({ store, auth, whileSignedIn: [devices], calls, tabsFor, simulatorEnabled });
 * await session.boot(); // signed in already? start; otherwise the login page shows
 */
export class ConsoleSession {
  readonly #options: ConsoleSessionOptions;
  #tabs: TabsPart | undefined;
  #booting: Promise<void> | undefined;
  #callsRunning = false;

  constructor(options: ConsoleSessionOptions) {
    this.#options = options;
    options.store.subscribe((state, previous) => {
      if ((state.current === null) !== (previous.current === null)) {
        this.#tabs?.announceInCall(state.current !== null);
      }
    });
  }

  /**
   * finds out whether the browser is signed in; idempotent. Signed in but the signed-in part
   * could not be loaded: the login page shows, and signing in tries the download again.
   */
  boot(): Promise<void> {
    this.#booting ??= (async () => {
      const prepared = this.#prepare();
      const me = await this.#options.auth.me();
      if (me.ok && (await prepared)) this.#start(me.data);
      else this.#options.store.getState().signedOut();
    })();
    return this.#booting;
  }

  async signIn(email: string, password: string): Promise<ApiError | undefined> {
    // the code comes first: a sign-in the console then could not run would leave a session
    // on the server with nothing here to show it
    if (!(await this.#prepare())) return NOT_LOADED;
    const result = await this.#options.auth.login(email, password);
    if (!result.ok) return result.error;
    this.#start(result.data);
    return undefined;
  }

  async signOut(): Promise<void> {
    await this.#stopCalls();
    await this.#options.auth.logout();
    this.#teardown();
  }

  /** the server no longer knows this session (expired, signed out elsewhere) */
  async ended(): Promise<void> {
    await this.#stopCalls();
    this.#teardown();
  }

  /** this tab handles calls from now on (another tab's call ends) */
  takeOver(): void {
    this.#tabs?.takeOver();
  }

  /** whether what a signed-in user runs is here (true at once when nothing is to load) */
  async #prepare(): Promise<boolean> {
    try {
      await this.#options.prepare?.();
      return true;
    } catch {
      return false;
    }
  }

  #start(me: Me): void {
    const { store } = this.#options;
    store.getState().signedIn(me);
    for (const part of this.#options.whileSignedIn) part.start();
    void this.#options.simulatorEnabled().then((on) => store.getState().setSimulator(on));
    this.#tabs = this.#options.tabsFor(me, (role, otherInCall) => {
      store.getState().setTab(role, otherInCall);
      if (role === 'owner') this.#startCalls();
      else void this.#stopCalls();
    });
    this.#tabs.start();
  }

  #startCalls(): void {
    if (this.#callsRunning) return;
    this.#callsRunning = true;
    this.#options.calls.start();
  }

  async #stopCalls(): Promise<void> {
    if (!this.#callsRunning) return;
    this.#callsRunning = false;
    await this.#options.calls.stop();
    this.#options.store.getState().presenceUpdated('offline');
  }

  #teardown(): void {
    this.#tabs?.stop();
    this.#tabs = undefined;
    for (const part of this.#options.whileSignedIn) part.stop();
    this.#booting = undefined;
    resetAgentData(this.#options.store);
    this.#options.store.getState().signedOut();
  }
}
