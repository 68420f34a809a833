import type { IcePaths } from '../session/IceServers';
import type { SignalingClient } from '../signaling/SignalingClient';
import { waitForIceGathering } from '../rtc/ice-gathering';
import type { AudioSink } from '../rtc/media-types';

// the engine takes no trickled candidates: the answer goes once gathering is done, or after this
const GATHERING_TIMEOUT_MS = 3_000;

export interface ListenInOptions {
  signaling: Pick<SignalingClient, 'send'>;
  /** where the call's audio plays (an `<audio>` element of its own: not the agent's call's) */
  audio: AudioSink;
  /** STUN and TURN (and relay-only, when the workspace wants it) for the engine's connection */
  icePaths: () => Promise<IcePaths>;
  /** the supervisor's microphone, asked for only to barge in */
  microphone: () => Promise<MediaStream>;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/** what the supervisor's "Listen in" is doing */
export type ListenState =
  | { kind: 'idle' }
  | { kind: 'joining'; callId: string; barge: boolean }
  | { kind: 'listening'; callId: string; barge: boolean }
  | { kind: 'failed'; callId: string; message: string };

/**
 * A supervisor listening in on an anchored call: the media engine offers a leg of the call's
 * room (muted there, so nobody hears the supervisor), this answers it without a microphone
 * and plays what the room mixes. Barging in, the leg is heard by everyone and the answer sends
 * the supervisor's microphone. One call at a time; joining another leaves the first.
 *
 * @example
 * const listen = new ListenIn({ signaling, audio: new RemoteAudio(document), icePaths: () => ice.ready() });
 * listen.onChange((state) => render(state));
 * await listen.start(callId);
 * await listen.stop();
 */
export class ListenIn {
  readonly #options: ListenInOptions;
  readonly #listeners = new Set<(state: ListenState) => void>();
  #state: ListenState = { kind: 'idle' };
  #pc: RTCPeerConnection | undefined;
  #microphone: MediaStream | undefined;

  constructor(options: ListenInOptions) {
    this.#options = options;
  }

  get state(): ListenState {
    return this.#state;
  }

  /** calls `listener` on every change; returns the unsubscribe */
  onChange(listener: (state: ListenState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** joins the call's room: listening only, or with `barge` heard by everyone */
  async start(callId: string, options: { barge?: boolean } = {}): Promise<void> {
    const barge = options.barge ?? false;
    if (this.#state.kind !== 'idle' && this.#state.kind !== 'failed') await this.stop();
    this.#set({ kind: 'joining', callId, barge });
    let microphone: MediaStream | undefined;
    if (barge) {
      try {
        microphone = await this.#options.microphone();
      } catch {
        return this.#fail(callId, 'Allow the microphone to barge in.');
      }
    }
    this.#microphone = microphone;
    const offered = await this.#options.signaling.send('supervisor:listen', {
      callId,
      ...(barge ? { barge } : {}),
    });
    if (!offered.ok) return this.#fail(callId, offered.error.message);
    const create = this.#options.createPeerConnection ?? ((c) => new RTCPeerConnection(c));
    const pc = create({ ...(await this.#options.icePaths()) });
    this.#pc = pc;
    pc.addEventListener('track', (event) => {
      const [stream] = event.streams;
      this.#options.audio.attach(stream ?? new MediaStream([event.track]));
    });
    pc.addEventListener('connectionstatechange', () => {
      if (this.#pc === pc && pc.connectionState === 'failed') {
        this.#fail(callId, 'The connection to the call’s audio was lost.');
      }
    });
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offered.sdp });
      // listening, no microphone: the answer receives only, nothing of the supervisor reaches
      // the room; barging in, the microphone goes on the offered audio before the answer
      if (microphone)
        for (const track of microphone.getAudioTracks()) pc.addTrack(track, microphone);
      await pc.setLocalDescription(await pc.createAnswer());
      await waitForIceGathering(pc, GATHERING_TIMEOUT_MS);
    } catch {
      return this.#fail(callId, 'This browser could not join the call’s audio.');
    }
    if (this.#pc !== pc) return;
    const answered = await this.#options.signaling.send('supervisor:listen-answer', {
      callId,
      sdp: pc.localDescription?.sdp ?? '',
    });
    if (this.#pc !== pc) return;
    if (!answered.ok) return this.#fail(callId, answered.error.message);
    this.#set({ kind: 'listening', callId, barge });
  }

  /** leaves the call's room (the call goes on) */
  async stop(): Promise<void> {
    const { state } = this;
    this.#close();
    this.#set({ kind: 'idle' });
    if (state.kind === 'joining' || state.kind === 'listening') {
      await this.#options.signaling.send('supervisor:stop-listening', { callId: state.callId });
    }
  }

  /** the call ended, or the page closes: nothing to tell the server */
  close(): void {
    this.#close();
    this.#set({ kind: 'idle' });
  }

  #fail(callId: string, message: string): void {
    this.#close();
    this.#set({ kind: 'failed', callId, message });
  }

  #close(): void {
    this.#pc?.close();
    this.#pc = undefined;
    for (const track of this.#microphone?.getTracks() ?? []) track.stop();
    this.#microphone = undefined;
    this.#options.audio.detach();
  }

  #set(state: ListenState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
