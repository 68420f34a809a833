import { t } from '../i18n/i18n';
import type { AudioSink } from '../rtc/media-types';
import type { IcePaths } from '../session/IceServers';
import type { SignalingClient } from '../signaling/SignalingClient';
import { answerEngineOffer, openEngineLeg } from './engine-leg';

export interface ListenInOptions {
  signaling: Pick<SignalingClient, 'send'>;
  /** where the call's audio plays (an `<audio>` element of its own: not the agent's call's) */
  audio: AudioSink;
  /** STUN and TURN (and relay-only, when the workspace wants it) for the engine's connection */
  icePaths: () => Promise<IcePaths>;
  /** the supervisor's microphone, asked for only to whisper or barge in */
  microphone: () => Promise<MediaStream>;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/**
 * How the supervisor is in the call: `listen` (nobody hears them), `whisper` (only the agent
 * hears them) or `barge` (everyone hears them).
 */
export type ListenMode = 'listen' | 'whisper' | 'barge';

/** what the supervisor's "Listen in" is doing */
export type ListenState =
  | { kind: 'idle' }
  | { kind: 'joining'; callId: string; mode: ListenMode }
  | { kind: 'listening'; callId: string; mode: ListenMode }
  | { kind: 'failed'; callId: string; message: string };

type Offered = { ok: true; sdp: string } | { ok: false; error: { message: string } };
type Answered = { ok: true } | { ok: false; error: { message: string } };

/** one leg the engine offers: how to ask for it, how to answer it, what it plays and sends */
interface LegSteps {
  offer: () => Promise<Offered>;
  answer: (sdp: string) => Promise<Answered>;
  audio?: AudioSink;
  microphone?: MediaStream;
}

/**
 * A supervisor in an anchored call. Listening, the media engine offers a leg of the call's room
 * (muted there, so nobody hears the supervisor), this answers it without a microphone and plays
 * what the room mixes. Barging in, that leg is heard by everyone and its answer sends the
 * microphone. Whispering, the supervisor listens as above and a second leg, in a side room only
 * the agent hears, sends the microphone. One call at a time; joining another leaves the first,
 * and `start` again on the same call switches mode.
 *
 * @example
 * const listen = new ListenIn({ signaling, audio: new RemoteAudio(document), icePaths: () => ice.ready(), microphone });
 * listen.onChange((state) => render(state));
 * await listen.start(callId);
 * await listen.start(callId, { mode: 'whisper' });
 * await listen.stop();
 */
export class ListenIn {
  readonly #options: ListenInOptions;
  readonly #listeners = new Set<(state: ListenState) => void>();
  #state: ListenState = { kind: 'idle' };
  #legs: RTCPeerConnection[] = [];
  #microphone: MediaStream | undefined;
  /** bumped by every start and every close: the late steps of an overtaken start do nothing */
  #attempt = 0;
  /** the call the server made a leg of ours for (it offered one), until we close */
  #serverLeg: string | undefined;

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

  /** joins the call: listening only, whispering to the agent, or barging in */
  async start(callId: string, options: { mode?: ListenMode } = {}): Promise<void> {
    const mode = options.mode ?? 'listen';
    if (this.#state.kind !== 'idle' && this.#state.kind !== 'failed') await this.stop();
    const attempt = ++this.#attempt;
    this.#set({ kind: 'joining', callId, mode });
    let microphone: MediaStream | undefined;
    if (mode !== 'listen') {
      try {
        microphone = await this.#options.microphone();
      } catch {
        if (attempt === this.#attempt) {
          this.#fail(callId, t(mode === 'barge' ? 'sup.micForBarge' : 'sup.micForWhisper'));
        }
        return;
      }
      if (attempt !== this.#attempt) return stopTracks(microphone);
      this.#microphone = microphone;
    }
    const { signaling } = this.#options;
    // barging in, the room's leg carries the microphone; whispering, it stays muted there and
    // the side room's leg carries it
    const joined = await this.#leg(callId, attempt, {
      offer: () =>
        signaling.send('supervisor:listen', {
          callId,
          ...(mode === 'barge' ? { barge: true } : {}),
        }),
      answer: (sdp) => signaling.send('supervisor:listen-answer', { callId, sdp }),
      audio: this.#options.audio,
      microphone: mode === 'barge' ? microphone : undefined,
    });
    if (!joined) return;
    if (mode === 'whisper') {
      // the side room's mix is silence (the agent is muted there): nothing to play
      const whispering = await this.#leg(callId, attempt, {
        offer: () => signaling.send('supervisor:whisper', { callId }),
        answer: (sdp) => signaling.send('supervisor:whisper-answer', { callId, sdp }),
        microphone,
      });
      if (!whispering) return;
    }
    this.#set({ kind: 'listening', callId, mode });
  }

  /** leaves the call (the call goes on); the server ends a whisper with it */
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

  /**
   * Asks for a leg, answers the engine's offer and sends the answer. False when it failed (the
   * state says why) or a stop or a later start overtook it.
   */
  async #leg(callId: string, attempt: number, steps: LegSteps): Promise<boolean> {
    const live = () => attempt === this.#attempt;
    const offered = await steps.offer();
    if (!live()) return false;
    if (!offered.ok) return this.#fail(callId, offered.error.message);
    this.#serverLeg = callId;
    const icePaths = await this.#options.icePaths();
    if (!live()) return false;
    const pc = openEngineLeg({
      icePaths,
      audio: steps.audio,
      onFailed: () => {
        if (live()) this.#fail(callId, t('sup.audioLost'));
      },
      createPeerConnection: this.#options.createPeerConnection,
    });
    this.#legs.push(pc);
    let sdp: string;
    try {
      sdp = await answerEngineOffer(pc, offered.sdp, steps.microphone);
    } catch {
      if (live()) this.#fail(callId, t('sup.audioFailed'));
      return false;
    }
    if (!live()) return false;
    const answered = await steps.answer(sdp);
    if (!live()) return false;
    if (!answered.ok) return this.#fail(callId, answered.error.message);
    return true;
  }

  /** closes everything; the server is told to take out a leg it made for us; always false */
  #fail(callId: string, message: string): false {
    const made = this.#serverLeg === callId;
    this.#close();
    this.#set({ kind: 'failed', callId, message });
    // a leg nobody answers, or whose browser is gone, would stay in the room until the call ends
    if (made) void this.#options.signaling.send('supervisor:stop-listening', { callId });
    return false;
  }

  #close(): void {
    this.#attempt++;
    for (const pc of this.#legs) pc.close();
    this.#legs = [];
    if (this.#microphone) stopTracks(this.#microphone);
    this.#microphone = undefined;
    this.#serverLeg = undefined;
    this.#options.audio.detach();
  }

  #set(state: ListenState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
