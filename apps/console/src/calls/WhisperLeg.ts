import type { AgentRef, CallWhisperPayload } from '@ringside/contracts';
import { silentLogger, type Logger } from '../log';
import type { AudioSink } from '../rtc/media-types';
import type { IcePaths } from '../session/IceServers';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import { answerEngineOffer, openEngineLeg } from './engine-leg';

export interface WhisperLegOptions {
  /** the agent's call in progress: a whisper is for it, and ends with it */
  store: Pick<AppStore, 'getState' | 'subscribe'>;
  signaling: Pick<SignalingClient, 'on' | 'send'>;
  /** where the supervisor's voice plays (an `<audio>` element of its own: not the call's) */
  audio: AudioSink;
  /** STUN and TURN (and relay-only, when the workspace wants it) for the engine's connection */
  icePaths: () => Promise<IcePaths>;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  log?: Logger;
}

/** whether a supervisor is whispering to the agent, and who */
export type WhisperState =
  { kind: 'idle' } | { kind: 'hearing'; callId: string; supervisor: AgentRef };

/**
 * The agent's side of a supervisor's whisper on an anchored call: the media engine offers a leg
 * in a side room where the supervisor talks (`call:whisper`); this answers it receiving only (it
 * never sends the microphone: the side room must not carry the agent) and plays the supervisor
 * beside the call. `call:whisper-ended`, the call's end, a second whisper or `stop` closes it.
 *
 * @example
 * const whisper = new WhisperLeg({ store, signaling, audio: new RemoteAudio(document), icePaths: () => ice.ready() });
 * whisper.onChange((state) => render(state));
 * whisper.start(); // with the socket; stop() with it
 */
export class WhisperLeg {
  readonly #options: WhisperLegOptions;
  readonly #log: Logger;
  readonly #listeners = new Set<(state: WhisperState) => void>();
  #state: WhisperState = { kind: 'idle' };
  #pc: RTCPeerConnection | undefined;
  /** the call the open (or opening) leg is for */
  #callId: string | undefined;
  /** bumped by every close: an overtaken answer's late steps do nothing */
  #attempt = 0;
  #unsubscribe: (() => void)[] = [];

  constructor(options: WhisperLegOptions) {
    this.#options = options;
    this.#log = options.log ?? silentLogger;
  }

  get state(): WhisperState {
    return this.#state;
  }

  /** calls `listener` on every change; returns the unsubscribe */
  onChange(listener: (state: WhisperState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    if (this.#unsubscribe.length > 0) return;
    const { signaling, store } = this.#options;
    this.#unsubscribe = [
      signaling.on('call:whisper', (offer) => void this.#hear(offer)),
      signaling.on('call:whisper-ended', ({ callId }) => {
        if (callId === this.#callId) this.#close();
      }),
      store.subscribe((state) => {
        if (this.#callId !== undefined && state.current?.callId !== this.#callId) this.#close();
      }),
    ];
  }

  /** the console stops: the leg closes, later whispers are not heard */
  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.#close();
  }

  async #hear({ callId, sdp, supervisor }: CallWhisperPayload): Promise<void> {
    if (this.#options.store.getState().current?.callId !== callId) {
      this.#log.info('whisper for a call that is not ours now: ignored', { callId });
      return;
    }
    // a second whisper replaces the first: the engine offered a new leg
    this.#close();
    const attempt = this.#attempt;
    const live = () => attempt === this.#attempt;
    this.#callId = callId;
    const icePaths = await this.#options.icePaths();
    if (!live()) return;
    const pc = openEngineLeg({
      icePaths,
      audio: this.#options.audio,
      onFailed: () => {
        if (!live()) return;
        this.#log.warn('whisper: the connection to the media server failed', { callId });
        this.#close();
      },
      createPeerConnection: this.#options.createPeerConnection,
    });
    this.#pc = pc;
    let answer: string;
    try {
      answer = await answerEngineOffer(pc, sdp);
    } catch (error) {
      if (live()) this.#giveUp(callId, 'this browser could not use the offer', error);
      return;
    }
    if (!live()) return;
    const sent = await this.#options.signaling.send('call:whisper-answer', { callId, sdp: answer });
    if (!live()) return;
    if (!sent.ok) return this.#giveUp(callId, 'the server refused the answer', sent.error.message);
    this.#set({ kind: 'hearing', callId, supervisor });
  }

  #giveUp(callId: string, why: string, cause: unknown): void {
    this.#log.warn(`whisper not heard: ${why}`, { callId, cause: String(cause) });
    this.#close();
  }

  #close(): void {
    this.#attempt++;
    this.#callId = undefined;
    if (this.#pc) {
      this.#pc.close();
      this.#pc = undefined;
      this.#options.audio.detach();
    }
    if (this.#state.kind !== 'idle') this.#set({ kind: 'idle' });
  }

  #set(state: WhisperState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
