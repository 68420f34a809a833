import type { AgentView, SelectableAgentStatus } from '@ringside/contracts';
import type { Outcome } from '../rtc/LocalAudio';
import type { MicProblem } from '../rtc/media-errors';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';

export interface AgentPresenceOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send' | 'onConnected'>;
  /** opens the microphone (kept warm); an agent without one is never offered calls */
  acquireMicrophone: () => Promise<Outcome>;
  /** runs synchronously inside the Available click: audio playback and notifications need a gesture */
  unlockFromGesture: () => void;
}

/**
 * Available / Away. Going Available unlocks audio, opens the microphone, and only then tells
 * the server; with no usable microphone the agent stays Away and the banner says why. After a
 * reconnect the server has the agent as away, so the agent's choice is sent again.
 *
 * @example
 * const presence = new AgentPresence({ store, signaling, acquireMicrophone, unlockFromGesture });
 * presence.start();
 * button.onclick = () => void presence.choose('available');
 */
export class AgentPresence {
  readonly #options: AgentPresenceOptions;
  #unsubscribe: (() => void)[] = [];

  constructor(options: AgentPresenceOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#unsubscribe.length > 0) return;
    this.#unsubscribe = [
      this.#options.signaling.on('agent:updated', (view) => this.#updated(view)),
      this.#options.signaling.onConnected((reconnected) => void this.#resync(reconnected)),
    ];
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
  }

  /** the agent picked a status; call from the click handler itself */
  async choose(status: SelectableAgentStatus): Promise<void> {
    const { store } = this.#options;
    if (status === 'available') {
      this.#options.unlockFromGesture();
      const mic = await this.#options.acquireMicrophone();
      // the devices slice holds the reason; the banner shows it
      if (!mic.ok) return;
    }
    store.getState().statusRequested(status);
    const result = await this.#options.signaling.send('agent:set-status', { status });
    store.getState().statusSettled();
    if (!result.ok)
      store.getState().problemShown(`Your status did not change: ${result.error.message}`);
  }

  /** the microphone went away mid-shift: stop being offered calls */
  async microphoneLost(problem: MicProblem): Promise<void> {
    const { store } = this.#options;
    if (store.getState().chosen !== 'available') return;
    store.getState().problemShown(problem.message);
    store.getState().statusRequested('away');
    await this.#options.signaling.send('agent:set-status', { status: 'away' });
    store.getState().statusSettled();
  }

  #updated(view: AgentView): void {
    const state = this.#options.store.getState();
    if (view.userId !== state.me?.id) return;
    const until = view.wrapUpUntil ? Date.parse(view.wrapUpUntil) : NaN;
    state.presenceUpdated(view.status, Number.isFinite(until) ? until : null);
  }

  async #resync(reconnected: boolean): Promise<void> {
    const state = this.#options.store.getState();
    if (!reconnected || state.chosen !== 'available' || state.mic !== 'ready') return;
    // after-call work survives a reconnect: asking for Available would end it
    if (state.presence === 'wrap-up') return;
    await this.#options.signaling.send('agent:set-status', { status: 'available' });
  }
}
