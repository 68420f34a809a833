import type { AppStore } from '../state/store';
import type { SessionMicrophone } from './LocalAudio';
import { analyseTrack, MicLevel, type TrackAnalysis } from './MicLevel';
import { SILENT_RMS } from './speech-gate';

/** what the agent's microphone is doing now */
export interface MicActivity {
  /** the microphone is open and audio runs, so the rest means something */
  measuring: boolean;
  /** 0..1, as a meter shows it */
  level: number;
  rms: number;
  speaking: boolean;
  /** how long it has given nothing at all (below SILENT_RMS); 0 while it gives anything */
  silentForMs: number;
}

export const NOT_MEASURING: MicActivity = {
  measuring: false,
  level: 0,
  rms: 0,
  speaking: false,
  silentForMs: 0,
};

export interface MicMonitorOptions {
  store: Pick<AppStore, 'getState' | 'subscribe'>;
  /** a clone of the warm microphone, ours to stop; null while it is closed */
  microphone: () => SessionMicrophone | null;
  /** the page's AudioContext; undefined where Web Audio is missing */
  context: () => AudioContext | undefined;
  analyse?: (
    context: AudioContext,
    track: MediaStreamTrack,
    onRms: (rms: number) => void,
  ) => TrackAnalysis;
  now?: () => number;
}

// the meter moves in steps this fine: finer changes would re-render for nothing
const LEVEL_STEP = 0.02;

/**
 * Listens to the agent's own microphone whenever it is open: the meters (setup page, call card)
 * and "You are muted" read it here. It measures its own clone of the warm track, never a call's
 * (Mute disables the call's clone, and talking while muted is exactly what must be heard), and
 * takes a new clone when the microphone changes or its device goes away.
 *
 * @example
 * const monitor = new MicMonitor({ store, microphone: () => devices.microphoneForCall(), context: () => engine.context() });
 * monitor.start(); // while signed in
 * monitor.subscribe(() => render(monitor.activity));
 */
export class MicMonitor {
  readonly #options: MicMonitorOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  readonly #level = new MicLevel();
  #activity: MicActivity = NOT_MEASURING;
  #mic: SessionMicrophone | null = null;
  #analysis: TrackAnalysis | null = null;
  #silentSince: number | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(options: MicMonitorOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  get activity(): MicActivity {
    return this.#activity;
  }

  /** follows the microphone state: measures while it is ready */
  start(): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = this.#options.store.subscribe((state, previous) => {
      if (state.mic === previous.mic) return;
      if (state.mic === 'ready') this.#open();
      else this.#close();
    });
    if (this.#options.store.getState().mic === 'ready') this.#open();
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#close();
  }

  /** a new warm microphone (chosen, or the fallback after unplugging): listen to that one */
  microphoneChanged(): void {
    if (this.#unsubscribe && this.#options.store.getState().mic === 'ready') this.#open();
  }

  /** for `useSyncExternalStore`; returns the unsubscribe */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #open(): void {
    this.#close();
    const context = this.#options.context();
    const mic = this.#options.microphone();
    if (!mic) return;
    if (!context) {
      mic.track.stop();
      return;
    }
    this.#mic = mic;
    // the device went away: DeviceManager falls back and says so (microphoneChanged), or the
    // microphone state leaves ready; either way this clone is dead
    mic.track.addEventListener('ended', () => {
      if (this.#mic === mic) this.#close();
    });
    const analyse = this.#options.analyse ?? analyseTrack;
    this.#analysis = analyse(context, mic.track, (rms) => this.#reading(context, rms));
  }

  #close(): void {
    this.#analysis?.stop();
    this.#analysis = null;
    this.#mic?.track.stop();
    this.#mic = null;
    this.#level.reset();
    this.#silentSince = null;
    this.#set(NOT_MEASURING);
  }

  #reading(context: AudioContext, rms: number): void {
    // a suspended context reads zeros: that is not a silent microphone
    if (context.state !== 'running') {
      this.#silentSince = null;
      this.#set(NOT_MEASURING);
      return;
    }
    const now = this.#now();
    const reading = this.#level.feed(rms, now);
    if (rms >= SILENT_RMS) this.#silentSince = null;
    else this.#silentSince ??= now;
    this.#set({
      measuring: true,
      level: Math.round(reading.level / LEVEL_STEP) * LEVEL_STEP,
      rms,
      speaking: reading.speaking,
      silentForMs: this.#silentSince === null ? 0 : now - this.#silentSince,
    });
  }

  #set(next: MicActivity): void {
    const was = this.#activity;
    if (
      was.measuring === next.measuring &&
      was.level === next.level &&
      was.speaking === next.speaking &&
      was.rms === next.rms &&
      was.silentForMs === next.silentForMs
    )
      return;
    this.#activity = next;
    for (const listener of this.#listeners) listener();
  }
}
