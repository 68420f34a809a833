import { silentLogger, type Logger } from '../log';

/** the Web Locks API, as much of it as ownership needs */
export type LockManagerLike = Pick<LockManager, 'request'>;

/** what tabs of one agent tell each other */
export type TabMessage = { type: 'owner-status'; inCall: boolean } | { type: 'who-owns' };

/** a BroadcastChannel, as much of it as ownership needs */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
  close(): void;
}

export interface TabOwnershipOptions {
  /** e.g. `ringside:calls:<userId>`: one owner per agent, across their tabs */
  name: string;
  /** `navigator.locks`; without it every tab owns (older browsers) */
  locks: LockManagerLike | undefined;
  channel?: TabChannel;
  onChange: (role: 'owner' | 'other-tab', otherTabInCall: boolean) => void;
  log?: Logger;
}

/**
 * One tab per agent handles calls. The owner holds a Web Lock for as long as it lives; another
 * tab waits in the lock's queue (so it takes over by itself when the owner closes) and can take
 * over at once with `steal`. The owner tells the others, over a BroadcastChannel, whether it
 * is in a call, so a take-over can warn that it would end that call.
 *
 * @example
 * const tabs = new TabOwnership({ name: `ringside:calls:${me.id}`, locks: navigator.locks,
 *   channel: new BroadcastChannel(`ringside:tabs:${me.id}`), onChange: (role) => setTab(role) });
 * tabs.start();
 * takeOverButton.onclick = () => tabs.takeOver();
 */
export class TabOwnership {
  readonly #options: TabOwnershipOptions;
  readonly #log: Logger;
  #role: 'owner' | 'other-tab' | 'stopped' = 'stopped';
  #otherInCall = false;
  #inCall = false;
  #release: (() => void) | undefined;
  #waiting: AbortController | undefined;

  constructor(options: TabOwnershipOptions) {
    this.#options = options;
    this.#log = options.log ?? silentLogger;
    options.channel?.addEventListener('message', (event) => this.#message(event.data));
  }

  get role(): 'owner' | 'other-tab' | 'stopped' {
    return this.#role;
  }

  /** tries to own at once; otherwise waits in line behind the owner */
  start(): void {
    if (this.#role !== 'stopped') return;
    if (!this.#options.locks) {
      this.#become('owner');
      return;
    }
    this.#role = 'other-tab';
    void this.#request({ ifAvailable: true }).then((got) => {
      if (!got && this.#role !== 'stopped') {
        this.#become('other-tab');
        this.#options.channel?.postMessage({ type: 'who-owns' });
        void this.#queue();
      }
    });
  }

  /** takes calls from the tab that has them; that tab ends its call and steps back */
  takeOver(): void {
    if (!this.#options.locks || this.#role !== 'other-tab') return;
    this.#waiting?.abort();
    this.#waiting = undefined;
    void this.#request({ steal: true });
  }

  /** the owner says whether it is in a call, for the other tabs' warning */
  announceInCall(inCall: boolean): void {
    this.#inCall = inCall;
    if (this.#role === 'owner')
      this.#options.channel?.postMessage({ type: 'owner-status', inCall });
  }

  stop(): void {
    this.#role = 'stopped';
    this.#waiting?.abort();
    this.#waiting = undefined;
    this.#release?.();
    this.#release = undefined;
    this.#options.channel?.close();
  }

  async #queue(): Promise<void> {
    const waiting = new AbortController();
    this.#waiting = waiting;
    await this.#request({ signal: waiting.signal });
  }

  /**
   * Requests the lock and holds it until released or stolen. Resolves `false` at once when
   * `ifAvailable` finds it taken; otherwise resolves when the hold ends.
   */
  async #request(options: LockOptions): Promise<boolean> {
    const locks = this.#options.locks;
    if (!locks) return false;
    let granted = false;
    try {
      await locks.request(this.#options.name, options, (lock) => {
        if (!lock || this.#role === 'stopped') return undefined;
        granted = true;
        this.#become('owner');
        return new Promise<void>((resolve) => {
          this.#release = resolve;
        });
      });
    } catch (error) {
      // abort (we stopped waiting) or steal (another tab took over) both land here
      if (this.#role === 'owner' && granted) {
        this.#log.info('another tab took over calls');
        this.#release = undefined;
        this.#become('other-tab');
        void this.#queue();
      } else if (!(error instanceof DOMException && error.name === 'AbortError')) {
        this.#log.warn('tab lock request failed', { error: String(error) });
      }
    }
    return granted;
  }

  #message(message: TabMessage): void {
    if (message.type === 'who-owns' && this.#role === 'owner') {
      this.#options.channel?.postMessage({ type: 'owner-status', inCall: this.#inCall });
    } else if (message.type === 'owner-status' && this.#role === 'other-tab') {
      this.#otherInCall = message.inCall;
      this.#options.onChange('other-tab', this.#otherInCall);
    }
  }

  #become(role: 'owner' | 'other-tab'): void {
    this.#log.info(`tab ${this.#role} -> ${role}`);
    this.#role = role;
    if (role === 'owner') {
      this.#otherInCall = false;
      this.#options.channel?.postMessage({ type: 'owner-status', inCall: this.#inCall });
    }
    this.#options.onChange(role, this.#otherInCall);
  }
}
