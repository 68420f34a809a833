import type { Locale } from '@ringside/contracts';
import { AuthApi } from '../api/auth-api';
import { CallActionsApi } from '../api/call-actions-api';
import type { ApiError } from '../api/http';
import { RestClient } from '../api/rest-client';
import { SimApi } from '../api/sim-api';
import type { ConsoleEnv } from '../env';
import { i18n } from '../i18n/i18n';
import { Languages } from '../i18n/Languages';
import { loadCatalog } from '../i18n/load-catalog';
import { createLogger } from '../log';
import { ConsoleSession } from '../session/ConsoleSession';
import { localStorageOf } from '../setup/last-check';
import type { SignalingTransport } from '../signaling/transport';
import { createAppStore, type AppStore } from '../state/store';
import { TabOwnership } from '../tabs/TabOwnership';
import type { CallingServices } from './calling-services';

export interface ConsoleServicesOptions {
  env: ConsoleEnv;
  win: Window;
  transport?: SignalingTransport;
}

/**
 * The console's composition root: the store, the REST APIs, the language and the sign-in
 * lifecycle, wired once; what a signed-in user runs (socket, devices, calls, alerts) is
 * `CallingServices`, a chunk of its own that signing in loads first, so the login page and the
 * first paint do not wait for it. Components reach this through `useServices()` and the
 * signed-in part through `useCalling()`; nothing here is a module-level singleton.
 *
 * @example
 * const services = new ConsoleServices({ env: readEnv(), win: window });
 * await services.boot(); // signed in already? start; otherwise the login page shows
 */
export class ConsoleServices {
  readonly store: AppStore = createAppStore();
  readonly rest = new RestClient();
  readonly auth = new AuthApi(this.rest);
  readonly sim = new SimApi(this.rest);
  readonly callActions = new CallActionsApi(this.rest);
  readonly env: ConsoleEnv;
  readonly session: ConsoleSession;
  /** the console's language: the browser's until the signed-in user's own choice is known */
  readonly languages: Languages;
  readonly #options: ConsoleServicesOptions;
  #calling: CallingServices | undefined;
  #loadingCalling: Promise<CallingServices> | undefined;

  constructor(options: ConsoleServicesOptions) {
    const { env, win } = options;
    this.#options = options;
    const log = (scope: string) => createLogger(scope, env.logLevel);
    this.env = env;
    const i18nLog = log('i18n');
    this.languages = new Languages({
      i18n,
      load: loadCatalog,
      root: win.document.documentElement,
      storage: localStorageOf(win),
      onError: (locale, error) => i18nLog.warn('catalog not loaded', { locale, error }),
    });
    // the signed-in user's own choice, from the server, wins over the browser's languages
    this.store.subscribe((state, previous) => {
      const chosen = state.me?.locale;
      if (chosen && chosen !== previous.me?.locale) void this.languages.use(chosen);
    });
    this.session = new ConsoleSession({
      store: this.store,
      auth: this.auth,
      // the signed-in console's code and its words, fetched together
      prepare: () => Promise.all([this.loadCalling(), this.#consoleWords()]),
      whileSignedIn: [
        {
          start: () => this.calling.signedIn.start(),
          stop: () => this.#calling?.signedIn.stop(),
        },
      ],
      calls: {
        start: () => this.calling.callMachinery.start(),
        stop: async () => this.#calling?.callMachinery.stop(),
      },
      tabsFor: (me, onChange) =>
        new TabOwnership({
          name: `ringside:calls:${me.id}`,
          locks: win.navigator.locks as LockManager | undefined,
          channel:
            typeof BroadcastChannel === 'function'
              ? new BroadcastChannel(`ringside:tabs:${me.id}`)
              : undefined,
          onChange,
          log: log('tabs'),
        }),
      simulatorEnabled: () => this.sim.enabled(),
    });
  }

  /**
   * What a signed-in user runs. There once the session has started (anything under the
   * signed-in routes may rely on it); throws before, which is a wiring mistake.
   */
  get calling(): CallingServices {
    if (!this.#calling) throw new Error('the signed-in services are not loaded yet');
    return this.#calling;
  }

  /**
   * Loads and wires the signed-in part once (its own chunk). The session awaits it before it
   * starts; the login page calls it early so that signing in does not wait for the download.
   * A failed download is tried again on the next call.
   */
  loadCalling(): Promise<CallingServices> {
    this.#loadingCalling ??= import('./calling-services').then(
      ({ CallingServices }) => {
        this.#calling = new CallingServices({
          env: this.env,
          win: this.#options.win,
          store: this.store,
          rest: this.rest,
          callActions: this.callActions,
          ...(this.#options.transport ? { transport: this.#options.transport } : {}),
          onSessionRefused: () => void this.session.ended(),
        });
        return this.#calling;
      },
      (error: unknown) => {
        this.#loadingCalling = undefined;
        throw error;
      },
    );
    return this.#loadingCalling;
  }

  async #consoleWords(): Promise<void> {
    if (!(await this.languages.need('console'))) throw new Error('the console words did not load');
  }

  /** finds out whether the browser is signed in; idempotent */
  boot(): Promise<void> {
    return this.session.boot();
  }

  signIn(email: string, password: string): Promise<ApiError | undefined> {
    return this.session.signIn(email, password);
  }

  signOut(): Promise<void> {
    return this.session.signOut();
  }

  /**
   * The user picked a language: the console speaks it at once, and the server keeps it for
   * their next sign-in anywhere.
   */
  async chooseLocale(locale: Locale): Promise<void> {
    if (!(await this.languages.use(locale))) return;
    const saved = await this.auth.setLocale(locale);
    if (saved.ok && this.store.getState().me) this.store.getState().signedIn(saved.data);
  }

  takeOver(): void {
    this.session.takeOver();
  }

  async saveWrapUp(notes: string, disposition: string): Promise<void> {
    const wrapUp = this.store.getState().wrapUp;
    if (!wrapUp || wrapUp.saving) return;
    this.store.getState().wrapUpSaving(wrapUp.callId);
    const saved = await this.callActions.saveWrapUp(wrapUp.callId, {
      notes,
      ...(disposition ? { disposition } : {}),
    });
    if (saved.ok) this.store.getState().wrapUpClosed(wrapUp.callId);
    else this.store.getState().wrapUpFailed(wrapUp.callId, saved.error.message);
  }
}
